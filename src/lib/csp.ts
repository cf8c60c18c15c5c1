/**
 * The Content-Security-Policy of the site, as response headers (dist/_headers, written by
 * src/integrations/frame-headers.ts; the staff editor's own policy is in netlify.toml).
 *
 * Why headers and not Astro's `security.csp` (a `<meta>` tag with hashes): Astro puts the hash of every script and
 * style of the whole build into every page, about 1.2 KB per page (measured on the sample: +0.96 KB gzip on the
 * Arabic project page, which is close to the 14 KB budget), and a meta tag cannot carry `frame-ancestors` or
 * `sandbox` anyway. A header costs the page nothing. The few small scripts and styles Astro writes into the pages
 * are allowed by their hashes, which the build computes from the finished pages, so the list follows the code by
 * itself; everything else comes from the site's own files.
 */
import { createHash } from 'node:crypto';

export interface PolicyInput {
	/** `'sha256-…'` sources of the inline scripts of the built pages. */
	scripts: readonly string[];
	/** `'sha256-…'` sources of the inline `<style>` elements of the built pages. */
	styles: readonly string[];
	/** Origin of the detailed map's tiles (after consent), or none when the site has its own map file. */
	tiles?: string | undefined;
}

/**
 * The policy of every public page (without `frame-ancestors`, which depends on the page, see frame-headers.ts):
 * scripts, styles, images, fonts, media, fetches, workers and frames from the site itself only; the inline scripts
 * and styles by hash; WebAssembly (the search) may compile; no plugins, no `<base>`, forms post to the site only.
 * Style attributes are refused (no `'unsafe-inline'`); scripts may still set styles through the DOM (`el.style`).
 */
export function pagePolicy({ scripts, styles, tiles }: PolicyInput): string {
	return [
		"default-src 'self'",
		["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(' '),
		["style-src 'self'", ...styles].join(' '),
		['img-src', "'self'", 'data:', ...(tiles ? [tiles] : [])].join(' '),
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
	].join('; ');
}

/**
 * For files staff upload (documents, pictures, videos, logos) and the pictures of entries: even an SVG or HTML file
 * with script in it cannot run it or reach anything when opened directly (a second wall behind the build's own
 * checks): a sandbox without scripts, nothing to load but inline styles and data images, never in a frame.
 */
export const SANDBOX_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/** The CSP source of a text: `'sha256-<base64>'`. */
export function hashSource(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Script types a browser runs (everything else, e.g. JSON data islands, is data). */
const RUNNABLE = /^(|module|text\/javascript|application\/javascript)$/i;

/** The inline scripts and `<style>` elements of an HTML page, as their texts. */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
	const scripts: string[] = [];
	const styles: string[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attributes = m[1] ?? '';
		const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
		if (/\bsrc\s*=/i.test(attributes) || !RUNNABLE.test(type)) continue;
		scripts.push(m[2] ?? '');
	}
	for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.push(m[1] ?? '');
	return { scripts, styles };
}

/**
 * The origin of a tile address template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png` →
 * `https://tile.openstreetmap.org`); a placeholder in the host (`{s}.tile.example.org`) becomes a wildcard.
 */
/**
 * What the map's tiles need in `img-src`: the tile server's origin, or `blob:` for the office's own PMTiles file (the
 * raster layer hands each tile to an <img> as a blob: address; the file itself comes from the site).
 */
export function tileSources(map: { pmtiles?: string; tiles: { url: string } }): string {
	return map.pmtiles ? 'blob:' : tileOrigin(map.tiles.url);
}

export function tileOrigin(template: string): string {
	const m = /^(https?:\/\/)([^/?#]+)/.exec(template);
	if (!m) throw new Error(`Adresse der Kartenkacheln „${template}" hat keinen Server.`);
	const [first = '', ...rest] = (m[2] ?? '').split('.');
	if (rest.some((label) => label.includes('{'))) throw new Error(`Adresse der Kartenkacheln „${template}": ein Platzhalter ist nur im ersten Teil des Servernamens möglich.`);
	return `${m[1]}${[first.includes('{') ? '*' : first, ...rest].join('.')}`;
}
