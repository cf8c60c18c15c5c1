/** The calendar builder (src/lib/calendar.ts) read back with a real iCalendar parser (ical.js). */
import { describe, expect, test } from 'vitest';
import ICAL from 'ical.js';
import { icsCalendar, type CalendarRecord } from '../../src/lib/calendar';
import { fromBerlinWallClock } from '../../src/lib/time';
import { pageMatches, subscriptionList, subscriptionPath } from '../../src/lib/subscriptions';

const HOST = 'quartier.example.org';

/** A record at Berlin wall-clock times, as content files give them. */
function record(id: string, day: [number, number, number], from: [number, number], to: [number, number], extra: Partial<CalendarRecord> = {}): CalendarRecord {
	return { id, title: `Termin ${id}`, summary: 'Kurz gesagt.', start: fromBerlinWallClock(...day, ...from), end: fromBerlinWallClock(...day, ...to), url: `https://${HOST}/termine/${id}/`, ...extra };
}

/** Parses a calendar, registers its VTIMEZONE, and returns the events. */
function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	return { calendar, events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)) };
}

const autumn = record('erzaehlcafe', [2026, 10, 25], [10, 0], [12, 0], { location: { name: 'Begegnungsstätte', address: 'Lindenstraße 3, 04315 Leipzig', lat: 51.3411, lng: 12.4102 }, categories: ['Sonstiges', 'Nachbarschaft'] });
const spring = record('fruehjahrsputz', [2027, 3, 28], [10, 0], [14, 0], { location: { address: 'Am Mühlenpark, 04315 Leipzig' } });
const ics = icsCalendar([spring, autumn], { name: 'Mühlenviertel: Alle Termine', host: HOST });

