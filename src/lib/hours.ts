/** Opening hours as a weekly table, computed at build time from the OSM opening_hours value. */
import { parseOpeningHours } from '../schemas/fields';
import { fromBerlinWallClock, TIME_ZONE } from './time';

export const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'] as const;

export interface WeekRow {
	/** 0 = Monday … 6 = Sunday. */
	index: number;
	day: (typeof WEEKDAYS)[number];
	/** e.g. ["08:00–12:00", "13:00–16:00"]; empty when closed. */
	spans: string[];
}

const clock = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const weekdayIndex = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: TIME_ZONE });
const SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Monday 8 June 2026 starts a week without public holidays in Saxony: a fair „usual week". */
const REFERENCE_MONDAY = { year: 2026, month: 6, day: 8 };

/** The usual week of an opening_hours value, Monday first. */
export function weekTable(value: string): WeekRow[] {
	const oh = parseOpeningHours(value);
	const from = fromBerlinWallClock(REFERENCE_MONDAY.year, REFERENCE_MONDAY.month, REFERENCE_MONDAY.day);
	const to = fromBerlinWallClock(REFERENCE_MONDAY.year, REFERENCE_MONDAY.month, REFERENCE_MONDAY.day + 7);
	const rows: WeekRow[] = WEEKDAYS.map((day, index) => ({ index, day, spans: [] }));
	for (const [start, end] of oh.getOpenIntervals(from, to)) {
		const index = SHORT.indexOf(weekdayIndex.format(start));
		const endText = end.getTime() - start.getTime() >= 86_400_000 - 60_000 || clock.format(end) === '00:00' ? '24:00' : clock.format(end);
		rows[index]?.spans.push(`${clock.format(start)}–${endText}`);
	}
	return rows;
}

/** Whether the value says the place is closed on public holidays. */
export function closedOnHolidays(value: string): boolean {
	return /\bPH\s+off\b/i.test(value);
}

/** Whether the place is open at `when`. */
export function isOpen(value: string, when: Date): boolean {
	return parseOpeningHours(value).getState(when);
}

const SHORT_DE = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

/** A week in few words: consecutive days with equal hours are joined, e.g. „Mo–Fr 08:00–16:00; Sa 10:00–13:00". */
export function compactWeek(rows: WeekRow[]): string {
	const groups: { from: number; to: number; spans: string }[] = [];
	for (const row of rows) {
		const spans = row.spans.join(', ');
		const last = groups.at(-1);
		if (last && last.spans === spans && last.to === row.index - 1) last.to = row.index;
		else groups.push({ from: row.index, to: row.index, spans });
	}
	const open = groups.filter((g) => g.spans !== '');
	if (open.length === 0) return 'geschlossen';
	return open
		.map((g) => `${SHORT_DE[g.from]}${g.to > g.from ? `${g.to - g.from === 1 ? ', ' : '–'}${SHORT_DE[g.to]}` : ''} ${g.spans}`)
		.join('; ');
}
