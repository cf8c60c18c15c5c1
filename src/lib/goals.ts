/** Progress of an IHEK goal's indicator: how much of the way from its baseline to its target is behind it. */
export interface IndicatorValues {
	baseline: number;
	target: number;
	current?: number;
}

/**
 * Share of the way covered, 0 at the baseline and 1 at the target (targets may lie below the baseline, e.g. a
 * shorter waiting time); above 1 when the target is passed, below 0 when things got worse; undefined when
 * nothing has been measured yet or baseline and target are equal.
 */
export function progressOf({ baseline, target, current }: IndicatorValues): number | undefined {
	if (current === undefined || target === baseline) return undefined;
	return (current - baseline) / (target - baseline);
}
