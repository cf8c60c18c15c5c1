import { berlinDateKey, TIME_ZONE } from './time';
import { INTL_TAGS, useTranslations } from '../i18n';

/**
 * Dates, times, money, numbers and lists per language, through Intl with the language's tag (`INTL_TAGS`: Arabic
 * with Latin digits). The German formatters are also exported one by one (`formatDay` …).
 */

export interface Formatter {
	/** A calendar day, e.g. „14. Oktober 2026". */
	day(date: Date): string;
	/** Day and short month of an instant in Berlin, for a date block, e.g. { day: '9', month: 'Dez.' }. */
	dateBlock(date: Date): { day: string; month: string };
	/** An event's time span in Berlin time, e.g. „Do., 3. Dezember 2026, 18:00–20:00 Uhr". */
	span(start: Date, end: Date): string;
	/** An amount in euros, e.g. „24.500 €"; with cents only when it has any („1.280,50 €"). */
	euros(amount: number): string;
	/** A number, e.g. „7.500" or „12,5". */
	number(value: number): string;
	/** A share as a percentage, e.g. 0.37 → „37 %". */
	share(share: number): string;
	/** A period of days, e.g. „1. März 2025 – 31. Dezember 2026"; one day when it starts and ends on the same day. */
	period(start: Date, end?: Date): string;
	/** A list, e.g. „Deutsch, Türkisch und Arabisch". */
	list(items: string[]): string;
	/** File size, e.g. „1,2 MB" or „840 KB". */
	bytes(bytes: number): string;
	/** The seven weekday names, Monday first: „Montag" … or short „Mo" …. */
	weekdays(width: 'long' | 'short'): readonly string[];
	/** A month's name, 1 = January: „Mai". */
	month(month: number): string;
}

/** Monday, 5 January 1970 (UTC), the first Monday of the epoch: weekday names are read from the days after it. */
const A_MONDAY = Date.UTC(1970, 0, 5);
const DAY = 86_400_000;
const HOUR = 3_600_000;

const formatters = new Map<string, Formatter>();

/** The formatters of a language (cached). */
export function formatterFor(locale = 'de'): Formatter {
	const cached = formatters.get(locale);
	if (cached) return cached;
	const tag = INTL_TAGS[locale] ?? locale;
	const t = useTranslations(locale);
	const dayFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
	const weekdayDayFormat = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
	const timeFormat = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
	const blockDay = new Intl.DateTimeFormat(tag, { day: 'numeric', timeZone: TIME_ZONE });
	const blockMonth = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: TIME_ZONE });
	const euroFormat = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
	const centFormat = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
	const oneDecimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
	const shareFormat = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
	const listFormat = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
	const weekdayNames = (['long', 'short'] as const).map((width) => {
		const names = new Intl.DateTimeFormat(tag, { weekday: width, timeZone: 'UTC' });
		return Array.from({ length: 7 }, (_, day) => names.format(A_MONDAY + day * DAY));
	});
	const monthFormat = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
	/** What the language writes between a date and a time of day („, " in German, „، " in Arabic, „ " in Turkish), as Intl writes a span within one day. */
	const dateTimeSeparator = (() => {
		const parts = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).formatRangeToParts(A_MONDAY + 10 * HOUR, A_MONDAY + 11 * HOUR);
		const before = parts[parts.findIndex((part) => part.type === 'hour') - 1];
		return before?.type === 'literal' ? before.value : ', ';
	})();
	/** „18:00 Uhr" in German, „18:00" elsewhere. */
	const clock = (time: string) => t('time.clock', { time });
	const formatter: Formatter = {
		day: (date) => dayFormat.format(date),
		dateBlock: (date) => ({ day: blockDay.format(date), month: blockMonth.format(date) }),
		span(start, end) {
			const sameDay = berlinDateKey(start) === berlinDateKey(end);
			if (sameDay) return `${weekdayDayFormat.format(start)}${dateTimeSeparator}${clock(`${timeFormat.format(start)}–${timeFormat.format(end)}`)}`;
			return `${weekdayDayFormat.format(start)}${dateTimeSeparator}${clock(timeFormat.format(start))} – ${weekdayDayFormat.format(end)}${dateTimeSeparator}${clock(timeFormat.format(end))}`;
		},
		euros: (amount) => (Number.isInteger(amount) ? euroFormat.format(amount) : centFormat.format(amount)),
		number: (value) => numberFormat.format(value),
		share: (share) => shareFormat.format(share),
		period: (start, end) => (end && end.getTime() !== start.getTime() ? `${dayFormat.format(start)} – ${dayFormat.format(end)}` : dayFormat.format(start)),
		list: (items) => listFormat.format(items),
		bytes: (bytes) => (bytes >= 1_000_000 ? `${oneDecimal.format(bytes / 1_000_000)} MB` : `${numberFormat.format(Math.max(1, Math.round(bytes / 1000)))} KB`),
		weekdays: (width) => weekdayNames[width === 'long' ? 0 : 1] ?? [],
		month: (month) => monthFormat.format(Date.UTC(2001, month - 1, 15)),
	};
	formatters.set(locale, formatter);
	return formatter;
}

const german = formatterFor('de');

/** A calendar day, e.g. „14. Oktober 2026". */
export const formatDay = german.day;
/** Day and short month of an instant in Berlin, for a date block, e.g. { day: '9', month: 'Dez.' }. */
export const dateBlock = german.dateBlock;
/** An event's time span in Berlin time, e.g. „Do., 3. Dezember 2026, 18:00–20:00 Uhr". */
export const formatSpan = german.span;
/** An amount in euros, e.g. „24.500 €"; with cents only when it has any („1.280,50 €"). */
export const formatEuros = german.euros;
/** A number, e.g. „7.500" or „12,5". */
export const formatNumber = german.number;
/** A share as a percentage, e.g. 0.37 → „37 %". */
export const formatShare = german.share;
/** A period of days, e.g. „1. März 2025 – 31. Dezember 2026". */
export const formatPeriod = german.period;
/** A list in German, e.g. „Deutsch, Türkisch und Arabisch". */
export const listOf = german.list;
/** File size, e.g. „1,2 MB" or „840 KB". */
export const formatBytes = german.bytes;

/** Machine-readable calendar day for `<time datetime>`. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}
