import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search';
import {
	chunkEntries,
	chunkRanges,
	compactIndex,
	decodeCbor,
	encodeCbor,
	readPagefindFile,
	wordEntries,
	type WordEntry,
} from '../../src/integrations/search-compact';
import { fragmentName, pageNumberOf } from '../../src/lib/search/entry';
import { byDate } from '../../src/lib/search/client';

/** What the search in the browser does: compare bytes (Rust's string order). */
const byteCompare = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const entry = (word: string, positions: number): WordEntry => ({ word, positions, bytes: Buffer.alloc(0) });

/** The chunks whose range holds `term`, as Pagefind's wasm picks them. */
function chunksFor(ranges: { from: string; to: string }[], term: string): number[] {
	return ranges.flatMap((range, i) => (byteCompare(range.from, term) <= 0 && byteCompare(term, range.to) <= 0 ? [i] : []));
}

describe('word chunks', () => {
	const words = ['haus', 'hausflur', 'hof', 'sprech', 'sprechen', 'sprechenantrag', 'sprechstund', 'sprechstundeab', 'sprechstundezeit', 'sprechzeit', 'straße', 'zentrum', 'ärztin'].sort(byteCompare);

	test('every word and every word beginning lies in exactly one chunk, the one that holds the word', () => {
		for (const limit of [1, 2, 3, 5, 100]) {
			const chunks = chunkEntries(
				words.map((w) => entry(w, 1)),
				limit,
			);
			const ranges = chunkRanges(chunks);
			for (const [i, chunk] of chunks.entries()) {
				for (const { word } of chunk) {
					expect(chunksFor(ranges, word), `${word} bei ${limit}`).toEqual([i]);
				}
			}
			// Terms that are not in the index (typed beginnings, other spellings) hit at most one chunk.
			for (const term of ['spre', 'sprechs', 'sprechstunde', 'sprechz', 'hausa', 'straßenfest', 'a', 'zz', 'äpfel']) {
				expect(chunksFor(ranges, term).length, `${term} bei ${limit}`).toBeLessThanOrEqual(1);
			}
			// Between two chunks there is no gap: a word sorting after the last word of a chunk and before the next still has a chunk.
			for (const term of ['sprechstundea', 'sprechd', 'hausz']) expect(chunksFor(ranges, term).length, `${term} bei ${limit}`).toBe(1);
		}
	});

	test('a big word opens a chunk, and the chunk does not end before the words that begin with it', () => {
		const list = [entry('haus', 25), entry('sprechstund', 36), entry('sprechstundeab', 2), entry('sprechstundezeit', 2), entry('sprechzeit', 30)];
		expect(chunkEntries(list, 40).map((chunk) => chunk.map((e) => e.word))).toEqual([['haus'], ['sprechstund', 'sprechstundeab', 'sprechstundezeit'], ['sprechzeit']]);
		// Pagefind's own rule would have cut right after the big word.
		const small = [entry('sprech', 5), entry('sprechstund', 36), entry('sprechstundeab', 2), entry('sprechzeit', 30)];
		expect(chunkEntries(small, 40).map((chunk) => chunk.map((e) => e.word))).toEqual([['sprech', 'sprechstund', 'sprechstundeab'], ['sprechzeit']]);
	});

	test('a family makes a chunk at most three times as large', () => {
		const list = [entry('platz', 100), ...Array.from({ length: 30 }, (_, i) => entry(`platz${String(i).padStart(2, '0')}`, 10))];
		const chunks = chunkEntries(list, 40);
		expect(chunks.flat().map((e) => e.word)).toEqual(list.map((e) => e.word));
		for (const chunk of chunks) expect(chunk.reduce((sum, e) => sum + e.positions, 0)).toBeLessThanOrEqual(3 * 40 + 10);
	});

	test('CBOR values survive a round trip', () => {
		const value = ['1.6.0', [['de_x-0', 120, ''], ['de_x-1', 70000, '']], [], [['typ', 'de_1234567']]];
		expect(decodeCbor(encodeCbor(value)).value).toEqual(value);
	});
});

