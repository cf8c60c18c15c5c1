/** Pure rules about content, kept apart from Astro's runtime so they can be tested directly. */

/** Events not yet over at `now` (in order), and those that are (most recent first). */
export function splitEvents<T extends { data: { end: Date } }>(events: T[], now: Date) {
	const upcoming = events.filter((e) => e.data.end >= now);
	const past = events.filter((e) => e.data.end < now).reverse();
	return { upcoming, past };
}
