import { de, type UiKey, type UiStrings } from './de';
import { en } from './en';
import { tr } from './tr';
import { ar } from './ar';
import { fill } from './fill';
import type { LanguageCode } from '../schemas/fields';

/**
 * One dictionary per site locale; all must have the same keys (checked by the type) and the same placeholders
 * (tests/unit/dictionaries.test.ts). German is the reference.
 */
const dictionaries: Record<string, UiStrings> = { de, en, tr, ar };

/** Right-to-left scripts. */
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

export const defaultLocale = 'de';

/** Text direction for a language tag. */
export function dirOf(lang: string): 'ltr' | 'rtl' {
	return RTL.has(lang.split('-')[0] ?? lang) ? 'rtl' : 'ltr';
}

/** A translator for one locale: `t('news.page', { page: 2, pages: 3 })`. */
export function useTranslations(locale: string = defaultLocale) {
	const dict = dictionaries[locale] ?? de;
	return (key: UiKey, params: Record<string, string | number> = {}) =>
		fill(dict[key], params);
}

/** German names of the languages people speak, for lists such as „Sprachen: Deutsch, Türkisch". */
export const languageNames: Record<LanguageCode, string> = {
	de: 'Deutsch',
	en: 'Englisch',
	tr: 'Türkisch',
	ar: 'Arabisch',
	ru: 'Russisch',
	uk: 'Ukrainisch',
	pl: 'Polnisch',
	fa: 'Persisch',
	ku: 'Kurdisch',
	ro: 'Rumänisch',
	bg: 'Bulgarisch',
	fr: 'Französisch',
	es: 'Spanisch',
	vi: 'Vietnamesisch',
	dgs: 'Deutsche Gebärdensprache',
};
