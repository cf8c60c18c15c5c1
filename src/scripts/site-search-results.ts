/**
 * What the header's search box (<site-search>, SiteSearch.astro) does once someone types: the search itself
 * (Pagefind, src/lib/search/client.ts) and the first results under the field. Loaded with the search when the
 * field gets focus, so pages carry only the small element that opens the bar.
 */
import { fill } from '../i18n/fill';
import { paths, pageLink } from '../lib/routes';
import { find, hitOf, loadPagefind, titleFirst } from '../lib/search/client';

export { loadPagefind };

/** The parts of the search box the results are written into, and its texts (from the dictionary, in data attributes). */
export interface ResultParts {
	status: HTMLElement;
	panel: HTMLElement;
	list: HTMLElement;
	all: HTMLAnchorElement;
	words: DOMStringMap;
}

/** Searches `query` and shows the first five results; nothing is written when `current()` says a newer search has started. */
export async function showResults(parts: ResultParts, query: string, current: () => boolean): Promise<void> {
	const t = (name: string, params: Record<string, string | number> = {}) => fill(parts.words[name] ?? '', params, true);
	try {
		const found = await find(query);
		const hits = titleFirst(await Promise.all(found.results.slice(0, 5).map((result) => hitOf(result, query))), query);
		if (!current()) return;
		const count = found.results.length;
		const countText = t('count', { count });
		parts.status.textContent = t('countFor', { count: countText, query });
		parts.list.replaceChildren(
			...hits.map((hit) => {
				const item = document.createElement('li');
				const link = document.createElement('a');
				link.href = hit.url;
				link.textContent = hit.title;
				const type = document.createElement('span');
				type.textContent = hit.type;
				link.append(' ', type);
				if (hit.lang) Object.assign(link, { lang: hit.lang, dir: 'ltr' });
				item.append(link);
				return item;
			}),
		);
		parts.all.href = pageLink(`${paths.search}?q=${encodeURIComponent(query)}`);
		parts.all.textContent = count ? t('showAll', { count }) : t('none', { query });
		parts.panel.hidden = false;
	} catch {
		parts.status.textContent = t('error');
	}
}
