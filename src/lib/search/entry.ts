/** How a page describes itself to the site search (rendered by Base.astro as Pagefind attributes). */

/** Filter names in the index; the search page shows them with the dictionary's labels. */
export const SEARCH_FILTERS = { type: 'typ', theme: 'thema', category: 'kategorie' } as const;

/**
 * Meta key of a German page that does not exist in some languages (an untranslated news item, src/lib/page-languages.ts):
 * the languages, space-separated. A search in one of them links the German page instead of its copy.
 */
export const GERMAN_ONLY_META = 'nur-deutsch';

/**
 * Sort orders of the search page (the value is the one in the address, ?sortierung=datum). The index holds no sort
 * list (each would cost a list of every page in the start file, about 20 KB at 10,000 pages): pages enter the
 * index newest first, undated pages after them in title order, so sorting by date is sorting by page number.
 */
export const SEARCH_SORTS = { date: 'datum' } as const;

/**
 * The name of a page's fragment after src/integrations/search-compact.ts: language, build and the page's number in
 * the index (base 36). Pagefind's result id is this name.
 */
export function fragmentName(lang: string, build: string, page: number): string {
	return `${lang}_${build}-${page.toString(36)}`;
}

/** The page number a fragment name carries (its place in the index, so its date order); NaN for any other name. */
export function pageNumberOf(fragment: string): number {
	const match = /-([0-9a-z]+)$/.exec(fragment);
	return match ? Number.parseInt(match[1]!, 36) : Number.NaN;
}

export interface SearchEntry {
	/** Kind of page as residents name it (from the dictionary, e.g. „Einrichtung"). */
	type: string;
	/** Labels of the page's Themen. */
	themes?: string[];
	/** Label of the facility category. */
	category?: string;
	/** The day that orders news, events, calls and documents. */
	date?: Date;
}
