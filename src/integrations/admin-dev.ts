/**
 * The staff editor under `npm start` (`astro dev`), served as a finished bundle instead of through Vite's
 * development pipeline:
 *
 * - Vite's dev pages listen for changes and reload themselves. For /admin/ that meant a white screen after every
 *   save (the saved file changes, the page reloads), and a „leave this page?" dialog over unsaved edits whenever
 *   any content file changed on disk. Served like this, /admin/ has no such connection: it never reloads by
 *   itself, and edits saved by others appear when staff open the entry or the list again.
 * - Decap is large; through the dev pipeline it arrived as hundreds of modules (15 s and more). Bundled once, it
 *   loads like on the real site.
 *
 * The bundle is built with Vite when the dev server starts (about 10–20 s the first time) into
 * node_modules/.cache/quartier-admin/ and reused while the CMS code it was built from is unchanged; a change in
 * cms/ or in the site code it uses is picked up on the next load of /admin/. The page itself (with the
 * configuration derived from the content model) is written for each request, so settings changes show at once.
 * Public pages keep Astro's live updates.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { fileIn, send, sendFile } from './dev-files';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { build } from 'vite';
import { LEAFLET_ALIAS } from './leaflet-alias';
import { readSettings } from '../schemas';
import { adminTitle, cmsConfigJson } from '../../cms/config';
import { escapeHtml } from '../lib/escape';
import { EDITOR_PAGE_ADDRESSES, paths } from '../lib/routes';

const CACHE = path.resolve('node_modules/.cache/quartier-admin');
const MANIFEST = path.join(CACHE, 'manifest.json');
/** Where the bundle's files are served from under /admin/. */
const APP = paths.editorApp;
const ENTRY = path.resolve('cms/admin.ts');


interface Manifest {
	/** Folder of the current bundle inside CACHE. */
	dir: string;
	/** The entry script's file name inside that folder. */
	entry: string;
	/** Source files the bundle was built from (outside node_modules) and package-lock.json (new dependencies mean a
	 * new bundle), with size and modification time. */
	inputs: Record<string, string>;
}

const stamp = (file: string) => {
	try {
		const { size, mtimeMs } = statSync(file);
		return `${size}:${Math.round(mtimeMs)}`;
	} catch {
		return 'missing';
	}
};

function readManifest(): Manifest | undefined {
	try {
		return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
	} catch {
		return undefined;
	}
}

/** Whether the bundle on disk was built from the sources as they are now. */
function upToDate(manifest: Manifest | undefined): manifest is Manifest {
	if (!manifest || !existsSync(path.join(CACHE, manifest.dir, manifest.entry))) return false;
	return Object.entries(manifest.inputs).every(([file, was]) => stamp(file) === was);
}

/** Builds the editor bundle into a new folder and points the manifest at it; older folders are removed. */
async function buildBundle(logger: AstroIntegrationLogger): Promise<Manifest> {
	const dir = `b${Date.now().toString(36)}${process.pid}`;
	const outDir = path.join(CACHE, dir);
	const lock = path.resolve('package-lock.json');
	const inputs: Record<string, string> = { [lock]: stamp(lock) };
	let entry = 'admin.js';
	const started = performance.now();
	const startedAt = Date.now();
	await build({
		configFile: false,
		root: process.cwd(),
		base: APP,
		logLevel: 'error',
		mode: 'production',
		// Leaflet's ES module build, as for the site.
		resolve: { alias: [LEAFLET_ALIAS] },
		build: {
			outDir,
			emptyOutDir: true,
			modulePreload: false,
			reportCompressedSize: false,
			rollupOptions: { input: ENTRY, output: { entryFileNames: 'admin-[hash].js' } },
		},
		plugins: [
			{
				name: 'quartier-admin-inputs',
				generateBundle(_options, bundle) {
					for (const chunk of Object.values(bundle)) {
						if (chunk.type !== 'chunk') continue;
						if (chunk.isEntry) entry = chunk.fileName;
						for (const id of chunk.moduleIds) {
							const file = id.split('?')[0] ?? id;
							// A file saved while the bundle was being built counts as changed: the next request builds again.
							if (path.isAbsolute(file) && !file.includes(`${path.sep}node_modules${path.sep}`)) inputs[file] = statSync(file).mtimeMs >= startedAt ? 'changed during build' : stamp(file);
						}
					}
				},
			},
		],
	});
	const manifest: Manifest = { dir, entry, inputs };
	const temporary = `${MANIFEST}.${process.pid}`;
	writeFileSync(temporary, JSON.stringify(manifest));
	renameSync(temporary, MANIFEST);
	// The previous bundle stays: an editor opened before may still load its parts (see the middleware).
	const bundles = readdirSync(CACHE).filter((name) => /^b[0-9a-z]+$/.test(name));
	const byAge = bundles.map((name) => [name, statSync(path.join(CACHE, name)).mtimeMs] as const).sort((a, b) => b[1] - a[1]);
	for (const [old] of byAge.slice(2)) if (old !== dir) rmSync(path.join(CACHE, old), { recursive: true, force: true });
	logger.info(`Redaktion bereit (${((performance.now() - started) / 1000).toFixed(0)} s gebaut): /admin/`);
	return manifest;
}

