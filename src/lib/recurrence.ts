/**
 * Regular meetings of working groups („jeden 2. Dienstag im Monat, 17 Uhr"), stored as a rule (src/schemas/network.ts):
 * their dates in Berlin time, the next one, the rule in plain words per language, and the rule as an iCalendar RRULE.
 * Pure: no Astro imports, so pages, the CMS, the calendars and tests use the same code.
 */
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { tr } from '../i18n/tr';
import { ar } from '../i18n/ar';
import { fill } from '../i18n/fill';
import { fromBerlinWallClock, berlinWallClock } from './time';

const WEEKDAY_IDS = ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'] as const;
/** iCalendar's weekday codes, Monday first. */
const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A meeting rule as the schema gives it; days may also be „JJJJ-MM-TT" text (the CMS). */
export interface RecurrenceRule {
	frequency: 'weekly' | 'monthly';
	weekday: (typeof WEEKDAY_IDS)[number];
	/** Monthly: 1–4, or -1 for the last weekday of the month. */
	week?: 1 | 2 | 3 | 4 | -1;
	/** Every n weeks or months, counted from `since`. */
	interval?: number;
	/** Start, „HH:MM" Berlin time. */
	time: string;
	/** End the same day, „HH:MM" Berlin time. */
	end?: string;
	/** The first meeting's day: none before it. */
	since?: Date | string;
	/** Days without a meeting. */
	except?: (Date | string)[];
}

const DAY = 86_400_000;

/** A calendar day as UTC midnight milliseconds. */
function dayOf(value: Date | string): number {
	if (value instanceof Date) return Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
	return Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
}

const clock = (time: string) => time.split(':').map(Number) as [number, number];
/** Monday = 0 … Sunday = 6 of a UTC-midnight day. */
const weekdayOf = (day: number) => (new Date(day).getUTCDay() + 6) % 7;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** The day (UTC midnight) of the rule's weekday in a month (month 0–11): the n-th, or the last for -1. */
function nthWeekday(year: number, month: number, weekday: number, week: number): number {
	if (week === -1) {
		const last = Date.UTC(year, month, daysInMonth(year, month));
		return last - ((weekdayOf(last) - weekday + 7) % 7) * DAY;
	}
	const first = Date.UTC(year, month, 1);
	return first + (((weekday - weekdayOf(first) + 7) % 7) + 7 * (week - 1)) * DAY;
}

/** The instant a meeting starts on a calendar day (Berlin wall-clock time, correct across DST). */
function startOn(rule: RecurrenceRule, day: number): Date {
	const d = new Date(day);
	const [hour, minute] = clock(rule.time);
	return fromBerlinWallClock(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
}

/** When a meeting that starts at `start` ends (its end time the same day; two hours if the rule has none). */
export function endOf(rule: RecurrenceRule, start: Date): Date {
	if (!rule.end) return new Date(start.getTime() + 2 * 3_600_000);
	const wall = berlinWallClock(start);
	const [hour, minute] = clock(rule.end);
	return fromBerlinWallClock(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), hour, minute);
}

/** The meetings starting in [from, to), in order. */
export function occurrences(rule: RecurrenceRule, from: Date, to: Date): Date[] {
	const weekday = WEEKDAY_IDS.indexOf(rule.weekday);
	const interval = Math.max(1, rule.interval ?? 1);
	const since = rule.since !== undefined ? dayOf(rule.since) : undefined;
	const skipped = new Set((rule.except ?? []).map(dayOf));
	// Calendar days to look at: a day around either end covers every offset of Berlin from UTC.
	const firstDay = dayOf(berlinWallClock(from)) - DAY;
	const lastDay = dayOf(berlinWallClock(to)) + DAY;
	const days: number[] = [];
	if (rule.frequency === 'weekly') {
		// The rhythm counts from the first meeting on the weekday, on or after `since` (any such day without one).
		const anchor = since !== undefined ? since + ((weekday - weekdayOf(since) + 7) % 7) * DAY : undefined;
		let day = firstDay + ((weekday - weekdayOf(firstDay) + 7) % 7) * DAY;
		for (; day <= lastDay; day += 7 * DAY) {
			if (anchor !== undefined && interval > 1 && (((Math.round((day - anchor) / DAY / 7) % interval) + interval) % interval) !== 0) continue;
			days.push(day);
		}
	} else {
		const start = new Date(firstDay);
		const sinceMonth = since !== undefined ? new Date(since).getUTCFullYear() * 12 + new Date(since).getUTCMonth() : undefined;
		for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; m++) {
			const year = Math.floor(m / 12);
			const month = m % 12;
			if (Date.UTC(year, month, 1) > lastDay) break;
			if (sinceMonth !== undefined && interval > 1 && (((m - sinceMonth) % interval) + interval) % interval !== 0) continue;
			days.push(nthWeekday(year, month, weekday, rule.week ?? 1));
		}
	}
	return days
		.filter((day) => (since === undefined || day >= since) && !skipped.has(day))
		.map((day) => startOn(rule, day))
		.filter((start) => start.getTime() >= from.getTime() && start.getTime() < to.getTime());
}

