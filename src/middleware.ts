/**
 * The one place that knows a page's language from its address (Astro's i18n routing sets `currentLocale`): pages in
 * another language than German get their site-internal links in that language, so every component can write the
 * German path (`/kontakt/`) and a reader on `/tr/` stays in Turkish. It also tells the content getters the page's
 * language (src/lib/translations.ts), so entries appear translated where a translation exists.
 */
import { defineMiddleware } from 'astro:middleware';
import { SOURCE_LOCALE, localizeLinks, splitLocale } from './lib/routes';
import { getSettings } from './lib/content';
import { withPageLocale } from './lib/translations';
import { germanOnlyPaths } from './lib/page-languages';

export const onRequest = defineMiddleware((context, next) => {
	const locale = context.currentLocale ?? SOURCE_LOCALE;
	// The page renders in its language (entries translated where they can be); the body is read here, inside it.
	return withPageLocale(locale, async () => {
		if (locale === SOURCE_LOCALE) return next();
		const { languages } = await getSettings();
		const germanOnly = await germanOnlyPaths(locale);
		// A page that exists in German only (an untranslated news item, src/lib/page-languages.ts) is not rendered in
		// this language: a response without a body makes the build write no file (and costs no rendering); on the site
		// the address leads to the German page (language-copies.ts), and so it does under `npm start`.
		const { path } = splitLocale(context.originPathname, languages);
		if (germanOnly.has(path)) return import.meta.env.DEV ? context.redirect(path, 302) : new Response(null, { status: 404 });
		const response = await next();
		if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
		return new Response(localizeLinks(await response.text(), locale, languages, germanOnly), response);
	});
});
