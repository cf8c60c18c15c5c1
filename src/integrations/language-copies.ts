/**
 * After the build, for the languages other than German (Astro renders every page once per language, see
 * astro.config.mjs – untranslated news items aside, src/lib/page-languages.ts):
 * - the CMS is the same in every language: its copies (`/en/admin/` …) are removed;
 * - a news item (or its notice) under `/en/` that has no English page leads to the German one: its address may be
 *   printed on a notice or shared from before, when every item had a copy in every language;
 * - a missing page under `/en/` gets the English 404 page.
 * Netlify reads these rules from `_redirects`, top to bottom; none of them hides an existing file (no `!`).
 */
import { appendFile, rm } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { below, href, localePath, paths } from '../lib/routes';

/** `languages`: the site's languages, German first (settings.languages). */
export function languageCopies(languages: readonly string[]): AstroIntegration {
	return {
		name: 'quartier-language-copies',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const others = languages.slice(1);
				for (const locale of others) await rm(new URL(`.${localePath(paths.editor, locale)}`, dir), { recursive: true, force: true });
				if (others.length) await appendFile(new URL('_redirects', dir), others.map((locale) => languageRules(locale)).join(''));
			},
		},
	};
}

/** The `_redirects` rules of one language other than German, in order (see above). */
export function languageRules(locale: string): string {
	const news = href.news(':slug');
	const notice = href.newsNotice(':slug');
	return [
		`${localePath(news, locale)}  ${news}  302`,
		`${localePath(notice, locale)}  ${notice}  302`,
		`${localePath(below('/'), locale)}  ${localePath(paths.notFound, locale)}  404`,
	]
		.map((rule) => `${rule}\n`)
		.join('');
}
