/**
 * The site search in the browser: loads Pagefind (/pagefind/pagefind.js, built by src/integrations/search.ts)
 * the first time it is needed and runs queries with the German helpers of ./query. Loaded lazily by the header
 * search and by the search page; pages whose visitors never search download none of this.
 */
import { GERMAN_ONLY_META, SEARCH_FILTERS, SEARCH_SORTS, pageNumberOf } from './entry';
import { excerpt, queryVariants } from './query';
import { localePath, SOURCE_LOCALE } from '../routes';

export interface PagefindResult {
	id: string;
	score: number;
	data: () => Promise<PagefindData>;
}

export interface PagefindData {
	url: string;
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

type Counts = Record<string, Record<string, number>>;

interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
	filters: Counts;
	totalFilters: Counts;
}

export interface SearchOptions {
	filters?: Record<string, string>;
}

/** What `find` takes: Pagefind's options plus the order (relevance unless `date`). */
export interface FindOptions extends SearchOptions {
	sort?: (typeof SEARCH_SORTS)[keyof typeof SEARCH_SORTS] | '';
}

interface PagefindIndex {
	search: (term: string | null, options?: SearchOptions) => Promise<PagefindResponse>;
}
interface Pagefind extends PagefindIndex {
	options: (options: Record<string, unknown>) => Promise<void>;
	filters: () => Promise<Counts>;
	createInstance: (options: Record<string, unknown>) => PagefindIndex;
}

let loading: Promise<Pagefind> | undefined;

/** Pagefind, loaded once; no worker (one file less to download; the index of a district site is small). */
export function loadPagefind(): Promise<Pagefind> {
	loading ??= (async () => {
		// A full address: the dev server (`npm start`) would otherwise add „?import" to a path and not find the file.
		const url = new URL('/pagefind/pagefind.js', location.href).href;
		const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		await pagefind.options({ noWorker: true });
		return pagefind;
	})();
	return loading;
}

let german: PagefindIndex | undefined;

/**
 * The German index beside the page's own (Pagefind keeps one index per `<html lang>`): pages not translated yet are
 * only in German. Pagefind picks an instance's language from the page's `lang` when the instance is made, so it is
 * made under `lang="de"` – within one synchronous step, before anything can read or render the page.
 */
async function germanIndex(): Promise<PagefindIndex> {
	if (!german) {
		const pagefind = await loadPagefind();
		const html = document.documentElement;
		const own = html.getAttribute('lang') ?? '';
		html.setAttribute('lang', SOURCE_LOCALE);
		try {
			german = pagefind.createInstance({ noWorker: true });
		} finally {
			html.setAttribute('lang', own);
		}
	}
	return german;
}

/** The page's language, when it is not German (its search adds German pages after its own). */
const otherLanguage = () => {
	const lang = document.documentElement.getAttribute('lang') ?? SOURCE_LOCALE;
	return lang === SOURCE_LOCALE ? undefined : lang;
};

/** At most this many German pages are added after the page's own language (each costs one small file). */
const GERMAN_MAX = 60;

/**
 * German results for a page in another language: at the reader's-language address of each page (the German text in
 * the page frame of their language, with its notice) – or the German address where the page exists in German only –,
 * without the pages already found in their language.
 */
async function germanAfter(own: PagefindResult[], query: string, lang: string): Promise<PagefindResult[]> {
	const ownUrls = new Set((await Promise.all(own.map((result) => result.data()))).map((data) => data.url));
	let best: PagefindResult[] = [];
	for (const variant of queryVariants(query)) {
		const response = await (await germanIndex()).search(variant);
		if (response.results.length > best.length) best = response.results;
	}
	const moved = await Promise.all(
		best.slice(0, GERMAN_MAX).map(async (result): Promise<PagefindResult | undefined> => {
			const data = await result.data();
			// A page that does not exist in the reader's language is linked in German (src/lib/page-languages.ts).
			const url = data.meta[GERMAN_ONLY_META]?.split(' ').includes(lang) ? data.url : localePath(data.url, lang);
			if (ownUrls.has(url)) return undefined;
			const shown: PagefindData = { ...data, url, meta: { ...data.meta, [SOURCE_MARK]: SOURCE_LOCALE } };
			return { id: `${SOURCE_LOCALE}:${result.id}`, score: result.score, data: async () => shown };
		}),
	);
	return moved.filter((result): result is PagefindResult => result !== undefined);
}

