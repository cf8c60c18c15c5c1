/**
 * Time moves on after the build: two small custom elements correct what the build decided, with the same rule
 * (lib/time-window.ts). Without JavaScript the build-time state stays, which was right when the site was built.
 *
 * - `<time-state>`: of its children with `data-from` / `data-until` (ISO instants), shows those whose window
 *   holds now and hides the others („Die Frist ist abgelaufen", „Mitreden bis …" / „Beteiligung beendet").
 * - `<time-list>`: its `li[data-until]` leave the list once their window has closed (moved to the list named by
 *   `data-past-list`, else removed) and show once it has opened (`data-from`); at most `data-limit` are shown;
 *   `[data-empty]` shows when none is left.
 */
import { within } from '../lib/time-window';

const windowOf = (el: HTMLElement) => ({ from: el.dataset.from, until: el.dataset.until });

class TimeState extends HTMLElement {
	connectedCallback() {
		const now = Date.now();
		for (const part of this.querySelectorAll<HTMLElement>('[data-from], [data-until]')) part.hidden = !within(now, windowOf(part));
	}
}

class TimeList extends HTMLElement {
	connectedCallback() {
		const now = Date.now();
		const past = this.dataset.pastList ? document.getElementById(this.dataset.pastList) : null;
		const limit = this.dataset.limit ? Number(this.dataset.limit) : Infinity;
		let shown = 0;
		for (const item of this.querySelectorAll<HTMLElement>('li[data-until]')) {
			const { from, until } = windowOf(item);
			if (!within(now, { until })) {
				if (past) {
					item.hidden = false;
					past.prepend(item);
					past.closest('section')?.removeAttribute('hidden');
				} else item.remove();
				continue;
			}
			item.hidden = !(within(now, { from }) && shown < limit);
			if (!item.hidden) shown++;
		}
		const empty = this.querySelector<HTMLElement>('[data-empty]');
		if (empty) empty.hidden = shown > 0;
	}
}

if (!customElements.get('time-state')) customElements.define('time-state', TimeState);
if (!customElements.get('time-list')) customElements.define('time-list', TimeList);
