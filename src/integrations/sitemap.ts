/**
 * Writes dist/sitemap.xml with every public page in every language (not the 404 pages, the thank-you pages after a
 * form, /admin/, the pages for other sites' frames (/einbetten/) or the printable notices („…/aushang/"), each with its
 * translations as `xhtml:link` alternates.
 *
 * The alternates come from the `<link rel="alternate" hreflang>` each built page carries (Base.astro): a page names
 * only real translations, so a page whose content is not translated yet (shown in German with a notice) has none.
 * `@astrojs/sitemap` with its i18n option would list every language for every page, fallbacks included.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { paths, splitLocale, isNotFound, isEditorPath } from '../lib/routes';
import { escapeHtml } from '../lib/escape';
import { htmlPages } from './built-pages';

/** The alternates a built page names: `[hreflang, absolute URL]`. */
export function alternatesOf(html: string): [string, string][] {
	return [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

/** `languages`: the site's languages, German first (settings.languages). */
export function sitemap(languages: readonly string[]): AstroIntegration {
	let site = '';
	return {
		name: 'quartier-sitemap',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site ?? '';
			},
			'astro:build:done': async ({ dir }) => {
				const root = fileURLToPath(dir);
				const entries: string[] = [];
				for (const { path, file } of await htmlPages(root)) {
					const german = splitLocale(path, languages).path;
					if (isNotFound(german) || german === paths.thanks || isEditorPath(german) || german.startsWith(paths.embed) || german.endsWith('/aushang/')) continue;
					const links = alternatesOf(await readFile(file, 'utf8')).map(([lang, href]) => `\n    <xhtml:link rel="alternate" hreflang="${lang}" href="${href}"/>`);
					entries.push(`  <url><loc>${escapeHtml(new URL(path, site).href)}</loc>${links.join('')}${links.length ? '\n  ' : ''}</url>`);
				}
				const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
				await writeFile(new URL('sitemap.xml', dir), xml);
			},
		},
	};
}
