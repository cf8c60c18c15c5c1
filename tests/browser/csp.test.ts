/**
 * The built site under its own security headers, as Netlify would send them (netlify.toml and the generated
 * dist/_headers, read by tests/helpers/netlify-headers.ts, not copied): Chromium opens every built page in every
 * language (so every sitemap address) and the editor /admin/, opens the menu on a narrow screen, agrees to the
 * detailed map and opens a marker, searches, and sends a form. Not one Content-Security-Policy violation, and every
 * response carries the headers. Then hostile files (an SVG with script) in every upload folder: served as the
 * site serves uploads, their script does not run and calls nowhere; served without the headers, it does (so the
 * files are really hostile).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readSettings } from '../../src/schemas';
import { HONEYPOT } from '../../src/lib/forms';
import { uploadFolders, writeHeaders } from '../../src/integrations/frame-headers';
import { headersFor, siteRules } from '../helpers/netlify-headers';
import { serveStatic } from '../helpers/servers';
import { sitemapPaths, useBrowser, watchedContext, type Watched } from '../helpers/browser';

const chromium = useBrowser();
const settings = readSettings();
const tileHost = new URL(settings.map.tiles.url.replace(/\{[a-z]+\}/g, '0')).host;

/** Every page of a build: the addresses of its HTML files (folders end in `/`). */
function builtPages(dist: string): string[] {
	return readdirSync(dist, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.html') && !file.startsWith('netlify-formulare'))
		.map((file) => `/${file.split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
		.sort();
}

/**
 * Collects CSP violations (from the page's event and from the console) and checks the headers of every page the
 * browser receives (for files the pages load, Chromium does not always report every header, e.g. for a module it
 * had preloaded: those are checked on the server's side, see headerProblems).
 */
async function watchCsp(context: BrowserContext, origin: string) {
	const violations: string[] = [];
	const missing: string[] = [];
	const checks: Promise<void>[] = [];
	/** Responses already checked (a file many pages load is checked once). */
	const seen = new Set<string>();
	await context.exposeBinding('__reportViolation', ({ frame }, text: string) => void violations.push(`${frame.url()}: ${text}`));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
		});
	});
	const watch = (page: Page) => {
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
		});
		page.on('response', (response) => {
			// Form posts are answered by Netlify Forms, not from the site's files with their header rules.
			if (!response.url().startsWith(origin) || response.request().method() !== 'GET' || response.request().resourceType() !== 'document' || seen.has(`${response.status()} ${response.url()}`)) return;
			seen.add(`${response.status()} ${response.url()}`);
			checks.push(
				response.allHeaders().then((headers) => {
					const problems = headerProblems(headers, response.status() < 400);
					if (problems.length) missing.push(`${response.url()}: ${problems.join(', ')}`);
				}),
			);
		});
	};
	return { violations, missing, watch, settled: () => Promise.all(checks) };
}

/** What is missing from the headers of one path: HSTS and nosniff everywhere, the policy's walls on every file that exists. */
function headerProblems(headers: Record<string, string>, exists: boolean): string[] {
	const csp = headers['content-security-policy'] ?? '';
	return [
		...(!/^max-age=\d{8,}/.test(headers['strict-transport-security'] ?? '') ? ['HSTS'] : []),
		...(headers['x-content-type-options'] !== 'nosniff' ? ['nosniff'] : []),
		...(exists ? ["object-src 'none'", "base-uri 'none'", 'frame-ancestors'].filter((directive) => !csp.includes(directive)) : []),
	];
}

describe('every page under the Content-Security-Policy', () => {
	let site: Awaited<ReturnType<typeof serveStatic>>;
	let watched: Watched;
	let csp: Awaited<ReturnType<typeof watchCsp>>;
	let page: Page;
	const tiles: string[] = [];
	/**
	 * For the walk through every page: a context without request interception (quicker; a request to another host
	 * would be a violation anyway), with a few tabs at once.
	 */
	let walk: { context: BrowserContext; csp: Awaited<ReturnType<typeof watchCsp>>; pages: Page[] };

	beforeAll(async () => {
		const rules = siteRules('dist');
		site = await serveStatic(path.resolve('dist'), (pathname) => headersFor(rules, pathname));
		watched = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		// The detailed map's tiles: answered here, after the browser's policy let the request go (a refused one never arrives).
		await watched.context.route((url) => url.host === tileHost, (route) => {
			tiles.push(route.request().url());
			return route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64') });
		});
		csp = await watchCsp(watched.context, site.url);
		page = await watched.page();
		csp.watch(page);
		const context = await chromium.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
		walk = { context, csp: await watchCsp(context, site.url), pages: await Promise.all([1, 2, 3].map(() => context.newPage())) };
		for (const tab of walk.pages) walk.csp.watch(tab);
	});

	afterAll(async () => {
		await walk?.context.close();
		await watched?.context.close();
		await site?.close();
	});

	test('every built page (all sitemap addresses in every language) and the editor: no violation, headers on every response', { timeout: 1_200_000 }, async () => {
		const pages = builtPages('dist');
		const sitemap = await sitemapPaths(site.url);
		expect(sitemap.length).toBeGreaterThan(0);
		expect(sitemap.filter((p) => !pages.includes(p))).toEqual([]);
		for (const locale of settings.languages) expect(sitemap.some((p) => locale === 'de' || p.startsWith(`/${locale}/`)), locale).toBe(true);
		const started = performance.now();
		// Until DOMContentLoaded every script of the page has run (module scripts are deferred) and every style is in.
		const queue = pages.filter((pathname) => pathname !== '/admin/');
		await Promise.all(
			walk.pages.map(async (tab) => {
				for (let pathname = queue.shift(); pathname !== undefined; pathname = queue.shift()) await tab.goto(`${site.url}${pathname}`, { waitUntil: 'domcontentloaded' });
			}),
		);
		// The editor: Decap starts and shows its login; its button opens the Netlify Identity widget (whose server
		// does not answer here).
		const [editor] = walk.pages;
		await editor!.goto(`${site.url}/admin/`, { waitUntil: 'load' });
		await editor!.getByRole('button', { name: /Netlify Identity/ }).click({ timeout: 60_000 });
		// The widget has drawn its dialog inside its frame: its scripts and styles are in.
		await editor!.frameLocator('#netlify-identity-widget').getByRole('dialog').waitFor({ timeout: 60_000 });
		await walk.csp.settled();
		console.log(`${pages.length} pages and the editor in ${Math.round((performance.now() - started) / 1000)} s`);
		expect(walk.csp.violations).toEqual([]);
		expect(walk.csp.missing).toEqual([]);
		// Every file the browser asked for (pages, scripts, styles, pictures, the search index) got the headers.
		const rules = siteRules('dist');
		const asked = [...new Set(site.requests.map((request) => request.split(' ')[0] ?? ''))];
		expect(asked.length).toBeGreaterThan(pages.length);
		const exists = (pathname: string) => existsSync(path.join('dist', pathname, pathname.endsWith('/') ? 'index.html' : ''));
		expect(asked.flatMap((pathname) => headerProblems(headersFor(rules, pathname), exists(pathname)).map((problem) => `${pathname}: ${problem}`))).toEqual([]);
	});

	test('the menu on a narrow screen, in German and Arabic', async () => {
		await page.setViewportSize({ width: 360, height: 800 });
		for (const home of ['/', '/ar/']) {
			await page.goto(`${site.url}${home}`);
			await page.locator('.nav-toggle').click();
			expect(await page.locator('.nav-toggle').getAttribute('aria-expanded')).toBe('true');
			expect(await page.locator('#site-nav a').first().isVisible()).toBe(true);
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		await csp.settled();
		expect(csp.violations).toEqual([]);
	});

	test('the detailed map after consent, with a marker open', async () => {
		await page.goto(`${site.url}/einrichtungen/`);
		await page.locator('.leaflet-marker-icon').first().waitFor();
		await page.getByRole('button', { name: `Detailkarte von ${settings.map.tiles.provider.split(' ')[0]} laden` }).click();
		await expect.poll(() => tiles.length, { timeout: 30_000 }).toBeGreaterThan(0);
		await page.getByRole('button', { name: /^Auf der Karte zeigen: / }).first().click();
		await page.locator('.leaflet-popup-content a').first().waitFor();
		// The marker's colour reached it (set through the DOM, not a refused style attribute).
		expect(await page.locator('.map-marker span').first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
		await csp.settled();
		expect(csp.violations).toEqual([]);
		expect(csp.missing).toEqual([]);
	});

	test('the search in the header and on its page', async () => {
		await page.goto(`${site.url}/`);
		await page.locator('site-search [data-search-toggle]').click();
		await page.fill('#site-search-q', 'Kita');
		await page.locator('site-search [data-search-list] a').first().waitFor({ timeout: 15_000 });
		await page.goto(`${site.url}/suche/?q=Kita`);
		await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
		await csp.settled();
		expect(csp.violations).toEqual([]);
	});

	test('a form is sent and lands on the thank-you page', async () => {
		await page.goto(`${site.url}/kontakt/`);
		const form = page.locator('main form[name="kontakt"]');
		for (const control of await form.locator('input, textarea, select').all()) {
			const [name, type] = await control.evaluate((el) => [el.getAttribute('name') ?? '', (el as HTMLInputElement).type]);
			if (!name || name === HONEYPOT || type === 'hidden' || !(await control.isVisible())) continue;
			if (type === 'select-one') await control.selectOption({ index: 1 });
			else if (type === 'radio' || type === 'checkbox') {
				if (!(await form.locator(`[name="${name}"]:checked`).count())) await control.check();
			} else await control.fill(type === 'email' ? 'ayse@example.org' : type === 'tel' ? '0341 1234567' : 'Wann ist die nächste Sitzung?');
		}
		const before = site.submissions.length;
		await form.locator('button[type="submit"]').click();
		await page.waitForURL(/\/danke\/$/);
		expect(site.submissions.length).toBe(before + 1);
		await csp.settled();
		expect(csp.violations).toEqual([]);
		expect(csp.missing).toEqual([]);
	});
});

describe('uploaded files cannot run script', () => {
	const copy = mkdtempSync(path.join(tmpdir(), 'quartier-csp-'));
	const hits: string[] = [];
	let beacon: http.Server;
	let beaconUrl = '';
	/** Where the hostile files go: every folder the CMS uploads into, and the pictures of entries. */
	const targets = [...uploadFolders(settings), '_astro'].map((folder) => `/${folder}/csp-angriff.svg`);

	beforeAll(async () => {
		beacon = http.createServer((request, response) => {
			hits.push(request.url ?? '');
			response.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
		});
		await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
		beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
		// A copy of the build (hard links: quick, and the build itself stays untouched) with the hostile files, and its
		// _headers written anew by the build's own code, as a build with these uploads would write it.
		execFileSync('cp', ['-al', 'dist/.', copy]);
		unlinkSync(path.join(copy, '_headers'));
		writeFileSync(path.join(copy, '_headers'), '');
		for (const target of targets) {
			const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><script>document.documentElement.setAttribute('data-ran', 'yes'); fetch('${beaconUrl}/script${target}'); new Image().src = '${beaconUrl}/image${target}';</script><image href="${beaconUrl}/href${target}" width="10" height="10"/></svg>`;
			execFileSync('mkdir', ['-p', path.dirname(path.join(copy, target))]);
			writeFileSync(path.join(copy, target), svg);
		}
		await writeHeaders(pathToFileURL(`${copy}/`), settings);
	});

	afterAll(async () => {
		await new Promise<void>((resolve) => beacon?.close(() => resolve()));
		rmSync(copy, { recursive: true, force: true });
	});

	/**
	 * Opens every hostile file directly; returns whether its script ran, per file. The script sets its mark while the
	 * file is parsed, and the picture it names holds up the load event, so both are known once the file has loaded;
	 * only the script's own calls (if it ran) may arrive later.
	 */
	async function open(headers: (pathname: string) => Record<string, string>): Promise<Record<string, boolean>> {
		const site = await serveStatic(copy, headers);
		const context = await chromium.browser.newContext();
		const ran: Record<string, boolean> = {};
		try {
			const page = await context.newPage();
			for (const target of targets) {
				await page.goto(`${site.url}${target}`, { waitUntil: 'load' });
				ran[target] = (await page.evaluate(() => document.documentElement.getAttribute('data-ran'))) === 'yes';
			}
		} finally {
			await context.close();
			await site.close();
		}
		return ran;
	}

	test('without the headers the files run their script (they are hostile)', async () => {
		hits.length = 0;
		const ran = await open(() => ({}));
		expect(Object.values(ran).every(Boolean), JSON.stringify(ran)).toBe(true);
		await expect.poll(() => targets.filter((target) => !hits.includes(`/script${target}`))).toEqual([]);
		for (const target of targets) expect(hits, target).toContain(`/href${target}`);
	});

	test('with the headers the site sends, nothing runs and nothing is called', async () => {
		const rules = siteRules(copy);
		for (const target of targets) expect(headersFor(rules, target)['content-security-policy'], target).toMatch(/(^|, )sandbox;/);
		// PDFs are left out of the sandbox (Chromium's viewer shows nothing in one) but keep the page policy.
		const pdfs = readdirSync(path.join(copy, 'dokumente')).filter((file) => file.endsWith('.pdf'));
		expect(pdfs.length).toBeGreaterThan(0);
		for (const pdf of pdfs) expect(headersFor(rules, `/dokumente/${pdf}`)['content-security-policy'], pdf).not.toMatch(/sandbox/);
		hits.length = 0;
		const ran = await open((pathname) => headersFor(rules, pathname));
		expect(Object.values(ran).some(Boolean), JSON.stringify(ran)).toBe(false);
		expect(hits).toEqual([]);
	});
});
