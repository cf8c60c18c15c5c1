/**
 * <open-today> (OpenToday.astro): writes a facility's hours today again for the day the visitor reads it, from the
 * coming weeks' hours in `data-hours`. The finder (facility-finder.ts) imports it too: its entries are
 * copies of a <template>, and a script the page renders inside the template would never run.
 */
import { decodeCalendar, todayLine } from '../lib/today-hours';

class OpenToday extends HTMLElement {
	connectedCallback() {
		const { hours = '', today = '', closed = '', weekdays = '' } = this.dataset;
		const line = todayLine(decodeCalendar(hours), new Date(), { today, closed, weekdays: weekdays.split('|') });
		if (this.textContent !== line) this.textContent = line;
	}
}
customElements.define('open-today', OpenToday);
