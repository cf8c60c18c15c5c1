/**
 * The extra words a page gets in the search index (never in the page residents see): the parts of its compound
 * words, the other words of every synonym group it uses, and ASCII spellings of words with umlauts or ß
 * („Spielplätze" → „spielplaetze"). Build time only.
 */
import { fold } from '../facility-filter';
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

/** The extra index words for a page's text, sorted, without words the text already has. */
export function extraTerms(text: string, splitter: Splitter, synonyms: string[][]): string[] {
	const present = new Set(words(text).map((word) => word.toLowerCase()));
	const extra = new Set<string>();
	const keys = new Set<string>();
	for (const word of present) {
		keys.add(matchKey(word));
		for (const part of splitter.split(word)) {
			extra.add(part);
			keys.add(matchKey(part));
		}
	}
	for (const group of synonyms) {
		if (!group.some((entry) => occurs(entry, keys))) continue;
		for (const entry of group) for (const word of words(entry)) extra.add(word.toLowerCase());
	}
	for (const word of [...present, ...extra]) {
		if (/[äöüß]/.test(word)) extra.add(fold(word));
	}
	for (const word of present) extra.delete(word);
	return [...extra].sort();
}
