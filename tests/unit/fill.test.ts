/** Placeholders and plurals in dictionary texts (src/i18n/fill.ts), as pages and browser scripts fill them. */
import { describe, expect, test } from 'vitest';
import { fill } from '../../src/i18n/fill';

describe('fill', () => {
	test('fills placeholders and leaves a missing one visible, or drops it when asked', () => {
		expect(fill('{count} von {total}', { count: 3, total: 9 })).toBe('3 von 9');
		expect(fill('Hallo {name}', {})).toBe('Hallo {name}');
		expect(fill('Hallo {name}', {}, true)).toBe('Hallo ');
	});

	test('chooses the plural form by the language’s own rules', () => {
		const de = '{count, plural, one {# Treffer} other {# Treffer}} für {query}';
		expect(fill(de, { count: 1, query: 'Kita' }, false, 'de')).toBe('1 Treffer für Kita');
		const en = '{count, plural, one {# result} other {# results}}';
		expect(fill(en, { count: 1 }, false, 'en')).toBe('1 result');
		expect(fill(en, { count: 0 }, false, 'en')).toBe('0 results');
		expect(fill(en, { count: 12 }, false, 'en')).toBe('12 results');
		const ar = '{count, plural, zero {لا توجد نتائج} one {نتيجة واحدة} two {نتيجتان} few {# نتائج} many {# نتيجة} other {# نتيجة}}';
		expect([0, 1, 2, 3, 11, 100].map((count) => fill(ar, { count }, false, 'ar'))).toEqual(['لا توجد نتائج', 'نتيجة واحدة', 'نتيجتان', '3 نتائج', '11 نتيجة', '100 نتيجة']);
		// Latin digits in Arabic too.
		expect(fill(ar, { count: 1234 }, false, 'ar')).toBe('1234 نتيجة');
	});

	test('an exact number wins over its category; without a number the plural stays for the browser to fill', () => {
		const text = '{n, plural, =0 {keine Einträge} one {ein Eintrag} other {# Einträge}} in {place}';
		expect(fill(text, { n: 0, place: 'A' }, false, 'de')).toBe('keine Einträge in A');
		expect(fill(text, { n: 1, place: 'A' }, false, 'de')).toBe('ein Eintrag in A');
		// As the build writes it into a data attribute, and as the browser then fills it.
		const handedOn = fill(text, { place: 'A' }, false, 'de');
		expect(handedOn).toBe('{n, plural, =0 {keine Einträge} one {ein Eintrag} other {# Einträge}} in A');
		expect(fill(handedOn, { n: 7 }, true, 'de')).toBe('7 Einträge in A');
		expect(fill(text, {}, true, 'de')).toBe(' Einträge in ');
	});

	test('the number as on a marker (Latin digits, no grouping); a plural with a misspelt form stays as written', () => {
		expect(fill('{count, plural, one {# Treffer} other {# Treffer}}', { count: 1234 }, false, 'de')).toBe('1234 Treffer');
		expect(fill('{count, plural, one {# result} other {# results}}', { count: 1.5 }, false, 'en')).toBe('1.5 results');
		const misspelt = '{n, plural, one {eins} ohter {# viele}} Ende';
		expect(fill(misspelt, { n: 5 }, false, 'de')).toBe(misspelt);
	});
});
