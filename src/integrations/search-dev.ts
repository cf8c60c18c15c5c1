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
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentDir } from '../lib/paths';

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
		if (pid === process.pid) continue;
		let alive = false;
		try {
			process.kill(pid, 0);
			alive = Number.isInteger(pid);
		} catch {
			alive = false;
		}
		if (!alive) rmSync(path.join(CACHE, name), { recursive: true, force: true });
	}
}
/** Wait this long after the last content change before indexing again (saves in a row make one new index). */
const SETTLE_MS = 30_000;

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css' };

export function searchDev(): AstroIntegration {
	let running = false;
	let again = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let builds = 0;
	/** The folder of the newest complete index; undefined until the first build has finished. */
	let served: string | undefined;

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
		const child = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
			env: { ...process.env, QUARTIER_CACHE_DIR: path.join(MINE, 'astro'), ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.on('exit', (code) => {
			running = false;
			const seconds = ((performance.now() - started) / 1000).toFixed(0);
			const time = new Date().toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
			if (code === 0) {
				const previous = served;
				served = path.join(out, 'pagefind');
				if (previous) rmSync(path.dirname(previous), { recursive: true, force: true });
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
					const file = served && path.join(served, path.normalize(url.slice('/pagefind/'.length)));
					if (!served || !file || !file.startsWith(served) || !existsSync(file)) {
						// The page says „Die Suche ist gerade nicht erreichbar" until the first index is ready.
						response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
						response.end('Der Suchindex wird noch erstellt.');
						return;
					}
					response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
					response.end(readFileSync(file));
				});
				const content = contentDir();
				server.watcher.on('all', (_event, changed) => {
					if (!path.resolve(changed).startsWith(content)) return;
					clearTimeout(timer);
					timer = setTimeout(() => buildIndex(logger), SETTLE_MS);
				});
				removeStale();
				process.once('exit', () => rmSync(MINE, { recursive: true, force: true }));
				buildIndex(logger);
			},
		},
	};
}
