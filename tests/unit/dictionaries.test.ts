/**
 * One dictionary per language (src/i18n/): the same keys as the German reference (the type already demands that),
 * the same {placeholders} in every text, and no text left empty or in German by mistake.
 */
import { describe, expect, test } from 'vitest';
import { de, type UiKey } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';
import { tr } from '../../src/i18n/tr';
import { ar } from '../../src/i18n/ar';
import { fill } from '../../src/i18n/fill';
import { languageAutonym, languageName, languageNames } from '../../src/i18n';

/** The values a text asks for: its {placeholders} and the numbers its plurals choose by ({count, plural, …}). */
const placeholders = (text: string) => {
	const plurals = [...text.matchAll(/\{(\w+),\s*plural,/g)].map((m) => m[1] ?? '');
	// With a number for each plural, the plurals become text and the simple placeholders stay as they are.
	const simple = [...fill(text, Object.fromEntries(plurals.map((name) => [name, 5])), false, 'en').matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
	return [...new Set([...plurals, ...simple])].sort();
};
const keys = Object.keys(de) as UiKey[];

describe.each([
	['en', en],
	['tr', tr],
	['ar', ar],
] as const)('the %s dictionary', (code, dict) => {
	test('has every key of the German one, in the same order, and no other', () => {
		expect(Object.keys(dict)).toEqual(keys);
	});

	test('keeps every {placeholder} of each text', () => {
		const wrong = keys.filter((key) => placeholders(dict[key]).join() !== placeholders(de[key]).join());
		expect(wrong, `${code}: ${wrong.join(', ')}`).toEqual([]);
	});

	test('leaves no text empty and no longer text identical to the German', () => {
		const empty = keys.filter((key) => !dict[key].trim());
		expect(empty).toEqual([]);
		// Short texts may rightly be the same (names, „OK", „CSV"); a sentence should not be.
		const untranslated = keys.filter((key) => de[key].length > 24 && dict[key] === de[key]);
		expect(untranslated, `${code}: ${untranslated.join(', ')}`).toEqual([]);
	});
});

test('every plural has an „other" form and only the forms Intl.PluralRules knows', () => {
	for (const [code, dict] of [['de', de], ['en', en], ['tr', tr], ['ar', ar]] as const) {
		for (const key of keys) {
			const text: string = dict[key];
			if (!/\{\w+,\s*plural,/.test(text)) continue;
			expect(text, `${code} ${key}`).toMatch(/\bother\s*\{/);
			const used = [...text.matchAll(/\b(zero|one|two|few|many|other)\s*\{/g)].map((m) => m[1]);
			const known = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
			expect(used.filter((form) => !known.includes(form as Intl.LDMLPluralRule)), `${code} ${key}`).toEqual([]);
		}
	}
});

test('Arabic texts are written in Arabic script', () => {
	const latinOnly = keys.filter((key) => ar[key].replace(/\{\w+\}/g, '').length > 12 && !/[\u0600-\u06FF]/.test(ar[key]));
	expect(latinOnly).toEqual([]);
});

describe('names of languages', () => {
	test('in German as before, in the reader’s language, and each language in itself for the switcher', () => {
		expect(languageNames).toMatchObject({ de: 'Deutsch', tr: 'Türkisch', ar: 'Arabisch', fa: 'Persisch', uk: 'Ukrainisch', dgs: 'Deutsche Gebärdensprache' });
		expect(['de', 'ar', 'dgs'].map((code) => languageName(code as 'de', 'tr'))).toEqual(['Almanca', 'Arapça', 'Alman İşaret Dili']);
		expect(languageName('tr', 'en')).toBe('Turkish');
		expect(languageName('de', 'ar')).toBe('الألمانية');
		expect(['de', 'en', 'tr', 'ar'].map((code) => languageAutonym(code as 'de'))).toEqual(['Deutsch', 'English', 'Türkçe', 'العربية']);
	});
});
