import { de, type UiKey, type UiStrings } from './de';
import { en } from './en';
import { tr } from './tr';
import { ar } from './ar';
import { fill } from './fill';
import { SOURCE_LOCALE } from '../lib/routes';
import { LANGUAGE_CODES, type LanguageCode } from '../schemas/fields';
import type { SiteLanguage } from '../schemas/settings';

/**
 * One dictionary per site locale; all must have the same keys (checked by the type) and the same placeholders
 * (tests/unit/dictionaries.test.ts). German is the reference.
 */
const dictionaries: Record<SiteLanguage, UiStrings> = { de, en, tr, ar };

/** Right-to-left scripts. */
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/** German, the source: its pages have no prefix (see lib/routes.ts). */
export const defaultLocale = SOURCE_LOCALE;

/** Text direction for a language tag. */
export function dirOf(lang: string): 'ltr' | 'rtl' {
	return RTL.has(lang.split('-')[0] ?? lang) ? 'rtl' : 'ltr';
}

/**
 * A translator for one locale: `t('news.page', { page: 2, pages: 3 })`. Components pass `Astro.currentLocale`, the
 * language Astro's i18n routing reads from the page's address, so a page is in one language throughout.
 */
export function useTranslations(locale: string = defaultLocale) {
	const dict = dictionaries[locale as SiteLanguage] ?? de;
	const lang = dictionaries[locale as SiteLanguage] ? locale : defaultLocale;
	return (key: UiKey, params: Record<string, string | number> = {}) =>
		fill(dict[key], params, false, lang);
}

/**
 * BCP 47 tags for Intl per site locale. Arabic uses Latin digits (0–9): they are what residents read on letters,
 * phone numbers, house numbers and timetables in Germany, and they do not change between a page and a printed notice.
 */
export const INTL_TAGS: Record<string, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar-u-nu-latn' };

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * The name of a language people speak, in the reader's language („Türkisch", „Turkish", „Türkçe", „التركية"), from
 * Intl; German Sign Language, which Intl does not name, from the dictionary.
 */
export function languageName(code: LanguageCode, locale: string = defaultLocale): string {
	if (code === 'dgs') return useTranslations(locale)('language.dgs');
	let names = displayNames.get(locale);
	if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([INTL_TAGS[locale] ?? locale], { type: 'language' })));
	return names.of(code) ?? code;
}

/** A language's name in itself, for a language switcher („English", „Türkçe", „العربية"). */
export function languageAutonym(code: LanguageCode): string {
	const name = languageName(code, code);
	return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

const namesByLocale = new Map<string, Record<LanguageCode, string>>();

/** The names of the languages people speak in the reader's language, for lists such as „Sprachen: Deutsch, Türkisch". */
export function languageNamesIn(locale: string = defaultLocale): Record<LanguageCode, string> {
	let names = namesByLocale.get(locale);
	if (!names) namesByLocale.set(locale, (names = Object.fromEntries(LANGUAGE_CODES.map((code) => [code, languageName(code, locale)])) as Record<LanguageCode, string>));
	return names;
}

/** German names of the languages people speak (the CMS, the import tools). */
export const languageNames = languageNamesIn(defaultLocale);

/** Languages of content written in German only (facilities, the team, Leichte Sprache, DGS, settings). */
export const GERMAN_ONLY: readonly string[] = [defaultLocale];

/**
 * `lang` and `dir` for editor content on a page in `locale`: nothing where the text is in the page's language (a
 * translation); otherwise the text's own language – German, left to right, where a page in another language shows
 * an entry not yet translated (screen readers read it in a German voice, and on an Arabic page its full stops stay
 * at its end). `textLang`: the entry's `lang` (src/lib/translations.ts); settings and other untranslated text are German.
 */
export function contentText(locale: string | undefined, textLang: string = defaultLocale): { lang?: string; dir?: 'ltr' | 'rtl' } {
	return (locale ?? defaultLocale) === textLang ? {} : { lang: textLang, dir: dirOf(textLang) };
}
