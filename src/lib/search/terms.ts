/**
 * The extra words a page gets in the search index (never in the page residents see): the parts of its compound
 * words, the other words of every synonym group it uses, and ss spellings of words with ß („Mühlenstraße" →
 * „mühlenstrasse"). Build time only.
 */
import { plain, type Splitter } from './compound';

/** Words of a text (letters only; hyphens and punctuation separate words). */
export function words(text: string): string[] {
	return text.match(/\p{L}+/gu) ?? [];
}

/** The form synonyms are compared in: lower case, umlauts reduced, a plural or inflection ending removed. */
export function matchKey(word: string): string {
	const key = plain(word);
	for (const ending of ['innen', 'en', 'er', 'es', 'e', 'n', 's']) {
		if (key.endsWith(ending) && key.length - ending.length >= 4) return key.slice(0, -ending.length);
	}
	return key;
}

/** Whether a synonym entry (a word or several) occurs among the given keys. */
function occurs(entry: string, keys: Set<string>): boolean {
	const parts = words(entry);
	return parts.length > 0 && parts.every((part) => keys.has(matchKey(part)));
}

/** The extra index words of a page, in three groups the index weighs differently. */
export interface ExtraTerms {
	/** Parts and ss spellings of the title's words: weighed almost like the heading. */
	title: string[];
	/** Parts and ss spellings of the other words, once per occurrence (at most three times). */
	text: string[];
	/** Words of the synonym groups the page uses, and their ss spellings: weighed low. */
	synonyms: string[];
}

/** How often a part counts at most, so that long pages do not drown short ones. */
const MAX_REPEAT = 3;

/**
 * Spellings with ss for ß („Mühlenstrasse"). Spellings with ae/oe/ue for umlauts are not added here: the browser
 * also searches such a query with the umlauts (src/lib/search/query.ts), which keeps the index smaller.
 */
const ascii = (word: string) => (word.includes('ß') ? [word.replace(/ß/g, 'ss')] : []);

/** The extra index words for a page's text (which includes its title). */
export function extraTerms(text: string, splitter: Splitter, synonyms: string[][], title = ''): ExtraTerms {
	const all = words(text).map((word) => word.toLowerCase());
	const present = new Set(all);
	const keys = new Set<string>();
	const counts = new Map<string, number>();
	for (const word of all) {
		keys.add(matchKey(word));
		// Synonyms follow a compound's head only: „Kinderarztpraxis" is a „Praxis", „Praxistage" are not.
		for (const head of splitter.heads(word)) keys.add(matchKey(head));
		const parts = splitter.split(word);
		for (const part of [...parts, ...parts.flatMap(ascii), ...ascii(word)]) counts.set(part, (counts.get(part) ?? 0) + 1);
	}
	const titleTerms = new Set<string>();
	for (const word of words(title)) for (const part of splitter.split(word)) titleTerms.add(part);
	for (const word of words(title)) for (const spelling of ascii(word.toLowerCase())) titleTerms.add(spelling);
	const synonymTerms = new Set<string>();
	for (const group of synonyms) {
		if (!group.some((entry) => occurs(entry, keys))) continue;
		for (const entry of group) {
			for (const word of words(entry)) {
				synonymTerms.add(word.toLowerCase());
				for (const spelling of ascii(word.toLowerCase())) synonymTerms.add(spelling);
			}
		}
	}
	// Parts count even where the page also has them as words of their own: they add to how much it is about them.
	const titleWords = new Set(words(title).map((word) => word.toLowerCase()));
	const absent = (word: string) => !present.has(word);
	return {
		title: [...titleTerms].filter((word) => !titleWords.has(word)).sort(),
		text: [...counts]
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.flatMap(([word, count]) => Array<string>(Math.min(count, MAX_REPEAT)).fill(word)),
		synonyms: [...synonymTerms].filter((word) => absent(word) && !counts.has(word)).sort(),
	};
}

/** All extra words of a page once each (for reports and tests). */
export function allTerms(extra: ExtraTerms): string[] {
	return [...new Set([...extra.title, ...extra.text, ...extra.synonyms])].sort();
}
