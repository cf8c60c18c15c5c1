/** The facility finder without the page (src/scripts/finder-core.ts): records, matches by distance, texts, pages. */
import { describe, expect, test } from 'vitest';
import { EMPTY_FILTER } from '../../src/lib/facility-filter';
import type { MapCategory, Place } from '../../src/lib/map-data';
import { findFacilities, formatDistance, groupCountText, metres, nextPage, optionCountText, placeRecords, statusText, streetOf, type FinderLabels } from '../../src/scripts/finder-core';
import { de } from '../../src/i18n/de';

const labels: FinderLabels = {
	statusAll: de['finder.statusAll'],
	statusSome: de['finder.statusSome'],
	statusNone: de['finder.statusNone'],
	statusNearest: de['finder.statusNearest'],
	locating: de['finder.locating'],
	locationFailed: de['finder.locationFailed'],
	distance: de['finder.distance'],
	more: de['finder.showMore'],
	groupSome: de['finder.groupSome'],
};

const kita: MapCategory = { id: 'kita', label: 'Kita', plural: 'Kitas', color: '#000', icon: '' };
const advice: MapCategory = { id: 'beratung', label: 'Beratung', plural: 'Beratungsstellen', color: '#000', icon: '' };
const place = (id: string, name: string, category: MapCategory, lat: number, lng: number, more: Partial<Place> = {}): Place => ({
	id,
	name,
	category,
	lat,
	lng,
	address: 'Lindenhofstraße 7, 04315 Leipzig',
	description: '',
	languages: ['de'],
	wheelchair: 'unknown',
	openingHours: '',
	calendar: '',
	...more,
});
const places = [
	place('kita-a', 'Kita Sonnenblume', kita, 51.345, 12.4, { languages: ['de', 'tr'], openingHours: 'Mo-Fr 06:30-17:00' }),
	place('kita-b', 'Kita Pusteblume', kita, 51.35, 12.41, { description: 'Färbergasse', languages: ['de', 'ar'] }),
	place('beratung', 'Mieterberatung Ost', advice, 51.34, 12.39, { languages: ['de', 'tr', 'ar'] }),
];
const never = () => false;

describe('records', () => {
	test('each place with its row; the text search sees name, category, address and description, folded', () => {
		const records = placeRecords(places);
		expect(records.map((r) => [r.id, r.row, r.category])).toEqual([['kita-a', 0, 'kita'], ['kita-b', 1, 'kita'], ['beratung', 2, 'beratung']]);
		expect(records[1]?.folded).toContain('faerbergasse');
		expect(records[0]?.openingHours).toBe('Mo-Fr 06:30-17:00');
		expect(records[1]?.openingHours).toBeUndefined();
		expect(findFacilities(records, { ...EMPTY_FILTER, query: 'beratung lindenhof' }, never).matches.map((r) => r.id)).toEqual(['beratung']);
	});
	test('a page of one category knows only its places, keeping their rows in the shared data', () => {
		expect(placeRecords(places, 'beratung').map((r) => [r.id, r.row])).toEqual([['beratung', 2]]);
	});
});

describe('matches', () => {
	test('in the order of the data, with counts per category and the rows the map shows', () => {
		const result = findFacilities(placeRecords(places), { ...EMPTY_FILTER, languages: ['tr'] }, never);
		expect(result.matches.map((r) => r.id)).toEqual(['kita-a', 'beratung']);
		expect([...result.perCategory]).toEqual([['kita', 1], ['beratung', 1]]);
		expect([...result.rows]).toEqual([0, 2]);
		expect(result.counts.languages).toEqual({ de: 3, tr: 2, ar: 2 });
	});
	test('the nearest first, and the rows in that order', () => {
		const here = { lat: 51.34, lng: 12.39 };
		const records = placeRecords(places);
		const result = findFacilities(records, EMPTY_FILTER, never, (r) => metres(here, places[r.row]!));
		expect(result.matches.map((r) => r.id)).toEqual(['beratung', 'kita-a', 'kita-b']);
		expect([...result.rows]).toEqual([2, 0, 1]);
	});
	test('„jetzt geöffnet" asks the opening-hours check, only for places with hours', () => {
		const asked: string[] = [];
		const result = findFacilities(placeRecords(places), { ...EMPTY_FILTER, openNow: true }, (hours) => (asked.push(hours), true));
		expect(result.matches.map((r) => r.id)).toEqual(['kita-a']);
		expect(asked).toEqual(['Mo-Fr 06:30-17:00']);
	});
});

