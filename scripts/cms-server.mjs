#!/usr/bin/env node
/**
 * The local editing backend for `npm start`: decap-server's own request handlers, in an app of ours that first
 * checks who is asking (see cms-guard.mjs). decap-server alone answers any Host header, so a page on another
 * domain that resolves to 127.0.0.1 (DNS rebinding) or a page in the same browser could read and write content/.
 *
 * decap-server's handlers are mounted in this process (`decap-server/dist/middlewares`, the package's documented
 * way to add it to another server) behind the check, instead of a proxy in front of a second server: one process,
 * one port, and no request reaches decap-server's code before the check has passed.
 *
 * Environment, as for decap-server: PORT (8081), BIND_HOST (127.0.0.1), MODE (fs or git), GIT_REPO_DIRECTORY,
 * LOG_LEVEL; and QUARTIER_SITE_PORT, the port of the site whose /admin/ may call in (4321).
 */
import { createRequire } from 'node:module';
import { guard } from './cms-guard.mjs';

const require = createRequire(import.meta.url);
// decap-server brings express; taken from its own dependencies so both always agree.
const express = require(createRequire(require.resolve('decap-server/package.json')).resolve('express'));
const { registerLocalFs, registerLocalGit } = require('decap-server/dist/middlewares');

const port = Number(process.env.PORT ?? 8081);
const host = process.env.BIND_HOST ?? '127.0.0.1';
const sitePort = Number(process.env.QUARTIER_SITE_PORT ?? 4321);
const mode = process.env.MODE ?? 'fs';
const logLevel = process.env.LOG_LEVEL ?? 'info';

const app = express();
app.disable('x-powered-by');
app.use(guard({ port, sitePort }));
if (mode === 'git') await registerLocalGit(app, { logLevel });
else if (mode === 'fs') await registerLocalFs(app, { logLevel });
else throw new Error(`MODE=${mode}: erwartet wird fs oder git.`);

app.listen(port, host, () => {
	if (logLevel !== 'error' && logLevel !== 'warn') console.log(`Redaktions-Server auf http://${host}:${port} (nur für die Redaktion unter Port ${sitePort})`);
});
