/**
 * Filtering facilities, shared by the server-rendered list and (later) the map element in the browser:
 * category, free text, languages, wheelchair access and „jetzt geöffnet". The state lives in the URL.
 * No Node imports: this module also runs in residents' browsers.
 */

export interface FacilityRecord {
	id: string;
	/** Its place in the data the page loaded (in the browser: the finder tells the map which rows pass). */
	row?: number;
	name: string;
	category: string;
	/** Words the free-text search looks at besides the name (address, description, category label). */
	text: string;
	/** Name and text already folded (see `fold`), so typing does not fold thousands of texts again. */
	folded?: string;
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

/** The folded words of a query (empty query → no words). */
export function queryWords(query: string): string[] {
	return fold(query).split(/\s+/).filter(Boolean);
}

/** Whether every word of the query occurs in the facility's name or text. */
export function matchesQuery(facility: FacilityRecord, query: string | string[]): boolean {
	const words = typeof query === 'string' ? queryWords(query) : query;
	if (words.length === 0) return true;
	const haystack = facility.folded ?? fold(`${facility.name} ${facility.text}`);
	return words.every((word) => haystack.includes(word));
}

export type IsOpen = (openingHours: string) => boolean;

/** A filter state prepared once per change: the query folded and split, not again for every facility. */
interface Prepared extends FilterState {
	words: string[];
}
const prepare = (state: FilterState): Prepared => ({ ...state, words: queryWords(state.query) });

/** The facilities that pass every filter. */
export function applyFilter(facilities: FacilityRecord[], state: FilterState, isOpen: IsOpen): FacilityRecord[] {
	return filterAndCount(facilities, state, isOpen).matches;
}

export interface FacetCounts {
	categories: Record<string, number>;
	languages: Record<string, number>;
	wheelchair: Record<string, number>;
	openNow: number;
}

/**
 * Counts for the filter controls: for each option, how many facilities would show if it were chosen, given all
 * the other filters (so a count never promises results that the other choices exclude).
 */
export function facetCounts(facilities: FacilityRecord[], state: FilterState, isOpen: IsOpen): FacetCounts {
	return filterAndCount(facilities, state, isOpen).counts;
}

const add = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);

/**
 * The matches and the counts in one pass: each filter is checked once per facility, and a facility counts for
 * an option when it passes every filter except that option's own (thousands of places stay quick on a phone).
 */
export function filterAndCount(facilities: FacilityRecord[], filter: FilterState, isOpen: IsOpen): { matches: FacilityRecord[]; counts: FacetCounts } {
	const state = prepare(filter);
	const matches: FacilityRecord[] = [];
	const counts: FacetCounts = { categories: {}, languages: {}, wheelchair: {}, openNow: 0 };
	for (const facility of facilities) {
		const category = !state.categories.length || state.categories.includes(facility.category);
		const languages = !state.languages.length || state.languages.every((code) => facility.languages.includes(code));
		const wheelchair = !state.wheelchair.length || state.wheelchair.includes(facility.wheelchair);
		if (!matchesQuery(facility, state.words)) continue;
		// Opening hours are the costly check: asked at most once per facility, and only when it could count.
		let open: boolean | undefined;
		const others = category && languages && wheelchair;
		if (others) {
			open = Boolean(facility.openingHours && isOpen(facility.openingHours));
			if (open) counts.openNow++;
		}
		// Every other count needs two of the three checks above to pass, and the time filter.
		if (!((languages && wheelchair) || (category && wheelchair) || (category && languages))) continue;
		if (state.openNow && !(open ?? Boolean(facility.openingHours && isOpen(facility.openingHours)))) continue;
		if (others) matches.push(facility);
		if (languages && wheelchair) add(counts.categories, facility.category);
		if (category && wheelchair) for (const code of facility.languages) add(counts.languages, code);
		if (category && languages) add(counts.wheelchair, facility.wheelchair);
	}
	return { matches, counts };
}
