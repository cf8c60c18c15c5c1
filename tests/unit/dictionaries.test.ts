/**
 * One dictionary per language (src/i18n/): the same keys as the German reference (the type already demands that),
 * the same {placeholders} in every text, and no text left empty or in German by mistake.
 */
import { describe, expect, test } from 'vitest';
import { de, type UiKey } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';
import { tr } from '../../src/i18n/tr';
import { ar } from '../../src/i18n/ar';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
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

test('Arabic texts are written in Arabic script', () => {
	const latinOnly = keys.filter((key) => ar[key].replace(/\{\w+\}/g, '').length > 12 && !/[\u0600-\u06FF]/.test(ar[key]));
	expect(latinOnly).toEqual([]);
});
