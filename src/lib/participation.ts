/**
 * „Jetzt mitreden": every open chance to have a say – calls until their deadline, projects in their participation
 * period, participation events until they end – as one list, soonest first. Pure (no Astro imports): the pages
 * build the list with it at build time, the browser corrects it later with the same windows (<time-list>).
 */
import type { EventType } from '../schemas/events';
import type { Way } from '../schemas/participation';
import { endOfBerlinDay, startOfBerlinDay } from './time';
import { within } from './time-window';

/** Event types at which residents have a say, and how they do it there. */
export const PARTICIPATION_EVENTS: Partial<Record<EventType, Way>> = {
	beteiligungsforum: 'forum',
	quartiersrat: 'forum',
	workshop: 'forum',
	sprechstunde: 'persoenlich',
};

interface CallLike {
	id: string;
	data: { title: string; deadline: Date; ways: Way[] };
}
interface ProjectLike {
	id: string;
	data: { title: string; participationPeriod?: { from: Date; until: Date; ways: Way[] } };
}
interface EventLike {
	id: string;
	data: { title: string; type: string; start: Date; end: Date };
}

/** One chance to have a say, with the window in which it is open and the moment it is sorted by. */
export type Chance<C extends CallLike = CallLike, P extends ProjectLike = ProjectLike, E extends EventLike = EventLike> = {
	/** Opens at (projects whose period starts later); undefined = open already. */
	from?: Date;
	/** Closes at: the end of the deadline day, of the period's last day, or the event's end. */
	until: Date;
	/** Soonest first: deadlines by when they run out, events by when they start. */
	sortAt: Date;
	ways: Way[];
} & ({ kind: 'call'; entry: C } | { kind: 'project'; entry: P } | { kind: 'event'; entry: E });

/** All chances the content offers, open or not, in order. */
export function allChances<C extends CallLike, P extends ProjectLike, E extends EventLike>(content: { calls: C[]; projects: P[]; events: E[] }): Chance<C, P, E>[] {
	const chances: Chance<C, P, E>[] = [];
	for (const entry of content.calls) {
		const until = endOfBerlinDay(entry.data.deadline);
		chances.push({ kind: 'call', entry, until, sortAt: until, ways: entry.data.ways });
	}
	for (const entry of content.projects) {
		const period = entry.data.participationPeriod;
		if (!period) continue;
		const until = endOfBerlinDay(period.until);
		chances.push({ kind: 'project', entry, from: startOfBerlinDay(period.from), until, sortAt: until, ways: period.ways });
	}
	for (const entry of content.events) {
		const way = PARTICIPATION_EVENTS[entry.data.type as EventType];
		if (way) chances.push({ kind: 'event', entry, until: entry.data.end, sortAt: entry.data.start, ways: [way] });
	}
	return chances.sort((a, b) => a.sortAt.getTime() - b.sortAt.getTime() || a.entry.data.title.localeCompare(b.entry.data.title, 'de'));
}

/** The chances open at `now`, and those that open later (the browser shows them when their time comes). */
export function chancesAt<T extends Pick<Chance, 'from' | 'until'>>(chances: T[], now: Date): { open: T[]; later: T[] } {
	const notOver = chances.filter((c) => within(now, { until: c.until }));
	return { open: notOver.filter((c) => within(now, { from: c.from })), later: notOver.filter((c) => !within(now, { from: c.from })) };
}

/** Where a project's participation stands at `now`. */
export function periodState(period: { from: Date; until: Date }, now: Date): 'soon' | 'open' | 'over' {
	if (!within(now, { from: startOfBerlinDay(period.from) })) return 'soon';
	return within(now, { until: endOfBerlinDay(period.until) }) ? 'open' : 'over';
}
