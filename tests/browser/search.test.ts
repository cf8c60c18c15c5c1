/**
 * The site search in Chromium against the built sample site: lazy loading, German matching (compound parts,
 * umlaut spellings, synonyms), filters and sorting in the address, browsing without a query, keyboard use,
 * screen reader announcements, axe, and the page without JavaScript.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { watchedContext, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

const desktop = { viewport: { width: 1280, height: 900 } };
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

interface Facility {
	id: string;
	name: string;
	category: string;
}

const frontmatter = (file: string) => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '') as Record<string, unknown>;
const facilities: Facility[] = readdirSync('content/einrichtungen')
	.filter((name) => name.endsWith('.md'))
	.map((name) => {
		const data = frontmatter(path.join('content/einrichtungen', name));
		return { id: name.replace(/\.md$/, ''), name: String(data.name), category: String(data.category) };
	});
const categoryLabel = (id: string) => String((parse(readFileSync(`content/kategorien/${id}.de.yaml`, 'utf8')) as { label: string }).label);

/** Every text file of the sample content except the synonyms file, lower case. */
function contentText(dir = 'content'): string {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return entry.name === 'suche' ? [] : [contentText(full)];
			return /\.(md|mdx|ya?ml)$/.test(entry.name) ? [readFileSync(full, 'utf8')] : [];
		})
		.join('\n')
		.toLowerCase();
}

/** Opens the search bar in the header with its button („Suchen"), unless it is open already. */
async function openHeaderSearch(p: Page) {
	const toggle = p.locator('site-search [data-search-toggle]');
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await p.locator('#site-search-q').waitFor();
}

