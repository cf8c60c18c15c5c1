/**
 * The parts of <facility-finder> (FacilityFinder.astro) that not every visit needs, loaded on demand: list
 * entries written in the browser (only when the page lists its facilities page by page, as a district with
 * thousands does) and distances (only after the visitor asked for the nearest first). The filter itself stays in
 * the page's script.
 */
import type { Place } from '../lib/map-data';
import { todayLine } from '../lib/today-hours';
import { href, pageLink } from '../lib/routes';

/** What the finder's labels (rendered into its data attributes) offer these entries. */
export interface ResultLabels {
	openingHours: string;
	noHours: string;
	today: string;
	closed: string;
	weekdays: string[];
	showOnMap: string;
	showOnMapWhat: string;
}

/** Metres between two points (haversine; plenty for a district). */
export function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const rad = Math.PI / 180;
	const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** „350 m" or „1,2 km", rounded as a pedestrian would say it, with the page language's decimal sign (Latin digits, as everywhere). */
export const formatDistance = (m: number, pageLang: string) =>
	m < 950 ? `${Math.max(50, Math.round(m / 50) * 50)} m` : `${(m / 1000).toLocaleString(`${pageLang || 'de'}-u-nu-latn`, { maximumFractionDigits: 1 })} km`;

/** One match as a list entry, like the server-rendered ones (FacilityItem.astro), with its category. */
export function resultItem(place: Place, labels: ResultLabels, pageLang: string): HTMLLIElement {
	/** Facilities are not translated: their names are German, marked so on other languages' pages (as FacilityItem does). */
	const markGerman = (element: HTMLElement) => (pageLang === 'de' ? element : Object.assign(element, { lang: 'de', dir: 'ltr' }));
	const li = document.createElement('li');
	li.className = 'facility';
	li.dataset.facility = place.id;
	const add = <K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, text?: string) => {
		const element = document.createElement(tag);
		if (text !== undefined) element.textContent = text;
		parent.append(element);
		return element;
	};
	const link = add(markGerman(add(li, 'h3')), 'a', place.name);
	link.href = pageLink(href.facility(place.id));
	// The details hold „street, postcode city" (map-data-build.ts); the list names the street, as FacilityItem does.
	const foot = add(li, 'p');
	foot.className = 'facility__foot';
	add(foot, 'span', `${place.category.label} · ${place.address.split(', ')[0]}`);
	const button = add(foot, 'button', `${labels.showOnMap} `);
	const what = add(button, 'span');
	what.className = 'visually-hidden';
	const [before, after] = labels.showOnMapWhat.split('{name}');
	what.append(before ?? '', markGerman(add(what, 'span', place.name)), after ?? '');
	button.type = 'button';
	button.className = 'show-on-map';
	button.dataset.showOnMap = '';
	add(add(li, 'p'), 'span', place.hours ? todayLine(place.hours, new Date(), labels) : `${labels.openingHours}: ${labels.noHours}`).className = 'open-today';
	return li;
}
