/**
 * A district with more facilities than the page lists itself, and with its own map file (PMTiles, vector):
 * the page lists categories, the finder shows matches a few at a time, each category page lists everything
 * without JavaScript, and the map draws its background from the site itself without asking for consent.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchedContext } from '../helpers/browser';
import { mapReady } from '../helpers/map';
import { readData } from '../helpers/content';
import { mvtTile, writePmtiles } from '../helpers/pmtiles';
import { runAstro } from '../helpers/run';
import { serveStatic, type Running } from '../helpers/servers';
import { synthesizeFacilities } from '../../scripts/synthetic-facilities.mjs';
import { FULL_LIST_LIMIT, RESULTS_PAGE } from '../../src/lib/map-data';

const COUNT = FULL_LIST_LIMIT + 20;
/** Waits for a state of the page (the finder and the map wait for their data: with both cores busy, longer than a poll's default second). */
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
let work = '';
let site: Running & { requests: string[] };
let browser: Browser;
let kitas = 0;
let somewhere = { id: '', lat: 0, lng: 0 };

beforeAll(async () => {
	work = mkdtempSync(path.join(tmpdir(), 'quartier-scale-'));
	const content = path.join(work, 'content');
	cpSync('content', content, { recursive: true });
	synthesizeFacilities(content, COUNT);
	const folder = path.join(content, 'einrichtungen');
	const spot = readData(path.join(folder, 'ort-123.md')) as { coordinates: { lat: number; lng: number } };
	somewhere = { id: 'ort-123', ...spot.coordinates };
	kitas = readdirSync(folder).filter((file) => (readData(path.join(folder, file)) as { category: string }).category === 'kita').length;
	// One Kita without known hours: its entry says so (the finder copies the other form of the entry).
	const withoutHours = path.join(folder, 'kita-pusteblume.md');
	writeFileSync(withoutHours, readFileSync(withoutHours, 'utf8').replace(/^openingHours: .*\n/m, ''));

	// A vector map of the district: land, a pond and a street in every tile. protomaps-leaflet reads data one
	// zoom level below the map's, so the file starts at 11 for a map that starts at 12.
	const publicDir = path.join(work, 'public');
	cpSync('public', publicDir, { recursive: true });
	mkdirSync(path.join(publicDir, 'karte'));
	const tile = mvtTile([
		{ name: 'earth', features: [{ type: 'Polygon', coordinates: [[0, 0], [4096, 0], [4096, 4096], [0, 4096]], properties: { kind: 'earth' } }] },
		{ name: 'water', features: [{ type: 'Polygon', coordinates: [[1000, 1000], [3000, 1000], [3000, 3000], [1000, 3000]], properties: { kind: 'water' } }] },
		{ name: 'roads', features: [{ type: 'LineString', coordinates: [[0, 2048], [4096, 2048]], properties: { kind: 'major_road', name: 'Teststraße' } }] },
	]);
	writePmtiles(path.join(publicDir, 'karte', 'test.pmtiles'), { tileType: 'mvt', minZoom: 11, maxZoom: 16, bounds: { west: 12.39, south: 51.335, east: 12.425, north: 51.357 }, tile: () => tile });
	const settingsFile = path.join(content, 'settings', 'quartier.yaml');
	writeFileSync(settingsFile, readFileSync(settingsFile, 'utf8').replace(/^map:\n/m, 'map:\n  pmtiles: /karte/test.pmtiles\n  pmtilesAttribution: © Test-Kartendaten\n'));

	const outDir = path.join(work, 'dist');
	const build = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: content, QUARTIER_PUBLIC_DIR: publicDir });
	if (build.code !== 0) throw new Error(build.output);
	site = await serveStatic(outDir);
	browser = await launch();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await site?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('own map file (PMTiles)', () => {
	test('the background comes from the site itself, right away, without a consent button', async () => {
		const { page, foreign, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		site.requests.length = 0;
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.map-cluster').first().waitFor();
		expect(await p.getByRole('button', { name: 'Detailkarte von OpenStreetMap laden' }).count()).toBe(0);
		// Ready: the map file's header has been read and its layer added.
		await mapReady(p);
		// The tiles are drawn: a canvas pixel in the middle of a tile is opaque.
		await p.waitForFunction(() =>
			[...document.querySelectorAll<HTMLCanvasElement>('canvas.leaflet-tile')].some(
				(c) => c.width > 0 && (c.getContext('2d')?.getImageData(c.width / 2, c.height / 4, 1, 1).data[3] ?? 0) > 0,
			),
		);
		// The header and the tiles came from the site itself, in ranges of the one file.
		expect(site.requests.filter((r) => /^\/karte\/test\.pmtiles bytes=\d+-\d+$/.test(r)).length).toBeGreaterThan(1);
		expect(await p.locator('.leaflet-control-attribution').textContent()).toContain('© Test-Kartendaten');
		expect((await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
		// The first page of the run, drawn from vector tiles and checked by axe: more than a minute when both cores are busy.
	}, 150_000);
});

describe('more facilities than one page lists', () => {
	test('on a phone a marker brings its entry into view, though entries off screen are not laid out yet; axe finds nothing', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await until(() => p.locator('[data-result-list] > li').count()).toBe(RESULTS_PAGE);
		const entry = p.locator('[data-result-list] > li').nth(12);
		const name = (await entry.locator('h3').textContent()) ?? '';
		await mapReady(p);
		await entry.getByRole('button', { name: /^Auf der Karte zeigen: / }).click();
		await until(() => p.locator('.leaflet-popup-content').textContent()).toContain(name);
		await p.keyboard.press('Escape');
		await p.evaluate(() => window.scrollTo(0, 0));
		await p.locator(`.leaflet-marker-icon[aria-label^="${name}, "]`).dispatchEvent('click');
		await until(() => entry.evaluate((li) => li.classList.contains('is-selected'))).toBe(true);
		const inView = () => entry.evaluate((li) => ((box) => box.top >= -1 && box.bottom <= innerHeight + 1)(li.getBoundingClientRect()));
		await until(inView).toBe(true);
		// The popup is open with its link focused (the keyboard was used last): axe checks that state too.
		expect(await p.evaluate(() => document.activeElement?.closest('.leaflet-popup') !== null)).toBe(true);
		// Leaflet fades popups in; axe measures contrast once the popup is fully shown.
		await until(() => p.locator('.leaflet-popup').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
		expect((await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a filter changes list and map in the same task: groups count only the places that pass, and no other place shows', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.map-cluster').first().waitFor();
		await until(() => p.locator('[data-status]').textContent()).toBe(`${COUNT} Einrichtungen`);
		// The filters are open on a wide screen.
		/** Ticks or unticks the Kita box and reads list and map in the same task, before any frame is drawn. */
		const toggleKita = () =>
			p.evaluate(() => {
				document.querySelector<HTMLInputElement>('input[name="kategorie"][value="kita"]')!.click();
				const groups = [...document.querySelectorAll('.map-cluster')];
				return {
					status: document.querySelector('[data-status]')!.textContent,
					groups: groups.map((group) => ({ number: Number(group.textContent), label: group.getAttribute('aria-label') ?? '' })),
					markers: [...document.querySelectorAll('.map-marker')].map((marker) => marker.getAttribute('aria-label') ?? ''),
				};
			});
		const shown = (map: { groups: { number: number }[]; markers: string[] }) => map.groups.reduce((sum, group) => sum + group.number, 0) + map.markers.length;

		const filtered = await toggleKita();
		expect(filtered.status).toBe(`${kitas} von ${COUNT} Einrichtungen`);
		expect(shown(filtered)).toBe(kitas);
		for (const name of filtered.markers) expect(name).toMatch(/, Kita$/);
		// A group names the number it shows; one that holds a single Kita shows that Kita instead.
		for (const group of filtered.groups) {
			expect(group.number).toBeGreaterThan(1);
			expect(group.label).toBe(`${group.number} Einrichtungen – Gruppe vergrößern`);
		}

		const all = await toggleKita();
		expect(all.status).toBe(`${COUNT} Einrichtungen`);
		expect(shown(all)).toBe(COUNT);

		// Opening a group under the filter shows only Kitas again.
		await toggleKita();
		await p.locator('.map-cluster').first().focus();
		await p.keyboard.press('Enter');
		await until(() => p.locator('.map-marker').count()).toBeGreaterThan(0);
		for (const name of await p.locator('.map-marker').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))) expect(name).toMatch(/, Kita$/);
		expect(errors).toEqual([]);
	});

	test('the page lists the categories; the finder shows matches a few at a time and continues where the new ones start', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		// The status line says the same before and after the finder starts (it is in the HTML): wait for the list.
		await until(() => p.locator('[data-result-list] > li').count()).toBe(RESULTS_PAGE);
		expect(await p.locator('[data-status]').textContent()).toBe(`${COUNT} Einrichtungen`);
		// By keyboard. In one full run under load a pointer click left the list at 20 entries; likely cause: entries
		// above the button get their real size as they come near the view and move the button under the pointer.
		await p.getByRole('button', { name: `Weitere ${RESULTS_PAGE} von ${COUNT - RESULTS_PAGE} anzeigen` }).focus();
		await p.keyboard.press('Enter');
		expect(await p.locator('[data-result-list] > li').count()).toBe(2 * RESULTS_PAGE);
		// Focus moved to the first new entry.
		expect(await p.evaluate((first) => document.activeElement?.closest('li') === document.querySelectorAll('[data-result-list] > li')[first], RESULTS_PAGE)).toBe(true);

		// The filters are open on a wide screen.
		await p.getByRole('checkbox', { name: /^Kitas/ }).check();
		await until(() => p.locator('[data-status]').textContent()).toBe(`${kitas} von ${COUNT} Einrichtungen`);
		expect(await p.locator('[data-result-list] > li').count()).toBe(Math.min(kitas, RESULTS_PAGE));
		// An entry the finder wrote shows its place on the map like a server-rendered one.
		await mapReady(p);
		await p.locator('[data-result-list] > li').first().getByRole('button', { name: /^Auf der Karte zeigen: / }).click();
		await until(() => p.locator('.leaflet-popup-content a').count()).toBe(1);
		expect(errors).toEqual([]);
	});

	test('an entry the finder writes is the entry the server renders, in German and in Arabic', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		// Both pages read today's hours for the same day.
		await p.clock.install({ time: new Date('2026-12-02T10:00:00Z') });
		/** Each entry's markup, by facility, with what a map changes taken out: its button is revealed where a map is. */
		const entries = (selector: string) =>
			p.locator(selector).evaluateAll((items) =>
				items.map((li) => {
					const copy = li.cloneNode(true) as HTMLElement;
					copy.querySelector('[data-show-on-map]')?.removeAttribute('hidden');
					// The page renders a component's script where the component first appears: inside the first entry.
					for (const script of copy.querySelectorAll('script')) script.remove();
					const foot = copy.querySelector('.facility__foot > span')?.textContent ?? '';
					return { id: (li as HTMLElement).dataset.facility ?? '', foot, html: copy.outerHTML.replace(/>\s+</g, '><') };
				}),
			);
		for (const lang of ['de', 'ar']) {
			const prefix = lang === 'de' ? '' : `/${lang}`;
			const category = (readData(`content/kategorien/kita.${lang}.yaml`) as { label: string }).label;
			await p.goto(`${site.url}${prefix}/einrichtungen/kategorie/kita/`);
			const server = new Map((await entries('li[data-facility]')).map((entry) => [entry.id, entry]));
			expect(server.size).toBe(kitas);
			// The hours line in both forms, written for the visitor's day.
			expect(server.get('kita-pusteblume')?.html).toContain('<span class="open-today">');
			expect(server.get('kita-sonnenblume')?.html).toMatch(/<open-today [^>]*>[^<]+<\/open-today>/);

			await p.goto(`${site.url}${prefix}/einrichtungen/?kategorie=kita`);
			const list = p.locator('[data-result-list] > li');
			await until(() => list.count()).toBe(Math.min(kitas, RESULTS_PAGE));
			const more = p.locator('[data-more]');
			for (let shown = RESULTS_PAGE; shown < kitas; shown += RESULTS_PAGE) {
				await more.focus();
				await p.keyboard.press('Enter');
				await until(() => list.count()).toBe(Math.min(kitas, shown + RESULTS_PAGE));
			}
			expect(await more.isHidden()).toBe(true);
			const written = await entries('[data-result-list] > li');
			expect(written.map((entry) => entry.id).sort()).toEqual([...server.keys()].sort());
			for (const entry of written) {
				const twin = server.get(entry.id)!;
				// Its matches mix categories: the finder's entry names the category before the street.
				expect(entry.foot, entry.id).toBe(`${category} · ${twin.foot}`);
				expect(entry.html.replace(`<span>${category} · `, '<span>'), `${lang} ${entry.id}`).toBe(twin.html);
			}
		}
		expect(errors).toEqual([]);
	});

	test('the nearest first works across all matches, not only the ones shown', async () => {
		const { page, context } = await watchedContext(browser, { viewport: { width: 360, height: 740 }, geolocation: { latitude: somewhere.lat, longitude: somewhere.lng }, permissions: ['geolocation'] });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await p.getByRole('button', { name: 'Nächste zuerst: meinen Standort verwenden' }).click();
		await until(() => p.locator('[data-status]').textContent()).toBe(`${COUNT} Einrichtungen, die nächsten zuerst`);
		expect(await p.locator('[data-result-list] > li').first().getAttribute('data-facility')).toBe(somewhere.id);
		expect(await p.locator('[data-result-list] > li [data-distance]').first().textContent()).toBe('etwa 50 m entfernt');
		await context.close();
	});

	test('without JavaScript the page links to category pages, and each lists all its facilities', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		expect(await p.locator('li[data-facility]').count()).toBe(0);
		await p.getByRole('link', { name: `Kitas (${kitas})` }).click();
		await p.waitForURL(`${site.url}/einrichtungen/kategorie/kita/`);
		expect(await p.locator('li[data-facility]').count()).toBe(kitas);
		expect(await p.locator('h1').textContent()).toBe('Alle Kitas im Quartier');
	});
});