describe('calendar files', () => {
	test('carry a real VTIMEZONE for Europe/Berlin with both switches', () => {
		const { calendar } = parse(ics);
		const zone = calendar.getFirstSubcomponent('vtimezone');
		expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
		expect(zone?.getAllSubcomponents('daylight')).toHaveLength(1);
		expect(zone?.getAllSubcomponents('standard')).toHaveLength(1);
	});

	test('write wall-clock times with TZID=Europe/Berlin', () => {
		const { events } = parse(ics);
		for (const event of events) {
			expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
			expect(event.startDate.hour).toBe(10);
		}
		expect(ics).toMatch(/^DTSTART;TZID=Europe\/Berlin:20261025T100000\r?$/m);
	});

	test('keep 10:00 at 10:00 across both daylight saving switches', () => {
		const { events } = parse(ics);
		const byId = new Map(events.map((event) => [event.uid, event]));
		// Last Sunday of October: winter time (UTC+1) from 03:00 that night.
		expect(byId.get(`erzaehlcafe@${HOST}`)?.startDate.toJSDate().toISOString()).toBe('2026-10-25T09:00:00.000Z');
		// Last Sunday of March: summer time (UTC+2) from 02:00 that night.
		expect(byId.get(`fruehjahrsputz@${HOST}`)?.startDate.toJSDate().toISOString()).toBe('2027-03-28T08:00:00.000Z');
		expect(byId.get(`fruehjahrsputz@${HOST}`)?.endDate.toJSDate().toISOString()).toBe('2027-03-28T12:00:00.000Z');
	});

	test('give every event a stable UID, its place, coordinates, address and categories', () => {
		const again = icsCalendar([autumn, spring], { name: 'Mühlenviertel: Alle Termine', host: HOST });
		// Same records in another order, built another time: the same file (calendar apps update, never duplicate).
		expect(again).toBe(ics);
		const { events } = parse(ics);
		expect(events.map((event) => event.uid)).toEqual([`erzaehlcafe@${HOST}`, `fruehjahrsputz@${HOST}`]);
		const [cafe, putz] = events;
		expect(cafe?.location).toContain('Begegnungsstätte');
		expect(cafe?.location).toContain('Lindenstraße 3, 04315 Leipzig');
		expect(cafe?.component.getFirstPropertyValue('geo')).toEqual([51.3411, 12.4102]);
		expect(cafe?.component.getFirstProperty('categories')?.getValues()).toEqual(['Sonstiges', 'Nachbarschaft']);
		expect(cafe?.description).toBe(`Kurz gesagt.\n\nhttps://${HOST}/termine/erzaehlcafe/`);
		expect(cafe?.component.getFirstPropertyValue('url')).toBe(`https://${HOST}/termine/erzaehlcafe/`);
		expect(putz?.location).toBe('Am Mühlenpark, 04315 Leipzig');
		expect(putz?.component.getFirstPropertyValue('geo')).toBeNull();
	});

	test('a repeating record (second Tuesday of each month) expands in Berlin time across the switch', () => {
		const group = record('ag-gruen', [2026, 9, 8], [18, 0], [19, 30], { rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=8' });
		const [event] = parse(icsCalendar([group], { name: 'AG', host: HOST })).events;
		expect(event?.isRecurring()).toBe(true);
		const iterator = event!.iterator();
		const starts: string[] = [];
		for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toJSDate().toISOString());
		// 18:00 in Berlin: 16:00Z in summer, 17:00Z in winter.
		expect(starts).toEqual([
			'2026-09-08T16:00:00.000Z',
			'2026-10-13T16:00:00.000Z',
			'2026-11-10T17:00:00.000Z',
			'2026-12-08T17:00:00.000Z',
			'2027-01-12T17:00:00.000Z',
			'2027-02-09T17:00:00.000Z',
			'2027-03-09T17:00:00.000Z',
			'2027-04-13T16:00:00.000Z',
		]);
		for (const start of starts) expect(new Date(start).getUTCDay()).toBe(2);
	});

	test('days off of a repeating record are left out (EXDATE in Berlin time), the other dates stay', () => {
		const off = fromBerlinWallClock(2026, 11, 10, 18, 0);
		const group = record('ag-gruen', [2026, 9, 8], [18, 0], [19, 30], { rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4', exdates: [off] });
		const ics = icsCalendar([group], { name: 'AG', host: HOST });
		expect(ics).toContain('EXDATE;TZID=Europe/Berlin:20261110T180000');
		const [event] = parse(ics).events;
		const iterator = event!.iterator();
		const starts: string[] = [];
		for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toJSDate().toISOString());
		// The parser skips the day off as a calendar app does.
		expect(starts).toEqual(['2026-09-08T16:00:00.000Z', '2026-10-13T16:00:00.000Z', '2026-12-08T17:00:00.000Z']);
	});

	test('an empty calendar is still a calendar', () => {
		const { calendar, events } = parse(icsCalendar([], { name: 'Leer', host: HOST }));
		expect(calendar.name).toBe('vcalendar');
		expect(events).toEqual([]);
	});
});

describe('the subscription list', () => {
	const list = subscriptionList({
		themes: [{ id: 'umwelt', label: 'Umwelt' }],
		eventTypes: [{ id: 'quartiersrat', label: 'Quartiersrat' }],
		feedLanguages: { news: ['de', 'en'] },
	});

	test('names every feed and calendar once, with its address', () => {
		expect(list.map((s) => s.id)).toEqual(['news', 'theme:umwelt', 'decisions', 'calls', 'events', 'network', 'events:quartiersrat']);
		expect(new Set(list.map((s) => s.path)).size).toBe(list.length);
	});

	test('a reader gets the feed in their language where it exists, the German one otherwise', () => {
		const news = list.find((s) => s.id === 'news')!;
		const calls = list.find((s) => s.id === 'calls')!;
		expect(subscriptionPath(news, 'en')).toEqual({ path: '/en/aktuelles/feed.xml', lang: 'en' });
		expect(subscriptionPath(news, 'tr')).toEqual({ path: '/aktuelles/feed.xml', lang: 'de' });
		expect(subscriptionPath(calls, 'ar')).toEqual({ path: '/aufrufe/feed.xml', lang: 'de' });
	});

	test('pages match exactly or below a „*"', () => {
		expect(pageMatches('/aktuelles/seite/2/', ['/aktuelles/*'])).toBe(true);
		expect(pageMatches('/aufrufe/x/', ['/aufrufe/'])).toBe(false);
		expect(pageMatches('/aufrufe/', ['/aufrufe/'])).toBe(true);
	});
});