describe('texts the finder writes', () => {
	test('status line: all, some, none, the nearest first only when there is an order', () => {
		expect(statusText(labels, 3, 3, false)).toBe('3 Einrichtungen');
		expect(statusText(labels, 1, 1, false)).toBe('1 Einrichtung');
		expect(statusText(labels, 2, 3, true)).toBe('2 von 3 Einrichtungen, die nächsten zuerst');
		expect(statusText(labels, 1, 3, true)).toBe('1 von 3 Einrichtungen');
		expect(statusText(labels, 0, 3, false)).toMatch(/^0 von 3 Einrichtungen – keine passt/);
	});
	test('category links and filter options', () => {
		expect(groupCountText(labels, 4, '4')).toBe('(4)');
		expect(groupCountText(labels, 1, '4')).toBe('(1 von 4)');
		const { counts } = findFacilities(placeRecords(places), EMPTY_FILTER, () => true);
		expect(optionCountText(counts, 'kategorie', 'kita', false)).toBe(' (2)');
		expect(optionCountText(counts, 'sprache', 'xx', false)).toBe(' (0)');
		expect(optionCountText(counts, 'rollstuhl', 'unknown', false)).toBe(' (3)');
		// „jetzt geöffnet" is counted once the check is loaded.
		expect(optionCountText(counts, 'offen', '1', false)).toBe('');
		expect(optionCountText(counts, 'offen', '1', true)).toBe(' (1)');
	});
	test('distances as a pedestrian says them; the street of an address', () => {
		expect(metres({ lat: 51.34, lng: 12.39 }, { lat: 51.34, lng: 12.39 })).toBe(0);
		expect(Math.round(metres({ lat: 51.34, lng: 12.39 }, { lat: 51.35, lng: 12.39 }))).toBe(1112);
		expect(formatDistance(10, 'de')).toBe('50 m');
		expect(formatDistance(349, 'de')).toBe('350 m');
		expect(formatDistance(1112, 'de')).toBe('1,1 km');
		expect(formatDistance(1112, 'en')).toBe('1.1 km');
		expect(formatDistance(1112, 'tr')).toBe('1,1 km');
		expect(streetOf('Lindenhofstraße 7, 04315 Leipzig')).toBe('Lindenhofstraße 7');
		expect(streetOf('Am Markt 1, Hinterhaus, 04315 Leipzig')).toBe('Am Markt 1, Hinterhaus');
		expect(streetOf('Lindenhofstraße 7')).toBe('Lindenhofstraße 7');
	});
});

describe('pages of matches', () => {
	const matches = Array.from({ length: 45 }, (_, i) => i);
	test('20 at a time, the button says how many come next and how many are left', () => {
		const first = nextPage(matches, 0, 20, labels);
		expect(first.next).toEqual(matches.slice(0, 20));
		expect(first.shown).toBe(20);
		expect(first.more).toBe('Weitere 20 von 25 anzeigen');
		const second = nextPage(matches, first.shown, 20, labels);
		expect(second.next[0]).toBe(20);
		expect(second.more).toBe('Weitere 5 von 5 anzeigen');
		const last = nextPage(matches, second.shown, 20, labels);
		expect(last.next).toEqual([40, 41, 42, 43, 44]);
		expect(last.shown).toBe(45);
		expect(last.more).toBe('');
		expect(nextPage([], 0, 20, labels)).toEqual({ next: [], shown: 0, more: '' });
	});
});
