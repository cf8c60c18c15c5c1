/**
 * The incremental build's keys (src/lib/page-cache.ts) hash every collection besides news: its list is the schemas'
 * collections plus a few more, and must name every collection the content config defines – a collection left out
 * would change without re-rendering the news pages that show it. (The module itself reads Astro's content at build
 * time; its behaviour is tested by real builds in tests/build/incremental.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { schemaFactories } from '../../src/schemas';

test('every collection of src/content.config.ts is part of the pages\' keys', () => {
	const config = readFileSync('src/content.config.ts', 'utf8');
	const defined = [...config.matchAll(/^\t'?([\w-]+)'?: defineCollection\(/gm)].map((m) => m[1]);
	expect(defined.length).toBeGreaterThan(15);
	const source = readFileSync('src/lib/page-cache.ts', 'utf8');
	const extra = [.../EXTRA_COLLECTIONS = \[([^\]]*)\]/.exec(source)?.[1]?.matchAll(/'([\w-]+)'/g) ?? []].map((m) => m[1]);
	expect(extra.length).toBeGreaterThan(0);
	// The translations are read on their own (each entry's with its entry), the news are the keyed pages.
	const covered = new Set([...Object.keys(schemaFactories), ...extra, 'uebersetzungen']);
	expect(defined.filter((name) => !covered.has(name ?? ''))).toEqual([]);
});
