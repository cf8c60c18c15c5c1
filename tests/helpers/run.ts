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
	for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
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
