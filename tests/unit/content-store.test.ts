import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { claimContentStore } from '../../src/integrations/content-store';

describe('.astro/ holds the content store of one content folder', () => {
	const setup = () => {
		const dotAstro = mkdtempSync(path.join(tmpdir(), 'dot-astro-'));
		const files = ['data-store.json', 'content-assets.mjs'].map((name) => path.join(dotAstro, name));
		return { dotAstro, files, fill: () => files.forEach((file) => writeFileSync(file, 'x')) };
	};

	test('a process with another content folder removes the store and image list; the same folder keeps them', () => {
		const { dotAstro, files, fill } = setup();
		fill();
		expect(claimContentStore(dotAstro, '/work/content')).toEqual({ removed: true, otherRunning: undefined });
		expect(files.map(existsSync)).toEqual([false, false]);

		fill();
		expect(claimContentStore(dotAstro, '/work/content')).toEqual({ removed: false });
		expect(files.map(existsSync)).toEqual([true, true]);

		expect(claimContentStore(dotAstro, '/tmp/copy/content').removed).toBe(true);
		expect(files.map(existsSync)).toEqual([false, false]);
	});

	test('names a still running process that read the other folder, not one that has ended', async () => {
		const { dotAstro } = setup();
		const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			claimContentStore(dotAstro, '/work/content', other.pid);
			expect(claimContentStore(dotAstro, '/tmp/copy/content').otherRunning).toBe(other.pid);
		} finally {
			other.kill();
		}
		await new Promise((resolve) => other.once('exit', resolve));
		claimContentStore(dotAstro, '/work/content', other.pid);
		expect(claimContentStore(dotAstro, '/tmp/copy/content').otherRunning).toBeUndefined();
	});
});
