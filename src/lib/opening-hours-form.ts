/**
 * Opening hours as a form sees them: a week of time ranges, public holidays, an optional season and a note —
 * read from and written to the OSM opening_hours subset the sample content uses. Pure and small (no DOM, no
 * opening_hours library), so the CMS editor can load it cheaply; the library still checks the written value.
 *
 * Written form, so that every sample value reads back unchanged: days with equal ranges form one rule, rules in
 * the order of their first day; three or more consecutive days as „Mo-Fr", two as „Sa,Su"; all seven as „Mo-Su"
 * (just „sunrise-sunset" for that alone); a season before each rule („Apr-Oct We 16:00-19:00"); „PH off" last;
 * rules joined by „; "; the note as fallback comment at the end (`… || "Hinweis"`).
 */

/** OSM day abbreviations, Monday first. */
export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
/** OSM month abbreviations, January first. */
export const MONTH_CODES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** The editor's German words (the CMS is German; public pages name days and months through Intl, see format.ts). */
export const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'] as const;
export const SHORT_WEEKDAYS = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] as const;
export const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] as const;

/** A time range; each end is „HH:MM" (up to 24:00), „sunrise" or „sunset". An empty end means not filled in yet. */
export interface TimeRange {
	from: string;
	to: string;
}

/** Public holidays: closed („PH off"), nothing said (the weekday's hours apply), or their own ranges. */
export type Holidays = 'closed' | 'unspecified' | TimeRange[];

/** Months 1–12; `from` after `to` runs over the new year (e.g. Oct–Mar). */
export interface Season {
	from: number;
	to: number;
}

export interface HoursModel {
	/** Seven entries, Monday first; no ranges = closed. */
	days: TimeRange[][];
	holidays: Holidays;
	season?: Season;
	note?: string;
}

export const emptyModel = (): HoursModel => ({ days: DAY_CODES.map(() => []), holidays: 'unspecified' });

// ---------------------------------------------------------------------------------------------------------------
// Reading

const TIME = /^(\d{1,2}):(\d{2})$/;

/** A range end in its written form, or undefined when the form cannot take it. */
function readTime(text: string, end: boolean): string | undefined {
	const lower = text.toLowerCase();
	if (lower === 'sunrise' || lower === 'sunset') return lower;
	const m = TIME.exec(text);
	if (!m) return undefined;
	const hours = Number(m[1]);
	const minutes = Number(m[2]);
	if (minutes > 59 || hours > 24 || (hours === 24 && (minutes > 0 || !end))) return undefined;
	return `${String(hours).padStart(2, '0')}:${m[2]}`;
}

function readRanges(text: string): TimeRange[] | undefined {
	const ranges: TimeRange[] = [];
	for (const part of text.split(',')) {
		const ends = part.split('-');
		if (ends.length !== 2) return undefined;
		const from = readTime(ends[0] ?? '', false);
		const to = readTime(ends[1] ?? '', true);
		if (!from || !to) return undefined;
		ranges.push({ from, to });
	}
	return ranges;
}

const codeIndex = (codes: readonly string[], text: string) => codes.findIndex((code) => code.toLowerCase() === text.toLowerCase());

/** „Mo-We,Fr" → [0, 1, 2, 4]; ranges may run over the week's end („Fr-Mo"). */
function readDays(text: string): number[] | undefined {
	const days = new Set<number>();
	for (const part of text.split(',')) {
		const [first, last, ...rest] = part.split('-');
		const from = codeIndex(DAY_CODES, first ?? '');
		const to = last === undefined ? from : codeIndex(DAY_CODES, last);
		if (from < 0 || to < 0 || rest.length > 0) return undefined;
		for (let day = from; ; day = (day + 1) % 7) {
			days.add(day);
			if (day === to) break;
		}
	}
	return [...days];
}

function readSeason(text: string): Season | undefined {
	const [first, last, ...rest] = text.split('-');
	const from = codeIndex(MONTH_CODES, first ?? '');
	const to = last === undefined ? from : codeIndex(MONTH_CODES, last);
	return from < 0 || to < 0 || rest.length > 0 ? undefined : { from: from + 1, to: to + 1 };
}

const sameSeason = (a: Season | undefined, b: Season | undefined) => a?.from === b?.from && a?.to === b?.to;

