/** How a page describes itself to the site search (rendered by Base.astro as Pagefind attributes). */

/** Filter names in the index; the search page shows them with the dictionary's labels. */
export const SEARCH_FILTERS = { type: 'typ', theme: 'thema', category: 'kategorie' } as const;

/**
 * Sort keys in the index: the day (ISO). Each key costs a list of every page in the index's start file (about
 * 12 KB at 10,000 pages), so there is no title key: pages enter the index in title order instead.
 */
export const SEARCH_SORTS = { date: 'datum' } as const;

/** Pages without a date sort after every dated page when sorting by date. */
export const NO_DATE = '0000-00-00';

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
