/** Opening hours as a weekly table, computed at build time from the OSM opening_hours value. */
import { parseOpeningHours } from './opening-hours';
import { berlinWallClock } from './time';
import type { HoursCalendar } from './today-hours';

export interface WeekRow {
	/** 0 = Monday … 6 = Sunday. */
	index: number;
	/** e.g. ["08:00–12:00", "13:00–16:00"]; empty when closed. */
	spans: string[];
}

// The opening_hours library reads and returns wall-clock times in the process's local time zone, so the
// table is computed entirely in local time, and instants are shifted to Berlin wall-clock time before asking.
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Monday 8 June 2026 starts a week without public holidays in Saxony: a fair „usual week". */
const REFERENCE_MONDAY = [2026, 5, 8] as const;

/**
 * The quoted notes of rules without any time, e.g. „nach Vereinbarung" in `Mo-Fr 08:00-16:00 || "nach Vereinbarung"`
 * or a value that is only a note: the library reports them as times of unknown state, but they are not opening times.
 */
function timelessNotes(value: string): Set<string> {
	// Rules are separated by „;", „||" or „," outside quotes.
	const rules = value.match(/(?:"[^"]*"|[^;,|"])+/g) ?? [];
	return new Set(rules.filter((rule) => !/\d{1,2}:\d{2}|sunrise|sunset|dawn|dusk/.test(rule.replace(/"[^"]*"/g, ''))).flatMap(quotedNotes));
}

/**
 * The notes that stand for whole days, e.g. „nach Vereinbarung" in `Mo-Fr 09:00-12:00; Sa "nach Vereinbarung"`: a rule
 * with days but no time, not the fallback after „||" (a note for the whole value, said under the table). The table
 * and the line for today show such a note on its days instead of „geschlossen".
 */
export function dayNotes(value: string): Set<string> {
	const fallback = value.indexOf('||');
	const rules = [...value.matchAll(/(?:"[^"]*"|[^;,|"])+/g)].filter((m) => fallback < 0 || m.index < fallback).map((m) => m[0]);
	return new Set(
		rules
			.filter((rule) => {
				const outside = rule.replace(/"[^"]*"/g, '').trim();
				return outside !== '' && !/\d{1,2}:\d{2}|sunrise|sunset|dawn|dusk|\boff\b|\bclosed\b/i.test(outside);
			})
			.flatMap(quotedNotes)
			// As the table writes them (asSpan), so a day's entry can be recognised as a note.
			.map((note) => asSpan(note)),
	);
}

/** A note as a day's entry: without the characters that separate days and spans where the hours travel (today-hours.ts). */
const asSpan = (note: string) => note.replace(/[|#=,]+/g, ' ').replace(/\s+/g, ' ').trim();

/** The texts in quotes of a value or rule, trimmed, without empty ones. */
const quotedNotes = (text: string) => [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]?.trim() ?? '').filter(Boolean);

/** The library's own note for an open end („10:00+"): the closing time is a guess, so the span says „ab 10:00". */
const OPEN_END = /open end/i;

/** Time spans per day from `from` for `days` days (local dates, see above), each day's spans in order. */
function spansByDay(value: string, from: Date, days: number): string[][] {
	const oh = parseOpeningHours(value);
	const notes = timelessNotes(value);
	const onDays = dayNotes(value);
	const result: string[][] = Array.from({ length: days }, () => []);
	const end = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
	const dayIndex = (d: Date) => Math.round((new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() - from.getTime()) / 86_400_000);
	for (const [start, to, unknown, comment] of oh.getOpenIntervals(from, end)) {
		// A note for whole days („Sa "nach Vereinbarung""): the day shows the note, once.
		if (unknown && comment && onDays.has(asSpan(comment))) {
			const spans = result[dayIndex(start)];
			if (spans && !spans.includes(asSpan(comment))) spans.push(asSpan(comment));
			continue;
		}
		// Times that only a note covers („… || "nach Vereinbarung"") are not opening times: the note says them.
		if (unknown && (!comment || notes.has(comment.trim()))) continue;
		if (unknown && comment && OPEN_END.test(comment)) {
			result[dayIndex(start)]?.push(`ab ${clock(start)}`);
			continue;
		}
		// Split intervals that run past midnight into one span per day.
		for (let at = start; at < to; ) {
			const midnight = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1);
			const stop = to < midnight ? to : midnight;
			const endText = stop === midnight ? '24:00' : clock(stop);
			result[dayIndex(at)]?.push(`${clock(at)}–${endText}`);
			at = midnight;
		}
	}
	return result;
}

