/**
 * Builds the sample site once into dist/ and serves it with `astro preview` on 127.0.0.1 for the browser
 * and HTML tests. The server is stopped when the run ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ASTRO_CLI, cleanEnv, runAstro } from '../helpers/run';
import { freePort, waitForPort } from '../helpers/ports';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The moment the sample site was built for (what „now" was for every date on it). */
		buildTime: string;
	}
}

/** „Now" for the sample site: the moment it is built for, and the browser's clock in tests that need one. */
export const SAMPLE_NOW = '2026-12-01T09:00:00.000Z';

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
	// The sample site is built for a fixed moment in the sample's own time (Tuesday, 1 December 2026, 10:00 in
	// Berlin), so what is open and what is over is the same whatever day the tests run. Tests that let the browser
	// re-check the time set Chromium's clock to this moment first.
	const buildTime = SAMPLE_NOW;
	const build = await runAstro(['build'], { QUARTIER_NOW: buildTime });
	if (build.code !== 0) throw new Error(`Build of the sample site failed:\n${build.output}`);
	const PORT = await freePort();
	// --ignore-lock: a preview or dev server the developer runs at the same time is left alone (Astro allows one per
	// project otherwise), and Astro never moves this one into the background.
	server = spawn(process.execPath, [ASTRO_CLI, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], {
		env: cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	server.stdout?.on('data', (chunk) => (log += chunk));
	server.stderr?.on('data', (chunk) => (log += chunk));
	await waitForPort(PORT, 120_000).catch((error: Error) => {
		throw new Error(`${error.message}\n${log}`);
	});
	project.provide('baseUrl', `http://127.0.0.1:${PORT}`);
	project.provide('buildTime', buildTime);
	return () => {
		server?.kill();
	};
}