/** How far ahead the next meeting is looked for: a rhythm of up to 12 months with a few days off fits. */
const HORIZON = 800 * DAY;

/** The first meeting that starts after `now`, or undefined (none within two years). */
export function nextOccurrence(rule: RecurrenceRule, now: Date): Date | undefined {
	return occurrences(rule, new Date(now.getTime() + 1), new Date(now.getTime() + HORIZON))[0];
}

/**
 * A rule as one repeating calendar event: its first meeting from `from` on (within the horizon), and the starts the
 * rule alone would give after it that do not take place – the `except` days, as EXDATE. Undefined without a meeting.
 */
export function meetingSeries(rule: RecurrenceRule, from: Date): { first: Date; exdates: Date[] } | undefined {
	const to = new Date(from.getTime() + HORIZON);
	const starts = occurrences(rule, from, to);
	const first = starts[0];
	if (!first) return undefined;
	const held = new Set(starts.map((start) => start.getTime()));
	return { first, exdates: occurrences({ ...rule, except: [] }, first, to).filter((start) => !held.has(start.getTime())) };
}

/** The next `count` meetings after `now`. */
export function nextOccurrences(rule: RecurrenceRule, now: Date, count: number): Date[] {
	return occurrences(rule, new Date(now.getTime() + 1), new Date(now.getTime() + HORIZON)).slice(0, count);
}

const dictionaries = { de, en, tr, ar } as const;
type DictionaryKey = keyof typeof de;

/** A time of day in words: „17 Uhr", „16:30 Uhr" (German), „17:00", „16:30" elsewhere. */
export function describeTime(time: string, lang = 'de'): string {
	const dict = dictionaries[lang as keyof typeof dictionaries] ?? de;
	const [hour, minute] = clock(time);
	return minute === 0 ? fill(dict['network.rule.hour'], { hour }, false, lang) : fill(dict['network.rule.time'], { time: `${hour}:${String(minute).padStart(2, '0')}` }, false, lang);
}

/** The rule in plain words: „jeden 2. Dienstag im Monat, 17 Uhr", „jeden Mittwoch, 16:30 Uhr". */
export function describeRule(rule: RecurrenceRule, lang = 'de'): string {
	const dict = dictionaries[lang as keyof typeof dictionaries] ?? de;
	const t = (key: DictionaryKey, params: Record<string, string | number> = {}) => fill(dict[key], params, false, lang);
	const interval = rule.interval ?? 1;
	const params = {
		weekday: t(`network.weekday.${rule.weekday}`),
		time: describeTime(rule.time, lang),
		interval,
		nth: rule.week === -1 ? t('network.nth.last') : t(`network.nth.${rule.week ?? 1}` as DictionaryKey),
	};
	if (rule.frequency === 'weekly') return t(interval > 1 ? 'network.rule.weeklyEvery' : 'network.rule.weekly', params);
	return t(interval > 1 ? 'network.rule.monthlyEvery' : 'network.rule.monthly', params);
}

/** The rule as an iCalendar RRULE value: „FREQ=MONTHLY;BYDAY=2TU", „FREQ=WEEKLY;BYDAY=WE". */
export function toRRule(rule: RecurrenceRule): string {
	const day = ICAL_DAYS[WEEKDAY_IDS.indexOf(rule.weekday)];
	const interval = rule.interval && rule.interval > 1 ? `;INTERVAL=${rule.interval}` : '';
	return rule.frequency === 'weekly' ? `FREQ=WEEKLY${interval};BYDAY=${day}` : `FREQ=MONTHLY${interval};BYDAY=${rule.week ?? 1}${day}`;
}

/**
 * A meeting's start in words for „Nächstes Treffen": „Dienstag, 8. Dezember 2026, 17 Uhr". `tag` is the language's
 * Intl tag (INTL_TAGS in src/i18n), which this module does not import so that it stays free of Node.
 */
export function meetingDate(start: Date, lang = 'de', tag = 'de-DE'): string {
	const day = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(start);
	const wall = berlinWallClock(start);
	const time = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
	return `${day}${lang === 'ar' ? '، ' : ', '}${describeTime(time, lang)}`;
}

/** The meetings a page lists for the browser to pick from (it shows the ones still ahead): the next 30 within 400 days. */
export function upcomingMeetings(rule: RecurrenceRule, now: Date): Date[] {
	return occurrences(rule, new Date(now.getTime() + 1), new Date(now.getTime() + 400 * DAY)).slice(0, 30);
}
