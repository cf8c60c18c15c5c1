/**
 * Makes Pagefind's output cheaper for the first search on a large site; the words and pages in the index stay the
 * same. (Pagefind extends a query word to longer words only within the chunk it loads, so smaller chunks find a
 * few less long compounds by prefix; their parts, which the compound splitter adds, are still found.)
 *
 * Pagefind 1.6 writes a start file (`pagefind.<lang>_<hash>.pf_meta`) that every first search downloads whole: one
 * entry per page (a random 7-character fragment name and the word count), one entry per word chunk and one list of
 * every page per sort key. At 10,000 pages that is about 105 KB gzip; on top come one word chunk of about 26 KB
 * per query word (Pagefind packs 20,000 word positions into a chunk and offers no option for it).
 *
 * After Pagefind has written its files, this step
 * - renames the fragments to `<lang>_<build>-<page number in base 36>`: a short name that is the same for every page
 *   up to the number compresses far better than a random one, the build part keeps old and new files apart across
 *   deploys, and the number gives the page's place in the index (pages enter it newest first, see
 *   src/integrations/search.ts), which the browser uses to sort by date without a sort list;
 * - cuts the word chunks into smaller ones (CHUNK_POSITIONS), so a query word loads a few KB instead of 26 KB,
 *   and names them the same way;
 * - writes the start file again with the new names and points pagefind-entry.json at it.
 * The word entries themselves are copied byte for byte. The file layout is checked against the Pagefind version
 * this was written for; an update that changes it fails the build instead of breaking search in the browser.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fragmentName } from '../lib/search/entry';

/** The Pagefind version whose file layout this module knows. */
export const PAGEFIND_LAYOUT = '1.6.0';

/** Word positions per chunk (Pagefind: 20,000). Smaller chunks cost more entries in the start file. */
export const CHUNK_POSITIONS = 3_000;

const SIGNATURE = Buffer.from('pagefind_dcd');

export function readPagefindFile(data: Buffer): Buffer {
	const raw = gunzipSync(data);
	return raw.subarray(0, SIGNATURE.length).equals(SIGNATURE) ? raw.subarray(SIGNATURE.length) : raw;
}

export function writePagefindFile(body: Buffer): Buffer {
	return gzipSync(Buffer.concat([SIGNATURE, body]), { level: 9 });
}

// --- A small CBOR reader and writer: definite lengths, integers, strings and arrays are all Pagefind uses here;
// anything else is refused.

type Cbor = number | string | Cbor[];

interface Item {
	value: Cbor;
	end: number;
}

function readHead(buf: Buffer, at: number): { major: number; n: number; next: number } {
	const major = buf[at]! >> 5;
	const info = buf[at]! & 31;
	if (info < 24) return { major, n: info, next: at + 1 };
	if (info === 24) return { major, n: buf[at + 1]!, next: at + 2 };
	if (info === 25) return { major, n: buf.readUInt16BE(at + 1), next: at + 3 };
	if (info === 26) return { major, n: buf.readUInt32BE(at + 1), next: at + 5 };
	if (info === 27) return { major, n: Number(buf.readBigUInt64BE(at + 1)), next: at + 9 };
	throw new Error(`CBOR: Länge ${info} an Stelle ${at} wird nicht unterstützt`);
}

export function decodeCbor(buf: Buffer, at = 0): Item {
	const { major, n, next } = readHead(buf, at);
	switch (major) {
		case 0:
			return { value: n, end: next };
		case 1:
			return { value: -1 - n, end: next };
		case 3:
			return { value: buf.toString('utf8', next, next + n), end: next + n };
		case 4: {
			const list: Cbor[] = [];
			let end = next;
			for (let i = 0; i < n; i++) {
				const item = decodeCbor(buf, end);
				list.push(item.value);
				end = item.end;
			}
			return { value: list, end };
		}
		default:
			throw new Error(`CBOR: Typ ${major} an Stelle ${at} wird nicht unterstützt`);
	}
}

function head(major: number, n: number): Buffer {
	if (n < 24) return Buffer.from([(major << 5) | n]);
	if (n < 256) return Buffer.from([(major << 5) | 24, n]);
	if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
	const b = Buffer.alloc(5);
	b[0] = (major << 5) | 26;
	b.writeUInt32BE(n, 1);
	return b;
}

/** Encodes non-negative integers, strings and arrays the way Pagefind (minicbor) does: shortest heads. */
export function encodeCbor(value: Cbor): Buffer {
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 0) throw new Error(`CBOR: Zahl ${value} wird nicht unterstützt`);
		return head(0, value);
	}
	if (typeof value === 'string') {
		const bytes = Buffer.from(value, 'utf8');
		return Buffer.concat([head(3, bytes.length), bytes]);
	}
	return Buffer.concat([head(4, value.length), ...value.map(encodeCbor)]);
}

