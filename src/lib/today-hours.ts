/**
 * Today's opening hours in one line („Heute (Di): 08:00–16:00"), written at build time and again in the
 * visitor's browser, from a week already worked out at build time: no opening_hours library is needed here.
 */
import { berlinWeekday } from './time';

export const SHORT_WEEKDAYS = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] as const;

/** Seven entries, Monday first: each day's time spans joined by ", ", empty when closed. */
export type WeekSpans = readonly string[];

/** How a week travels in an attribute or a data file: the seven days joined by „|". */
export const encodeWeek = (week: WeekSpans) => week.join('|');
export const decodeWeek = (text: string): WeekSpans => text.split('|');

export interface TodayWords {
	/** „Heute" */
	today: string;
	/** „geschlossen" */
	closed: string;
}

/** The line for the day `at` falls on in Berlin. */
export function todayLine(week: WeekSpans, at: Date, words: TodayWords): string {
	const day = berlinWeekday(at);
	return `${words.today} (${SHORT_WEEKDAYS[day]}): ${week[day] || words.closed}`;
}
