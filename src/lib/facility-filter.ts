/**
 * Filtering facilities, shared by the server-rendered list and (later) the map element in the browser:
 * category, free text, languages, wheelchair access and „jetzt geöffnet". The state lives in the URL.
 * No Node imports: this module also runs in residents' browsers.
 */

export interface FacilityRecord {
	id: string;
	name: string;
	category: string;
	/** Words the free-text search looks at besides the name (address, description, category label). */
	text: string;
	languages: string[];
	wheelchair: string;
	openingHours?: string;
}

export interface FilterState {
	categories: string[];
	query: string;
	languages: string[];
	wheelchair: string[];
	openNow: boolean;
}

export const EMPTY_FILTER: FilterState = { categories: [], query: '', languages: [], wheelchair: [], openNow: false };

/** URL parameter names (German, as residents share them). */
const PARAMS = { categories: 'kategorie', query: 'q', languages: 'sprache', wheelchair: 'rollstuhl', openNow: 'offen' } as const;

const list = (params: URLSearchParams, name: string) =>
	params
		.getAll(name)
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);

/** Reads the filter from a query string, e.g. `?kategorie=kita&sprache=tr&offen=1`. */
export function parseFilter(search: string | URLSearchParams): FilterState {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	return {
		categories: list(params, PARAMS.categories),
		query: (params.get(PARAMS.query) ?? '').trim(),
		languages: list(params, PARAMS.languages),
		wheelchair: list(params, PARAMS.wheelchair),
		openNow: params.get(PARAMS.openNow) === '1',
	};
}

/** Writes the filter as a query string (empty filter → ''), stable in order so URLs can be compared. */
export function filterToSearch(state: FilterState): string {
	const params = new URLSearchParams();
	for (const value of [...state.categories].sort()) params.append(PARAMS.categories, value);
	if (state.query) params.set(PARAMS.query, state.query);
	for (const value of [...state.languages].sort()) params.append(PARAMS.languages, value);
	for (const value of [...state.wheelchair].sort()) params.append(PARAMS.wheelchair, value);
	if (state.openNow) params.set(PARAMS.openNow, '1');
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** Lower case without accents; „ß" → „ss", and umlauts also match their „ae/oe/ue" spelling. */
export function fold(text: string): string {
	return text
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
}

/** Whether every word of the query occurs in the facility's name or text. */
export function matchesQuery(facility: FacilityRecord, query: string): boolean {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = fold(`${facility.name} ${facility.text}`);
	return words.every((word) => haystack.includes(word));
}

export type IsOpen = (openingHours: string) => boolean;

type Facet = 'categories' | 'languages' | 'wheelchair' | 'openNow' | 'query';

function passes(facility: FacilityRecord, state: FilterState, isOpen: IsOpen, skip?: Facet): boolean {
	if (skip !== 'categories' && state.categories.length && !state.categories.includes(facility.category)) return false;
	if (skip !== 'languages' && state.languages.length && !state.languages.every((code) => facility.languages.includes(code))) return false;
	if (skip !== 'wheelchair' && state.wheelchair.length && !state.wheelchair.includes(facility.wheelchair)) return false;
	if (skip !== 'query' && !matchesQuery(facility, state.query)) return false;
	if (skip !== 'openNow' && state.openNow && !(facility.openingHours && isOpen(facility.openingHours))) return false;
	return true;
}

/** The facilities that pass every filter. */
export function applyFilter(facilities: FacilityRecord[], state: FilterState, isOpen: IsOpen): FacilityRecord[] {
	return facilities.filter((f) => passes(f, state, isOpen));
}

/**
 * Counts for the filter controls: for each option, how many facilities would show if it were chosen, given all
 * the other filters (so a count never promises results that the other choices exclude).
 */
export function facetCounts(facilities: FacilityRecord[], state: FilterState, isOpen: IsOpen) {
	const count = (facet: Facet, key: (f: FacilityRecord) => string[]) => {
		const result: Record<string, number> = {};
		for (const facility of facilities) {
			if (!passes(facility, state, isOpen, facet)) continue;
			for (const value of key(facility)) result[value] = (result[value] ?? 0) + 1;
		}
		return result;
	};
	return {
		categories: count('categories', (f) => [f.category]),
		languages: count('languages', (f) => f.languages),
		wheelchair: count('wheelchair', (f) => [f.wheelchair]),
		openNow: facilities.filter((f) => passes(f, { ...state, openNow: true }, isOpen)).length,
	};
}
