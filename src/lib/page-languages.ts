/**
 * Which pages exist in which language. Every page exists in every language of the settings: Astro's i18n fallback
 * renders the German page inside the reader's frame, with a notice where the content is not translated yet
 * (astro.config.mjs, Base.astro). News items are the exception: a news item without a translation into a language
 * has no page and no notice („Aushang") in it; lists, teasers and search results in that language link its German
 * page, marked German (`hreflang="de"`, see localizeLinks in routes.ts; the cards carry `lang="de"`), and the German
 * page's language switcher leads to the news list in the other languages.
 *
 * Why news only: an office writes several a week, so over the years they become most of the site. As fallback copies
 * in three more frames, with their notices, they were three quarters of all pages and of the time staff wait for the
 * build after every save (README, „Veröffentlichen bei vielen Einträgen"). Projects, events, calls and the other
 * collections stay few and keep their copies.
 */
import { getNews } from './content';
import { oncePerBuild } from './per-build';
import { href, SOURCE_LOCALE } from './routes';

const computed = new Map<string, Promise<ReadonlySet<string>>>();

/** The German addresses (`/aktuelles/x/`, `/aktuelles/x/aushang/`) of the pages that do not exist in `locale`. */
export function germanOnlyPaths(locale: string): Promise<ReadonlySet<string>> {
	if (locale === SOURCE_LOCALE) return Promise.resolve(new Set());
	return oncePerBuild(computed, locale, () => compute(locale));
}

async function compute(locale: string): Promise<ReadonlySet<string>> {
	const paths = new Set<string>();
	for (const entry of await getNews()) {
		if (entry.languages.includes(locale)) continue;
		paths.add(href.news(entry.id));
		paths.add(href.newsNotice(entry.id));
	}
	return paths;
}

/** Whether the page at a German address exists in `locale`. */
export async function existsIn(path: string, locale: string): Promise<boolean> {
	return !(await germanOnlyPaths(locale)).has(path);
}
