import { describe, expect, test } from 'vitest';
import { applyFilter, EMPTY_FILTER, facetCounts, filterToSearch, fold, parseFilter, type FacilityRecord } from '../../src/lib/facility-filter';
import { isOpen } from '../../src/lib/hours';

const facilities: FacilityRecord[] = [
	{ id: 'kita-a', name: 'Kita Sonnenblume', category: 'kita', text: 'Lindenhofstraße 7 Kindertagesstätte', languages: ['de', 'tr'], wheelchair: 'yes', openingHours: 'Mo-Fr 06:30-17:00; PH off' },
	{ id: 'kita-b', name: 'Kita Pusteblume', category: 'kita', text: 'Färbergasse 3', languages: ['de', 'ar'], wheelchair: 'limited', openingHours: 'Mo-Fr 07:00-16:00; PH off' },
	{ id: 'beratung', name: 'Mieterberatung Ost', category: 'beratung', text: 'Weberstraße 12 Miete Nebenkosten', languages: ['de', 'tr', 'ar'], wheelchair: 'no', openingHours: 'Mo 14:00-18:00; We 09:00-12:00; PH off' },
	{ id: 'spielplatz', name: 'Spielplatz Mühlenpark', category: 'spielplatz', text: 'Am Mühlgraben', languages: ['de'], wheelchair: 'unknown' },
];
/** Opening hours in Berlin time at a fixed moment, as the browser will evaluate them. */
const at = (iso: string) => (hours: string) => isOpen(hours, new Date(iso));
const ids = (list: FacilityRecord[]) => list.map((f) => f.id);

describe('filter state in the URL', () => {
	test('round trip, stable order, German parameter names', () => {
		const state = { categories: ['kita', 'beratung'], query: 'Mühle', languages: ['tr'], wheelchair: ['yes', 'limited'], openNow: true };
		const search = filterToSearch(state);
		expect(search).toBe('?kategorie=beratung&kategorie=kita&q=M%C3%BChle&sprache=tr&rollstuhl=limited&rollstuhl=yes&offen=1');
		expect(parseFilter(search)).toEqual({ ...state, categories: ['beratung', 'kita'], wheelchair: ['limited', 'yes'] });
		expect(filterToSearch(EMPTY_FILTER)).toBe('');
		expect(parseFilter('?kategorie=kita,schule')).toMatchObject({ categories: ['kita', 'schule'] });
	});
});

describe('matching', () => {
	test('free text ignores case and matches umlauts and their ae/oe/ue spelling', () => {
		expect(fold('Mühlgasse Straße')).toBe('muehlgasse strasse');
		expect(ids(applyFilter(facilities, { ...EMPTY_FILTER, query: 'muehlenpark' }, at('2026-12-01T10:00:00Z')))).toEqual(['spielplatz']);
		expect(ids(applyFilter(facilities, { ...EMPTY_FILTER, query: 'MÜHLENPARK' }, at('2026-12-01T10:00:00Z')))).toEqual(['spielplatz']);
		expect(ids(applyFilter(facilities, { ...EMPTY_FILTER, query: 'kita türkisch' }, at('2026-12-01T10:00:00Z')))).toEqual([]);
	});
	test('„die nächste Kita mit Türkisch, jetzt geöffnet" – on a Tuesday morning and on a Saxon holiday', () => {
		const state = { ...EMPTY_FILTER, categories: ['kita'], languages: ['tr'], openNow: true };
		expect(ids(applyFilter(facilities, state, at('2026-12-01T09:00:00Z')))).toEqual(['kita-a']); // Tue 10:00 Berlin
		expect(ids(applyFilter(facilities, state, at('2026-12-01T17:30:00Z')))).toEqual([]); // Tue 18:30 Berlin
		expect(ids(applyFilter(facilities, state, at('2026-11-18T09:00:00Z')))).toEqual([]); // Buß- und Bettag (Saxony)
		expect(ids(applyFilter(facilities, state, at('2026-06-09T05:00:00Z')))).toEqual(['kita-a']); // Tue 07:00 summer time
	});
	test('several languages must all be spoken; wheelchair values are alternatives', () => {
		expect(ids(applyFilter(facilities, { ...EMPTY_FILTER, languages: ['tr', 'ar'] }, at('2026-12-01T09:00:00Z')))).toEqual(['beratung']);
		expect(ids(applyFilter(facilities, { ...EMPTY_FILTER, wheelchair: ['yes', 'limited'] }, at('2026-12-01T09:00:00Z')))).toEqual(['kita-a', 'kita-b']);
	});
	test('places without opening hours are never „jetzt geöffnet"', () => {
		expect(ids(applyFilter(facilities, { ...EMPTY_FILTER, openNow: true }, at('2026-11-30T15:00:00Z')))).toEqual(['kita-a', 'beratung']); // Mon 16:00: Kita B has just closed
	});
});

describe('counts next to the filter options', () => {
	test('each option counts what it would show together with the other filters', () => {
		const counts = facetCounts(facilities, { ...EMPTY_FILTER, languages: ['tr'] }, at('2026-12-01T09:00:00Z'));
		expect(counts.categories).toEqual({ kita: 1, beratung: 1 });
		expect(counts.languages).toEqual({ de: 4, tr: 2, ar: 2 });
		expect(counts.wheelchair).toEqual({ yes: 1, no: 1 });
		expect(counts.openNow).toBe(1);
	});
});

describe('counts in one pass', () => {
	test('equal the counts of filtering again with each option left out, for every combination of filters', () => {
		const when = at('2026-12-01T09:00:00Z');
		const tally = (list: FacilityRecord[], key: (f: FacilityRecord) => string[]) => {
			const table: Record<string, number> = {};
			for (const f of list) for (const value of key(f)) table[value] = (table[value] ?? 0) + 1;
			return table;
		};
		const choices = {
			categories: [[], ['kita'], ['kita', 'beratung']],
			languages: [[], ['tr'], ['tr', 'ar']],
			wheelchair: [[], ['yes'], ['no', 'limited']],
			query: ['', 'kita', 'strasse'],
			openNow: [false, true],
		};
		let checked = 0;
		for (const categories of choices.categories)
			for (const languages of choices.languages)
				for (const wheelchair of choices.wheelchair)
					for (const query of choices.query)
						for (const openNow of choices.openNow) {
							const state = { categories, languages, wheelchair, query, openNow };
							expect(facetCounts(facilities, state, when)).toEqual({
								categories: tally(applyFilter(facilities, { ...state, categories: [] }, when), (f) => [f.category]),
								languages: tally(applyFilter(facilities, { ...state, languages: [] }, when), (f) => f.languages),
								wheelchair: tally(applyFilter(facilities, { ...state, wheelchair: [] }, when), (f) => [f.wheelchair]),
								openNow: applyFilter(facilities, { ...state, openNow: true }, when).length,
							});
							checked++;
						}
		expect(checked).toBe(162);
	});
});
