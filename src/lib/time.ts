/** Time helpers. Dates without time are UTC midnight; times without zone are wall-clock time in Berlin. */
export const TIME_ZONE = 'Europe/Berlin';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric',
});

const HOUR = 3_600_000;
/**
 * Offsets already worked out, by UTC hour. Berlin changes its offset only on a full UTC hour (01:00 UTC, the last
 * Sundays of March and October), so one lookup per hour is exact; asking Intl each time made a build with thousands
 * of entries spend most of its time here (every news item's day is checked on every list page).
 */
const offsetsByHour = new Map<number, number>();

/** Offset of Berlin from UTC at `instant`, in milliseconds (3,600,000 in winter, 7,200,000 in summer). */
export function berlinOffset(instant: number): number {
	const hour = Math.floor(instant / HOUR);
	const known = offsetsByHour.get(hour);
	if (known !== undefined) return known;
	const start = hour * HOUR;
	const parts = Object.fromEntries(offsetFormat.formatToParts(new Date(start)).map((p) => [p.type, p.value]));
	const offset = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - start;
	// Kept small: a long-running dev server asks about a few thousand hours at most.
	if (offsetsByHour.size > 100_000) offsetsByHour.clear();
	offsetsByHour.set(hour, offset);
	return offset;
}

/** A Date whose UTC fields show Berlin's wall-clock time at `instant` (for reading the day, weekday or hour). */
export function berlinWallClock(instant: Date): Date {
	return new Date(instant.getTime() + berlinOffset(instant.getTime()));
}

/** The day of the week in Berlin at `instant`: 0 = Monday … 6 = Sunday. */
export function berlinWeekday(instant: Date): number {
	return (berlinWallClock(instant).getUTCDay() + 6) % 7;
}

/** The Berlin calendar date at `instant`, as „YYYY-MM-DD". */
export function berlinDateKey(instant: Date): string {
	return berlinWallClock(instant).toISOString().slice(0, 10);
}

/** The instant at which Berlin's clocks show the given wall-clock time. */
export function fromBerlinWallClock(year: number, month: number, day: number, hour = 0, minute = 0): Date {
	const guess = Date.UTC(year, month - 1, day, hour, minute);
	let instant = guess - berlinOffset(guess);
	instant = guess - berlinOffset(instant);
	return new Date(instant);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;

function validDay(year: number, month: number, day: number): boolean {
	const d = new Date(Date.UTC(year, month - 1, day));
	return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reads a calendar day (YAML date or "JJJJ-MM-TT"); anything else is returned unchanged for the schema to reject. */
export function parseDay(value: unknown): unknown {
	if (value instanceof Date) return value;
	if (typeof value !== 'string') return value;
	const m = DAY.exec(value.trim());
	if (!m) return value;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return validDay(y, mo, d) ? new Date(Date.UTC(y, mo - 1, d)) : value;
}

/**
 * Reads a date with time. "2026-12-03T18:00" (no zone) means 18:00 in Berlin. A YAML timestamp without zone
 * arrives as a UTC Date: its UTC clock reading is taken as Berlin wall-clock time, so editors never need offsets.
 */
export function parseBerlinDateTime(value: unknown): unknown {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return value;
		return fromBerlinWallClock(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes());
	}
	if (typeof value !== 'string') return value;
	const text = value.trim();
	const m = LOCAL.exec(text);
	if (m) {
		const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
		if (!validDay(y, mo, d) || h > 23 || mi > 59) return value;
		return fromBerlinWallClock(y, mo, d, h, mi);
	}
	if (/[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
		const d = new Date(text);
		return Number.isNaN(d.getTime()) ? value : d;
	}
	return value;
}

/**
 * The instant a calendar day (a `day()` field: UTC midnight) ends in Berlin: midnight at the start of the next
 * day, Berlin time. Deadlines and participation periods run through the whole of their last day.
 */
export function endOfBerlinDay(day: Date): Date {
	return fromBerlinWallClock(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate() + 1);
}

/** The instant a calendar day starts in Berlin (midnight, Berlin time). */
export function startOfBerlinDay(day: Date): Date {
	return fromBerlinWallClock(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}
