/** Opening hours as a weekly table, computed at build time from the OSM opening_hours value. */
import { parseOpeningHours } from './opening-hours';
import { berlinOffset } from './time';
import { SHORT_WEEKDAYS, type WeekSpans } from './today-hours';

export const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'] as const;

export interface WeekRow {
	/** 0 = Monday … 6 = Sunday. */
	index: number;
	day: (typeof WEEKDAYS)[number];
	/** e.g. ["08:00–12:00", "13:00–16:00"]; empty when closed. */
	spans: string[];
}

// The opening_hours library reads and returns wall-clock times in the process's local time zone, so the
// table is computed entirely in local time, and instants are shifted to Berlin wall-clock time before asking.
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Monday 8 June 2026 starts a week without public holidays in Saxony: a fair „usual week". */
const REFERENCE_MONDAY = [2026, 5, 8] as const;

/** The usual week of an opening_hours value, Monday first. */
export function weekTable(value: string): WeekRow[] {
	const oh = parseOpeningHours(value);
	const [year, month, day] = REFERENCE_MONDAY;
	const rows: WeekRow[] = WEEKDAYS.map((name, index) => ({ index, day: name, spans: [] }));
	for (const [from, to, unknown] of oh.getOpenIntervals(new Date(year, month, day), new Date(year, month, day + 7))) {
		// Times the value leaves open („… || "nach Vereinbarung"") are not opening times: the note says them.
		if (unknown) continue;
		// Split intervals that run past midnight into one span per day.
		for (let start = from; start < to; ) {
			const midnight = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
			const end = to < midnight ? to : midnight;
			const endText = end === midnight ? '24:00' : clock(end);
			rows[(start.getDay() + 6) % 7]?.spans.push(`${clock(start)}–${endText}`);
			start = midnight;
		}
	}
	return rows;
}

/**
 * The note of a value: the comment of the times it leaves open, e.g. „nach Vereinbarung" in
 * `Mo-Fr 08:00-16:00 || "nach Vereinbarung"`; undefined without one.
 */
export function hoursNote(value: string): string | undefined {
	const oh = parseOpeningHours(value);
	const [year, month, day] = REFERENCE_MONDAY;
	const notes = new Set<string>();
	for (const [, , unknown, comment] of oh.getOpenIntervals(new Date(year, month, day), new Date(year, month, day + 7))) {
		if (unknown && comment?.trim()) notes.add(comment.trim());
	}
	return notes.size > 0 ? [...notes].join('; ') : undefined;
}

/** A Date whose local-time fields show Berlin's wall-clock time at `instant` (what opening_hours expects). */
export function berlinWallClockAsLocal(instant: Date): Date {
	const wall = new Date(instant.getTime() + berlinOffset(instant.getTime()));
	return new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds());
}

/** Whether the value says the place is closed on public holidays. */
export function closedOnHolidays(value: string): boolean {
	return /\bPH\s+off\b/i.test(value);
}

/** Whether the place is open at `when`. */
export function isOpen(value: string, when: Date): boolean {
	return parseOpeningHours(value).getState(berlinWallClockAsLocal(when));
}


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
		.map((g) => `${SHORT_WEEKDAYS[g.from]}${g.to > g.from ? `${g.to - g.from === 1 ? ', ' : '–'}${SHORT_WEEKDAYS[g.to]}` : ''} ${g.spans}`)
		.join('; ');
}

/** The week as seven lines of spans, Monday first (see today-hours.ts). */
export const weekSpans = (rows: WeekRow[]): WeekSpans => rows.map((row) => row.spans.join(', '));
