#!/usr/bin/env node
/**
 * Map figures for `npm run bench`: builds the site with 500 and 5,000 synthetic facilities and measures in
 * Chromium, with emulated slow 4G and 4× CPU slowdown, the time until the map is interactive and the time one
 * filter change takes: the script of the input task, until the list is painted, and until the map (which follows
 * the list by a frame) is painted. Targets at 5,000: ≤ 1.5 s and ≤ 50 ms. Files are served gzip-compressed, as a CDN does.
 * Each figure is the median of five page loads (the first filter change right after loading varies a lot on a
 * throttled CPU). Prints figures; fails nothing.
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


const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
delete env.NODE_ENV;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** One visit on a throttled phone: map interactive, finder ready, and one category ticked. */
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
	const { script, painted, mapPainted } = await page.evaluate(async () => {
		const box = document.querySelector('input[name="kategorie"]');
		const finder = document.querySelector('facility-finder');
		const start = performance.now();
		let scriptEnd = 0;
		// A frame has been painted when a task queued from requestAnimationFrame runs.
		const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
		// The map's listener was added first, so this one runs after it: the end of the work in the input task.
		finder.addEventListener('facilities-filtered', () => (scriptEnd = performance.now()), { once: true });
		// Asked for before the click, so its task is queued before the map's update (which waits for the same frame).
		const listed = afterPaint();
		// The map follows right after the list has been painted.
		const mapped = new Promise((resolve) => document.addEventListener('map-updated', () => resolve(afterPaint()), { once: true }));
		box.click();
		const [listEnd, mapEnd] = await Promise.all([listed, mapped]);
		return { script: scriptEnd - start, painted: listEnd - start, mapPainted: mapEnd - start };
	});
	await page.close();
	return { interactive, finder, script, painted, mapPainted };
}

console.log('');
console.log('Map page (/einrichtungen/), slow 4G (150 ms RTT, 1.6 Mbit/s) and 4× CPU slowdown:');
console.log('Facilities   build    HTML gz   karte.json gz   details.json gz   map interactive   finder ready   filter change: script / list painted / map painted   (targets at 5,000: ≤ 1500 ms, ≤ 50 ms)');
for (const count of SIZES) {
	const work = mkdtempSync(path.join(tmpdir(), 'quartier-bench-map-'));
	try {
		const content = path.join(work, 'content');
		cpSync('content', content, { recursive: true });
		synthesizeFacilities(content, count);
		const started = performance.now();
		const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(work, 'dist')], { env: { ...env, QUARTIER_CONTENT_DIR: content }, encoding: 'utf8' });
		const buildSeconds = (performance.now() - started) / 1000;
		if (build.status !== 0) throw new Error(build.stdout + build.stderr);
		const gz = (file) => gzipSync(readFileSync(path.join(work, 'dist', 'einrichtungen', file))).length;
		const server = await serveDist(path.join(work, 'dist'));
		const url = `http://127.0.0.1:${server.address().port}/einrichtungen/`;

		const runs = [];
		for (let run = 0; run < 5; run++) runs.push(await measure(url));
		const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
		server.close();
		const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
		console.log(
			`${String(count).padStart(10)}   ${`${buildSeconds.toFixed(1)} s`.padStart(6)}   ${kb(gz('index.html')).padStart(7)}   ${kb(gz('karte.json')).padStart(13)}   ${kb(gz('details.json')).padStart(15)}   ${`${median('interactive').toFixed(0)} ms`.padStart(15)}   ${`${median('finder').toFixed(0)} ms`.padStart(12)}   ${`${median('script').toFixed(0)} ms / ${median('painted').toFixed(0)} ms / ${median('mapPainted').toFixed(0)} ms`.padStart(51)}`,
		);
		const spread = (key) => `${key} ${runs.map((r) => r[key].toFixed(0)).join(' / ')}`;
		console.log(`${''.padStart(13)}each load (ms): ${['interactive', 'script', 'painted', 'mapPainted'].map(spread).join('; ')}`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
await browser.close();
