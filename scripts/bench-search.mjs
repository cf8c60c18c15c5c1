#!/usr/bin/env node
/**
 * Search figures: for the sample site (dist/, built by bench.mjs) and synthetic sites of about 1,000 and
 * 10,000 pages, the size of the search index, the time to build it, and — in Chromium on slow 4G with a 4×
 * slower CPU, cold cache, files gzip-compressed like a web host sends them — the bytes fetched and the time from
 * typing into the header field until the first results show, for a few typical queries.
 * Two generators write the synthetic sites, so the budget is not only met on the content it was tuned on: „mixed"
 * (news, events and facilities from the sample's own words, with new compounds) and „news" (scripts/synthetic-news.mjs,
 * the publishing benchmark's news items: a small vocabulary in which every item repeats the same words, e.g.
 * Sprechstunde and Mieterberatung – the hard case for a query of two common words). The news generator runs at
 * 10,000 pages.
 * Prints figures, asserts nothing. Called by `npm run bench`; alone: `node scripts/bench-search.mjs` with
 * `--sample-only`, `--size=10000` (one synthetic size), `--generator=news` (one generator) or `--keep` (keep the
 * synthetic site for a closer look).
 */
import { serveDist } from './serve-dist.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { writeSyntheticNews } from './synthetic-news.mjs';

const only = process.argv.find((arg) => arg.startsWith('--size='));
const SIZES = process.argv.includes('--sample-only') ? [] : only ? [Number(only.slice('--size='.length))] : [1_000, 10_000];
const onlyGenerator = process.argv.find((arg) => arg.startsWith('--generator='))?.slice('--generator='.length);
/** The synthetic sites: every size by the mixed generator, and 10,000 (or the one size asked for) by the news generator. */
const RUNS = [
	...SIZES.map((size) => ({ size, generator: 'mixed' })),
	...SIZES.filter((size) => only || size === 10_000).map((size) => ({ size, generator: 'news' })),
].filter((run) => !onlyGenerator || run.generator === onlyGenerator);
const QUERIES = ['Kita', 'Spielplaetze', 'platz', 'Sprechstunde Mieterberatung'];
const TARGET_KB = 150;

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
delete env.NODE_ENV;

/** Deterministic pseudo-random numbers, so every run measures the same district. */
function random(seed) {
	let s = seed;
	return () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

/** Words of the sample texts: the synthetic pages speak the same language. */
function samplePool() {
	const texts = [];
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.md')) texts.push(readFileSync(full, 'utf8').replace(/^---[\s\S]*?---/, ''));
		}
	};
	walk('content');
	const words = [...new Set(texts.join(' ').match(/\p{L}{3,}/gu) ?? [])];
	return { words, nouns: words.filter((w) => /^\p{Lu}\p{Ll}{3,}$/u.test(w)) };
}