/** The usual week of an opening_hours value, Monday first. */
export function weekTable(value: string): WeekRow[] {
	const [year, month, day] = REFERENCE_MONDAY;
	const spans = spansByDay(value, new Date(year, month, day), 7);
	return Array.from({ length: 7 }, (_, index) => ({ index, spans: spans[index] ?? [] }));
}

/** How many days ahead the build works out the hours day by day (with holidays and seasons). */
const CALENDAR_DAYS = 84;

const calendars = new Map<string, HoursCalendar>();

/**
 * The hours of the coming weeks from `from` (Berlin): the usual week (each weekday's most frequent hours) and the
 * days that differ from it – public holidays, the start or end of a season. See today-hours.ts.
 */
export function hoursCalendar(value: string, from: Date): HoursCalendar {
	const local = berlinWallClockAsLocal(from);
	const start = new Date(local.getFullYear(), local.getMonth(), local.getDate());
	// The list, the facility page and the finder's data all ask for the same values with the same build day.
	const key = `${value}\u0000${start.getTime()}`;
	const known = calendars.get(key);
	if (known) return known;
	const perDay = spansByDay(value, start, CALENDAR_DAYS).map((spans, i) => {
		const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
		return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, weekday: (d.getDay() + 6) % 7, spans: spans.join(', ') };
	});
	const week = Array.from({ length: 7 }, (_, weekday) => {
		const counts = new Map<string, number>();
		for (const day of perDay) if (day.weekday === weekday) counts.set(day.spans, (counts.get(day.spans) ?? 0) + 1);
		return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
	});
	const exceptions = Object.fromEntries(perDay.filter((day) => day.spans !== week[day.weekday]).map((day) => [day.date, day.spans]));
	const calendar = { week, days: exceptions };
	calendars.set(key, calendar);
	return calendar;
}

/**
 * The note of a value: its quoted comments, e.g. „nach Vereinbarung" in `Mo-Fr 08:00-16:00 || "nach Vereinbarung"`
 * or „nur mit Termin" in `Mo-Fr 08:00-16:00 "nur mit Termin"`, except notes for whole days; undefined without one.
 */
export function hoursNote(value: string): string | undefined {
	// Notes for whole days stand in the table on their days (see `dayNotes`).
	const onDays = dayNotes(value);
	const notes = new Set(quotedNotes(value).filter((note) => !onDays.has(asSpan(note))));
	return notes.size > 0 ? [...notes].join('; ') : undefined;
}

/** A Date whose local-time fields show Berlin's wall-clock time at `instant` (what opening_hours expects). */
export function berlinWallClockAsLocal(instant: Date): Date {
	const wall = berlinWallClock(instant);
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


/**
 * A week in few words: consecutive days with equal hours are joined, e.g. „Mo–Fr 08:00–16:00; Sa 10:00–13:00",
 * with the short weekday names and the word for „closed" of the reader's language.
 */
export function compactWeek(rows: WeekRow[], words: { weekdays: readonly string[]; closed: string }): string {
	const groups: { from: number; to: number; spans: string }[] = [];
	for (const row of rows) {
		const spans = row.spans.join(', ');
		const last = groups.at(-1);
		if (last && last.spans === spans && last.to === row.index - 1) last.to = row.index;
		else groups.push({ from: row.index, to: row.index, spans });
	}
	const open = groups.filter((g) => g.spans !== '');
	if (open.length === 0) return words.closed;
	const day = (index: number) => words.weekdays[index] ?? '';
	return open
		.map((g) => `${day(g.from)}${g.to > g.from ? `${g.to - g.from === 1 ? ', ' : '–'}${day(g.to)}` : ''} ${g.spans}`)
		.join('; ');
}

