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
		.normalize('NFC')
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

/**
 * Each record's category, languages and wheelchair value as small numbers, so filtering thousands of places on a
 * phone counts in arrays instead of looking up names. Worked out once per list: a list's records must not change
 * after the first filter (the finder builds its list once; a changed list is a new array).
 */
interface Coded {
	names: { categories: string[]; languages: string[]; wheelchair: string[] };
	category: Uint16Array;
	wheelchair: Uint16Array;
	/** The languages of record r are `languages[from[r]]` up to `languages[from[r + 1]]` (exclusive). */
	from: Uint32Array;
	languages: Uint16Array;
}
const codedLists = new WeakMap<readonly FacilityRecord[], Coded>();

function coded(facilities: readonly FacilityRecord[]): Coded {
	const known = codedLists.get(facilities);
	if (known) return known;
	const numbering = () => {
		const numbers = new Map<string, number>();
		const names: string[] = [];
		const number = (name: string) => {
			let found = numbers.get(name);
			if (found === undefined) {
				found = names.length;
				numbers.set(name, found);
				names.push(name);
			}
			return found;
		};
		return { names, number };
	};
	const [categories, languages, wheelchair] = [numbering(), numbering(), numbering()];
	const from = new Uint32Array(facilities.length + 1);
	const spoken: number[] = [];
	const result: Coded = {
		names: { categories: categories.names, languages: languages.names, wheelchair: wheelchair.names },
		category: new Uint16Array(facilities.length),
		wheelchair: new Uint16Array(facilities.length),
		from,
		languages: new Uint16Array(0),
	};
	for (const [r, facility] of facilities.entries()) {
		result.category[r] = categories.number(facility.category);
		result.wheelchair[r] = wheelchair.number(facility.wheelchair);
		for (const code of facility.languages) spoken.push(languages.number(code));
		from[r + 1] = spoken.length;
	}
	result.languages = Uint16Array.from(spoken);
	codedLists.set(facilities, result);
	return result;
}

/** Which numbered values a filter chose (1) and whether it chose any value the list does not have. */
function chosen(names: string[], values: string[]): { mask: Uint8Array; unknown: boolean; numbers: number[] } {
	const mask = new Uint8Array(names.length);
	const numbers: number[] = [];
	let unknown = false;
	for (const value of values) {
		const number = names.indexOf(value);
		if (number < 0) unknown = true;
		else {
			mask[number] = 1;
			numbers.push(number);
		}
	}
	return { mask, unknown, numbers };
}

const openNow = (facility: FacilityRecord, isOpen: IsOpen) => Boolean(facility.openingHours && isOpen(facility.openingHours));

/** Counts by number as the names the filter controls use (only values that occur). */
function named(names: string[], counts: Uint32Array): Record<string, number> {
	const table: Record<string, number> = {};
	for (const [number, count] of counts.entries()) if (count > 0) table[names[number] as string] = count;
	return table;
}

/**
 * The matches and the counts in one pass: each filter is checked once per facility, and a facility counts for
 * an option when it passes every filter except that option's own (thousands of places stay quick on a phone).
 */
export function filterAndCount<T extends FacilityRecord>(facilities: T[], filter: FilterState, isOpen: IsOpen): { matches: T[]; counts: FacetCounts } {
	const state = prepare(filter);
	const codes = coded(facilities);
	const { names } = codes;
	const categories = chosen(names.categories, state.categories);
	const languages = chosen(names.languages, state.languages);
	const wheelchair = chosen(names.wheelchair, state.wheelchair);
	const counted = { categories: new Uint32Array(names.categories.length), languages: new Uint32Array(names.languages.length), wheelchair: new Uint32Array(names.wheelchair.length) };
	let openCount = 0;
	const matches: T[] = [];
	const searching = state.words.length > 0;
	for (const [r, facility] of facilities.entries()) {
		if (searching && !matchesQuery(facility, state.words)) continue;
		const category = !state.categories.length || categories.mask[codes.category[r] as number] === 1;
		const wheel = !state.wheelchair.length || wheelchair.mask[codes.wheelchair[r] as number] === 1;
		const start = codes.from[r] as number;
		const end = codes.from[r + 1] as number;
		// Every chosen language must be spoken there.
		let speaks = !languages.unknown;
		for (const wanted of languages.numbers) {
			if (!speaks) break;
			speaks = false;
			for (let k = start; k < end; k++) if (codes.languages[k] === wanted) speaks = true;
		}
		// Opening hours are the costly check: asked at most once per facility, and only when it could count.
		let open: boolean | undefined;
		const others = category && speaks && wheel;
		if (others) {
			open = openNow(facility, isOpen);
			if (open) openCount++;
		}
		// Every other count needs two of the three checks above to pass, and the time filter.
		if (!((speaks && wheel) || (category && wheel) || (category && speaks))) continue;
		if (state.openNow && !(open ?? openNow(facility, isOpen))) continue;
		if (others) matches.push(facility);
		if (speaks && wheel) counted.categories[codes.category[r] as number]! += 1;
		if (category && wheel) for (let k = start; k < end; k++) counted.languages[codes.languages[k] as number]! += 1;
		if (category && speaks) counted.wheelchair[codes.wheelchair[r] as number]! += 1;
	}
	const counts: FacetCounts = { categories: named(names.categories, counted.categories), languages: named(names.languages, counted.languages), wheelchair: named(names.wheelchair, counted.wheelchair), openNow: openCount };
	return { matches, counts };
}