// --- Word chunks

export interface WordEntry {
	word: string;
	/** The entry exactly as Pagefind encoded it. */
	bytes: Buffer;
	/** Word positions plus one per page, as Pagefind measures a chunk. */
	positions: number;
}

/** The word entries of one chunk file body: `[[entry, entry, …]]`, each entry `[word, [[page, [positions…], …], …], …]`. */
export function wordEntries(body: Buffer): WordEntry[] {
	const outer = readHead(body, 0);
	const inner = readHead(body, outer.next);
	if (outer.major !== 4 || outer.n !== 1 || inner.major !== 4) throw new Error('Suchindex: Wortdatei hat ein unbekanntes Format');
	const entries: WordEntry[] = [];
	let at = inner.next;
	for (let i = 0; i < inner.n; i++) {
		const { value, end } = decodeCbor(body, at);
		const [word, pages] = value as [string, [number, number[]][]];
		if (typeof word !== 'string' || !Array.isArray(pages)) throw new Error('Suchindex: Worteintrag hat ein unbekanntes Format');
		entries.push({ word, bytes: body.subarray(at, end), positions: pages.reduce((sum, page) => sum + page[1].length + 1, 0) });
		at = end;
	}
	return entries;
}

/**
 * Groups sorted word entries into chunks of about `limit` positions (Pagefind's rule, with a smaller limit), with
 * one change: a big word (one people are likely to search) opens a new chunk when the current one is half full,
 * and a full chunk does not end between a big word and the words that begin with it. The browser looks up both
 * the typed word and its stem („sprechstunde", „sprechstund"), so Pagefind's cut right after „sprechstund" made
 * that query load two chunks.
 */
export function chunkEntries(entries: WordEntry[], limit = CHUNK_POSITIONS): WordEntry[][] {
	const chunks: WordEntry[][] = [];
	let chunk: WordEntry[] = [];
	/** Words of the chunk big enough to be searched for (a quarter of a chunk or more). */
	let big: string[] = [];
	let size = 0;
	for (const [i, entry] of entries.entries()) {
		const isBig = entry.positions * 4 >= limit;
		// A big word opens a chunk of its own family when the current chunk is half full.
		if (isBig && size * 2 >= limit && !big.some((word) => entry.word.startsWith(word))) {
			chunks.push(chunk);
			chunk = [];
			big = [];
			size = 0;
		}
		chunk.push(entry);
		size += entry.positions;
		if (isBig) big.push(entry.word);
		const next = entries[i + 1]?.word;
		// A family may make a chunk up to three times as large, not more.
		const family = next !== undefined && size < 3 * limit && big.some((word) => next.startsWith(word));
		if (size >= limit && !family) {
			chunks.push(chunk);
			chunk = [];
			big = [];
			size = 0;
		}
	}
	if (chunk.length) chunks.push(chunk);
	return chunks;
}

/** Sorts after every character: a range end `prefix + HIGHEST` takes in every word that begins with the prefix. */
export const HIGHEST = '\u{10FFFF}';

/**
 * The shortest prefixes that still tell the last word of one chunk from the first word of the next (Pagefind's
 * way of naming chunk ranges in the start file, `from`/`to`).
 */
