/**
 * The site in other languages as a resident meets it: the switcher leads to the same page; Arabic mirrors the
 * layout (the header's first item at the right edge, the menu opening from there); a page not translated yet says so.
 */
import { existsSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedContext, useBrowser } from '../helpers/browser';
import { entryFiles, readData } from '../helpers/content';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

describe('languages', () => {
	test('the switcher leads to the same page in the other language and back', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/hofbegruenung-weberstrasse/`);
		const switcher = p.getByRole('navigation', { name: 'Sprache' });
		expect(await switcher.getByRole('link').allInnerTexts()).toEqual(['Deutsch', 'English', 'Türkçe', 'العربية']);
		expect(await switcher.getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current')).toBe('true');

		await switcher.getByRole('link', { name: 'Türkçe' }).click();
		await p.waitForURL(`${baseUrl}/tr/projekte/hofbegruenung-weberstrasse/`);
		expect(await p.locator('html').getAttribute('lang')).toBe('tr');
		// The frame in Turkish, the project's text in German with a notice that leads back.
		expect(await p.getByRole('navigation', { name: 'Buradasınız' }).getByRole('link').first().textContent()).toBe('Ana sayfa');
		expect(await p.locator('.translation-notice').textContent()).toContain('Bu sayfa henüz Türkçe olarak mevcut değil.');
		expect(await p.locator('h1').getAttribute('lang')).toBe('de');

		// A link in the page stays in Turkish.
		await p.getByRole('navigation', { name: 'Buradasınız' }).getByRole('link', { name: 'Projeler' }).click();
		await p.waitForURL(`${baseUrl}/tr/projekte/`);
		await p.getByRole('navigation', { name: 'Dil' }).getByRole('link', { name: 'العربية' }).click();
		await p.waitForURL(`${baseUrl}/ar/projekte/`);
		expect(await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
		await p.getByRole('navigation', { name: 'اللغة' }).getByRole('link', { name: 'Deutsch' }).click();
		await p.waitForURL(`${baseUrl}/projekte/`);
		expect(await p.locator('html').getAttribute('lang')).toBe('de');
		expect(errors).toEqual([]);
	});

	test('Arabic mirrors the layout: the header starts at the right edge, on a phone and a wide screen', async () => {
		for (const width of [360, 1280]) {
			const { page, errors } = await watchedContext(chromium.browser, { viewport: { width, height: 800 } });
			const p = await page();
			await p.goto(`${baseUrl}/ar/kontakt/`);
			const boxes = await p.evaluate(() => {
				const box = (selector: string) => {
					const r = document.querySelector(selector)!.getBoundingClientRect();
					return { left: r.left, right: r.right };
				};
				return { container: box('.site-header__bar'), brand: box('.brand > span'), toggle: box('.nav-toggle'), h1: box('main h1') };
			});
			// The office's name, the header's first item, ends at the right edge of the row; the H1 starts there too.
			expect(Math.abs(boxes.brand.right - boxes.container.right), `${width}`).toBeLessThan(2);
			expect(Math.abs(boxes.h1.right - boxes.container.right), `${width}`).toBeLessThan(2);
			// On a phone „Menü" leads the second row from the right; on a wide screen everything else stands left of the name.
			if (width === 360) expect(Math.abs(boxes.toggle.right - boxes.container.right)).toBeLessThan(2);
			const rest = await p.locator('.site-header__bar > :not(.brand)').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect().right));
			const brandLeft = boxes.brand.left;
			if (width === 1280) for (const right of rest) expect(right).toBeLessThanOrEqual(brandLeft + 1);
			expect(errors).toEqual([]);
		}
	});

	test('the facilities in Turkish: the finder and the map name categories in Turkish, facility names stay German and marked so', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/tr/einrichtungen/`);
		await p.locator('.leaflet-marker-icon').first().waitFor();
		const kitas = entryFiles('einrichtungen').filter((file) => (readData(file) as { category: string }).category === 'kita').map((file) => file.replace(/^.*\/|\.md$/g, '')).sort();
		// „Kreş" is the Turkish word for the category: the finder finds the Kitas by it.
		await p.getByLabel('Ad, sokak veya anahtar kelime').fill('Kreş');
		await expect.poll(() => p.locator('li[data-facility]:visible').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.facility).sort())).toEqual(kitas);
		const first = p.locator(`li[data-facility="${kitas[0]}"]`);
		const name = (await first.locator('h3').textContent())?.trim() ?? '';
		expect([await first.locator('h3').getAttribute('lang'), await first.locator('h3').getAttribute('dir')]).toEqual(['de', 'ltr']);
		expect(await first.locator('.show-on-map .visually-hidden [lang="de"]').textContent()).toBe(name);
		// The marker and its popup say the category in Turkish.
		const marker = p.locator(`.leaflet-marker-icon[aria-label="${name}, Kreş"]`);
		await first.getByRole('button', { name: /^Haritada/ }).click();
		await expect.poll(() => p.locator('.leaflet-popup-content p').nth(1).textContent()).toMatch(/^Kreş/);
		expect(await p.locator('.leaflet-popup-content a').textContent()).toBe(name);
		expect(await p.locator('.leaflet-popup-content a').getAttribute('lang')).toBe('de');
		expect(await marker.count()).toBe(1);
		expect(errors).toEqual([]);
	});

	test('on an Arabic phone the menu opens, its first item at the right', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/ar/`);
		await p.getByRole('button', { name: 'القائمة' }).click();
		const first = p.getByRole('navigation', { name: await p.locator('#site-nav').getAttribute('aria-label') ?? '' }).getByRole('link').first();
		await first.waitFor();
		const [link, nav] = await Promise.all([first.boundingBox(), p.locator('#site-nav').boundingBox()]);
		expect(Math.abs((link?.x ?? 0) + (link?.width ?? 0) - ((nav?.x ?? 0) + (nav?.width ?? 0)))).toBeLessThan(24);
		expect(await first.getAttribute('href')).toBe('/ar/aktuelles/');
		expect(errors).toEqual([]);
	});
});

describe('search in the reader\'s language', () => {
	/** The results on the search page: path, and the language the title is marked with (German fallbacks). */
	async function searchOn(p: Page, locale: string, query: string) {
		await p.goto(`${baseUrl}/${locale}/suche/?q=${encodeURIComponent(query)}`);
		await p.waitForFunction(() => document.querySelectorAll('.search-result').length > 0 || /\b0\b/.test(document.querySelector('search-page [data-search-status]')?.textContent ?? ''), undefined, { timeout: 20_000 });
		return p.locator('.search-result h2').evaluateAll((headings) => headings.map((h) => ({ path: new URL((h.querySelector('a') as HTMLAnchorElement).href).pathname, lang: h.getAttribute('lang') })));
	}
	/** The longest word of a translation's title in the given script. */
	const wordOf = (file: string, script: RegExp) => ((readData(file) as { title: string }).title.match(script) ?? []).sort((a, b) => b.length - a.length)[0] ?? '';

	test('on /tr/ and /ar/ a word of the language finds the translated page', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		for (const [locale, script] of [['tr', /[\p{Script=Latin}]+/gu], ['ar', /[\p{Script=Arabic}]+/gu]] as const) {
			const word = wordOf(`content/projekte/muehlenpark-neugestaltung.${locale}.md`, script);
			expect(word.length, locale).toBeGreaterThan(3);
			const results = await searchOn(p, locale, word);
			expect(results.map((r) => r.path), `${locale}: ${word}`).toContain(`/${locale}/projekte/muehlenpark-neugestaltung/`);
			expect(results.every((r) => r.path.startsWith(`/${locale}/`)), locale).toBe(true);
		}
		expect(errors).toEqual([]);
	});

	test('German pages not translated yet come after the reader\'s language, at its addresses, marked German', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		const results = await searchOn(p, 'tr', 'Mühlenpark');
		const firstGerman = results.findIndex((r) => r.lang === 'de');
		expect(firstGerman).toBeGreaterThan(0);
		expect(results.slice(firstGerman).every((r) => r.lang === 'de')).toBe(true);
		// Every result is at its Turkish address – except news items not translated into Turkish: they exist in German only
		// (src/lib/page-languages.ts) and are linked there.
		const germanOnly = results.filter((r) => !r.path.startsWith('/tr/'));
		expect(germanOnly.length).toBeGreaterThan(0);
		for (const r of germanOnly) {
			expect(r.lang, r.path).toBe('de');
			expect(r.path).toMatch(/^\/aktuelles\/[^/]+\/$/);
			expect(existsSync(`content/aktuelles/${r.path.split('/')[2]}.tr.md`), r.path).toBe(false);
		}
		expect(new Set(results.map((r) => r.path)).size).toBe(results.length);
		// Own-language results are the translated pages; the German ones are not translated into Turkish.
		expect(results.slice(0, firstGerman).map((r) => r.path)).toContain('/tr/projekte/muehlenpark-neugestaltung/');
		expect(results.slice(firstGerman).map((r) => r.path)).not.toContain('/tr/projekte/muehlenpark-neugestaltung/');
		// A German result leads to the page in the Turkish frame, with the notice.
		await p.locator('.search-result h2[lang="de"] a[href^="/tr/"]').first().click();
		await p.waitForURL(/\/tr\//);
		expect(await p.locator('.translation-notice').count()).toBe(1);
		expect(errors).toEqual([]);
	});
});

describe('Leichte Sprache and Gebärdensprache (BITV 2.0 § 4)', () => {
	test('every page links both from its header, in the reader\'s language; they lead to the German pages', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/ar/kontakt/`);
		await p.locator('.access-links').getByRole('link', { name: 'الألمانية المبسطة' }).click();
		await p.waitForURL(`${baseUrl}/leichte-sprache/`);
		expect(await p.locator('html').getAttribute('lang')).toBe('de');
		// Key points with a picture each, in large type.
		const points = p.locator('.plain__point');
		expect(await points.count()).toBe(4);
		for (const point of await points.all()) expect(await point.locator('svg[aria-hidden="true"] path').count()).toBe(1);
		expect(await points.first().locator('p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
		expect(await p.locator('.plain__point h2').allTextContents()).toEqual(['Was ist auf dieser Internet-Seite?', 'So finden Sie sich zurecht', 'Barriere-Freiheit', 'Mehr in Leichter Sprache']);
		// The other pages in Leichte Sprache and the videos are linked from the overview.
		await p.getByRole('navigation', { name: 'Mehr in Leichter Sprache' }).getByRole('link', { name: 'Kontakt' }).click();
		await p.waitForURL(`${baseUrl}/leichte-sprache/kontakt/`);
		expect(await p.locator('h1').textContent()).toBe('Kontakt');
		await p.locator('.access-links').getByRole('link', { name: /Gebärden/ }).click();
		await p.waitForURL(`${baseUrl}/gebaerdensprache/`);
		expect(errors).toEqual([]);
	});

	test('the sign-language videos: self-hosted, poster, German captions, download with size and playing time, and they play', async () => {
		const { page, errors, foreign } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/gebaerdensprache/`);
		const videos = p.locator('.sign-video');
		expect(await videos.locator('h2').allTextContents()).toEqual(['Was steht auf dieser Website?', 'So finden Sie sich zurecht', 'Erklärung zur Barrierefreiheit', 'Mehr in Gebärdensprache und Leichter Sprache']);
		for (const section of await videos.all()) {
			const video = section.locator('video');
			const [poster, source, track, width, height] = await Promise.all([
				video.getAttribute('poster'),
				video.locator('source').getAttribute('src'),
				video.locator('track[kind="captions"][srclang="de"]').getAttribute('src'),
				video.getAttribute('width'),
				video.getAttribute('height'),
			]);
			expect(Number(width)).toBeGreaterThanOrEqual(320);
			expect(Number(height)).toBeGreaterThanOrEqual(240);
			for (const file of [poster, source, track]) expect((await p.request.get(`${baseUrl}${file}`)).status(), String(file)).toBe(200);
			expect(await (await p.request.get(`${baseUrl}${track}`)).text()).toMatch(/^WEBVTT\n/);
			// The download names format, size and playing time.
			const size = (await (await p.request.get(`${baseUrl}${source}`)).body()).length;
			const download = section.locator('.sign-video__facts a[download]');
			expect(await download.getAttribute('href')).toBe(source);
			expect(await download.textContent()).toBe(`Video herunterladen (WEBM, ${Math.round(size / 1000)} KB, 0:06 Min.)`);
			expect(await section.locator('.sign-video__facts').textContent()).toContain(`Bildgröße ${width} × ${height} Pixel, 25 Bilder je Sekunde`);
			expect(await section.locator('.sign-video__placeholder').count()).toBe(1);
			expect(await section.locator('details summary').textContent()).toBe('Abschrift auf Deutsch');
		}
		// The first film really plays in the browser, with its captions.
		const first = videos.first().locator('video');
		await first.evaluate((v: HTMLVideoElement) => {
			v.muted = true;
			return v.play();
		});
		await expect.poll(() => first.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.2);
		expect(await first.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight, v.textTracks[0]?.language])).toEqual([480, 360, 'de']);
		expect(errors).toEqual([]);
		expect(foreign).toEqual([]);
	});
});
