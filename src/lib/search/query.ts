/**
 * Query helpers shared by the header search and the search page. No Node imports: this runs in the browser.
 */
import { escapeHtml } from '../escape';

/**
 * The spellings a query is searched in: as typed, and with ae/oe/ue read as ä/ö/ü („Spielplaetze" →
 * „Spielplätze"), for keyboards without umlauts. The index already holds ASCII spellings of umlaut words; this
 * covers inflected forms that only exist with the umlaut.
 */
export function queryVariants(query: string): string[] {
	const typed = query.trim().replace(/\s+/g, ' ');
	if (!typed) return [];
	const umlauts = typed
		.replace(/ae/g, 'ä')
		.replace(/oe/g, 'ö')
		.replace(/(?<![aeqAEQ])ue/g, 'ü')
		.replace(/Ae/g, 'Ä')
		.replace(/Oe/g, 'Ö')
		.replace(/Ue/g, 'Ü');
	return umlauts === typed ? [typed] : [typed, umlauts];
}

/** The part of an indexed page's text residents see: the index's extra words follow a marker and are cut off. */
export const EXTRA_MARKER = '⁂';

export function visibleText(content: string): string {
	const at = content.indexOf(EXTRA_MARKER);
	return (at === -1 ? content : content.slice(0, at)).trim();
}


/** Lower case with umlauts reduced, for finding a query word inside a longer word („platz" in „Spielplätze"). */
function loose(text: string): string {
	return text.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss').replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/**
 * A short excerpt (HTML) of the visible text around the first words that contain a query word, with those words
 * marked. Falls back to the beginning of the text (e.g. when only a synonym matched).
 */
export function excerpt(content: string, query: string, options: { length?: number; skip?: string } = {}): string {
	const length = options.length ?? 30;
	let text = visibleText(content);
	// The text begins with the page title, which the result shows anyway.
	if (options.skip && text.startsWith(options.skip)) text = text.slice(options.skip.length).replace(/^[\s.]+/, '');
	const tokens = text.split(/\s+/).filter(Boolean);
	const needles = query
		.split(/\s+/)
		.map(loose)
		.map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
		.map((word) => (word.length >= 5 ? word.replace(/(en|er|es|e|n|s)$/, '') : word))
		.filter((word) => word.length >= 2);
	const hit = (token: string) => {
		const word = loose(token);
		return needles.some((needle) => word.includes(needle));
	};
	const first = needles.length ? tokens.findIndex(hit) : -1;
	const start = first <= 0 ? 0 : Math.max(0, Math.min(first - Math.floor(length / 3), tokens.length - length));
	const window = tokens.slice(start, start + length);
	const html = window.map((token) => (needles.length && hit(token) ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token))).join(' ');
	return `${start > 0 ? '… ' : ''}${html}${start + length < tokens.length ? ' …' : ''}`;
}
