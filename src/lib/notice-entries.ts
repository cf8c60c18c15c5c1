/**
 * Which entries get a printable notice („Aushang"): every event, every call and every news item that is out. An
 * archive (src/lib/archive.ts) invites to nothing: it prints no notice for a call and none for an event that is
 * still to come; past events and news keep theirs, as a record.
 */
import { archive, buildTime, getCalls, getEvents, getNews, splitEvents } from './content';

export async function noticeEvents() {
	const events = await getEvents();
	return archive ? splitEvents(events, buildTime).past : events;
}

export async function noticeCalls() {
	return archive ? [] : getCalls();
}

export async function noticeNews() {
	return getNews();
}

/** Whether an event has a notice (see noticeEvents). */
export function eventHasNotice(event: { data: { end: Date } }): boolean {
	return !archive || splitEvents([event], buildTime).past.length > 0;
}

/** Whether calls have notices (see noticeCalls). */
export const callsHaveNotices = !archive;
