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

/** Numbers that reach every plural category of the site's languages (Arabic: zero, one, two, few, many, other). */
const SAMPLES = [0, 1, 2, 3, 11, 100];

/** The values a text asks for: the numbers its plurals choose by, and its {placeholders} in every plural form. */
const placeholders = (text: string, code: string) => {
	const plurals = [...text.matchAll(/\{(\w+),\s*plural,/g)].map((m) => m[1] ?? '');
	const simple = SAMPLES.flatMap((n) => [...fill(text, Object.fromEntries(plurals.map((name) => [name, n])), false, code).matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));
	return [...new Set([...plurals.map((name) => `${name} (plural)`), ...simple])].sort();
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
		// Every plural form of the language is filled (its own rules), and a plural stays a plural.
		const wrong = keys.filter((key) => placeholders(dict[key], code).join() !== placeholders(de[key], 'de').join());
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

test('a count on the map names its number in every form (the group’s name starts with the number it shows)', () => {
	for (const [code, dict] of [['de', de], ['en', en], ['tr', tr], ['ar', ar]] as const) {
		for (const key of ['map.facilityCount', 'map.projectCount', 'map.eventCount'] as const) {
			for (const n of SAMPLES) expect(fill(dict[key], { count: n }, false, code), `${code} ${key} ${n}`).toMatch(new RegExp(`^${n}\\s`));
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
