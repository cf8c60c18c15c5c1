#!/usr/bin/env node
/**
 * Figures residents feel, for the sample site: build time, number of pages, and per template the bytes a
 * first visit downloads — HTML + CSS and JavaScript, gzip-compressed (budgets: ≤ 14 KB and ≤ 5 KB) — and on pages
 * with a map what the map loads after the page: its code and styles (≤ 60 KB) and its data (grows with the places).
 * Run with `npm run bench`; prints a table, fails nothing. `npm run bench -- --pages` prints only the build and the
 * page weights (no map and search benchmarks).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
delete env.NODE_ENV;

/** Builds the site (into `outDir`, with another content folder if given): the seconds it took and what it printed. */
function timedBuild(args = [], extraEnv = {}) {
	const started = performance.now();
	const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	if (build.status !== 0) {
		console.error(build.stdout, build.stderr, build.error ?? '');
		process.exit(1);
	}
	return { seconds: (performance.now() - started) / 1000, stdout: build.stdout };
}

// The same site in German only, for comparison: a copy of the content whose settings list one language.
const germanOnly = mkdtempSync(path.join(tmpdir(), 'quartier-bench-'));
cpSync('content', path.join(germanOnly, 'content'), { recursive: true });
const settingsFile = path.join(germanOnly, 'content', 'settings', 'quartier.yaml');
writeFileSync(settingsFile, readFileSync(settingsFile, 'utf8').replace(/^languages: .*$/m, 'languages: [de]'));
const { seconds: germanSeconds } = timedBuild(['--outDir', path.join(germanOnly, 'dist')], { QUARTIER_CONTENT_DIR: path.join(germanOnly, 'content') });
const germanPages = readdirSync(path.join(germanOnly, 'dist'), { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
rmSync(germanOnly, { recursive: true, force: true });

const { seconds: buildSeconds, stdout: buildLog } = timedBuild();
const languages = (/^languages: \[([^\]]*)\]/m.exec(readFileSync('content/settings/quartier.yaml', 'utf8'))?.[1] ?? 'de').split(',').map((code) => code.trim());

function htmlFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : []));
}

const gz = (text) => gzipSync(text, { level: 9 }).length;
const readAsset = (href) => readFileSync(path.join(DIST, href.split('?')[0]), 'utf8');

/** A module and everything it statically imports. */
function moduleClosure(href, seen = new Set()) {
	if (seen.has(href)) return seen;
	seen.add(href);
	const code = readAsset(href);
	for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["']([^"']+\.js)["']/g)) {
		const target = path.posix.join(path.posix.dirname(href), m[1]);
		if (existsSync(path.join(DIST, target))) moduleClosure(target, seen);
	}
	return seen;
}

function weigh(file) {
	const html = readFileSync(file, 'utf8');
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readAsset(m[1])).join('');
	const modules = new Set();
	for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) moduleClosure(m[1], modules);
	const inlineJs = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
	const js = [...modules].map(readAsset).join('') + inlineJs;
	// What a page with a map loads after it has arrived: the map code (dynamic imports) with Leaflet, its styles,
	// the base map and, on the facility list, the place data.
	const lazy = new Set();
	for (const code of [...[...modules].map(readAsset), inlineJs]) {
		// Vite lists what a dynamic import loads in `m.f=["_astro/a.js","_astro/b.css",…]`.
		for (const list of code.matchAll(/m\.f=\[([^\]]*)\]/g)) {
			for (const m of list[1].matchAll(/"([^"]+\.js)"/g)) {
				// Only the map's code: the opening-hours library is loaded when someone asks what is open now.
				if (/opening-hours|hours\./.test(m[1])) continue;
				const target = `/${m[1]}`;
				if (existsSync(path.join(DIST, target))) moduleClosure(target, lazy);
			}
		}
	}
	for (const known of modules) lazy.delete(known);
	let mapBytes = 0;
	let dataBytes = 0;
	if (html.includes('<facility-map')) {
		const lazyCode = [...lazy].map(readAsset).join('');
		const styles = [...new Set([...lazyCode.matchAll(/["'](\/_astro\/[^"']+\.css)["']/g)].map((m) => m[1]))].map(readAsset).join('');
		const data = [html.includes('data-basemap') ? '/einrichtungen/grundkarte.json' : '', ...[...html.matchAll(/<link[^>]+rel="preload"[^>]+href="([^"]+\.json)"/g)].map((m) => m[1])]
			.filter(Boolean)
			.map(readAsset);
		if (html.includes('<facility-finder')) data.push(readAsset('/einrichtungen/details.json'));
		mapBytes = gz(lazyCode) + (styles ? gz(styles) : 0);
		dataBytes = data.reduce((sum, text) => sum + gz(text), 0);
	}
	return { htmlCss: gz(html) + (css ? gz(css) : 0), js: js ? gz(js) : 0, map: mapBytes, data: dataBytes };
}

