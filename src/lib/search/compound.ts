/**
 * Splitting German compound words for the search index, so that „platz" finds „Spielplatz" and „zentrum" finds
 * „Familienzentrum". Pagefind matches word beginnings only; the parts found here are added to each page's index
 * at build time (src/integrations/search.ts).
 *
 * A word is split where every piece is a known word: a word of the site's own text (four letters or more) or of
 * the shipped list (src/lib/search/words-de.ts, which may hold three-letter words such as „Rat" or „Hof").
 * Pieces may carry a linking element or an inflection ending („Arbeit-s-gelegenheit-en", „Familie-n-zentrum"),
 * and the fewest pieces win. Function words and endings („ein", „innen", „ung") never count as pieces, which
 * keeps „Einrichtung", „Beratung" and „Bürgerinnen" whole.
 */
import { GERMAN_WORDS, NEVER_PARTS } from './words-de';

/** Lower case with umlauts reduced to their base letter: the form words are compared in. */
export function plain(word: string): string {
	return word.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
}

/** Linking elements and inflection endings a piece may carry, longest first. */
const ENDINGS = ['innen', 'ern', 'nen', 'ens', 'en', 'er', 'es', 'in', 'e', 'n', 's'];

/** Shortest piece; three-letter pieces only from the shipped list. */
const MIN_PIECE = 3;
const MIN_SITE_WORD = 4;

export interface Splitter {
	/**
	 * The parts of a compound, lower case and without duplicates: every piece (as written and, where an ending was
	 * removed, in its base form) and the parts of pieces that are compounds themselves. Empty if the word is not a
	 * compound. The word itself is never included.
	 */
	split(word: string): string[];
	/**
	 * The head of a compound: its last piece (as written and in base form) and the tail after the first piece,
	 * which carry its meaning („Kinderarztpraxis" is a „Praxis", „Praxistage" are „Tage"). Empty if not a compound.
	 */
	heads(word: string): string[];
	/** Whether the word (or its base form) is known. */
	knows(word: string): boolean;
}

/** A splitter for the shipped list plus the given words of the site. */
export function createSplitter(siteWords: Iterable<string> = []): Splitter {
	const known = new Set<string>();
	for (const word of GERMAN_WORDS) known.add(plain(word));
	for (const word of siteWords) {
		const key = plain(word);
		if (key.length >= MIN_SITE_WORD && /^\p{L}+$/u.test(key)) known.add(key);
	}
	const never = new Set([...NEVER_PARTS].map(plain));
	const shortAllowed = new Set([...GERMAN_WORDS].map(plain).filter((w) => w.length < MIN_SITE_WORD));

	/** The base form of a piece if it is a word (possibly after removing an ending), else undefined. */
	const baseOf = (piece: string): string | undefined => {
		const key = plain(piece);
		if (key.length < MIN_PIECE || never.has(key)) return undefined;
		const accept = (candidate: string) => !never.has(candidate) && (candidate.length >= MIN_SITE_WORD ? known.has(candidate) : shortAllowed.has(candidate));
		if (accept(key)) return piece.toLowerCase();
		for (const ending of ENDINGS) {
			if (!key.endsWith(ending)) continue;
			const stem = key.slice(0, -ending.length);
			if (stem.length >= MIN_PIECE && accept(stem)) return piece.toLowerCase().slice(0, stem.length);
		}
		// A verb stem as first part: „Sprech-stunde", „Wohn-ung".
		if (key.length >= MIN_SITE_WORD && known.has(`${key}en`)) return piece.toLowerCase();
		return undefined;
	};

	const cache = new Map<string, string[]>();
	const headCache = new Map<string, string[]>();

	/** Fewest pieces covering `word` from `start`, each a known word; undefined if there is none. */
	const segment = (word: string, start: number, memo: Map<number, string[] | null>, minPieces: number): string[] | undefined => {
		if (start === word.length) return [];
		const cached = memo.get(start);
		if (cached !== undefined && minPieces <= 1) return cached ?? undefined;
		let best: string[] | undefined;
		for (let end = start + MIN_PIECE; end <= word.length; end++) {
			if (start === 0 && end === word.length && minPieces > 1) continue;
			if (word.length - end > 0 && word.length - end < MIN_PIECE) continue;
			const piece = word.slice(start, end);
			if (baseOf(piece) === undefined) continue;
			const rest = segment(word, end, memo, 1);
			if (rest === undefined) continue;
			const candidate = [piece, ...rest];
			if (!best || better(candidate, best)) best = candidate;
		}
		if (minPieces <= 1) memo.set(start, best ?? null);
		return best;
	};

	/** Fewer pieces win; then the split whose shortest piece is longest (avoids tiny pieces). */
	const better = (a: string[], b: string[]) => {
		if (a.length !== b.length) return a.length < b.length;
		return Math.min(...a.map((p) => p.length)) > Math.min(...b.map((p) => p.length));
	};

	const split = (word: string): string[] => {
		const lower = word.toLowerCase();
		const hit = cache.get(lower);
		if (hit) return hit;
		const parts = new Set<string>();
		if (/^\p{L}+$/u.test(lower) && lower.length >= 2 * MIN_PIECE) {
			const pieces = segment(lower, 0, new Map(), 2);
			for (const piece of pieces ?? []) {
				parts.add(piece);
				const base = baseOf(piece);
				if (base) parts.add(base);
				for (const sub of split(piece)) parts.add(sub);
			}
			const heads = new Set<string>();
			const last = pieces?.at(-1);
			if (pieces && last) {
				heads.add(last);
				heads.add(baseOf(last) ?? last);
			}
			// The tail after the first piece names the thing too: „Kinderspielplatz" → „spielplatz".
			if (pieces && pieces.length > 2) {
				parts.add(pieces.slice(1).join(''));
				heads.add(pieces.slice(1).join(''));
			}
			headCache.set(lower, [...heads]);
		}
		parts.delete(lower);
		const result = [...parts].filter((part) => part.length >= MIN_PIECE);
		cache.set(lower, result);
		return result;
	};

	const heads = (word: string): string[] => {
		split(word);
		return headCache.get(word.toLowerCase()) ?? [];
	};

	return { split, heads, knows: (word) => baseOf(word) !== undefined };
}
