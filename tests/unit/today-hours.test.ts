/**
 * „Heute (Di): 08:00–16:00" in the facility list: worked out at build time for the coming weeks day by day, so that
 * the browser's line is right on public holidays and outside a season, without the opening_hours library.
 */
import { describe, expect, test } from 'vitest';
import { hoursCalendar, hoursNote, isOpen, weekTable } from '../../src/lib/hours';
import { decodeCalendar, encodeCalendar, todayLine } from '../../src/lib/today-hours';
import { formatterFor } from '../../src/lib/format';

const words = { today: 'Heute', closed: 'geschlossen', weekdays: formatterFor('de').weekdays('short') };
const built = new Date('2026-12-01T09:00:00Z');

describe('the coming weeks day by day', () => {
	test('a public holiday with „PH off" is closed on its day (Christmas in Saxony), the usual week around it', () => {
		const calendar = hoursCalendar('Mo-Fr 08:00-16:00; PH off', built);
		expect(calendar.week).toEqual(['08:00–16:00', '08:00–16:00', '08:00–16:00', '08:00–16:00', '08:00–16:00', '', '']);
		expect(calendar.days).toMatchObject({ '2026-12-25': '', '2027-01-01': '' });
		expect(todayLine(calendar, new Date('2026-12-25T10:00:00Z'), words)).toBe('Heute (Fr): geschlossen');
		expect(todayLine(calendar, new Date('2026-12-22T10:00:00Z'), words)).toBe('Heute (Di): 08:00–16:00');
		// The list agrees with the „open now" filter.
		expect(isOpen('Mo-Fr 08:00-16:00; PH off', new Date('2026-12-25T10:00:00Z'))).toBe(false);
	});

	test('a season: closed in winter, open from its first day on', () => {
		const value = 'May-Sep Mo-Su 10:00-19:00';
		expect(todayLine(hoursCalendar(value, built), new Date('2027-01-12T12:00:00Z'), words)).toBe('Heute (Di): geschlossen');
		const spring = hoursCalendar(value, new Date('2027-04-20T08:00:00Z'));
		expect(todayLine(spring, new Date('2027-04-28T12:00:00Z'), words)).toBe('Heute (Mi): geschlossen');
		expect(todayLine(spring, new Date('2027-05-03T12:00:00Z'), words)).toBe('Heute (Mo): 10:00–19:00');
	});

	test('the days around the change to summer time keep their wall-clock hours', () => {
		const calendar = hoursCalendar('Mo-Su 09:00-17:00', new Date('2027-03-20T08:00:00Z'));
		expect(calendar.days).toEqual({});
		expect(todayLine(calendar, new Date('2027-03-29T07:30:00Z'), words)).toBe('Heute (Mo): 09:00–17:00');
		expect(todayLine(calendar, new Date('2027-03-28T22:30:00Z'), words)).toBe('Heute (Mo): 09:00–17:00');
	});

	test('travels in an attribute and comes back the same', () => {
		const calendar = hoursCalendar('Mo 09:00-12:00,14:00-18:00; We,Fr 09:00-12:00; PH off', built);
		expect(decodeCalendar(encodeCalendar(calendar))).toEqual(calendar);
		expect(encodeCalendar(calendar)).toContain('#2026-12-25=|2027-01-01=');
	});
});

describe('notes and open ends', () => {
	test('a note on a rule keeps its times and is shown as the note', () => {
		const value = 'Mo-Fr 08:00-16:00 "nur mit Termin"';
		expect(weekTable(value)[0]?.spans).toEqual(['08:00–16:00']);
		expect(hoursNote(value)).toBe('nur mit Termin');
	});

	test('an open end is „ab 10:00", not a guessed closing time or the library\'s remark', () => {
		expect(weekTable('Mo-Fr 10:00+')[0]?.spans).toEqual(['ab 10:00']);
		expect(hoursNote('Mo-Fr 10:00+')).toBeUndefined();
	});

	test('a value that is only a note, or a note for the rest of the time, is no opening time', () => {
		expect(hoursCalendar('"nach Vereinbarung"', built).week.every((spans) => spans === '')).toBe(true);
		expect(todayLine(hoursCalendar('Mo-Fr 08:00-16:00 || "nach Vereinbarung"', built), new Date('2026-12-05T10:00:00Z'), words)).toBe('Heute (Sa): geschlossen');
	});
});
