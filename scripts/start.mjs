#!/usr/bin/env node
/**
 * `npm start`: the sample site on http://127.0.0.1:4321 with staff editing at /admin/. Runs the Astro dev server
 * and decap-server (the local editing backend, bound to 127.0.0.1 and answering only this computer's /admin/, see
 * scripts/cms-server.mjs) together; Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const cmsPort = process.env.QUARTIER_CMS_PORT ?? '8081';
const sitePort = process.env.PORT ?? '4321';
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', QUARTIER_CMS_PORT: cmsPort, QUARTIER_DEV_SEARCH: '1' };

const children = [
	// decap-server behind a check of Host and Origin (scripts/cms-server.mjs): only this computer's /admin/ gets in.
	spawn(process.execPath, [path.resolve('scripts/cms-server.mjs')], {
		env: { ...env, PORT: cmsPort, QUARTIER_SITE_PORT: sitePort, BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: process.env.GIT_REPO_DIRECTORY ?? process.cwd(), LOG_LEVEL: 'warn' },
		stdio: 'inherit',
	}),
	// Astro allows one dev server per project; tests that start this script beside a developer's own pass
	// QUARTIER_IGNORE_LOCK=1.
	spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', ...(process.env.QUARTIER_IGNORE_LOCK === '1' ? ['--ignore-lock'] : []), '--host', '127.0.0.1', '--port', sitePort], { env, stdio: 'inherit' }),
];

console.log(`\nQuartier: Website http://127.0.0.1:${sitePort}/  ·  Redaktion http://127.0.0.1:${sitePort}/admin/ (lokal, ohne Konto) · die Suche ist nach etwa einer halben Minute bereit\n`);

const stop = () => {
	for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
	child.on('exit', (code) => {
		stop();
		process.exitCode = code ?? 0;
	});
}
