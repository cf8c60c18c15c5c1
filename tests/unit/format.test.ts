/** Dates, times, money and lists per language through Intl (src/lib/format.ts). */
import { describe, expect, test } from 'vitest';
import { formatterFor, formatSpan, formatEuros, listOf } from '../../src/lib/format';

const start = new Date('2026-12-03T17:00:00Z'); // 18:00 in Berlin
const end = new Date('2026-12-03T19:00:00Z');

describe('formatting per language', () => {
	test('German keeps its forms („Uhr", dot thousands, „und")', () => {
		expect(formatSpan(start, end)).toBe('Do., 3. Dezember 2026, 18:00–20:00 Uhr');
		expect(formatEuros(24500)).toBe('24.500\u00a0€');
		expect(listOf(['Deutsch', 'Türkisch', 'Arabisch'])).toBe('Deutsch, Türkisch und Arabisch');
	});

	test('English, Turkish and Arabic: their own words, a 24-hour clock without „Uhr", their own list words', () => {
		const en = formatterFor('en');
		expect(en.span(start, end)).toBe('Thu, 3 December 2026, 18:00–20:00');
		expect(en.list(['a', 'b', 'c'])).toBe('a, b and c');
		expect(en.euros(1280.5)).toBe('€1,280.50');
		const tr = formatterFor('tr');
		expect(tr.span(start, end)).toContain('Aralık');
		expect(tr.span(start, end)).toMatch(/18:00–20:00$/);
		expect(tr.list(['a', 'b'])).toBe('a ve b');
		const ar = formatterFor('ar');
		expect(ar.day(start)).toContain('ديسمبر');
		// Between date and time the language's own separator: the Arabic comma, no Latin one.
		expect(ar.span(start, end)).toMatch(/2026، 18:00–20:00$/);
		expect(ar.span(start, new Date(end.getTime() + 86_400_000))).not.toContain(',');
		expect(tr.span(start, end)).toMatch(/ 18:00–20:00$/);
		expect(tr.span(start, end)).not.toContain(',');
		expect(ar.list(['أ', 'ب'])).toBe('أ وب');
	});

	test('weekdays (Monday first) and months in each language, with no German word in the helpers', () => {
		expect(formatterFor('de').weekdays('long')).toEqual(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
		expect(formatterFor('de').weekdays('short')[6]).toBe('So');
		expect(formatterFor('en').weekdays('long')[0]).toBe('Monday');
		expect(formatterFor('tr').weekdays('long')[4]).toBe('Cuma');
		expect(formatterFor('ar').weekdays('long')[4]).toBe('الجمعة');
		expect(formatterFor('de').month(5)).toBe('Mai');
		expect(formatterFor('en').month(12)).toBe('December');
		expect(formatterFor('tr').month(3)).toBe('Mart');
	});

	test('Arabic uses Latin digits', () => {
		const ar = formatterFor('ar');
		for (const text of [ar.day(start), ar.span(start, end), ar.euros(24500), ar.number(7500)]) {
			expect(text, text).toMatch(/[0-9]/);
			expect(text, text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
		}
	});
});
