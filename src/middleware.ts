/**
 * The one place that knows a page's language from its address (Astro's i18n routing sets `currentLocale`): pages in
 * another language than German get their site-internal links in that language, so every component can write the
 * German path (`/kontakt/`) and a reader on `/tr/` stays in Turkish.
 */
import { defineMiddleware } from 'astro:middleware';
import { SOURCE_LOCALE, localizeLinks } from './lib/routes';
import { getSettings } from './lib/content';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	const locale = context.currentLocale;
	if (!locale || locale === SOURCE_LOCALE || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	return new Response(localizeLinks(await response.text(), locale, (await getSettings()).languages), response);
});
