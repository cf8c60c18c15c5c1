/**
 * After the build, for the languages other than German (Astro renders every page once per language, see
 * astro.config.mjs):
 * - the CMS is the same in every language: its copies (`/en/admin/` …) are removed;
 * - a missing page under `/en/` gets the English 404 page: Netlify reads `_redirects` (a 404 rule serves the page
 *   with status 404 and never hides an existing file).
 */
import { appendFile, rm } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { below, localePath, paths } from '../lib/routes';

/** `languages`: the site's languages, German first (settings.languages). */
export function languageCopies(languages: readonly string[]): AstroIntegration {
	return {
		name: 'quartier-language-copies',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const others = languages.slice(1);
				for (const locale of others) await rm(new URL(`.${localePath(paths.editor, locale)}`, dir), { recursive: true, force: true });
				if (others.length) await appendFile(new URL('_redirects', dir), others.map((locale) => `${localePath(below('/'), locale)}  ${localePath(paths.notFound, locale)}  404\n`).join(''));
			},
		},
	};
}
