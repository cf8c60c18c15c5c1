import { describe, expect, test } from 'vitest';
import { berlinOffset, fromBerlinWallClock, parseBerlinDateTime, parseDay } from '../../src/lib/time';
import { compactWeek, dayNotes, hoursNote, isOpen, weekTable } from '../../src/lib/hours';
import { SHORT_WEEKDAYS } from '../../src/lib/opening-hours-form';
import { formatDay, formatEuros, formatPeriod, formatSpan, formatterFor } from '../../src/lib/format';
import { splitEvents } from '../../src/lib/content-logic';

describe('a note for whole days is recognised in the table, whatever it contains', () => {
	test('a note with „," or „=" is the same text in the day notes and in the week table', () => {
		const value = 'Mo-Fr 09:00-12:00; Sa "nach Vereinbarung, Tel. 0341=123"';
		const [note] = [...dayNotes(value)];
		expect(note).toBeDefined();
		expect(weekTable(value)[5]?.spans).toEqual([note]);
		// Said on its day, so not again under the table.
		expect(hoursNote(value)).toBeUndefined();
	});
});

describe('Berlin wall-clock time', () => {
	test('winter and summer offsets', () => {
		expect(fromBerlinWallClock(2026, 12, 3, 18, 0).toISOString()).toBe('2026-12-03T17:00:00.000Z');
		expect(fromBerlinWallClock(2026, 7, 3, 18, 0).toISOString()).toBe('2026-07-03T16:00:00.000Z');
	});
	test('the offset, remembered per hour, is what Intl says at every minute around both changes of 2026', () => {
		const intl = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });
		const expected = (instant: number) => {
			const name = intl.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? '';
			const [, sign = '+', hours = '0', minutes = '0'] = /GMT([+-])(\d{2}):(\d{2})/.exec(name) ?? [];
			return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
		};
		let checked = 0;
		for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
			for (let instant = change - 3 * 3_600_000; instant < change + 3 * 3_600_000; instant += 60_000 + 1_237) {
				expect(berlinOffset(instant), new Date(instant).toISOString()).toBe(expected(instant));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(600);
		expect(berlinOffset(Date.UTC(2026, 2, 29, 0, 59, 59, 999))).toBe(3_600_000);
		expect(berlinOffset(Date.UTC(2026, 2, 29, 1))).toBe(7_200_000);
	});
	test('an editor writes local time without zone, as text or as YAML timestamp', () => {
		expect((parseBerlinDateTime('2026-12-03T18:00') as Date).toISOString()).toBe('2026-12-03T17:00:00.000Z');
		expect((parseBerlinDateTime(new Date('2026-12-03T18:00:00Z')) as Date).toISOString()).toBe('2026-12-03T17:00:00.000Z');
		expect((parseBerlinDateTime('2026-12-03T18:00+01:00') as Date).toISOString()).toBe('2026-12-03T17:00:00.000Z');
		expect(parseBerlinDateTime('3.12.2026 18 Uhr')).toBe('3.12.2026 18 Uhr');
	});
	test('calendar days reject impossible dates instead of rolling over', () => {
		expect((parseDay('2026-02-28') as Date).toISOString()).toBe('2026-02-28T00:00:00.000Z');
		expect(parseDay('2026-02-30')).toBe('2026-02-30');
		expect(parseDay('14.10.2026')).toBe('14.10.2026');
	});
	test('German formats', () => {
		expect(formatDay(new Date('2026-10-14T00:00:00Z'))).toBe('14. Oktober 2026');
		expect(formatSpan(new Date('2026-12-03T17:00:00Z'), new Date('2026-12-03T19:00:00Z'))).toBe('Do., 3. Dezember 2026, 18:00–20:00 Uhr');
		expect(formatEuros(24500).replace(/\s/g, ' ')).toBe('24.500 €');
		expect(formatEuros(1280.5).replace(/\s/g, ' ')).toBe('1.280,50 €');
		expect(formatPeriod(new Date('2026-10-21T00:00:00Z'), new Date('2026-10-21T00:00:00Z'))).toBe('21. Oktober 2026');
		expect(formatPeriod(new Date('2026-10-21T00:00:00Z'), new Date('2026-11-30T00:00:00Z'))).toBe('21. Oktober 2026 – 30. November 2026');
	});
});

describe('opening hours', () => {
	const office = 'Tu 10:00-13:00; Th 14:00-18:00; PH off';
	test('the usual week as rows, Monday first', () => {
		const rows = weekTable(office);
		expect(rows.map((r) => r.spans)).toEqual([[], ['10:00–13:00'], [], ['14:00–18:00'], [], [], []]);
		const german = { weekdays: SHORT_WEEKDAYS, closed: 'geschlossen' };
		expect(compactWeek(weekTable('Mo-Fr 08:00-12:00,13:00-16:00; Sa 10:00-13:00'), german)).toBe('Mo–Fr 08:00–12:00, 13:00–16:00; Sa 10:00–13:00');
		expect(compactWeek(weekTable('24/7'), german)).toBe('Mo–So 00:00–24:00');
		expect(compactWeek(weekTable('Sa,Su 10:00-13:00'), { weekdays: formatterFor('en').weekdays('short'), closed: 'closed' })).toBe('Sat, Sun 10:00–13:00');
		expect(compactWeek(weekTable('off'), german)).toBe('geschlossen');
	});
	test('open at a Berlin time, closed on a Saxon public holiday', () => {
		expect(isOpen(office, new Date('2026-12-01T09:30:00Z'))).toBe(true); // Tue 10:30 Berlin
		expect(isOpen(office, new Date('2026-12-01T08:30:00Z'))).toBe(false); // Tue 09:30 Berlin
		expect(isOpen(office, new Date('2026-06-09T08:30:00Z'))).toBe(true); // Tue 10:30 Berlin (summer time)
		expect(isOpen(office, new Date('2026-11-18T15:00:00Z'))).toBe(false); // Buß- und Bettag, Wed – closed anyway
		expect(isOpen('Mo-Su 10:00-18:00; PH off', new Date('2026-11-18T11:00:00Z'))).toBe(false); // Buß- und Bettag: holiday in Saxony
		expect(isOpen('Mo-Su 10:00-18:00; PH off', new Date('2026-11-19T11:00:00Z'))).toBe(true);
	});
});

describe('events move to the past when their end has passed', () => {
	const event = (id: string, end: string) => ({ id, data: { end: new Date(end) } });
	test('split at a moment', () => {
		const events = [event('a', '2026-11-01T10:00:00Z'), event('b', '2026-11-27T10:00:00Z'), event('c', '2026-12-01T10:00:00Z')];
		const { upcoming, past } = splitEvents(events, new Date('2026-11-27T12:00:00Z'));
		expect(upcoming.map((e) => e.id)).toEqual(['c']);
		expect(past.map((e) => e.id)).toEqual(['b', 'a']);
	});
});