const templates = {
	'Startseite /': 'index.html',
	'Aktuelles (Liste)': 'aktuelles/index.html',
	'Aktuelles (Thema)': 'aktuelles/thema/beteiligung/index.html',
	'Meldung': 'aktuelles/aktionsfonds-2027-start/index.html',
	'Projekte (Liste)': 'projekte/index.html',
	'Projekt': 'projekte/muehlenpark-neugestaltung/index.html',
	'Termine (Liste)': 'termine/index.html',
	'Termin': 'termine/beteiligungsforum-muehlenpark/index.html',
	'Einrichtungen (Liste)': 'einrichtungen/index.html',
	'Einrichtung': 'einrichtungen/kita-sonnenblume/index.html',
	'Aufruf': 'aufrufe/aktionsfonds-2027/index.html',
	'Dokument': 'dokumente/jahresbericht-2025/index.html',
	'Mitmachen': 'mitmachen/index.html',
	'Idee einreichen': 'mitmachen/idee/index.html',
	'Danke (Formular)': 'danke/index.html',
	'Aufrufe (Liste)': 'aufrufe/index.html',
	'Beschlüsse (Liste)': 'beschluesse/index.html',
	'Beschluss': 'beschluesse/2026-10-21-mieterberatung-votum/index.html',
	'Ziele (Liste)': 'ziele/index.html',
	'Ziel': 'ziele/mieterinnen-schuetzen/index.html',
	'Förderung (Diagramme)': 'foerderung/index.html',
	'Offene Daten': 'daten/index.html',
	'Barrierefreiheit': 'barrierefreiheit/index.html',
	'Kontakt': 'kontakt/index.html',
	'Seite (Impressum)': 'impressum/index.html',
	'404-Seite': '404.html',
	'Netzwerk (Liste)': 'netzwerk/index.html',
	'Netzwerk (Gruppe)': 'netzwerk/ag-gruen-und-freiraum/index.html',
	'Abonnieren': 'abonnieren/index.html',
	'Aushang (Termin)': 'termine/beteiligungsforum-muehlenpark/aushang/index.html',
	'Karte einbetten': 'einbetten/karte/index.html',
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const pages = htmlFiles(DIST).length;
console.log(`Build: ${buildSeconds.toFixed(1)} s for ${pages} pages in ${languages.length} languages (${(buildSeconds / pages * 1000).toFixed(0)} ms per page); German only: ${germanSeconds.toFixed(1)} s for ${germanPages} pages`);
console.log('');
// Budgets in KB, gzip: HTML+CSS and JavaScript of the page itself (text pages 14 / 5, ../shared/design.md; the
// facility list 20 / 8), and for pages with a map what the map loads after the page: Leaflet, the map's code and
// styles at most 60; the base map and place data beside it (they grow with the district, not with the code).
// The list's own script filters up to 5,000 places in the browser: 8 KB.
const BUDGETS = { 'Einrichtungen (Liste)': [20, 8], 'Karte einbetten': [20, 8] };
const MAP_BUDGET = 60;
console.log(`Template                 HTML+CSS gz   JS gz   Karte gz: Code+Stile   Daten   budget (14 KB / 5 KB; Liste der Einrichtungen und eingebettete Karte 20 KB / 8 KB; Karte 60 KB); the heaviest of ${languages.join(', ')}`);
for (const [name, file] of Object.entries(templates)) {
	// Each language's copy of the template (German at the root); the row shows the heaviest.
	const copies = languages.map((code) => [code, path.join(DIST, code === 'de' ? '' : code, code === 'de' || file !== '404.html' ? file : '404/index.html')]).filter(([, full]) => existsSync(full));
	if (!copies.length) continue;
	const weights = copies.map(([code, full]) => ({ code, ...weigh(full) }));
	const heaviest = (key) => weights.reduce((a, b) => (b[key] > a[key] ? b : a));
	const { htmlCss, code } = heaviest('htmlCss');
	const { js } = heaviest('js');
	const { map, data } = heaviest('map');
	const [cssBudget, jsBudget] = BUDGETS[name] ?? [14, 5];
	const ok = htmlCss <= cssBudget * 1024 && js <= jsBudget * 1024 && map <= MAP_BUDGET * 1024 ? 'ok' : 'OVER';
	console.log(`${name.padEnd(24)} ${kb(htmlCss).padStart(10)} ${kb(js).padStart(7)} ${(map ? kb(map) : '–').padStart(12)} ${(data ? kb(data) : '–').padStart(15)}   ${ok}${BUDGETS[name] ? ` (${cssBudget} KB / ${jsBudget} KB)` : ''} [${code}]`);
}

// The staff editor: everything /admin/ loads (never loaded by public pages).
const admin = readFileSync(path.join(DIST, 'admin/index.html'), 'utf8');
const adminModules = new Set();
for (const m of admin.matchAll(/<script[^>]+src="([^"]+)"/g)) moduleClosure(m[1], adminModules);
const adminCode = [...adminModules].map((href) => readFileSync(path.join(DIST, href)));
const adminRaw = adminCode.reduce((sum, b) => sum + b.length, 0);
const adminGz = adminCode.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
console.log('');
console.log(`Admin (/admin/, Decap CMS): ${adminModules.size} modules loaded at start, ${mb(adminRaw)} raw, ${mb(adminGz)} gzip`);

if (process.argv.includes('--pages')) process.exit(process.exitCode ?? 0);

// The facility map at 500 and 5,000 places (slow 4G, 4× CPU slowdown).
const mapBench = spawnSync(process.execPath, ['scripts/bench-map.mjs'], { env, stdio: 'inherit' });
if (mapBench.status !== 0) process.exitCode = 1;

// Site search: index size and build time, bytes and time to first results (sample, 1,000 and 10,000 pages).
const indexLog = /Suchindex: [^\n]*/.exec(buildLog)?.[0] ?? '';
const searchBench = spawnSync(process.execPath, ['scripts/bench-search.mjs', `--sample-log=${indexLog}`], { env, stdio: 'inherit' });
if (searchBench.status !== 0) process.exitCode = 1;
