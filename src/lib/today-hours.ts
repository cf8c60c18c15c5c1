/**
 * Today's opening hours in one line („Heute (Di): 08:00–16:00"), written at build time and again in the
 * visitor's browser, from hours already worked out at build time: no opening_hours library is needed here.
 *
 * The build works out the coming weeks day by day, with public holidays and seasons (see `hoursCalendar` in
 * hours.ts): a usual week plus the days that differ from it. Past the days worked out, the usual week is used.
 */
import { berlinWallClock } from './time';

/** Seven entries, Monday first: each day's time spans joined by ", ", empty when closed. */
export type WeekSpans = readonly string[];

export interface HoursCalendar {
	/** The usual week of the coming weeks. */
	week: WeekSpans;
	/** Days (Berlin date „YYYY-MM-DD") whose hours differ from the usual week: holidays, the start or end of a season. */
	days: Readonly<Record<string, string>>;
}

/**
 * How the hours travel in an attribute or a data file: the seven days joined by „|", then, after „#", the days that
 * differ as „2026-12-25=" (closed) or „2026-12-24=09:00–12:00", joined by „|".
 */
export function encodeCalendar({ week, days }: HoursCalendar): string {
	const exceptions = Object.entries(days).map(([day, spans]) => `${day}=${spans}`);
	return week.join('|') + (exceptions.length ? `#${exceptions.join('|')}` : '');
}

export function decodeCalendar(text: string): HoursCalendar {
	const [week = '', exceptions = ''] = text.split('#');
	const days: Record<string, string> = {};
	for (const entry of exceptions ? exceptions.split('|') : []) {
		const [day = '', spans = ''] = entry.split('=');
		days[day] = spans;
	}
	return { week: week.split('|'), days };
}

export interface TodayWords {
	/** „Heute" */
	today: string;
	/** „geschlossen" */
	closed: string;
	/** Short weekday names of the page's language, Monday first („Mo" … from `formatterFor(lang).weekdays('short')`). */
	weekdays: readonly string[];
}

/** The line for the day `at` falls on in Berlin. */
export function todayLine(calendar: HoursCalendar, at: Date, words: TodayWords): string {
	const wall = berlinWallClock(at);
	const day = (wall.getUTCDay() + 6) % 7;
	const key = wall.toISOString().slice(0, 10);
	const spans = key in calendar.days ? calendar.days[key] : calendar.week[day];
	return `${words.today} (${words.weekdays[day] ?? ''}): ${spans || words.closed}`;
}
