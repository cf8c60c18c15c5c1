/**
 * The embeddable facility map for partners' sites: where its pages are and the `<iframe>` code the open data page
 * (/daten/) offers. Pure: no Astro imports, so the page, the generator's browser script and tests share it.
 */
import { escapeHtml } from './escape';
import { href, localePath, paths, splitLocale } from './routes';

/** Heights (CSS pixels) the generator offers: a map and a few list entries need room, a page should not scroll for ever. */
export const EMBED_HEIGHT = { min: 300, max: 2000, default: 600 } as const;

/** The query a partner may add to the map's address to show one category (`/einbetten/karte/?kategorie=kita`). */
export const EMBED_CATEGORY_PARAM = 'kategorie';

/** A height the generator accepts: whole pixels within EMBED_HEIGHT, the default for anything that is not a number. */
export function embedHeight(value: unknown): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
	if (!Number.isFinite(number)) return EMBED_HEIGHT.default;
	return Math.min(EMBED_HEIGHT.max, Math.max(EMBED_HEIGHT.min, Math.round(number)));
}

/** The embed page's path in one language: all facilities, or the static page of one category. */
export function embedPath(locale: string, category?: string): string {
	return localePath(category ? href.embedMapCategory(category) : paths.embedMap, locale);
}

/** Whether a site path (German or with a language prefix) is an embeddable page. */
export function isEmbedPath(path: string, locales: readonly string[]): boolean {
	return splitLocale(path, locales).path.startsWith(paths.embed);
}

export interface SnippetOptions {
	/** The site's address (settings.siteUrl). */
	site: string;
	/** The language of the embedded page. */
	locale: string;
	/** One category's id, or none for every facility. */
	category?: string;
	/** Height in pixels (made to fit EMBED_HEIGHT). */
	height?: unknown;
	/** What the frame shows, in the chosen language: screen readers announce it when they reach the frame. */
	title: string;
}

/** The absolute address the snippet frames. */
export function embedUrl({ site, locale, category }: Pick<SnippetOptions, 'site' | 'locale' | 'category'>): string {
	return new URL(embedPath(locale, category), site).href;
}

/**
 * The `<iframe>` code for a partner's page. The frame is as wide as the partner's column and as high as chosen; it
 * loads when it scrolls near (`loading="lazy"`) and sends no referrer (the district's site needs no record of who
 * embeds it). A map needs no other permission: the frame gets none (no `allow`).
 */
export function embedSnippet(options: SnippetOptions): string {
	const attributes = [
		['src', embedUrl(options)],
		['title', options.title],
		['width', '100%'],
		['height', String(embedHeight(options.height))],
		['style', 'border: 0; max-width: 100%;'],
		['loading', 'lazy'],
		['referrerpolicy', 'no-referrer'],
	];
	return `<iframe ${attributes.map(([name, value]) => `${name}="${escapeHtml(value ?? '')}"`).join(' ')}></iframe>`;
}
