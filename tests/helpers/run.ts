/** Runs the project's own Astro CLI on the Node that runs the tests (Node 22 from the `node` package). */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ASTRO_CLI = path.resolve('node_modules/astro/bin/astro.mjs');

export interface RunResult {
	code: number | null;
	output: string;
}

/** The environment of the test run without what Vitest sets (NODE_ENV=test would make a build think it is dev). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
	// Vitest's workers also mirror import.meta.env into process.env (DEV=1, MODE=test …): a build would take itself
	// for the dev server and show drafts and news before their day.
	for (const key of Object.keys(env)) if (['NODE_ENV', 'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
	return env;
}

export function runAstro(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [ASTRO_CLI, ...args], {
			env: cleanEnv(env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({ code, output }));
	});
}
