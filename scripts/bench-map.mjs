#!/usr/bin/env node
/**
 * Map figures for `npm run bench`: builds the site with 500 and 5,000 synthetic facilities and measures in
 * Chromium, with emulated slow 4G and 4× CPU slowdown, the time until the map is interactive and the time a filter
 * change takes: for the first box ticked after loading, the script of the input task and when the list and the map
 * are painted (the map is updated in the same task, so normally in the same frame); then for ten more changes a
 * moment apart, when the map is painted. Targets at 5,000: ≤ 1.5 s and ≤ 50 ms. Files are served gzip-compressed,
 * as a CDN does. Each figure is the median of nine page loads (a throttled CPU varies a lot). Prints figures;
 * fails nothing.
 */
import { serveDist } from './serve-dist.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { synthesizeFacilities } from './synthetic-facilities.mjs';
import { chromium } from 'playwright-core';

const SIZES = (process.env.BENCH_MAP_SIZES ?? '500,5000').split(',').map(Number);
/** Page loads per size: figures on a throttled CPU vary a lot, so each one printed is the median of these. */
const LOADS = 9;


const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
delete env.NODE_ENV;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One visit on a throttled phone: map interactive, finder ready, one category ticked, then ten more changes. */
async function measure(url) {
	const page = await browser.newPage({ viewport: { width: 412, height: 850 }, isMobile: true, hasTouch: true });
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.addInitScript(() => {
		document.addEventListener('map-ready', () => (window.__mapReady = performance.now()));
		// The finder's first filter event (it does not bubble, so listen while it is captured).
		document.addEventListener('facilities-filtered', () => (window.__finderReady ??= performance.now()), true);
	});
	await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
	await page.waitForFunction(() => window.__mapReady !== undefined, null, { timeout: 180_000 });
	await page.waitForFunction(() => window.__finderReady !== undefined, null, { timeout: 180_000 });
	const { interactive, finder } = await page.evaluate(() => ({ interactive: window.__mapReady, finder: window.__finderReady }));
	await page.locator('details.finder__more summary').click();
	const { first, later } = await page.evaluate(async () => {
		const finder = document.querySelector('facility-finder');
		// A frame has been painted when a task queued from requestAnimationFrame runs.
		const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
		/** Ticks or unticks one box: the script of the input task, and when the list and the map are painted. */
		async function change(box) {
			const start = performance.now();
			let scriptEnd = 0;
			// The map's listener was added first, so this one runs after it: the end of the work in the input task.
			finder.addEventListener('facilities-filtered', () => (scriptEnd = performance.now()), { once: true });
			// Asked for before the click, so its task is queued before anything the change asks for.
			const listed = afterPaint();
			const mapped = new Promise((resolve) => document.addEventListener('map-updated', () => resolve(afterPaint()), { once: true }));
			box.click();
			const [listEnd, mapEnd] = await Promise.all([listed, mapped]);
			return { script: scriptEnd - start, painted: listEnd - start, mapPainted: mapEnd - start };
		}
		const boxes = (name) => [...document.querySelectorAll(`input[name="${name}"]`)];
		const [kita, second, third] = boxes('kategorie');
		const [language] = boxes('sprache');
		const [wheelchair] = boxes('rollstuhl');
		const first = await change(kita);
		// Later changes, as a visitor makes them: each box on and off again, a moment apart.
		const later = [];
		for (const box of [kita, second, second, language, language, wheelchair, wheelchair, third, third, kita]) {
			await new Promise((resolve) => setTimeout(resolve, 300));
			later.push(await change(box));
		}
		return { first, later };
	});
	await page.close();
	return { interactive, finder, ...first, later: median(later.map((change) => change.mapPainted)) };
}

console.log('');
console.log('Map page (/einrichtungen/), slow 4G (150 ms RTT, 1.6 Mbit/s) and 4× CPU slowdown:');
console.log('First filter change: the first box ticked after loading. Later changes: ten more, 0.3 s apart (median). Targets at 5,000: ≤ 1500 ms, ≤ 50 ms.');
console.log('Facilities   build    HTML gz   karte.json gz   details.json gz   map interactive   finder ready   first filter change: script / list painted / map painted   later changes: map painted');
for (const count of SIZES) {
	const work = mkdtempSync(path.join(tmpdir(), 'quartier-bench-map-'));
	try {
		const content = path.join(work, 'content');
		cpSync('content', content, { recursive: true });
		synthesizeFacilities(content, count);
		const started = performance.now();
		const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(work, 'dist')], { env: { ...env, QUARTIER_CONTENT_DIR: content }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
		const buildSeconds = (performance.now() - started) / 1000;
		if (build.status !== 0) throw new Error(`${build.stdout}${build.stderr}${build.error ?? ''}`);
		const gz = (file) => gzipSync(readFileSync(path.join(work, 'dist', 'einrichtungen', file))).length;
		const server = await serveDist(path.join(work, 'dist'));
		const url = `http://127.0.0.1:${server.address().port}/einrichtungen/`;

		const runs = [];
		for (let run = 0; run < LOADS; run++) runs.push(await measure(url));
		const of = (key) => median(runs.map((r) => r[key]));
		server.close();
		const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
		console.log(
			`${String(count).padStart(10)}   ${`${buildSeconds.toFixed(1)} s`.padStart(6)}   ${kb(gz('index.html')).padStart(7)}   ${kb(gz('karte.json')).padStart(13)}   ${kb(gz('details.json')).padStart(15)}   ${`${of('interactive').toFixed(0)} ms`.padStart(15)}   ${`${of('finder').toFixed(0)} ms`.padStart(12)}   ${`${of('script').toFixed(0)} ms / ${of('painted').toFixed(0)} ms / ${of('mapPainted').toFixed(0)} ms`.padStart(57)}   ${`${of('later').toFixed(0)} ms`.padStart(27)}`,
		);
		const spread = (key) => `${key} ${runs.map((r) => r[key].toFixed(0)).join(' / ')}`;
		console.log(`${''.padStart(13)}each load (ms): ${['interactive', 'script', 'painted', 'mapPainted', 'later'].map(spread).join('; ')}`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
await browser.close();