/** Adds synthetic news, events and facilities to a copy of content/ until the site has about `pages` pages. */
function synthesize(dir, pages) {
	const r = random(pages);
	const { words, nouns } = samplePool();
	const pick = (list) => list[Math.floor(r() * list.length)];
	// New compounds appear as a real site grows (Hofflohmarkt, Nachbarschaftsbank …): vocabulary keeps growing.
	const compound = () => pick(nouns) + pick(nouns).toLowerCase();
	const sentence = (n) => {
		const list = Array.from({ length: n }, () => (r() < 0.08 ? compound() : pick(words)));
		return `${list.join(' ')}.`;
	};
	const text = (sentences) => Array.from({ length: sentences }, () => sentence(8 + Math.floor(r() * 10))).join(' ');
	const themes = readdirSync(path.join(dir, 'themen')).filter((f) => f.endsWith('.de.yaml')).map((f) => f.replace('.de.yaml', ''));
	const categories = readdirSync(path.join(dir, 'kategorien')).filter((f) => f.endsWith('.de.yaml')).map((f) => f.replace('.de.yaml', ''));
	const facilities = readdirSync(path.join(dir, 'einrichtungen')).map((f) => f.replace('.md', ''));
	const settings = readFileSync(path.join(dir, 'settings/quartier.yaml'), 'utf8');
	const bound = (name) => Number(new RegExp(`${name}:\\s*([\\d.]+)`).exec(settings)?.[1]);
	const [south, west, north, east] = ['south', 'west', 'north', 'east'].map(bound);
	const count = Math.max(0, pages - 100);
	for (let i = 0; i < count; i++) {
		const kind = i % 10;
		const title = `${pick(nouns)} ${compound()} ${i}`;
		const summary = sentence(12).slice(0, 190);
		const body = `${text(6)}\n\n## ${compound()}\n\n${text(6)}\n`;
		const day = `20${24 + (i % 4)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
		if (kind < 5) {
			writeFileSync(path.join(dir, 'aktuelles', `synth-${i}.de.md`), `---\ntitle: "${title}"\ndate: ${day}\nsummary: "${summary}"\nthemes: [${pick(themes)}]\n---\n\n${body}`);
		} else if (kind < 8) {
			writeFileSync(
				path.join(dir, 'termine', `synth-${i}.de.md`),
				`---\ntitle: "${title}"\nsummary: "${summary}"\nstart: "${day}T18:00"\nend: "${day}T20:00"\ntype: workshop\nplace:\n  facility: ${pick(facilities)}\nlanguages: [de]\naccessibility: "Stufenloser Zugang."\n---\n\n${body}`,
			);
		} else {
			const lat = south + 0.0005 + r() * (north - south - 0.001);
			const lng = west + 0.0005 + r() * (east - west - 0.001);
			writeFileSync(
				path.join(dir, 'einrichtungen', `synth-${i}.md`),
				`---\nname: "${title}"\ncategory: ${pick(categories)}\naddress: { street: ${pick(nouns)}straße ${i % 200}, postcode: "04315", city: Leipzig }\ncoordinates: { lat: ${lat.toFixed(6)}, lng: ${lng.toFixed(6)} }\nwheelchair: unknown\nlanguages: [de]\ndescription: "${summary}"\n---\n\n${body}`,
			);
		}
	}
}

function filesIn(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Bytes of the index: everything in pagefind/ (its .pf_* and .pagefind files are stored compressed). */
function indexSize(dist) {
	const files = filesIn(path.join(dist, 'pagefind'));
	const size = (filter) => files.filter(filter).reduce((sum, f) => sum + statSync(f).size, 0);
	// What every first search fetches before any word: Pagefind's code (gzip), its wasm and the start file with the page list.
	const start = files.filter((f) => /pagefind\.js$|wasm\.[a-z]+\.pagefind$|\.pf_meta$/.test(f) && !f.includes('wasm.unknown'));
	const startBytes = start.reduce((sum, f) => sum + (f.endsWith('.js') ? gzipSync(readFileSync(f), { level: 9 }).length : statSync(f).size), 0);
	const meta = files.filter((f) => f.endsWith('.pf_meta')).reduce((sum, f) => sum + statSync(f).size, 0);
	return { total: size(() => true), data: size((f) => /\.pf_|pagefind-entry/.test(f)), files: files.length, startBytes, meta };
}


/** Types each query on a fresh, throttled page and measures what the search costs. */
async function measure(browser, baseUrl) {
	const rows = [];
	for (const query of QUERIES) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await page.goto(`${baseUrl}/impressum/`, { waitUntil: 'networkidle' });
		let bytes = 0;
		let requests = 0;
		cdp.on('Network.loadingFinished', (event) => {
			bytes += event.encodedDataLength;
			requests++;
		});
		// The header's search bar opens with its button („Suchen"); what opening it loads counts too.
		const toggle = page.locator('site-search [data-search-toggle]');
		if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
		await page.locator('#site-search-q').waitFor();
		const started = performance.now();
		await page.fill('#site-search-q', query);
		await page.waitForSelector('site-search [data-search-panel]:not([hidden])', { timeout: 120_000 });
		const ms = performance.now() - started;
		await page.waitForLoadState('networkidle');
		const count = await page.locator('site-search [data-search-list] a').count();
		rows.push({ query, bytes, requests, ms, count });
		await context.close();
	}
	return rows;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function report(browser, label, dist, pages, indexSeconds) {
	const size = indexSize(dist);
	const server = await serveDist(path.resolve(dist));
	try {
		const rows = await measure(browser, `http://127.0.0.1:${server.address().port}`);
		console.log(`${label}: ${pages} pages indexed in ${indexSeconds} s; index ${kb(size.total)} on disk in ${size.files} files (${kb(size.data)} index data, the rest is Pagefind's code)`);
		console.log(`  start cost of every first search: ${kb(size.startBytes)} (Pagefind code and wasm, and the start file with one entry per page: ${kb(size.meta)})`);
		for (const row of rows) {
			const flag = row.bytes <= TARGET_KB * 1024 ? 'ok' : 'OVER';
			console.log(`  „${row.query}"`.padEnd(34) + `${kb(row.bytes).padStart(9)} in ${String(row.requests).padStart(2)} requests   first results after ${String(Math.round(row.ms)).padStart(5)} ms   ${String(row.count)} shown   ${flag}`);
		}
	} finally {
		server.close();
	}
}

/** Pages and seconds from the build log line of src/integrations/search.ts. */
function indexLine(output) {
	const m = /Suchindex: (\d+) Seiten, \d+ zusätzliche Suchwörter, ([\d.]+) s/.exec(output);
	return m ? { pages: Number(m[1]), seconds: m[2] } : { pages: 0, seconds: '?' };
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
console.log('');
console.log(`Search (header field on /impressum/, slow 4G 150 ms RTT 1.6 Mbit/s, 4× CPU slowdown, cold cache, gzip; target ≤ ${TARGET_KB} KB):`);
try {
	// bench.mjs has just built dist/ and passes on the index line of its log; alone, this script builds.
	let sampleLog = process.argv.find((arg) => arg.startsWith('--sample-log='))?.slice('--sample-log='.length);
	if (!sampleLog) {
		const sample = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { env, encoding: 'utf8' });
		if (sample.status !== 0) throw new Error(sample.stdout + sample.stderr);
		sampleLog = sample.stdout;
	}
	const { pages, seconds } = indexLine(sampleLog);
	await report(browser, 'Sample site', 'dist', pages, seconds);
	for (const { size, generator } of RUNS) {
		const work = mkdtempSync(path.join(tmpdir(), 'quartier-bench-search-'));
		try {
			const content = path.join(work, 'content');
			cpSync('content', content, { recursive: true });
			if (generator === 'news') writeSyntheticNews(path.join(content, 'aktuelles'), Math.max(0, size - 100));
			else synthesize(content, size);
			const started = performance.now();
			const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(work, 'dist')], { env: { ...env, QUARTIER_CONTENT_DIR: content }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
			if (build.status !== 0) throw new Error(build.stdout.slice(-4000) + build.stderr.slice(-4000));
			const line = indexLine(build.stdout);
			console.log(`(site of ${size.toLocaleString('en')} pages, ${generator} generator, built in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
			await report(browser, `Synthetic ${size.toLocaleString('en')} (${generator})`, path.join(work, 'dist'), line.pages, line.seconds);
		} finally {
			if (process.argv.includes('--keep')) console.log(`(kept in ${work})`);
			else rmSync(work, { recursive: true, force: true });
		}
	}
} finally {
	await browser.close();
}