export function boundaryPrefixes(last: string, first: string): [string, string] {
	const a = Array.from(last);
	const b = Array.from(first);
	let common = 0;
	while (common < a.length && common < b.length && a[common] === b[common]) common++;
	return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/**
 * The `from`/`to` range of each chunk. The browser looks a query word up in the first chunk whose range holds it
 * (comparing bytes). Pagefind ends a range with the bare prefix („sprechs"), which leaves a gap: „sprechstund"
 * sorts after „sprechs", fits no range, and the search then loads a chunk for each spelling of the word that
 * half-fits. Here a range ends with the prefix followed by the highest character, so the ranges leave no gap
 * and each query word loads exactly the one chunk where it belongs.
 */
export function chunkRanges(chunks: WordEntry[][]): { from: string; to: string }[] {
	const ranges = chunks.map((chunk) => ({ from: chunk[0]?.word ?? '', to: `${chunk.at(-1)?.word ?? ''}${HIGHEST}` }));
	for (let i = 0; i + 1 < ranges.length; i++) {
		const last = chunks[i]!.at(-1)!.word;
		const [to, from] = boundaryPrefixes(last, chunks[i + 1]![0]!.word);
		ranges[i + 1]!.from = from;
		// „sprech" followed by „sprechenantrag": the range ends just below „spreche", not after every „sprech…".
		const fromChars = Array.from(from);
		if (Array.from(last).length === fromChars.length - 1) {
			const below = fromChars.at(-1)!.codePointAt(0)! - 1;
			ranges[i]!.to = `${last}${String.fromCodePoint(below >= 0xd800 && below <= 0xdfff ? 0xd7ff : below)}${HIGHEST}`;
		} else ranges[i]!.to = `${to}${HIGHEST}`;
	}
	return ranges;
}

// --- The whole index

type MetaPage = [string, number, ...Cbor[]];
type MetaChunk = [string, string, string];
type Meta = [string, MetaPage[], MetaChunk[], Cbor[], Cbor[], ...Cbor[]];

export interface CompactStats {
	pages: number;
	chunksBefore: number;
	chunksAfter: number;
	metaBefore: number;
	metaAfter: number;
}

function layoutError(detail: string): Error {
	return new Error(
		`Suchindex: ${detail}. src/integrations/search-compact.ts kennt das Dateiformat von Pagefind ${PAGEFIND_LAYOUT}; nach einem Update von Pagefind muss es dort angepasst werden.`,
	);
}

/** Compacts the Pagefind output in `dir` (dist/pagefind) for every language of pagefind-entry.json. */
export async function compactIndex(dir: string, limit = CHUNK_POSITIONS): Promise<CompactStats[]> {
	const entryFile = path.join(dir, 'pagefind-entry.json');
	const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { version: string; languages: Record<string, { hash: string; page_count: number }> };
	if (entry.version !== PAGEFIND_LAYOUT) throw layoutError(`Pagefind ${entry.version} statt ${PAGEFIND_LAYOUT}`);
	const stats: CompactStats[] = [];
	for (const [lang, info] of Object.entries(entry.languages)) {
		const metaFile = path.join(dir, `pagefind.${info.hash}.pf_meta`);
		const metaGz = await readFile(metaFile);
		const meta = decodeCbor(readPagefindFile(metaGz)).value as Meta;
		const [version, pages, chunks, , sorts] = meta;
		if (!Array.isArray(meta) || version !== PAGEFIND_LAYOUT || !Array.isArray(pages) || !Array.isArray(chunks) || !Array.isArray(sorts)) throw layoutError('die Startdatei hat ein unbekanntes Format');
		// Sorting by date follows the page numbers; a sort list would cost a list of every page.
		if (sorts.length > 0) throw layoutError('die Startdatei enthält Sortierlisten (data-pagefind-sort), die Quartier nicht braucht');

		const build = createHash('sha256').update(metaGz).digest('hex').slice(0, 4);
		// Fragments: same content, new name (pages with identical content share one fragment in Pagefind).
		const fragmentDir = path.join(dir, 'fragment');
		const renamed = new Map<string, string>();
		for (const [i, page] of pages.entries()) {
			const name = renamed.get(page[0]) ?? fragmentName(lang, build, i);
			if (!renamed.has(page[0])) {
				renamed.set(page[0], name);
				await rename(path.join(fragmentDir, `${page[0]}.pf_fragment`), path.join(fragmentDir, `${name}.pf_fragment`));
			}
			page[0] = name;
		}

		// Word chunks: all entries in order, cut again.
		const indexDir = path.join(dir, 'index');
		const entries: WordEntry[] = [];
		for (const [, , hash] of chunks) {
			const file = path.join(indexDir, `${hash}.pf_index`);
			entries.push(...wordEntries(readPagefindFile(await readFile(file))));
			await rm(file);
		}
		const grouped = chunkEntries(entries, limit);
		const ranges = chunkRanges(grouped);
		const newChunks: MetaChunk[] = [];
		for (const [i, group] of grouped.entries()) {
			const name = fragmentName(lang, build, i);
			const inner = Buffer.concat([head(4, group.length), ...group.map((e) => e.bytes)]);
			await writeFile(path.join(indexDir, `${name}.pf_index`), writePagefindFile(Buffer.concat([head(4, 1), inner])));
			newChunks.push([ranges[i]!.from, ranges[i]!.to, name]);
		}
		meta[2] = newChunks;

		const body = encodeCbor(meta as Cbor);
		const metaHash = `${lang}_${createHash('sha256').update(body).digest('hex').slice(0, 10)}`;
		const written = writePagefindFile(body);
		await rm(metaFile);
		await writeFile(path.join(dir, `pagefind.${metaHash}.pf_meta`), written);
		info.hash = metaHash;
		stats.push({ pages: pages.length, chunksBefore: chunks.length, chunksAfter: newChunks.length, metaBefore: metaGz.length, metaAfter: written.length });
	}
	await writeFile(entryFile, JSON.stringify(entry));
	// Nothing of the old names may stay behind (a leftover would mean a name was missed).
	for (const sub of ['fragment', 'index']) {
		const leftovers = (await readdir(path.join(dir, sub))).filter((name) => !Object.keys(entry.languages).some((lang) => name.startsWith(`${lang}_`) && name.includes('-')));
		if (leftovers.length) throw layoutError(`${leftovers.length} Dateien in ${sub}/ wurden nicht umbenannt (z. B. ${leftovers[0]})`);
	}
	return stats;
}
