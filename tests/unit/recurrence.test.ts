import { describe, expect, test } from 'vitest';
import { describeRule, endOf, meetingSeries, nextOccurrence, nextOccurrences, occurrences, toRRule, type RecurrenceRule } from '../../src/lib/recurrence';
import { checkEntry } from '../../cms/rules';
import { schemaFactories } from '../../src/schemas';
import { entryFiles, readData, schemaContext } from '../helpers/content';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const span = (from: string, to: string) => [new Date(from), new Date(to)] as const;

describe('meetings fall on the right days, in Berlin time', () => {
	test('the last Sunday of March and of October at 17:00 keep their wall-clock time across DST', () => {
		const rule: RecurrenceRule = { frequency: 'monthly', weekday: 'sonntag', week: -1, time: '17:00', end: '19:00' };
		const all = occurrences(rule, ...span('2026-10-01T00:00:00Z', '2027-04-01T00:00:00Z'));
		// 25 October 2026 is after the change back to winter time (UTC+1), 28 March 2027 after the change to summer time (UTC+2).
		expect(all[0]?.toISOString()).toBe('2026-10-25T16:00:00.000Z');
		expect(all.at(-1)?.toISOString()).toBe('2027-03-28T15:00:00.000Z');
		expect(all).toHaveLength(6);
		expect(endOf(rule, all.at(-1) as Date).toISOString()).toBe('2027-03-28T17:00:00.000Z');
	});

	test('the n-th weekday of the month', () => {
		const second = occurrences({ frequency: 'monthly', weekday: 'dienstag', week: 2, time: '17:00' }, ...span('2026-12-01T00:00:00Z', '2027-03-01T00:00:00Z'));
		expect(iso(second)).toEqual(['2026-12-08T16:00:00.000Z', '2027-01-12T16:00:00.000Z', '2027-02-09T16:00:00.000Z']);
		// A month that begins on the weekday itself: 1 December 2026 is a Tuesday, so it is the first.
		const first = occurrences({ frequency: 'monthly', weekday: 'dienstag', week: 1, time: '09:30' }, ...span('2026-11-30T00:00:00Z', '2026-12-31T00:00:00Z'));
		expect(iso(first)).toEqual(['2026-12-01T08:30:00.000Z']);
		const fourth = occurrences({ frequency: 'monthly', weekday: 'samstag', week: 4, time: '10:00' }, ...span('2027-05-01T00:00:00Z', '2027-06-01T00:00:00Z'));
		expect(iso(fourth)).toEqual(['2027-05-22T08:00:00.000Z']);
	});

	test('the last weekday of the month, also in a month with five of them', () => {
		const last = occurrences({ frequency: 'monthly', weekday: 'freitag', week: -1, time: '18:00' }, ...span('2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z'));
		expect(iso(last)).toEqual(['2026-12-25T17:00:00.000Z', '2027-01-29T17:00:00.000Z']);
	});

	test('weekly, every week and every second week counted from the first meeting', () => {
		const weekly = occurrences({ frequency: 'weekly', weekday: 'mittwoch', time: '16:30' }, ...span('2026-12-01T09:00:00Z', '2026-12-20T00:00:00Z'));
		expect(iso(weekly)).toEqual(['2026-12-02T15:30:00.000Z', '2026-12-09T15:30:00.000Z', '2026-12-16T15:30:00.000Z']);
		const fortnightly = occurrences({ frequency: 'weekly', weekday: 'mittwoch', interval: 2, since: '2026-12-09', time: '16:30' }, ...span('2026-12-01T00:00:00Z', '2027-01-10T00:00:00Z'));
		expect(iso(fortnightly)).toEqual(['2026-12-09T15:30:00.000Z', '2026-12-23T15:30:00.000Z', '2027-01-06T15:30:00.000Z']);
	});

	test('every second month counted from the first meeting, none before it (May is in summer time)', () => {
		const rule: RecurrenceRule = { frequency: 'monthly', weekday: 'donnerstag', week: 1, interval: 2, since: new Date('2026-11-05T00:00:00Z'), time: '18:00' };
		expect(iso(occurrences(rule, ...span('2026-01-01T00:00:00Z', '2027-06-01T00:00:00Z')))).toEqual(['2026-11-05T17:00:00.000Z', '2027-01-07T17:00:00.000Z', '2027-03-04T17:00:00.000Z', '2027-05-06T16:00:00.000Z']);
	});

	test('days off are left out; the next meeting is the first that starts after now', () => {
		const rule: RecurrenceRule = { frequency: 'weekly', weekday: 'mittwoch', time: '16:30', except: ['2026-12-23', new Date('2026-12-30T00:00:00Z')] };
		expect(iso(nextOccurrences(rule, new Date('2026-12-17T00:00:00Z'), 3))).toEqual(['2027-01-06T15:30:00.000Z', '2027-01-13T15:30:00.000Z', '2027-01-20T15:30:00.000Z']);
		// At the very minute a meeting begins it is no longer the next one.
		expect(nextOccurrence(rule, new Date('2027-01-06T15:30:00.000Z'))?.toISOString()).toBe('2027-01-13T15:30:00.000Z');
		expect(nextOccurrence(rule, new Date('2027-01-06T15:29:59.000Z'))?.toISOString()).toBe('2027-01-06T15:30:00.000Z');
	});
});

