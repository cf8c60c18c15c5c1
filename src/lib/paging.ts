/** News pages: page 1 at /aktuelles/, page n at /aktuelles/seite/n/ (addresses: `href.newsPage` in routes.ts). */
import { href } from './routes';

export const NEWS_PER_PAGE = 9;

/** The slice and links for one page. */
export function pageOf<T>(items: T[], page: number, perPage = NEWS_PER_PAGE) {
	const last = Math.max(1, Math.ceil(items.length / perPage));
	return {
		items: items.slice((page - 1) * perPage, page * perPage),
		page: {
			current: page,
			last,
			prev: page > 1 ? href.newsPage(page - 1) : undefined,
			next: page < last ? href.newsPage(page + 1) : undefined,
		},
	};
}
