#!/usr/bin/env node
/**
 * Figures residents feel, for the sample site: build time, number of pages, and per template the bytes a
 * first visit downloads — HTML + CSS and JavaScript, brotli-compressed (budgets: ≤ 14 KB and ≤ 5 KB) — and on pages
 * with a map what the map loads after the page: its code and styles (≤ 60 KB) and its data (grows with the places);
 * then the Largest Contentful Paint of the main templates on an emulated phone (slow 4G, 4× slower CPU).
 * The weights come from scripts/lib/weights.mjs, which tests/build/budgets.test.ts enforces on every page.
 * Run with `npm run bench`; prints a table, fails nothing. `npm run bench -- --pages` prints only the build, the
 * page weights and LCP (no map and search benchmarks); `npm run bench -- --lcp` only LCP of the site in dist/ as
 * it is (no build). Last, the build at scale (scripts/bench-scale.mjs, also alone: `npm run bench:scale`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliSize, createWeigher, htmlPages, publicPages } from './lib/weights.mjs';
import { measureLcp } from './lib/lcp.mjs';

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
	'Beschlüsse (Gremium)': 'beschluesse/gremium/quartiersrat/index.html',
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

/** The main templates, whose Largest Contentful Paint the bench measures on an emulated phone. */
const LCP_TEMPLATES = ['Startseite /', 'Aktuelles (Liste)', 'Meldung', 'Projekte (Liste)', 'Projekt', 'Termine (Liste)', 'Termin', 'Einrichtungen (Liste)', 'Einrichtung', 'Aufruf'];
/** LCP of the templates above (median of three cold loads each), printed as a table. */
async function printLcp() {
	const paths = LCP_TEMPLATES.map((name) => `/${templates[name].replace(/index\.html$/, '')}`);
	const lcp = await measureLcp(DIST, paths, { runs: 3 });
	console.log('');
	console.log('Largest Contentful Paint, emulated phone (360 × 640, slow 4G: 150 ms, 1.6 Mbit/s; 4× slower CPU; cold cache; median of 3; goal ≤ 0.8 s)');
	for (const [k, name] of LCP_TEMPLATES.entries()) {
		const ms = lcp.get(paths[k]) ?? 0;
		console.log(`${name.padEnd(24)} ${`${(ms / 1000).toFixed(2)} s`.padStart(7)}   ${ms <= 800 ? 'ok' : 'OVER'}`);
	}
}
if (process.argv.includes('--lcp')) {
	await printLcp();
	process.exit(0);
}

// The same site in German only, for comparison: a copy of the content whose settings list one language.
const germanOnly = mkdtempSync(path.join(tmpdir(), 'quartier-bench-'));
cpSync('content', path.join(germanOnly, 'content'), { recursive: true });
const settingsFile = path.join(germanOnly, 'content', 'settings', 'quartier.yaml');
writeFileSync(settingsFile, readFileSync(settingsFile, 'utf8').replace(/^languages: .*$/m, 'languages: [de]'));
const { seconds: germanSeconds } = timedBuild(['--outDir', path.join(germanOnly, 'dist')], { QUARTIER_CONTENT_DIR: path.join(germanOnly, 'content') });
// Public pages only: the staff editor (/admin/…) is counted apart.
const germanPages = publicPages(path.join(germanOnly, 'dist')).length;
rmSync(germanOnly, { recursive: true, force: true });

const { seconds: buildSeconds, stdout: buildLog } = timedBuild();
const languages = (/^languages: \[([^\]]*)\]/m.exec(readFileSync('content/settings/quartier.yaml', 'utf8'))?.[1] ?? 'de').split(',').map((code) => code.trim());

const weigher = createWeigher(DIST);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const pages = publicPages(DIST).length;
const adminPages = htmlPages(DIST).length - pages;
console.log(`Build: ${buildSeconds.toFixed(1)} s for ${pages} public pages in ${languages.length} languages (${(buildSeconds / pages * 1000).toFixed(0)} ms per page) and ${adminPages} pages of the editor (/admin/); German only: ${germanSeconds.toFixed(1)} s for ${germanPages} public pages`);
console.log('');
// Budgets (scripts/lib/weights.mjs): text pages 14 KB HTML+CSS / 5 KB JavaScript before interaction; the facility
// list and the embeddable map 20 / 8; the search page 14 / 8; what a map loads after the page 60.
console.log(`Template                 HTML+CSS br   JS br   Karte br: Code+Stile   Daten   budget (14 KB / 5 KB; Liste der Einrichtungen und eingebettete Karte 20 KB / 8 KB; Karte 60 KB); the heaviest of ${languages.join(', ')}`);
for (const [name, file] of Object.entries(templates)) {
	// Each language's copy of the template (German at the root); the row shows the heaviest.
	const copies = languages.map((code) => [code, path.posix.join(code === 'de' ? '' : code, code === 'de' || file !== '404.html' ? file : '404/index.html')]).filter(([, page]) => existsSync(path.join(DIST, page)));
	if (!copies.length) continue;
	const weights = copies.map(([code, page]) => ({ code, ...weigher.weigh(page) }));
	const heaviest = (key) => weights.reduce((a, b) => (b[key] > a[key] ? b : a));
	const { htmlCss, code, budget } = heaviest('htmlCss');
	const { js } = heaviest('js');
	const { map, data } = heaviest('map');
	const ok = htmlCss <= budget.htmlCss && js <= budget.js && map <= (budget.map ?? Infinity) ? 'ok' : 'OVER';
	console.log(`${name.padEnd(24)} ${kb(htmlCss).padStart(10)} ${kb(js).padStart(7)} ${(map ? kb(map) : '–').padStart(12)} ${(data ? kb(data) : '–').padStart(15)}   ${ok}${budget.kind !== 'text' ? ` (${budget.htmlCss / 1024} KB / ${budget.js / 1024} KB)` : ''} [${code}]`);
}

// The staff editor: everything /admin/ loads (never loaded by public pages).
const adminModules = weigher.weigh('admin/index.html').modules;
const adminCode = [...adminModules].map((href) => readFileSync(path.join(DIST, href)));
const adminRaw = adminCode.reduce((sum, b) => sum + b.length, 0);
const adminBr = adminCode.reduce((sum, b) => sum + brotliSize(b), 0);
console.log('');
console.log(`Admin (/admin/, Decap CMS): ${adminModules.size} modules loaded at start, ${mb(adminRaw)} raw, ${mb(adminBr)} brotli`);

await printLcp();

if (process.argv.includes('--pages')) process.exit(process.exitCode ?? 0);

// The facility map at 500 and 5,000 places (slow 4G, 4× CPU slowdown).
const mapBench = spawnSync(process.execPath, ['scripts/bench-map.mjs'], { env, stdio: 'inherit' });
if (mapBench.status !== 0) process.exitCode = 1;

// Site search: index size and build time, bytes and time to first results (sample, 1,000 and 10,000 pages).
const indexLog = /Suchindex: [^\n]*/.exec(buildLog)?.[0] ?? '';
const searchBench = spawnSync(process.execPath, ['scripts/bench-search.mjs', `--sample-log=${indexLog}`], { env, stdio: 'inherit' });
if (searchBench.status !== 0) process.exitCode = 1;

// Publishing speed: the sample plus 1,000 and 10,000 generated news items, full build and rebuild after one edit.
const scaleBench = spawnSync(process.execPath, ['scripts/bench-scale.mjs'], { env, stdio: 'inherit' });
if (scaleBench.status !== 0) process.exitCode = 1;
