/**
 * The printable notice („Aushang") of an event, a call or a news item: its QR code, the short address printed under
 * it, and the second language the settings ask for. Pure (no Astro imports): pages and tests use it.
 */
import QRCode from 'qrcode';
import type { Settings } from '../schemas/settings';

/**
 * The QR code of an absolute URL as inline SVG, made at build time. Hidden from screen readers: the address stands in
 * text beside it.
 */
export async function qrSvg(url: string): Promise<string> {
	const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
	return svg.replace('<svg ', '<svg class="aushang-qr" aria-hidden="true" focusable="false" ');
}

/** An address as people type it from paper: without `https://` and `www.`, e.g. „muehlenviertel.example.org/termine/fest/". */
export function shortUrl(url: string): string {
	const { host, pathname, search } = new URL(url);
	return `${host.replace(/^www\./, '')}${pathname}${search}`;
}

/**
 * The language printed beside German on a notice (settings `notices.secondLanguage`), if any. Only a language of the
 * site counts – its translations are read only then –, so an office that turns a language off prints German only.
 */
export function noticeSecondLanguage(settings: Pick<Settings, 'languages' | 'notices'>): Settings['languages'][number] | undefined {
	const second = settings.notices?.secondLanguage;
	return second && settings.languages.includes(second) ? second : undefined;
}

/** Abbreviations whose full stop ends no sentence („z. B.", „bzw.", „Nr."). */
const ABBREVIATIONS = new Set(['z', 'B', 'bzw', 'ca', 'usw', 'u', 'a', 'd', 'h', 'vgl', 'evtl', 'ggf', 'inkl', 'Nr', 'Str', 'St', 'Dr', 'Fr', 'Hr', 'Tel']);
/** What follows the full stop of an ordinal number in a date („31. Januar", „1. Mai"). */
const MONTH = /^(Jan(uar)?|Feb(ruar)?|März|Mär|Apr(il)?|Mai|Juni?|Juli?|Aug(ust)?|Sep(t(ember)?)?|Okt(ober)?|Nov(ember)?|Dez(ember)?)\b/;

/**
 * Where sentences end in `text` (index of the mark): `!`, `?`, `؟` or `…` before a space, and `.` before a space unless
 * it closes an abbreviation or an ordinal number („bis zum 31. Januar", „am 2. und 3. Mai": a number followed by a
 * month or a lower-case word) – „bis 2027. Dann …" does end a sentence.
 */
function sentenceEnds(text: string): number[] {
	const ends: number[] = [];
	for (const match of text.matchAll(/[.!?؟…](?=\s)/g)) {
		const at = match.index;
		if (match[0] === '.') {
			const word = /[\p{L}\d]+$/u.exec(text.slice(0, at))?.[0] ?? '';
			const next = text.slice(at + 1).trimStart();
			if (ABBREVIATIONS.has(word)) continue;
			if (/^\d+$/.test(word) && (MONTH.test(next) || /^\p{Ll}/u.test(next))) continue;
		}
		ends.push(at);
	}
	return ends;
}

/**
 * A summary shortened for a notice in two columns, where half the width holds the same text in twice the lines: up
 * to `max` characters it stays whole; longer, it ends with the last whole sentence that fits (when that keeps at
 * least a third of the room), otherwise at the last whole word, with „…".
 */
export function shortSummary(text: string, max: number): string {
	const clean = text.trim().replace(/\s+/g, ' ');
	if (clean.length <= max) return clean;
	const room = clean.slice(0, max + 1);
	const ends = sentenceEnds(clean).filter((index) => index < max);
	const sentenceEnd = ends.at(-1) ?? -1;
	if (sentenceEnd >= max / 3) return clean.slice(0, sentenceEnd + 1);
	const wordEnd = room.lastIndexOf(' ');
	return `${clean.slice(0, wordEnd > 0 ? wordEnd : max).replace(/[\s,;:–-]+$/, '')} …`;
}

/** How long a summary may be in each column of a two-language notice (one is 200 at most). */
export const TWO_COLUMN_SUMMARY = 130;