/**
 * Reads a value into the form's model, or undefined when it says more than the form can show (week numbers,
 * dates, „open", „off" for days, comments inside rules, differing seasons, holiday rules before day rules …).
 * Later rules replace earlier ones for the same days, as in OSM.
 */
export function parseHours(value: string): HoursModel | undefined {
	const model = emptyModel();
	let text = value.trim();
	if (!text) return model;

	const fallback = /^([\s\S]*?)\s*\|\|\s*"([^"]*)"$/.exec(text) ?? /^()"([^"]*)"$/.exec(text);
	if (fallback) {
		const note = (fallback[2] ?? '').trim();
		if (!note) return undefined;
		model.note = note;
		text = fallback[1] ?? '';
		if (!text) return fallback[0].startsWith('"') ? model : undefined;
	}
	if (/["|]/.test(text)) return undefined;

	let season: Season | undefined;
	let seasonKnown = false;
	let holidaysSeen = false;
	for (const rule of text.split(';')) {
		// Tolerate spaces around „-" and „,"; then a rule is [season] [days | PH] times.
		const tokens = rule.trim().replace(/\s*([-,])\s*/g, '$1').split(/\s+/).filter(Boolean);
		if (tokens.length === 0 || tokens.length > 3) return undefined;
		const times = tokens.pop() ?? '';
		let ruleSeason: Season | undefined;
		if (tokens.length > 0 && /^[a-z]{3}(-[a-z]{3})?$/i.test(tokens[0] ?? '') && readSeason(tokens[0] ?? '')) {
			ruleSeason = readSeason(tokens.shift() ?? '');
		}
		if (tokens.length > 1) return undefined;
		const selector = tokens[0];
		const isHolidays = selector?.toUpperCase() === 'PH';

		if (isHolidays && times.toLowerCase() === 'off') {
			// „PH off" means the same with or without the season (outside it everything is closed anyway).
			if (ruleSeason && seasonKnown && !sameSeason(ruleSeason, season)) return undefined;
			model.holidays = 'closed';
			holidaysSeen = true;
			continue;
		}
		if (seasonKnown ? !sameSeason(ruleSeason, season) : false) return undefined;
		season = ruleSeason;
		seasonKnown = true;
		const ranges = readRanges(times);
		if (!ranges) return undefined;
		if (isHolidays) {
			model.holidays = ranges;
			holidaysSeen = true;
			continue;
		}
		// A day rule after a holiday rule would override the holidays on those days: more than the form can show.
		if (holidaysSeen) return undefined;
		const days = selector === undefined ? [0, 1, 2, 3, 4, 5, 6] : readDays(selector);
		if (!days) return undefined;
		for (const day of days) model.days[day] = ranges.map((range) => ({ ...range }));
	}
	if (season) model.season = season;
	return model;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const complete = (range: TimeRange) => Boolean(range.from && range.to);
const rangesText = (ranges: TimeRange[]) => ranges.map((range) => `${range.from}-${range.to}`).join(',');

/** Day indices (ascending) as „Mo-We,Fr", „Sa,Su", „Mo,We,Fr". */
function daysText(days: number[]): string {
	const runs: number[][] = [];
	for (const day of days) {
		const run = runs.at(-1);
		if (run && run.at(-1) === day - 1) run.push(day);
		else runs.push([day]);
	}
	return runs
		.map((run) => (run.length >= 3 ? `${DAY_CODES[run[0] ?? 0]}-${DAY_CODES[run.at(-1) ?? 0]}` : run.map((day) => DAY_CODES[day]).join(',')))
		.join(',');
}

const seasonText = (season: Season) =>
	season.from === season.to ? MONTH_CODES[season.from - 1] : `${MONTH_CODES[season.from - 1]}-${MONTH_CODES[season.to - 1]}`;

/** A note as an OSM comment: no straight double quotes, one line. */
const cleanNote = (note: string | undefined) => (note ?? '').replace(/"/g, "'").replace(/\s+/g, ' ').trim();

/** The model as an opening_hours value; ranges not filled in completely are left out. */
export function serializeHours(model: HoursModel): string {
	const days = model.days.map((ranges) => ranges.filter(complete));
	const prefix = model.season ? `${seasonText(model.season)} ` : '';
	const rules: string[] = [];
	const texts = days.map(rangesText);
	if (texts.every((text) => text && text === texts[0])) {
		const onlyDaylight = texts[0] === 'sunrise-sunset' && !model.season && model.holidays === 'unspecified';
		rules.push(onlyDaylight ? 'sunrise-sunset' : `${prefix}Mo-Su ${texts[0]}`);
	} else {
		const groups = new Map<string, number[]>();
		texts.forEach((text, day) => {
			if (text) groups.set(text, [...(groups.get(text) ?? []), day]);
		});
		for (const [text, members] of groups) rules.push(`${prefix}${daysText(members)} ${text}`);
	}
	if (model.holidays === 'closed') rules.push('PH off');
	else if (Array.isArray(model.holidays) && model.holidays.some(complete)) rules.push(`${prefix}PH ${rangesText(model.holidays.filter(complete))}`);
	const value = rules.join('; ');
	const note = cleanNote(model.note);
	if (!note) return value;
	return value ? `${value} || "${note}"` : `"${note}"`;
}

// ---------------------------------------------------------------------------------------------------------------
// Plain German

/** „09:00" → „9", „09:30" → „9:30", sunrise/sunset as words. */
function clockWords(time: string): string {
	if (time === 'sunrise') return 'Sonnenaufgang';
	if (time === 'sunset') return 'Sonnenuntergang';
	const [hours = '', minutes = ''] = time.split(':');
	return minutes === '00' ? String(Number(hours)) : `${Number(hours)}:${minutes}`;
}

const isClock = (time: string) => /^\d/.test(time);

/** „9–12 und 14–18 Uhr", „Sonnenaufgang bis Sonnenuntergang", „8 Uhr bis Sonnenuntergang". */
function rangesWords(ranges: TimeRange[]): string {
	const list = (parts: string[]) => (parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} und ${parts.at(-1)}`);
	if (ranges.every((range) => isClock(range.from) && isClock(range.to))) {
		return `${list(ranges.map((range) => `${clockWords(range.from)}–${clockWords(range.to)}`))} Uhr`;
	}
	const end = (time: string) => (isClock(time) ? `${clockWords(time)} Uhr` : clockWords(time));
	return list(ranges.map((range) => (isClock(range.from) && isClock(range.to) ? `${clockWords(range.from)}–${clockWords(range.to)} Uhr` : `${end(range.from)} bis ${end(range.to)}`)));
}

/** The model in plain German, e.g. „Mo–Fr 9–17 Uhr, Sa 10–13 Uhr, So geschlossen, an Feiertagen geschlossen". */
export function describeHours(model: HoursModel): string {
	const days = model.days.map((ranges) => ranges.filter(complete));
	const holidays = Array.isArray(model.holidays) ? model.holidays.filter(complete) : model.holidays;
	const note = cleanNote(model.note);
	const parts: string[] = [];
	if (days.some((ranges) => ranges.length > 0)) {
		const runs: { from: number; to: number; words: string }[] = [];
		days.forEach((ranges, day) => {
			const words = ranges.length ? rangesWords(ranges) : 'geschlossen';
			const run = runs.at(-1);
			if (run && run.words === words) run.to = day;
			else runs.push({ from: day, to: day, words });
		});
		for (const run of runs) {
			const span = run.to === run.from ? SHORT_WEEKDAYS[run.from] : `${SHORT_WEEKDAYS[run.from]}${run.to - run.from === 1 ? ' und ' : '–'}${SHORT_WEEKDAYS[run.to]}`;
			parts.push(run.from === 0 && run.to === 6 ? `täglich ${run.words}` : `${span} ${run.words}`);
		}
		if (holidays === 'closed') parts.push('an Feiertagen geschlossen');
		else if (Array.isArray(holidays) && holidays.length > 0) parts.push(`an Feiertagen ${rangesWords(holidays)}`);
	} else if (Array.isArray(holidays) && holidays.length > 0) {
		parts.push(`nur an Feiertagen ${rangesWords(holidays)}`);
	} else if (holidays === 'closed') {
		parts.push('geschlossen');
	}
	let text = parts.join(', ');
	if (text && model.season) {
		const { from, to } = model.season;
		text = `${from === to ? `im ${MONTH_NAMES[from - 1]}` : `${MONTH_NAMES[from - 1]} bis ${MONTH_NAMES[to - 1]}`}: ${text}`;
	}
	if (text) text = `${text[0]?.toUpperCase()}${text.slice(1)}`;
	if (!note) return text || 'Keine Öffnungszeiten angegeben';
	return text ? `${text}. Hinweis: ${note}` : `Hinweis: ${note}`;
}
