/**
 * <facility-finder> (FacilityFinder.astro): shows the filter form, filters the list, keeps the state in the URL
 * (shareable, back button works) and announces the number of results. The list is complete without JavaScript.
 * What matches and what the finder writes is worked out in finder-core.ts; this element only reads the form and
 * writes the results into the page. When the page lists its matches page by page, the entries are copies of the
 * server's own (finder-entry.ts).
 */
import { filterToSearch, parseFilter, type FilterState, type IsOpen } from '../lib/facility-filter';
import { RESULTS_PAGE, type Place } from '../lib/map-data';
import { fill } from '../i18n/fill';
import { loadPlaces } from './map-data-client';
// The entries' hours line (<open-today>), wherever the page renders that component's own script (inside the template it would never run).
import './open-today';
import { findFacilities, formatDistance, groupCountText, metres, nextPage, optionCountText, placeRecords, statusText, streetOf, type FinderLabels, type PlaceRecord, type Position } from './finder-core';

const pageLang = document.documentElement.lang;

class FacilityFinder extends HTMLElement {
	#form = this.querySelector('form')!;
	#status = this.querySelector<HTMLElement>('[data-status]')!;
	#items = new Map([...this.querySelectorAll<HTMLElement>('li[data-facility]')].map((li) => [li.dataset.facility ?? '', li]));
	#sections = [...this.querySelectorAll<HTMLElement>('section[data-category-group]')];
	/** Where each filter option shows its count (`data-count="facet:value"`). */
	#countSlots = [...this.querySelectorAll<HTMLElement>('[data-count]')].map((slot) => {
		const [facet = '', value = ''] = (slot.dataset.count ?? '').split(':');
		return { slot, facet, value };
	});
	/** The category links above the list, each with its number of matches („(2 von 5)"). */
	#groupCounts = [...this.querySelectorAll<HTMLElement>('[data-group-count]')];
	#fullList = this.hasAttribute('data-full-list');
	/** Pages mode only: copies of the server's entry (loaded beside the data, so a page that lists everything never loads it). */
	#entries: typeof import('./finder-entry') | undefined;
	#places = new Map<string, Place>();
	#records: PlaceRecord[] = [];
	#isOpen: IsOpen | undefined;
	#matches: PlaceRecord[] = [];
	#shown = 0;
	#labels = JSON.parse(this.dataset.labels ?? '{}') as FinderLabels;
	/** The visitor's position, once they asked for the nearest first; kept in this page only. */
	#origin: Position | undefined;
	#state: FilterState | undefined;
	/** Counts back-button steps: an address write queued before one is dropped, so it cannot undo the step. */
	#epoch = 0;
	/** The rows (in the shared place data) the current filter lets through: the map reads it when it starts later. */
	visibleRows: Uint32Array | undefined;

	async connectedCallback() {
		const [places, entries] = await Promise.all([loadPlaces(), this.#fullList ? undefined : import('./finder-entry')]);
		this.#entries = entries;
		this.#places = new Map(places.map((p) => [p.id, p]));
		this.#records = placeRecords(places, this.dataset.only);
		this.#form.hidden = false;
		// On a wide screen the filters are open from the start; on a phone they would push the list down.
		if (matchMedia('(min-width: 48rem)').matches) this.querySelector('details')?.setAttribute('open', '');
		this.#form.addEventListener('submit', (event) => event.preventDefault());
		this.#form.addEventListener('input', (event) => void this.#changed((event.target as HTMLInputElement).type === 'search'));
		this.#form.addEventListener('reset', () => setTimeout(() => void this.#changed(false)));
		this.querySelector('[data-more]')?.addEventListener('click', () => this.#showMore(true));
		const near = this.querySelector<HTMLElement>('[data-near]');
		if (near && 'geolocation' in navigator) {
			near.hidden = false;
			near.querySelector('button')?.addEventListener('click', () => this.#locate());
		}
		window.addEventListener('popstate', () => {
			this.#epoch++;
			void this.#show(parseFilter(location.search));
		});
		const initial = parseFilter(location.search);
		// A shared link with filters opens them, so the visitor sees why the list is shorter.
		if (filterToSearch({ ...initial, query: '' })) this.querySelector('details')?.setAttribute('open', '');
		await this.#show(initial);
	}

	#read(): FilterState {
		return parseFilter(new URLSearchParams(new FormData(this.#form) as unknown as Record<string, string>));
	}

	async #changed(typing: boolean) {
		const state = this.#read();
		const url = `${location.pathname}${filterToSearch(state)}${location.hash}`;
		// The form already shows this state: only the list, the counts and the map change.
		const shown = this.#show(state, false);
		// Typing replaces the history entry; each ticked box is a step the back button can undo. The address is
		// written after the new list and map have been drawn (writes keep their order; the back button drops
		// writes still waiting, see #epoch).
		const epoch = this.#epoch;
		requestAnimationFrame(() =>
			setTimeout(() => {
				if (epoch !== this.#epoch) return;
				if (typing) history.replaceState(null, '', url);
				else history.pushState(null, '', url);
			}),
		);
		await shown;
	}

	/** Asks the browser for the visitor's position (the browser asks them), then orders by distance. */
	#locate() {
		this.#status.textContent = this.#labels.locating;
		navigator.geolocation.getCurrentPosition(
			(position) => {
				this.#origin = { lat: position.coords.latitude, lng: position.coords.longitude };
				void this.#show(this.#state ?? parseFilter(location.search));
			},
			() => {
				this.#status.textContent = this.#labels.locationFailed;
			},
			{ enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
		);
	}

	/** Distance of a facility from the visitor, in metres (0 before they asked for the nearest first). */
	#distance(id: string): number {
		const place = this.#places.get(id);
		return place && this.#origin ? metres(this.#origin, place) : 0;
	}

	/** Writes „etwa 350 m entfernt" into a list entry (once the visitor asked for the nearest first) and returns the distance in metres. */
	#markDistance(li: HTMLElement): number {
		const metresAway = this.#distance(li.dataset.facility ?? '');
		if (!this.#origin) return metresAway;
		let note = li.querySelector<HTMLElement>('[data-distance]');
		if (!note) {
			note = document.createElement('p');
			note.className = 'distance';
			note.dataset.distance = '';
			li.querySelector('h3')?.after(note);
		}
		note.textContent = fill(this.#labels.distance, { distance: formatDistance(metresAway, pageLang) });
		return metresAway;
	}

	/** Shows the matches of a filter state; with `syncForm` (a link, the back button), the form shows it too. */
	async #show(state: FilterState, syncForm = true) {
		this.#state = state;
		if (syncForm) for (const input of this.#form.querySelectorAll<HTMLInputElement>('input')) {
			if (input.type === 'search') {
				// Writing the same text would still make the browser lay the field out again.
				if (input.value !== state.query) input.value = state.query;
			} else if (input.name === 'offen') input.checked = state.openNow;
			else input.checked = (input.name === 'kategorie' ? state.categories : input.name === 'sprache' ? state.languages : state.wheelchair).includes(input.value);
		}
		if (state.openNow && !this.#isOpen) {
			// The opening_hours library is large: load it only when someone asks what is open now.
			const { isOpen } = await import('../lib/hours');
			const now = new Date();
			this.#isOpen = (hours) => isOpen(hours, now);
		}
		// Another change may have come while the opening-hours check loaded: the latest one is shown.
		if (state !== this.#state) return;
		const { matches, counts, perCategory, rows } = findFacilities(this.#records, state, this.#isOpen ?? (() => false), this.#origin ? (record) => this.#distance(record.id) : undefined);
		this.#matches = matches;
		if (this.#fullList) {
			const visible = new Set(matches.map((r) => r.id));
			// Only what changes is touched: each write makes the browser work out styles again.
			for (const [id, li] of this.#items) if (li.hidden === visible.has(id)) li.hidden = !li.hidden;
			for (const section of this.#sections) {
				const empty = !section.querySelector('li[data-facility]:not([hidden])');
				if (section.hidden !== empty) section.hidden = empty;
			}
			// The nearest first: the entries reordered within their category, each with its distance.
			if (this.#origin) for (const list of this.querySelectorAll<HTMLElement>('section[data-category-group] ul')) {
				const items = [...list.querySelectorAll<HTMLElement>(':scope > li[data-facility]')].map((li) => ({ li, metres: this.#markDistance(li) }));
				list.append(...items.sort((a, b) => a.metres - b.metres).map(({ li }) => li));
			}
		}
		for (const { slot, facet, value } of this.#countSlots) {
			const text = optionCountText(counts, facet, value, this.#isOpen !== undefined);
			// Writing the same text would still make the browser lay the form out again.
			if (slot.textContent !== text) slot.textContent = text;
		}
		for (const slot of this.#groupCounts) {
			const text = groupCountText(this.#labels, perCategory.get(slot.dataset.groupCount ?? '') ?? 0, slot.dataset.of ?? '');
			if (slot.textContent !== text) slot.textContent = text;
		}
		this.visibleRows = rows;
		this.dispatchEvent(new CustomEvent('facilities-filtered', { detail: { visibleRows: rows } }));
		const status = statusText(this.#labels, matches.length, Number(this.dataset.total ?? this.#records.length), this.#origin !== undefined);
		if (this.#status.textContent !== status) this.#status.textContent = status;
		// Pages mode: the entries in the same task as counts, map and status.
		if (!this.#fullList) this.#showMore(false);
	}

	/** Pages mode: the next matches as list entries (from the start when `append` is false). */
	#showMore(append: boolean) {
		const section = this.querySelector<HTMLElement>('[data-results]');
		const list = section?.querySelector<HTMLElement>('[data-result-list]');
		const more = section?.querySelector<HTMLButtonElement>('[data-more]');
		const withHours = section?.querySelector<HTMLTemplateElement>('template[data-entry="hours"]');
		const withoutHours = section?.querySelector<HTMLTemplateElement>('template[data-entry="none"]');
		const entryFrom = this.#entries?.entryFrom;
		if (!section || !list || !more || !withHours || !withoutHours || !entryFrom) return;
		const page = nextPage(this.#matches, append ? this.#shown : 0, RESULTS_PAGE, this.#labels);
		// The map button works once the map has started (it reveals the buttons of the entries it finds then).
		const mapStarted = this.querySelector('.leaflet-container') !== null;
		const items = page.next.map((record) => {
			const place = this.#places.get(record.id) as Place;
			const item = entryFrom(place.openingHours ? withHours : withoutHours, { id: place.id, name: place.name, street: streetOf(place.address), category: place.category.label, hours: place.calendar });
			const button = item.querySelector<HTMLElement>('[data-show-on-map]');
			if (button && mapStarted) button.hidden = false;
			this.#markDistance(item);
			return item;
		});
		if (append) list.append(...items);
		else list.replaceChildren(...items);
		// The first new entry gets focus, so keyboard users continue where the new entries start.
		if (append) items[0]?.querySelector('a')?.focus();
		this.#shown = page.shown;
		section.hidden = this.#matches.length === 0;
		more.hidden = page.more === '';
		more.textContent = page.more;
	}
}
customElements.define('facility-finder', FacilityFinder);
