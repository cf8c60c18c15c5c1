import { afterEach, describe, expect, test, vi } from 'vitest';
import { oncePerBuild } from '../../src/lib/per-build';

afterEach(() => vi.unstubAllEnvs());

describe('values worked out once per build', () => {
	test('during a build: once per key, every caller gets the same value', async () => {
		vi.stubEnv('DEV', false);
		const kept = new Map<string, Promise<number>>();
		let runs = 0;
		const compute = async () => ++runs;
		expect(await Promise.all([oncePerBuild(kept, 'a', compute), oncePerBuild(kept, 'a', compute)])).toEqual([1, 1]);
		expect(await oncePerBuild(kept, 'b', compute)).toBe(2);
		expect(await oncePerBuild(kept, 'a', compute)).toBe(1);
		expect(runs).toBe(2);
	});

	test('while editing (npm start): anew each time, nothing kept', async () => {
		vi.stubEnv('DEV', true);
		const kept = new Map<string, Promise<number>>();
		let runs = 0;
		const compute = async () => ++runs;
		expect(await oncePerBuild(kept, 'a', compute)).toBe(1);
		expect(await oncePerBuild(kept, 'a', compute)).toBe(2);
		expect(kept.size).toBe(0);
	});
});