/** Meta key marking a result as German text on a page in another language. */
const SOURCE_MARK = 'sprache';

export interface Found {
	results: PagefindResult[];
	/** Counts per filter value among the results (Pagefind's answer for the spelling used). */
	counts: Counts;
	/** The spelling that was searched (see queryVariants). */
	used: string;
}

/**
 * Searches the query in each spelling of `queryVariants` and keeps the one with more results. Without a query,
 * lists the pages that match the filters (browsing).
 */
export async function find(query: string, { sort, ...options }: FindOptions = {}): Promise<Found> {
	const pagefind = await loadPagefind();
	const variants = queryVariants(query);
	let best: Found | undefined;
	if (variants.length === 0) {
		const response = await pagefind.search(null, options);
		best = { results: response.results, counts: response.filters, used: '' };
	}
	for (const variant of variants) {
		const response = await pagefind.search(variant, options);
		if (!best || response.results.length > best.results.length) best = { results: response.results, counts: response.filters, used: variant };
	}
	const found = best as Found;
	const sorted = sort === SEARCH_SORTS.date ? { ...found, results: byDate(found.results) } : found;
	// On a page in English, Turkish, Arabic …: its own language first, then German pages not translated yet. With a
	// filter chosen, the page's own language only (filter values are words of the page's language).
	const lang = otherLanguage();
	if (!lang || variants.length === 0 || Object.keys(options.filters ?? {}).length > 0) return sorted;
	return { ...sorted, results: [...sorted.results, ...(await germanAfter(sorted.results, query, lang))] };
}

/** Newest first: pages enter the index newest first, so their page numbers are their date order. */
export function byDate<T extends { id: string }>(results: T[]): T[] {
	return results
		.map((result, i) => ({ result, i, n: pageNumberOf(result.id) }))
		.sort((a, b) => a.n - b.n || a.i - b.i)
		.map(({ result }) => result);
}

/** All filter values of the index with their page counts. */
export async function allFilters(): Promise<Counts> {
	return (await loadPagefind()).filters();
}

export interface Hit {
	url: string;
	title: string;
	type: string;
	date?: string;
	/** HTML: the visible text around the match, query words marked. */
	excerpt: string;
	/** Set when the text is German on a page in another language (a page not translated yet). */
	lang?: string;
}

/** What a result list shows for one result. */
export async function hitOf(result: PagefindResult, query: string): Promise<Hit> {
	const data = await result.data();
	const title = data.meta.title ?? data.url;
	return {
		url: data.url,
		title,
		type: data.filters[SEARCH_FILTERS.type]?.[0] ?? '',
		date: data.meta.datum,
		excerpt: excerpt(data.content, queryVariants(query).join(' '), { skip: title, length: 28 }),
		...(data.meta[SOURCE_MARK] ? { lang: data.meta[SOURCE_MARK] } : {}),
	};
}

const normal = (text: string) => text.toLocaleLowerCase('de').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Moves results whose title is the query (or begins with it) to the front of their language, keeping the order otherwise: whoever
 * types a facility's full name wants that facility, not the news that mentions it three times. Applied to the
 * results already loaded (the first few), so it costs nothing extra.
 */
export function titleFirst<T extends { title: string; lang?: string }>(hits: T[], query: string): T[] {
	const wanted = queryVariants(query).map(normal);
	const rank = (hit: T) => {
		const title = normal(hit.title);
		if (wanted.includes(title)) return 0;
		if (wanted.some((q) => q && title.startsWith(`${q} `))) return 1;
		return 2;
	};
	// German pages on a page in another language stay after the reader's language, whatever their titles.
	const group = (hit: T) => (hit.lang ? 1 : 0);
	return hits.map((hit, i) => ({ hit, i, r: rank(hit), g: group(hit) })).sort((a, b) => a.g - b.g || a.r - b.r || a.i - b.i).map(({ hit }) => hit);
}