describe('a rule as one repeating calendar event', () => {
	test('starts with the first meeting from the given day on; the days off are its exceptions, at the meeting time', () => {
		const rule: RecurrenceRule = { frequency: 'weekly', weekday: 'mittwoch', time: '16:30', except: ['2026-12-23', '2026-12-30'] };
		const series = meetingSeries(rule, new Date('2026-12-01T00:00:00Z'));
		expect(series?.first.toISOString()).toBe('2026-12-02T15:30:00.000Z');
		expect(series?.exdates.map((d) => d.toISOString())).toEqual(['2026-12-23T15:30:00.000Z', '2026-12-30T15:30:00.000Z']);
		// From Christmas Eve the first meeting is after the last day off: the series has no exception.
		const later = meetingSeries(rule, new Date('2026-12-24T00:00:00Z'));
		expect(later?.first.toISOString()).toBe('2027-01-06T15:30:00.000Z');
		expect(later?.exdates).toEqual([]);
	});
});

describe('the rule in plain words and as RRULE', () => {
	const second: RecurrenceRule = { frequency: 'monthly', weekday: 'dienstag', week: 2, time: '17:00' };
	const weekly: RecurrenceRule = { frequency: 'weekly', weekday: 'mittwoch', time: '16:30' };
	const last: RecurrenceRule = { frequency: 'monthly', weekday: 'freitag', week: -1, time: '18:00' };
	test('German', () => {
		expect(describeRule(second)).toBe('jeden 2. Dienstag im Monat, 17 Uhr');
		expect(describeRule(weekly)).toBe('jeden Mittwoch, 16:30 Uhr');
		expect(describeRule(last)).toBe('jeden letzten Freitag im Monat, 18 Uhr');
		expect(describeRule({ ...weekly, interval: 2, since: '2026-12-09' })).toBe('alle 2 Wochen am Mittwoch, 16:30 Uhr');
		expect(describeRule({ ...last, interval: 3, since: '2026-12-01', time: '09:15' })).toBe('alle 3 Monate am letzten Freitag, 9:15 Uhr');
	});
	test('other languages from their dictionaries', () => {
		expect(describeRule(second, 'en')).toBe('every second Tuesday of the month, 17:00');
		expect(describeRule(weekly, 'tr')).toBe('her çarşamba, saat 16:30');
		expect(describeRule(last, 'ar')).toBe('يوم الجمعة الأخير من كل شهر، الساعة 18:00');
	});
	test('RRULE', () => {
		expect(toRRule(second)).toBe('FREQ=MONTHLY;BYDAY=2TU');
		expect(toRRule(weekly)).toBe('FREQ=WEEKLY;BYDAY=WE');
		expect(toRRule(last)).toBe('FREQ=MONTHLY;BYDAY=-1FR');
		expect(toRRule({ ...weekly, interval: 2 })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
	});
});

describe('network entries', () => {
	const schema = schemaFactories.netzwerk(schemaContext);
	const groups = entryFiles('netzwerk').map((file) => readData(file) as { kind: string; meeting?: unknown });
	test('the sample has at least 12 partners and 4 working groups, every group with a meeting', () => {
		const isGroup = (kind: string) => kind === 'arbeitsgruppe' || kind === 'runder-tisch';
		expect(groups.filter((e) => !isGroup(e.kind)).length).toBeGreaterThanOrEqual(12);
		expect(groups.filter((e) => isGroup(e.kind)).length).toBeGreaterThanOrEqual(4);
		expect(groups.filter((e) => isGroup(e.kind)).every((e) => e.meeting)).toBe(true);
	});
	test('„welche Woche" as the CMS writes it (text) is read as a number', async () => {
		const data = readData('content/netzwerk/ag-gruen-und-freiraum.de.md') as { meeting: Record<string, unknown> };
		const result = await schema.safeParseAsync({ ...data, meeting: { ...data.meeting, week: '-1' } });
		expect(result.success && result.data.meeting?.week).toBe(-1);
	});
	test('the CMS refuses a working group without a meeting and a half-done rule, with the build’s words', () => {
		const data = readData('content/netzwerk/redaktion-muehlenblatt.de.md') as Record<string, unknown> & { meeting: Record<string, unknown> };
		const { meeting, ...withoutMeeting } = data;
		expect(checkEntry('netzwerk', [], withoutMeeting).messages.join(' ')).toContain('Eine Arbeitsgruppe braucht ein regelmäßiges Treffen');
		expect(checkEntry('netzwerk', [], { ...data, meeting: { ...meeting, frequency: 'monthly' } }).messages.join(' ')).toContain('Welche Woche: Bei „monatlich" bitte angeben');
		expect(checkEntry('netzwerk', [], { ...data, kind: 'verein', meeting: undefined }).messages).toEqual([]);
	});
});