/** Types a query into the header field and waits until the panel shows the results for it. */
async function headerSearch(p: Page, query: string) {
	await openHeaderSearch(p);
	await p.fill('#site-search-q', query);
	await p.waitForFunction((q) => {
		const all = document.querySelector<HTMLAnchorElement>('site-search [data-search-all]');
		return !document.querySelector<HTMLElement>('site-search [data-search-panel]')?.hidden && all?.href.endsWith(`?q=${encodeURIComponent(q)}`);
	}, query);
	return p.locator('site-search [data-search-list] a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Waits until the search page has answered (status no longer „Suche läuft …"). */
async function settled(p: Page) {
	await p.waitForFunction(() => {
		const status = document.querySelector('search-page [data-search-status]')?.textContent ?? '';
		return status !== '' && !status.includes('läuft');
	});
}

const resultPaths = (p: Page) => p.locator('.search-result h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('header search', () => {
	test('loads nothing of the search until the field is used, then finds results', async () => {
		const { page, foreign, errors } = await watchedContext(chromium.browser, phone);
		const p = await page();
		const requests: string[] = [];
		p.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await p.goto(`${baseUrl}/einrichtungen/kita-sonnenblume/`);
		await p.waitForLoadState('networkidle');
		expect(requests.filter((url) => url.startsWith('/pagefind/'))).toEqual([]);
		expect(requests.some((url) => /\/client\.[\w-]+\.js$/.test(url))).toBe(false);
		const found = await headerSearch(p, 'Familienzentrum');
		expect(found[0]).toBe('/einrichtungen/familienzentrum-lindenhof/');
		expect(requests).toContain('/pagefind/pagefind.js');
		expect(requests.filter((url) => url.startsWith('/pagefind/') && url.endsWith('.css'))).toEqual([]);
		expect(await p.locator('site-search [role="status"]').textContent()).toMatch(/^\d+ Treffer für „Familienzentrum"$/);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});

	test("each facility's name finds its page first", async () => {
		const { page, errors } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/`);
		const misses: string[] = [];
		for (const facility of facilities) {
			const found = await headerSearch(p, facility.name);
			if (found[0] !== `/einrichtungen/${facility.id}/`) misses.push(`${facility.name} → ${found[0]}`);
		}
		expect(misses).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('keyboard only: arrow keys move through the results, Escape closes, Enter opens a result', async () => {
		const { page, errors } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/projekte/`);
		// „Suchen" in the header opens the search bar and moves focus into its field.
		for (let i = 0; i < 30 && !(await p.evaluate(() => document.activeElement?.matches('[data-search-toggle]'))); i++) await p.keyboard.press('Tab');
		expect(await p.locator('site-search [data-search-toggle]').getAttribute('aria-expanded')).toBe('false');
		await p.keyboard.press('Enter');
		expect(await p.locator('site-search [data-search-toggle]').getAttribute('aria-expanded')).toBe('true');
		expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		await p.keyboard.type('Kita Regenbogen');
		await p.waitForSelector('site-search [data-search-panel]:not([hidden]) a');
		await p.keyboard.press('Escape');
		expect(await p.locator('site-search [data-search-panel]').isHidden()).toBe(true);
		expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		await p.keyboard.type(' ');
		await p.waitForSelector('site-search [data-search-panel]:not([hidden]) a');
		await p.keyboard.press('ArrowDown');
		expect(await p.evaluate(() => document.activeElement?.closest('[data-search-list]') !== null)).toBe(true);
		await p.keyboard.press('ArrowUp');
		expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		await p.keyboard.press('ArrowDown');
		await p.keyboard.press('Enter');
		await p.waitForURL(`${baseUrl}/einrichtungen/kita-regenbogen/`);
		expect(await p.locator('h1').textContent()).toBe('Kita Regenbogen');
		expect(errors).toEqual([]);
	});

	test('Enter in the field opens the search page with the query', async () => {
		const { page, errors } = await watchedContext(chromium.browser, phone);
		const p = await page();
		await p.goto(`${baseUrl}/`);
		await openHeaderSearch(p);
		await p.fill('#site-search-q', 'Sprechstunde Mieterberatung');
		await p.press('#site-search-q', 'Enter');
		await p.waitForURL(/\/suche\/\?q=Sprechstunde\+Mieterberatung$/);
		await settled(p);
		expect(await p.inputValue('#suche-q')).toBe('Sprechstunde Mieterberatung');
		const found = await resultPaths(p);
		expect(found[0]).toMatch(/^\/termine\/.*mieterberatung/);
		expect(errors).toEqual([]);
	});
});

describe('on a phone', () => {
	test('the filters fit the screen: a long Thema name does not push them past its edge', async () => {
		const { page } = await watchedContext(chromium.browser, phone);
		const p = await page();
		await p.goto(`${baseUrl}/suche/?q=platz`);
		await settled(p);
		expect(await p.locator('[data-search-filters]').isVisible()).toBe(true);
		const right = await p.locator('[data-search-filters]').evaluate((el) => Math.max(...[el, ...el.querySelectorAll('select')].map((e) => e.getBoundingClientRect().right)));
		expect(right).toBeLessThanOrEqual(360);
	});
});

describe('the index', () => {
	test('holds the text of <main> only: no header, navigation, breadcrumbs or footer', async () => {
		const { page } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/`);
		// A string, so that the test runner does not rewrite the dynamic import meant for the chromium.browser.
		const content = (await p.evaluate(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			await pagefind.options({ noWorker: true });
			const { results } = await pagefind.search('Sonnenblume');
			const data = await results[0].data();
			return { url: data.url, content: data.content };
		})()`)) as { url: string; content: string };
		expect(content.url).toBe('/einrichtungen/kita-sonnenblume/');
		expect(content.content).toContain('Kita Sonnenblume');
		for (const outside of ['Zum Inhalt springen', 'Hauptnavigation', 'Startseite', 'Beispielquartier', 'Rechtliches', 'Förderung', 'Barriere melden']) {
			expect(content.content).not.toContain(outside);
		}
	});
});

describe('German matching', () => {
	test('„platz" finds the playgrounds (part of the compound „Spielplatz")', async () => {
		const { page } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/suche/?q=platz`);
		await settled(p);
		const found = await resultPaths(p);
		const playgrounds = facilities.filter((f) => f.category === 'spielplatz').map((f) => `/einrichtungen/${f.id}/`);
		expect(playgrounds.length).toBeGreaterThan(0);
		expect(found.slice(0, 10)).toEqual(expect.arrayContaining(playgrounds));
		// The excerpt marks the visible word, never the index's extra words.
		const marks = await p.locator('.search-result mark').allTextContents();
		expect(marks.length).toBeGreaterThan(0);
		for (const mark of marks) expect(mark.toLowerCase()).toMatch(/pl[aä]tz/);
		expect(await p.locator('.search-results').textContent()).not.toContain('⁂');
	});

	test('„Spielplaetze" (without umlaut) finds „Spielplatz"', async () => {
		const { page } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/`);
		const found = await headerSearch(p, 'Spielplaetze');
		const first = facilities.find((f) => `/einrichtungen/${f.id}/` === found[0]);
		expect(first?.category).toBe('spielplatz');
	});

	test('a synonym from content/suche/synonyme.yaml finds pages that only use another word of its group', async () => {
		const synonym = 'Jugendfreizeiteinrichtung';
		expect(contentText()).not.toContain(synonym.toLowerCase());
		const { page } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/suche/?q=${synonym}`);
		await settled(p);
		const found = await resultPaths(p);
		expect(found.slice(0, 3)).toContain('/einrichtungen/jugendclub-kiste/');
	});
});

describe('search page', () => {
	test('filters and sorting change the results and show in the address', async () => {
		const { page, errors } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/suche/?q=Quartier`);
		await settled(p);
		const all = Number((await p.locator('search-page [data-search-status]').textContent())?.match(/^\d+/)?.[0]);
		expect(all).toBeGreaterThan(5);
		const typeOption = await p.locator('#suche-typ option[value="Aktuelles"]').textContent();
		const expected = Number(typeOption?.match(/\((\d+)\)/)?.[1]);
		expect(expected).toBeGreaterThan(1);
		expect(expected).toBeLessThan(all);

		await p.selectOption('#suche-typ', 'Aktuelles');
		await p.waitForURL(/typ=Aktuelles/);
		await settled(p);
		expect(await p.locator('search-page [data-search-status]').textContent()).toBe(`${expected} Treffer für „Quartier"`);
		const types = await p.locator('.search-result__meta').allTextContents();
		expect(types.length).toBe(Math.min(expected, 10));
		for (const meta of types) expect(meta.startsWith('Aktuelles · ')).toBe(true);

		await p.selectOption('#suche-sortierung', 'datum');
		await p.waitForURL(/sortierung=datum/);
		await settled(p);
		const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
		const days = (await p.locator('.search-result__meta').allTextContents()).map((meta) => {
			const [, day, month, year] = /(\d+)\. (\S+) (\d{4})/.exec(meta) ?? [];
			return Date.UTC(Number(year), months.indexOf(month ?? ''), Number(day));
		});
		expect(days.every((day) => !Number.isNaN(day))).toBe(true);
		expect(days).toEqual([...days].sort((a, b) => b - a));
		expect(new URL(p.url()).search).toBe('?q=Quartier&typ=Aktuelles&sortierung=datum');

		// The address restores the same state.
		await p.reload();
		await settled(p);
		expect(await p.inputValue('#suche-typ')).toBe('Aktuelles');
		expect(await p.inputValue('#suche-sortierung')).toBe('datum');
		expect(await p.locator('search-page [data-search-status]').textContent()).toBe(`${expected} Treffer für „Quartier"`);
		expect(errors).toEqual([]);
	});

	test('a category without a query lists exactly its facilities', async () => {
		const { page, errors } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		const label = categoryLabel('kita');
		await p.goto(`${baseUrl}/suche/?kategorie=${encodeURIComponent(label)}`);
		await settled(p);
		const kitas = facilities.filter((f) => f.category === 'kita');
		expect(await p.locator('search-page [data-search-status]').textContent()).toBe(`${kitas.length} Treffer`);
		const titles = await p.locator('.search-result h2').allTextContents();
		expect(titles).toEqual(kitas.map((f) => f.name).sort((a, b) => a.localeCompare(b, 'de')));
		expect(errors).toEqual([]);
	});

	test('no results: a helpful hint, a button that removes the filters, links to the sections', async () => {
		const { page, errors } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/suche/?q=Xylofonkurs`);
		await settled(p);
		expect(await p.locator('search-page [data-search-status]').textContent()).toBe('0 Treffer für „Xylofonkurs"');
		expect(await p.locator('[data-search-empty]').textContent()).toContain('anderes oder kürzeres Wort');
		expect(await p.locator('[data-search-reset]').isHidden()).toBe(true);
		await p.goto(`${baseUrl}/suche/?q=Kita&typ=Aufruf`);
		await settled(p);
		expect(await p.locator('search-page [data-search-status]').textContent()).toBe('0 Treffer für „Kita"');
		expect(await p.locator('[data-search-empty]').textContent()).toContain('Entfernen Sie einen Filter');
		expect(await p.getByRole('link', { name: 'Einrichtungen' }).last().isVisible()).toBe(true);
		await p.getByRole('button', { name: 'Alle Filter entfernen' }).click();
		await p.waitForURL(`${baseUrl}/suche/?q=Kita`);
		await settled(p);
		expect(await p.locator('.search-result').count()).toBeGreaterThan(0);
		expect(await p.locator('[data-search-empty]').isHidden()).toBe(true);
		expect(errors).toEqual([]);
	});

	test('keyboard only: search, filter and load more results; focus goes to the first new result', async () => {
		const { page, errors } = await watchedContext(chromium.browser, desktop);
		const p = await page();
		await p.goto(`${baseUrl}/suche/`);
		await settled(p);
		// Counts the searches the page starts (each says „läuft" while it runs).
		await p.evaluate(() => {
			const status = document.querySelector('search-page [data-search-status]')!;
			Object.assign(window, { searches: 0 });
			new MutationObserver(() => {
				if (status.textContent?.includes('läuft')) Object.assign(window, { searches: (window as unknown as { searches: number }).searches + 1 });
			}).observe(status, { childList: true, characterData: true, subtree: true });
		});
		await p.focus('#suche-q');
		await p.keyboard.type('Kinder');
		await p.keyboard.press('Enter');
		await p.waitForURL(/q=Kinder/);
		await settled(p);
		// Enter searched at once; the search that waited for typing to pause does not start over later. That can only be
		// shown by letting its pause (250 ms, SearchPage.astro) pass: a timer the page sets now for longer runs after it
		// however slow the machine is.
		await p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
		expect(await p.evaluate(() => (window as unknown as { searches: number }).searches)).toBe(1);
		const total = Number((await p.locator('search-page [data-search-status]').textContent())?.match(/^\d+/)?.[0]);
		expect(total).toBeGreaterThan(10);
		expect(await p.locator('.search-result').count()).toBe(10);
		await p.focus('[data-search-more]');
		await p.keyboard.press('Enter');
		await p.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
		expect(await p.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10])).toBe(true);
		// A filter chosen with the arrow keys.
		await p.focus('#suche-typ');
		await p.keyboard.press('ArrowDown');
		await p.waitForURL(/typ=/);
		await settled(p);
		expect(await p.inputValue('#suche-typ')).not.toBe('');
		expect(errors).toEqual([]);
	});

	test('the result count is announced in a live region; axe finds nothing with results shown', async () => {
		const { page, foreign, errors } = await watchedContext(chromium.browser, phone);
		const p = await page();
		await p.goto(`${baseUrl}/suche/?q=platz`);
		await settled(p);
		const status = p.locator('search-page [data-search-status]');
		expect(await status.getAttribute('role')).toBe('status');
		expect(await status.textContent()).toMatch(/^\d+ Treffer für „platz"$/);
		expect(await p.locator('.search-result').count()).toBeGreaterThan(0);
		const axe = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await openHeaderSearch(p);
		await p.fill('#site-search-q', 'Kita');
		await p.waitForSelector('site-search [data-search-panel]:not([hidden]) a');
		const withPanel = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
		expect(withPanel.violations.map((v) => v.id)).toEqual([]);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('without JavaScript the page explains what to do and lists the sections', async () => {
		const { page } = await watchedContext(chromium.browser, { ...desktop, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${baseUrl}/suche/?q=Kita`);
		expect(await p.locator('main').textContent()).toContain('Die Suche braucht JavaScript');
		for (const section of ['Aktuelles', 'Projekte', 'Termine', 'Einrichtungen', 'Dokumente']) {
			expect(await p.locator('[data-search-sections]').getByRole('link', { name: section, exact: true }).isVisible()).toBe(true);
		}
		expect(await p.locator('[data-search-filters]').isHidden()).toBe(true);
	});
});
