/**
 * Horizontal bar charts as SVG, laid out at build time: no chart script in the browser. Widths are percentages
 * of the chart's width (the SVG has no viewBox), so bars fit any screen while text keeps its size; labels wrap
 * by a character budget that fits a 320 px phone.
 */

export interface BarInput {
	label: string;
	/** Whole bar. */
	total: number;
	/** Darker first part of the bar (e.g. paid out of granted); omit for a single-part bar. */
	part?: number;
	/** Text beside the label, e.g. the amounts. */
	value: string;
}

export interface BarLayout {
	lines: { text: string; y: number; strong: boolean }[];
	barY: number;
	/** Widths in percent of the chart width. */
	partWidth: number;
	restWidth: number;
}

export const LINE_HEIGHT = 20;
export const BAR_HEIGHT = 18;
const ROW_GAP = 14;

/** Splits text into lines of at most `max` characters at spaces; no-break spaces (as in „480.000 €") hold words together, a longer word gets a line of its own. */
export function wrapWords(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
		if (line && `${line} ${word}`.length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

const percent = (value: number) => Math.round(value * 1000) / 10;

/** Row positions and bar widths; the longest bar fills the width. */
export function layoutBars(bars: BarInput[], maxChars = 32): { rows: BarLayout[]; height: number } {
	const max = Math.max(0, ...bars.map((b) => b.total));
	let y = 0;
	const rows = bars.map((bar) => {
		const text = [...wrapWords(bar.label, maxChars).map((t) => ({ t, strong: true })), ...wrapWords(bar.value, maxChars).map((t) => ({ t, strong: false }))];
		const lines = text.map(({ t, strong }, i) => ({ text: t, y: y + (i + 1) * LINE_HEIGHT - 5, strong }));
		const barY = y + text.length * LINE_HEIGHT + 2;
		y = barY + BAR_HEIGHT + ROW_GAP;
		const part = bar.part ?? bar.total;
		const total = max > 0 ? bar.total / max : 0;
		const partShare = max > 0 ? Math.min(part, bar.total) / max : 0;
		return { lines, barY, partWidth: percent(partShare), restWidth: percent(total - partShare) };
	});
	return { rows, height: Math.max(y - ROW_GAP, 0) };
}
