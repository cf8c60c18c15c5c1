/**
 * The facility finder without the page: from the places and a filter state to the matches, their counts, the
 * texts the finder writes and the page of matches it shows. No DOM here (unit-tested); the custom element
 * (facility-finder.ts) only reads the form and writes these results into the page. The filter itself and its URL
 * form are src/lib/facility-filter.ts.
 */
import { fill } from '../i18n/fill';
import { filterAndCount, fold, type FacetCounts, type FacilityRecord, type FilterState, type IsOpen } from '../lib/facility-filter';
import type { Place } from '../lib/map-data';

/** Words the finder writes (rendered into its `data-labels` by FacilityFinder.astro). */
export interface FinderLabels {
	statusAll: string;
	statusSome: string;
	statusNone: string;
	statusNearest: string;
	locating: string;
	locationFailed: string;
	distance: string;
	more: string;
	groupSome: string;
}

/** A facility as the finder filters it, with its row in the shared place data (the map reads which rows pass). */
export interface PlaceRecord extends FacilityRecord {
	row: number;
}

export interface Position {
	lat: number;
	lng: number;
}

/** The places as records for the filter; a page of one category (`only`) knows only that category's places. */
export function placeRecords(places: readonly Place[], only?: string): PlaceRecord[] {
	return places
		.map((p, row) => ({
			id: p.id,
			row,
			name: p.name,
			category: p.category.id,
			text: '',
			folded: fold(`${p.name} ${p.category.label} ${p.address} ${p.description}`),
			languages: p.languages,
			wheelchair: p.wheelchair,
			openingHours: p.openingHours || undefined,
		}))
		.filter((record) => !only || record.category === only);
}

/** Metres between two points (haversine; plenty for a district). */
export function metres(a: Position, b: Position): number {
	const rad = Math.PI / 180;
	const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** „350 m" or „1,2 km", rounded as a pedestrian would say it, with the page language's decimal sign (Latin digits, as everywhere). */
export const formatDistance = (m: number, pageLang: string) =>
	m < 950 ? `${Math.max(50, Math.round(m / 50) * 50)} m` : `${(m / 1000).toLocaleString(`${pageLang || 'de'}-u-nu-latn`, { maximumFractionDigits: 1 })} km`;

/** The street of an address as the details hold it („street, postcode city", map-data-build.ts). */
export const streetOf = (address: string) => {
	const end = address.lastIndexOf(', ');
	return end < 0 ? address : address.slice(0, end);
};

export interface FinderResult<T extends FacilityRecord> {
	/** The matches, the nearest first when a distance is given, else in the order of the records. */
	matches: T[];
	counts: FacetCounts;
	/** Matches per category (the category links above the list). */
	perCategory: Map<string, number>;
	/** The matches' rows in the shared place data, for the map. */
	rows: Uint32Array;
}

/** Filters the records and counts what each option would show; with `distance`, the nearest match comes first. */
export function findFacilities<T extends PlaceRecord>(records: T[], state: FilterState, isOpen: IsOpen, distance?: (record: T) => number): FinderResult<T> {
	const { matches: found, counts } = filterAndCount(records, state, isOpen);
	let matches = found;
	if (distance) {
		const away = new Map(found.map((record) => [record, distance(record)]));
		matches = [...found].sort((a, b) => (away.get(a) ?? 0) - (away.get(b) ?? 0));
	}
	const perCategory = new Map<string, number>();
	for (const record of matches) perCategory.set(record.category, (perCategory.get(record.category) ?? 0) + 1);
	const rows = new Uint32Array(matches.length);
	for (const [k, record] of matches.entries()) rows[k] = record.row;
	return { matches, counts, perCategory, rows };
}

/** The status line: „12 Einrichtungen", „3 von 12 Einrichtungen", none, and whether the nearest come first. */
export function statusText(labels: FinderLabels, shown: number, total: number, nearest: boolean): string {
	const all = shown === total;
	const text = all ? fill(labels.statusAll, { total }) : shown === 0 ? fill(labels.statusNone, { total }) : fill(labels.statusSome, { count: shown, total });
	return text + (nearest && shown > 1 ? labels.statusNearest : '');
}

/** A category link's count: „(4)" when every facility of the category passes, else „(1 von 4)". */
export function groupCountText(labels: FinderLabels, count: number, of: string): string {
	return String(count) === of ? `(${of})` : `(${fill(labels.groupSome, { count, total: of })})`;
}

/**
 * The count beside a filter option („ (3)"), by its facet (`kategorie`, `sprache`, `rollstuhl`, `offen`); „jetzt
 * geöffnet" is counted only once the opening-hours check has been loaded (else '').
 */
export function optionCountText(counts: FacetCounts, facet: string, value: string, openKnown: boolean): string {
	const table = facet === 'kategorie' ? counts.categories : facet === 'sprache' ? counts.languages : facet === 'rollstuhl' ? counts.wheelchair : undefined;
	const count = table ? (table[value] ?? 0) : openKnown ? counts.openNow : undefined;
	return count === undefined ? '' : ` (${count})`;
}

/** The next page of matches after the `shown` first, and the „Weitere 20 von 300 anzeigen" button's text ('' when none are left). */
export function nextPage<T>(matches: readonly T[], shown: number, size: number, labels: FinderLabels): { next: T[]; shown: number; more: string } {
	const next = matches.slice(shown, shown + size);
	const rest = matches.length - shown - next.length;
	return { next, shown: shown + next.length, more: rest > 0 ? fill(labels.more, { count: Math.min(rest, size), rest }) : '' };
}
