/** Pure rules about content, kept apart from Astro's runtime so they can be tested directly. */
import { startOfBerlinDay } from './time';

/**
 * Whether an entry dated `day` (a calendar day: news' date, a call's „Erscheint am") is out at `now`: from the start of
 * that day in Berlin. An entry without such a date is always out. The nightly build (netlify/functions/nightly-build.ts)
 * publishes it on its day without anyone editing.
 */
export function isPublished(day: Date | undefined, now: Date): boolean {
	return !day || startOfBerlinDay(day).getTime() <= now.getTime();
}

/** Events not yet over at `now` (in order), and those that are (most recent first). */
export function splitEvents<T extends { data: { end: Date } }>(events: T[], now: Date) {
	const upcoming = events.filter((e) => e.data.end >= now);
	const past = events.filter((e) => e.data.end < now).reverse();
	return { upcoming, past };
}

/**
 * A project's steps with its decisions in between, by date: each decision comes before the first step that starts
 * after it (so a decision taken during a step follows that step). Steps keep their order.
 */
export function stepsWithDecisions<P extends { start: Date }, D extends { data: { date: Date } }>(phases: P[], decisions: D[]) {
	const items: ({ kind: 'phase'; phase: P } | { kind: 'decision'; decision: D })[] = [];
	const waiting = [...decisions].sort((a, b) => a.data.date.getTime() - b.data.date.getTime());
	for (const phase of phases) {
		while (waiting.length > 0 && (waiting[0] as D).data.date < phase.start) items.push({ kind: 'decision', decision: waiting.shift() as D });
		items.push({ kind: 'phase', phase });
	}
	for (const decision of waiting) items.push({ kind: 'decision', decision });
	return items;
}