/** The page at /admin/: the configuration for this request and the bundled editor. */
function adminPage(request: IncomingMessage, manifest: Manifest): string {
	// Read fresh for each request: settings edited in the CMS show on the next load.
	const settings = readSettings();
	const json = cmsConfigJson(settings, {
		local: true,
		localPort: Number(process.env.QUARTIER_CMS_PORT ?? 8081),
		workflow: process.env.QUARTIER_CMS_WORKFLOW === '1',
		// „Live ansehen" and the site link lead to this computer's site, not the public domain.
		siteUrl: `http://${request.headers.host ?? '127.0.0.1:4321'}`,
	});
	return `<!doctype html>
<html lang="de">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<meta name="robots" content="noindex, nofollow" />
		<title>${escapeHtml(adminTitle(settings))}</title>
		<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
	</head>
	<body>
		<noscript><p>Die Redaktionsoberfläche braucht JavaScript.</p></noscript>
		<script type="application/json" id="cms-config">${json}</script>
		<script type="module" src="${APP}${manifest.entry}"></script>
	</body>
</html>
`;
}

export function adminDev(): AstroIntegration {
	let pending: Promise<Manifest> | undefined;
	/** The bundle this server last answered /admin/ with (the files under /admin/_app/ come from it first). */
	let latest: Manifest | undefined;
	/** The current bundle, rebuilt first if the CMS code changed since it was built. */
	const current = (logger: AstroIntegrationLogger): Promise<Manifest> => {
		if (pending) return pending;
		const manifest = readManifest();
		if (upToDate(manifest)) return Promise.resolve((latest = manifest));
		mkdirSync(CACHE, { recursive: true });
		logger.info('Redaktion wird vorbereitet (einmalig etwa 20 Sekunden) …');
		pending = buildBundle(logger)
			.then((built) => (latest = built))
			.finally(() => (pending = undefined));
		return pending;
	};
	return {
		name: 'quartier-admin-dev',
		hooks: {
			'astro:server:setup': ({ server, logger }) => {
				server.middlewares.use((request, response, next) => {
					const url = new URL(request.url ?? '/', 'http://x').pathname;
					if (EDITOR_PAGE_ADDRESSES.includes(url)) {
						current(logger)
							.then((manifest) => adminPage(request, manifest))
							.then((html) => send(response, 200, 'text/html; charset=utf-8', html))
							.catch((error: unknown) => {
								logger.error(String(error instanceof Error ? (error.stack ?? error.message) : error));
								send(response, 500, 'text/plain; charset=utf-8', `Die Redaktion konnte nicht gebaut werden:\n${String(error)}`);
							});
						return;
					}
					if (url.startsWith(APP)) {
						// From the current bundle, or from the one before for an editor that was opened before a rebuild.
						const relative = url.slice(APP.length);
						const manifest = latest ?? readManifest();
						const file =
							(manifest && fileIn(path.join(CACHE, manifest.dir), relative)) ??
							readdirSync(CACHE)
								.filter((name) => /^b[0-9a-z]+$/.test(name))
								.map((dir) => fileIn(path.join(CACHE, dir), relative))
								.find(Boolean);
						return file ? sendFile(response, file) : send(response, 404, 'text/plain; charset=utf-8', 'Nicht gefunden');
					}
					next();
				});
			},
			// Built while the site starts, so the editor is ready when staff open it.
			'astro:server:start': ({ logger }) => {
				void current(logger).catch((error: unknown) => logger.error(String(error)));
			},
		},
	};
}
