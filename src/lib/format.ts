import { TIME_ZONE } from './time';

const dayFormat = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayDayFormat = new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const berlinDayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });
const euroFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const centFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A calendar day, e.g. „14. Oktober 2026". */
export function formatDay(date: Date): string {
	return dayFormat.format(date);
}

const blockDay = new Intl.DateTimeFormat('de-DE', { day: 'numeric', timeZone: TIME_ZONE });
const blockMonth = new Intl.DateTimeFormat('de-DE', { month: 'short', timeZone: TIME_ZONE });

/** Day and short month of an instant in Berlin, for a date block, e.g. { day: '9', month: 'Dez.' }. */
export function dateBlock(date: Date): { day: string; month: string } {
	return { day: blockDay.format(date), month: blockMonth.format(date) };
}

/** Machine-readable calendar day for `<time datetime>`. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** An event's time span in Berlin time, e.g. „Do., 3. Dezember 2026, 18:00–20:00 Uhr". */
export function formatSpan(start: Date, end: Date): string {
	const sameDay = berlinDayKey.format(start) === berlinDayKey.format(end);
	if (sameDay) return `${weekdayDayFormat.format(start)}, ${timeFormat.format(start)}–${timeFormat.format(end)} Uhr`;
	return `${weekdayDayFormat.format(start)}, ${timeFormat.format(start)} Uhr – ${weekdayDayFormat.format(end)}, ${timeFormat.format(end)} Uhr`;
}

/** An amount in euros, e.g. „24.500 €"; with cents only when it has any („1.280,50 €"). */
export function formatEuros(amount: number): string {
	return Number.isInteger(amount) ? euroFormat.format(amount) : centFormat.format(amount);
}

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const shareFormat = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });

/** A number, e.g. „7.500" or „12,5". */
export function formatNumber(value: number): string {
	return numberFormat.format(value);
}

/** A share as a percentage, e.g. 0.37 → „37 %". */
export function formatShare(share: number): string {
	return shareFormat.format(share);
}

/** A period of days, e.g. „1. März 2025 – 31. Dezember 2026"; a single day when it starts and ends on the same day. */
export function formatPeriod(start: Date, end?: Date): string {
	return end && end.getTime() !== start.getTime() ? `${formatDay(start)} – ${formatDay(end)}` : formatDay(start);
}

/** A list in German, e.g. „Deutsch, Türkisch und Arabisch". */
export function listOf(items: string[]): string {
	return new Intl.ListFormat('de-DE', { style: 'long', type: 'conjunction' }).format(items);
}

/** File size, e.g. „1,2 MB" or „840 KB". */
export function formatBytes(bytes: number): string {
	if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
	return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('de-DE')} KB`;
}
