/** News pages: page 1 at /aktuelles/, page n at /aktuelles/seite/n/. */
export const NEWS_PER_PAGE = 9;

export function newsPageHref(page: number): string {
	return page <= 1 ? '/aktuelles/' : `/aktuelles/seite/${page}/`;
}

/** The slice and links for one page. */
export function pageOf<T>(items: T[], page: number, perPage = NEWS_PER_PAGE) {
	const last = Math.max(1, Math.ceil(items.length / perPage));
	return {
		items: items.slice((page - 1) * perPage, page * perPage),
		page: {
			current: page,
			last,
			prev: page > 1 ? newsPageHref(page - 1) : undefined,
			next: page < last ? newsPageHref(page + 1) : undefined,
		},
	};
}
