/**
 * Site search under `npm start` (`astro dev`). The search index (Pagefind) is made from the built pages, which the
 * dev server never writes. So when the dev server starts, the site is built once in the background into a folder
 * in the system's temporary directory (about 20 s; the site is usable meanwhile) and the dev server answers
 * /pagefind/ from there. After content changes the index is made again, half a minute after the last change.
 * The console says when the index is ready and which state it shows.
 *
 * Only under `npm start` (scripts/start.mjs sets QUARTIER_DEV_SEARCH=1): a plain `astro dev`, as the tests start it,
 * builds nothing in the background.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentDir } from '../lib/paths';
import { alive, fileIn, send, sendFile } from './dev-files';

// Outside the project: the dev server would watch (and report) every built file, and Astro's build cannot load its
// own pages from an output folder under node_modules. One folder per project checkout, and in it one per running
// dev server (two builds into one folder break each other); each index is built into a new folder and served only
// once it is complete.
const CACHE = path.join(tmpdir(), `quartier-search-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)}`);
const MINE = path.join(CACHE, String(process.pid));

/** Removes the folders of dev servers that no longer run. */
function removeStale() {
	if (!existsSync(CACHE)) return;
	for (const name of readdirSync(CACHE)) {
		const pid = Number(name);
		if (pid === process.pid || !Number.isInteger(pid)) continue;
		if (!alive(pid)) rmSync(path.join(CACHE, name), { recursive: true, force: true });
	}
}
/** Wait this long after the last content change before indexing again (saves in a row make one new index). */
const SETTLE_MS = 30_000;

/** The index folders, newest first: a search page opened before a new index keeps loading its parts from the old one. */
let indexes: string[] = [];
/** The background build, if one runs; stopped with the dev server. */
let child: ChildProcess | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Stops the background build and forgets this dev server's folders. */
function stop() {
	clearTimeout(timer);
	child?.kill('SIGTERM');
	child = undefined;
	rmSync(MINE, { recursive: true, force: true });
	indexes = [];
}
let exitHook = false;

export function searchDev(): AstroIntegration {
	let running = false;
	let again = false;
	let builds = 0;

	function buildIndex(logger: AstroIntegrationLogger) {
		if (running) {
			again = true;
			return;
		}
		running = true;
		const started = performance.now();
		logger.info('Suchindex wird im Hintergrund erstellt …');
		// A separate cache folder: the dev server keeps using its own.
		const out = path.join(MINE, `build-${++builds}`);
		const build = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
			env: { ...process.env, QUARTIER_CACHE_DIR: path.join(MINE, 'astro'), ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		child = build;
		let errors = '';
		build.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		build.on('exit', (code, signal) => {
			running = false;
			child = undefined;
			// Stopped with the dev server: nothing to report.
			if (signal) return;
			const seconds = ((performance.now() - started) / 1000).toFixed(0);
			const time = new Date().toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
			if (code === 0) {
				indexes = [path.join(out, 'pagefind'), ...indexes];
				for (const old of indexes.splice(2)) rmSync(path.dirname(old), { recursive: true, force: true });
				logger.info(`Suche bereit (Stand ${time}, ${seconds} s): /suche/ – nach Änderungen wird der Index von selbst erneuert.`);
			} else {
				rmSync(out, { recursive: true, force: true });
				logger.warn(`Suchindex nicht erstellt (die Inhalte bauen gerade nicht; die Meldung oben sagt, was fehlt). Die Suche zeigt den letzten Stand.\n${errors.slice(-2000)}`);
			}
			if (again) {
				again = false;
				buildIndex(logger);
			}
		});
	}

	return {
		name: 'quartier-search-dev',
		hooks: {
			'astro:server:setup': ({ server, logger }) => {
				if (process.env.QUARTIER_DEV_SEARCH !== '1') return;
				server.middlewares.use((request, response, next) => {
					const url = new URL(request.url ?? '/', 'http://x').pathname;
					if (!url.startsWith('/pagefind/')) return next();
					const file = indexes.map((index) => fileIn(index, url.slice('/pagefind/'.length))).find(Boolean);
					// The page says „Die Suche ist gerade nicht erreichbar" until the first index is ready.
					if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Der Suchindex wird noch erstellt.');
					sendFile(response, file);
				});
				const content = contentDir();
				server.watcher.on('all', (_event, changed) => {
					if (!path.resolve(changed).startsWith(content)) return;
					clearTimeout(timer);
					timer = setTimeout(() => buildIndex(logger), SETTLE_MS);
				});
				// Astro sets the server up again when its configuration changes: the old build and timer go first.
				stop();
				removeStale();
				// Vite closes the server on SIGTERM (npm start stopping) before it exits; Ctrl+C reaches the build itself.
				server.httpServer?.once('close', stop);
				if (!exitHook) process.once('exit', stop);
				exitHook = true;
				buildIndex(logger);
			},
		},
	};
}