describe('compacting a real index', () => {
	test('fragments get numbered names, chunks are cut smaller, every word entry survives byte for byte', async () => {
		const dist = mkdtempSync(path.join(tmpdir(), 'quartier-search-compact-'));
		try {
			const words = ['Spielplatz', 'Familienzentrum', 'Mieterberatung', 'Sprechstunde', 'Nachbarschaftstreff', 'Stadtteilbüro', 'Kita', 'Hof', 'Garten'];
			for (let i = 0; i < 30; i++) {
				const text = Array.from({ length: 40 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
				const date = i % 3 === 0 ? '' : ` data-search-date="2026-${String(1 + (i % 12)).padStart(2, '0')}-10"`;
				mkdirSync(path.join(dist, `seite-${i}`));
				writeFileSync(path.join(dist, `seite-${i}`, 'index.html'), `<!doctype html><html lang="de"><body><main data-pagefind-body><span hidden${date}></span><h1>Seite ${i}</h1><p>${text}.</p></main></body></html>`);
			}
			await buildSearchIndex(dist, { compact: false });
			const dir = path.join(dist, 'pagefind');
			const entriesIn = () =>
				readdirSync(path.join(dir, 'index'))
					.flatMap((file) => wordEntries(readPagefindFile(readFileSync(path.join(dir, 'index', file)))))
					.map((e) => `${e.word}:${e.bytes.toString('hex')}`)
					.sort();
			const before = entriesIn();
			const fragments = readdirSync(path.join(dir, 'fragment')).length;

			const [stats] = await compactIndex(dir, 20);
			expect(stats?.pages).toBe(30);
			expect(stats?.chunksAfter).toBeGreaterThan(stats?.chunksBefore ?? 0);
			expect(entriesIn()).toEqual(before);

			const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: { de: { hash: string } } };
			const meta = decodeCbor(readPagefindFile(readFileSync(path.join(dir, `pagefind.${entry.languages.de.hash}.pf_meta`)))).value as [string, [string, number][], [string, string, string][]];
			expect(meta[0]).toBe('1.6.0');
			// Page n's fragment is named with n, and the file is there.
			const names = meta[1].map(([name]) => name);
			expect(names.map(pageNumberOf)).toEqual(names.map((_, i) => i));
			for (const name of names) expect(readdirSync(path.join(dir, 'fragment'))).toContain(`${name}.pf_fragment`);
			expect(readdirSync(path.join(dir, 'fragment')).length).toBe(fragments);
			for (const [, , name] of meta[2]) expect(readdirSync(path.join(dir, 'index'))).toContain(`${name}.pf_index`);

			// Pages entered the index newest first, the undated ones last by title: page numbers are date order.
			const fragmentOf = (name: string) => JSON.parse(readPagefindFile(readFileSync(path.join(dir, 'fragment', `${name}.pf_fragment`))).toString()) as { url: string };
			const urls = names.map((name) => fragmentOf(name).url);
			const month = (url: string) => Number(/seite-(\d+)/.exec(url)?.[1]);
			const dated = urls.filter((url) => month(url) % 3 !== 0).map((url) => 1 + (month(url) % 12));
			expect(dated).toEqual([...dated].sort((a, b) => b - a));
			expect(urls.slice(dated.length).every((url) => month(url) % 3 === 0)).toBe(true);
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});

	test('compacting refuses an index with sort lists instead of dropping them', async () => {
		const dist = mkdtempSync(path.join(tmpdir(), 'quartier-search-compact-'));
		try {
			mkdirSync(path.join(dist, 'a'));
			writeFileSync(path.join(dist, 'a', 'index.html'), '<!doctype html><html lang="de"><body><main data-pagefind-body><h1 data-pagefind-sort="datum:2026-01-01">Hof</h1><p>Hof und Garten.</p></main></body></html>');
			await expect(buildSearchIndex(dist)).rejects.toThrow(/Sortierlisten/);
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});
});

describe('sorting by date in the browser', () => {
	test('results are ordered by the page number in their name, ties keep their order', () => {
		const results = [7, 2, 11, 2, 0].map((n, i) => ({ id: fragmentName('de', 'ab12', n), i }));
		expect(byDate(results).map((r) => r.i)).toEqual([4, 1, 3, 0, 2]);
		expect(pageNumberOf('de_ab12-b')).toBe(11);
		expect(pageNumberOf('de_1234567')).toBeNaN();
	});
});
