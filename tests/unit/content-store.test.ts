import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { claimContentStore } from '../../src/integrations/content-store';

describe('.astro/ holds the content store of one content folder', () => {
	test('a process with another content folder removes the store and image list; the same folder keeps them', () => {
		const dotAstro = mkdtempSync(path.join(tmpdir(), 'dot-astro-'));
		const files = ['data-store.json', 'content-assets.mjs'].map((name) => path.join(dotAstro, name));
		const fill = () => files.forEach((file) => writeFileSync(file, 'x'));

		fill();
		expect(claimContentStore(dotAstro, '/work/content')).toBe(true);
		expect(files.map(existsSync)).toEqual([false, false]);
		expect(readFileSync(path.join(dotAstro, 'quartier-content-dir.txt'), 'utf8')).toBe('/work/content');

		fill();
		expect(claimContentStore(dotAstro, '/work/content')).toBe(false);
		expect(files.map(existsSync)).toEqual([true, true]);

		expect(claimContentStore(dotAstro, '/tmp/copy/content')).toBe(true);
		expect(files.map(existsSync)).toEqual([false, false]);
	});
});
