/** Writes dist/sitemap.xml with every public page (not the 404 page, the thank-you page after a form, or /admin/). */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { paths } from '../lib/routes';

export function sitemap(): AstroIntegration {
	let site = '';
	return {
		name: 'quartier-sitemap',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site ?? '';
			},
			'astro:build:done': async ({ pages, dir }) => {
				const urls = pages
					.map((page) => `/${page.pathname}`.replace(/\/+$/, '/').replace(/^\/+/, '/'))
					.filter((path) => !/^\/404\/?$/.test(path) && path !== paths.thanks && !path.startsWith('/admin/'))
					.sort()
					.map((path) => `  <url><loc>${new URL(path, site).href}</loc></url>`);
				const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
				await writeFile(new URL('sitemap.xml', dir), xml);
			},
		},
	};
}
