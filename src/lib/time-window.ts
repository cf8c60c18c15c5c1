/**
 * Whether something is on at a moment: a call before its deadline, a participation period, an event not yet
 * over. Pure and import-free, so the build and the browser decide with the same rule.
 */

/** A span of time as instants (ms since 1970 or ISO text); a missing end means "open on that side". */
export interface TimeSpan {
	from?: number | string | Date;
	until?: number | string | Date;
}

const instant = (value: number | string | Date): number => (typeof value === 'number' ? value : value instanceof Date ? value.getTime() : Date.parse(value));

/** True from `from` (inclusive) until `until` (exclusive). */
export function within(now: number | Date, { from, until }: TimeSpan): boolean {
	const t = typeof now === 'number' ? now : now.getTime();
	return (from === undefined || instant(from) <= t) && (until === undefined || t < instant(until));
}
