/**
 * The embeddable facility map as a partner's site uses it: the code from the generator on /daten/, pasted into a page
 * on another origin (a small server in this test), frames the map page, which is served with the headers Netlify
 * would send (netlify.toml and the built _headers, see tests/helpers/netlify-headers.ts). The map page loads and
 * lists the facilities, reachable by Tab inside the frame; a frame of /einrichtungen/ is refused by Chromium. axe
 * finds nothing on the German and the Arabic map page and on the Arabic /daten/ with the generator.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { readSettings } from '../../src/schemas';
import { embedPath } from '../../src/lib/embed';
import { serveStatic, type Running } from '../helpers/servers';
import { useBrowser, watchedContext, type Watched } from '../helpers/browser';
import { entryFiles, readData } from '../helpers/content';
import { headersFor, siteRules } from '../helpers/netlify-headers';

const chromium = useBrowser();
const { siteUrl } = readSettings();
const facilities = entryFiles('einrichtungen').map((file) => (readData(file) as { category: string }).category);
/** The category with the most facilities, so a filtered list is clearly shorter than the whole. */
const category = [...new Set(facilities)].sort((a, b) => facilities.filter((c) => c === b).length - facilities.filter((c) => c === a).length)[0] ?? '';
const inCategory = facilities.filter((c) => c === category).length;

let site: Awaited<ReturnType<typeof serveStatic>>;
let partner: Running & { setPage: (html: string) => void };

beforeAll(async () => {
	const rules = siteRules('dist');
	site = await serveStatic('dist', (pathname) => headersFor(rules, pathname));
	let html = '';
	const server = http.createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	partner = {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
		setPage: (text) => (html = text),
	};
});

afterAll(async () => {
	await site?.close();
	await partner?.close();
});

/** The partner's page: a heading, then the frames. */
const partnerPage = (frames: string) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Grundschule am Park</title></head><body><h1>Grundschule am Park</h1>${frames}</body></html>`;

/** The frame whose address contains `part`, once it has loaded. */
async function frameOf(page: Page, part: string): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => f.url().includes(part)), { timeout: 15_000 }).toBe(true);
	const frame = page.frames().find((f) => f.url().includes(part))!;
	await frame.waitForLoadState('load');
	return frame;
}

describe('a partner frames the map', () => {
	let watched: Watched;
	beforeAll(async () => {
		watched = await watchedContext(chromium.browser, { viewport: { width: 1100, height: 1000 } });
	});
	afterAll(async () => {
		await watched.context.close();
	});

	test('the generator writes the code for the chosen category, height and language, and copies it', async () => {
		await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
		const page = await watched.page();
		await page.goto(`${site.url}/daten/`);
		const field = page.locator('#embed-code');
		expect(await field.inputValue()).toContain(`src="${siteUrl}/einbetten/karte/"`);
		await page.selectOption('#embed-category', category);
		await page.fill('#embed-height', '480');
		await page.selectOption('#embed-language', 'ar');
		const code = await field.inputValue();
		expect(code).toContain(`src="${siteUrl}${embedPath('ar', category)}"`);
		expect(code).toContain('height="480"');
		expect(code).toMatch(/title="[^"]*[\u0600-\u06FF][^"]*"/);
		await page.getByRole('button', { name: 'Code kopieren' }).click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(code);
		await expect.poll(() => page.locator('[data-copy-status]').textContent(), { timeout: 10_000 }).not.toBe('');
		await page.close();
	});

	test("the map loads in another origin's frame with the generator's code and lists its facilities; the facility page is refused", async () => {
		const page = await watched.page();
		await page.goto(`${site.url}/daten/`);
		await page.selectOption('#embed-category', category);
		const code = (await page.locator('#embed-code').inputValue()).replace(siteUrl, site.url);
		await page.close();
		partner.setPage(partnerPage(`${code}<iframe src="${site.url}/einrichtungen/" title="Einrichtungen" width="100%" height="400"></iframe>`));
		const before = watched.errors.length;
		const host = await watched.page();
		await host.goto(partner.url);
		expect(new URL(host.url()).origin).not.toBe(new URL(site.url).origin);
		const map = await frameOf(host, embedPath('de', category));
		await expect.poll(() => map.locator('li[data-facility]').count(), { timeout: 10_000 }).toBe(inCategory);
		expect(await map.locator('h1').textContent()).toBeTruthy();
		// The finder (JavaScript inside the frame) has counted its facilities.
		await expect.poll(() => map.locator('[data-status]').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${inCategory}\\b`));
		// The facility page was asked for and arrived, but Chromium refuses to show it in the partner's frame.
		expect(site.requests).toContain('/einrichtungen/');
		const refused = new RegExp(`Framing '${site.url}/' violates the following Content Security Policy directive: "frame-ancestors 'none'"`);
		await expect.poll(() => watched.errors.slice(before).join('\n'), { timeout: 10_000 }).toMatch(refused);
		const blocked = host.frames().find((f) => f !== host.mainFrame() && !f.url().includes('/einbetten/'));
		expect(await blocked?.locator('li[data-facility]').count()).toBe(0);
		expect(blocked?.url()).not.toBe(`${site.url}/einrichtungen/`);
		expect(watched.foreign).toEqual([]);
		await host.close();
	});

	test('inside the frame the list is reachable with Tab, and `?kategorie=` filters the page for every facility', async () => {
		partner.setPage(partnerPage(`<iframe src="${site.url}${embedPath('de')}?kategorie=${category}" title="Karte" width="100%" height="700"></iframe>`));
		const host = await watched.page();
		await host.goto(partner.url);
		const map = await frameOf(host, embedPath('de'));
		// The finder inside the frame has applied the address's filter (it loads the place data first).
		await expect.poll(() => map.locator('li[data-facility]:visible').count(), { timeout: 15_000 }).toBe(inCategory);
		expect(await map.locator('li[data-facility]').count()).toBe(facilities.length);
		// Tab from the partner's page into the frame, through the filters and the map, to the first facility's link.
		let reached = '';
		let presses = 0;
		for (; presses < 200 && !reached; presses++) {
			await host.keyboard.press('Tab');
			reached = await map.evaluate(() => (document.hasFocus() && document.activeElement instanceof HTMLAnchorElement && document.activeElement.closest('li[data-facility]:not([hidden])') ? document.activeElement.textContent?.trim() ?? '' : ''));
		}
		expect(reached).not.toBe('');
		expect(presses).toBeGreaterThan(1);
		await host.close();
	});
});

describe('accessibility of the map page', () => {
	test('axe finds no violation on the German and the Arabic page, nor on the Arabic page with the generator', async () => {
		const watched = await watchedContext(chromium.browser);
		const page = await watched.page();
		const problems: string[] = [];
		for (const address of [embedPath('de'), embedPath('ar'), embedPath('ar', category), '/ar/daten/']) {
			await page.goto(`${site.url}${address}`);
			await page.locator('facility-finder form:not([hidden]), embed-code form:not([hidden])').waitFor();
			const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			problems.push(...result.violations.map((v) => `${address} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
		}
		expect(problems).toEqual([]);
		expect(watched.foreign).toEqual([]);
		await watched.context.close();
	}, 120_000);
});
