/**
 * The page's order and hierarchy as residents see it: a header that leaves room for the page, headings that
 * differ in size on a phone, a project's key facts before its story, a facility list a wide screen can survey.
 */
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedContext, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

/** Font size in pixels of the first visible element matching each selector (undefined when there is none). */
const fontSizes = (p: Page, selectors: string[]) =>
	p.evaluate(
		(list) =>
			list.map((selector) => {
				const element = [...document.querySelectorAll<HTMLElement>(`main ${selector}`)].find((e) => e.offsetParent !== null && !e.closest('.visually-hidden'));
				return element ? parseFloat(getComputedStyle(element).fontSize) : undefined;
			}),
		selectors,
	);

describe('hierarchy', () => {
	test('on a wide screen the header is one row: at most 140 px without the sample notice, the H1 right below', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		for (const path of ['/', '/projekte/', '/einrichtungen/', '/kontakt/']) {
			await p.goto(`${baseUrl}${path}`);
			const header = await p.locator('.site-header').boundingBox();
			expect(header?.height, path).toBeLessThanOrEqual(140);
			// Brand, navigation and search share one row.
			const tops = await p.locator('.site-header :is(.brand, .site-nav a, [data-search-toggle])').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => Math.round(e.getBoundingClientRect().top)));
			expect(Math.max(...tops) - Math.min(...tops), path).toBeLessThan(40);
			const notice = (await p.locator('.sample-banner').boundingBox())?.height ?? 0;
			const h1 = await p.locator('main h1').first().boundingBox();
			expect((h1?.y ?? 999) - notice, path).toBeLessThanOrEqual(200);
		}
	});

	test('at 360 px each heading level is larger than the next, on every template that has them', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		let compared = 0;
		for (const path of ['/', '/projekte/muehlenpark-neugestaltung/', '/aktuelles/hofbegruenung-bewilligt/', '/einrichtungen/', '/kontakt/', '/foerderung/', '/mitmachen/']) {
			await p.goto(`${baseUrl}${path}`);
			const [h1, h2, h3] = await fontSizes(p, ['h1', 'h2', 'h3']);
			expect(h1, path).toBeGreaterThan(h2 ?? 0);
			if (h2 && h3) {
				expect(h2, path).toBeGreaterThan(h3);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(3);
	});

	test('running text stays under 75 characters per line on a wide screen', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		for (const path of ['/projekte/muehlenpark-neugestaltung/', '/aktuelles/hofbegruenung-bewilligt/', '/einrichtungen/familienzentrum-lindenhof/']) {
			await p.goto(`${baseUrl}${path}`);
			// Every character's box, grouped by the line it sits on: the longest line of the first paragraphs.
			const longest = await p.locator('main .prose p, main article > p:not(.lead), main article > div[lang] > p, main article > div:not([class]) > p').evaluateAll((paragraphs) => {
				let max = 0;
				for (const el of paragraphs.slice(0, 3)) {
					const perLine = new Map<number, number>();
					const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						for (let i = 0; i < (node.textContent?.length ?? 0); i++) {
							const range = document.createRange();
							range.setStart(node, i);
							range.setEnd(node, i + 1);
							const rect = range.getClientRects()[0];
							if (rect) perLine.set(Math.round(rect.top), (perLine.get(Math.round(rect.top)) ?? 0) + 1);
						}
					}
					max = Math.max(max, ...perLine.values());
				}
				return max;
			});
			expect(longest, path).toBeGreaterThan(40);
			expect(longest, path).toBeLessThanOrEqual(75);
		}
	});
});

describe('key facts first on a phone', () => {
	test('a project at 360 px shows status, current step, funding and contact above the first paragraph of its story', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/muehlenpark-neugestaltung/`);
		const facts = await p.locator('dl.key-facts').boundingBox();
		const story = await p.locator('main .prose p').first().boundingBox();
		expect(facts && story).toBeTruthy();
		expect((facts?.y ?? 0) + (facts?.height ?? 0)).toBeLessThanOrEqual(story?.y ?? 0);
		const terms = await p.locator('dl.key-facts dt').allTextContents();
		expect(terms).toEqual(expect.arrayContaining(['Stand', 'Förderung', 'Ansprechperson']));
		// The funding line and the contact carry values, not only labels.
		expect(await p.locator('dl.key-facts').innerText()).toMatch(/€/);
	});

	test('a facility at 360 px shows its address, today\'s hours and phone above its story', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/kita-sonnenblume/`);
		const facts = await p.locator('dl.key-facts').boundingBox();
		const story = await p.locator('main .prose p').first().boundingBox();
		expect((facts?.y ?? 0) + (facts?.height ?? 0)).toBeLessThanOrEqual(story?.y ?? 0);
		// They begin on the first screen of a phone, well before its end.
		expect(facts?.y ?? 740).toBeLessThanOrEqual(600);
		const text = await p.locator('dl.key-facts').innerText();
		expect(text).toContain('Lindenhofstraße');
		expect(text).toMatch(/Heute \((Mo|Di|Mi|Do|Fr|Sa|So)\): /);
		expect(await p.locator('dl.key-facts a[href^="tel:"]').count()).toBe(1);
	});

	test('Kontakt at 360 px opens with the office: address, hours and step-free access before the team', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/kontakt/`);
		const text = await p.locator('main').innerText();
		const office = text.indexOf('Mühlgasse 14');
		const team = text.indexOf('Unser Team');
		expect(office).toBeGreaterThan(-1);
		expect(office).toBeLessThan(team);
		expect(text.slice(0, team)).toContain('Ohne Stufen ins Büro');
	});
});

describe('names in German on pages in other languages', () => {
	test('on an Arabic page at 360 px a facility\'s German name in the H1 is marked German, runs left to right and may be hyphenated', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/ar/einrichtungen/migrationsberatung-bruecke/`);
		expect(await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
		const h1 = p.locator('main h1');
		expect(await h1.innerText()).toBe('Migrationsberatung Brücke');
		// The browser picks the hyphenation rules by the element's language: German ones for the German name (with
		// Arabic ones it could only break „Migrationsberatung" anywhere, without a hyphen).
		const style = await h1.evaluate((el) => ({ lang: el.closest('[lang]')?.getAttribute('lang'), hyphens: getComputedStyle(el).hyphens, direction: getComputedStyle(el).direction }));
		expect(style).toEqual({ lang: 'de', hyphens: 'auto', direction: 'ltr' });
	});
});

describe('facilities', () => {
	test('the 42 sample facilities fit in under 5,000 px at 1280 px, as compact entries', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/`);
		await p.locator('.finder').waitFor();
		expect(await p.locator('li[data-facility]').count()).toBe(42);
		// One small map button per entry, named after its facility; the map script reveals them once it runs.
		await expect.poll(() => p.getByRole('button', { name: /^Auf der Karte zeigen: / }).count(), { timeout: 20_000 }).toBe(42);
		// Measured with the buttons shown.
		expect(await p.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5000);
	});
});
