/**
 * Calendar files (iCalendar, RFC 5545) from plain event records. Pure: no Astro imports, so the build, the tests and
 * the working groups' regular meetings (repeating: `rrule: 'FREQ=MONTHLY;BYDAY=2TU'`, days off as EXDATE) use the same
 * function. Times are written as Berlin wall-clock time with `TZID=Europe/Berlin` and a real VTIMEZONE, so calendar
 * apps keep 10:00 at 10:00 on both sides of a daylight saving switch.
 */
import { ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TIME_ZONE, berlinWallClock } from './time';

/** Past events stay in the calendar files for a season: those that ended within the last 6 months. */
export const CALENDAR_KEEP_MONTHS = 6;

/** The instant `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
	const then = new Date(now);
	then.setUTCMonth(then.getUTCMonth() - months);
	return then;
}

/**
 * Whether an event ending at `end` is in the calendar files at `now`: every event not over yet, and those that ended
 * within the last CALENDAR_KEEP_MONTHS months. An archive lists nothing as coming: its calendars keep only what
 * took place.
 */
export function inCalendarWindow(end: Date, now: Date, archive = false): boolean {
	if (archive && end.getTime() > now.getTime()) return false;
	return end.getTime() >= monthsBefore(now, CALENDAR_KEEP_MONTHS).getTime();
}

/** One event as a calendar shows it. */
export interface CalendarRecord {
	/** Stable id: the UID is `<id>@<host>`, so a calendar app updates the event instead of adding it twice. */
	id: string;
	title: string;
	/** One or two sentences; the calendar entry adds the page's address below them. */
	summary?: string;
	start: Date;
	end: Date;
	/** Absolute address of the event's page. */
	url?: string;
	/** Where: a name (facility), an address, and coordinates where known. */
	location?: { name?: string; address?: string; lat?: number; lng?: number };
	/** Kind of event, Handlungsfeld … */
	categories?: readonly string[];
	/** A repeat rule in RFC 5545 form without the „RRULE:" prefix, e.g. `FREQ=MONTHLY;BYDAY=2TU`; `start` is the first time. */
	rrule?: string;
	/** Starts the rule would give that do not take place (EXDATE: holidays, a summer break). */
	exdates?: readonly Date[];
}

export interface CalendarOptions {
	/** Calendar name as apps show it. */
	name: string;
	description?: string;
	/** The site's host (`muehlenviertel.example.org`), the second half of every UID. */
	host: string;
	/** How often apps should fetch the file again, in seconds (the site is rebuilt every night). */
	refreshSeconds?: number;
}

/**
 * An instant as Berlin wall-clock text without zone („2026-10-25T10:00:00"). ical-generator writes such a text
 * as it stands after `TZID=Europe/Berlin` (a Date would be written in the build machine's own zone).
 */
function berlinText(instant: Date): string {
	return berlinWallClock(instant).toISOString().slice(0, 19);
}

/** An instant as iCalendar local time in Berlin („20261222T170000"). */
function icsLocal(instant: Date): string {
	return berlinText(instant).replace(/[-:]/g, '');
}

/** The calendar file for `records` (any order; written sorted by start). */
export function icsCalendar(records: readonly CalendarRecord[], options: CalendarOptions): string {
	const calendar = new ICalCalendar({
		name: options.name,
		description: options.description,
		prodId: { company: options.host, product: 'Quartier', language: 'DE' },
		// No calendar-wide zone (ical-generator would write DTSTAMP in it); each event names Berlin, the generator adds its VTIMEZONE.
		timezone: { name: null, generator: getVtimezoneComponent },
		ttl: options.refreshSeconds ?? 24 * 60 * 60,
	});
	const sorted = [...records].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
	for (const record of sorted) {
		const { location } = record;
		const place = [location?.name, location?.address].filter(Boolean).join(', ');
		const event = calendar.createEvent({
			id: `${record.id}@${options.host}`,
			start: berlinText(record.start),
			end: berlinText(record.end),
			timezone: TIME_ZONE,
			summary: record.title,
			description: [record.summary, record.url].filter(Boolean).join('\n\n') || undefined,
			url: record.url,
			categories: (record.categories ?? []).map((name) => ({ name })),
			// The build moment would change every night; the event's start keeps DTSTAMP stable between builds.
			stamp: record.start,
		});
		// With coordinates ical-generator writes GEO (and Apple's structured location beside it).
		if (location?.lat !== undefined && location.lng !== undefined) event.location({ title: location.name ?? place, address: location.name ? location.address : undefined, geo: { lat: location.lat, lon: location.lng } });
		else if (place) event.location(place);
		// A rule with days off goes in as text (ical-generator writes lines with CRLF as they stand).
		if (record.rrule) event.repeating(record.exdates?.length ? `RRULE:${record.rrule}\r\nEXDATE;TZID=${TIME_ZONE}:${record.exdates.map(icsLocal).join(',')}` : record.rrule);
	}
	return calendar.toString();
}
