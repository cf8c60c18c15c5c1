/**
 * The facility map, built with a test settings file whose tile URL points at a stub tile server on 127.0.0.1:
 * nothing is requested before consent; after consent tiles come from the stub; withdrawing stops them; list and
 * map stay in sync; markers work by keyboard; axe finds nothing before consent, after it and with a popup open.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedContext } from '../helpers/browser';
import { mapAtRest, mapReady } from '../helpers/map';
import { entryFiles, readData } from '../helpers/content';
import { runAstro } from '../helpers/run';
import { serveStatic, serveTiles, type Running } from '../helpers/servers';

let work = '';
let site: Awaited<ReturnType<typeof serveStatic>>;
let tiles: Running & { requests: string[] };
let browser: Browser;

beforeAll(async () => {
	tiles = await serveTiles();
	work = mkdtempSync(path.join(tmpdir(), 'quartier-map-'));
	const content = path.join(work, 'content');
	cpSync('content', content, { recursive: true });
	const settingsFile = path.join(content, 'settings', 'quartier.yaml');
	writeFileSync(settingsFile, readFileSync(settingsFile, 'utf8').replace(/url: https:\/\/tile\.openstreetmap\.org\/\{z\}\/\{x\}\/\{y\}\.png/, `url: ${tiles.url}/{z}/{x}/{y}.png`));
	const outDir = path.join(work, 'dist');
	// A fixed build time, so the same events count as upcoming on any day the tests run.
	const build = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: content, QUARTIER_NOW: '2026-12-01T09:00:00Z' });
	if (build.code !== 0) throw new Error(build.output);
	site = await serveStatic(outDir);
	browser = await launch();
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await site?.close();
	await tiles?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

const axe = async (page: Page) =>
	(await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('consent first', () => {
	test('no tiles before consent; tiles from the configured server after it; none after withdrawing', async () => {
		const { page, foreign, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		tiles.requests.length = 0;
		await p.goto(`${site.url}/einrichtungen/`);
		// Ready: the detail map has been set up (and asked for consent), so a tile layer would exist by now.
		await mapReady(p);
		expect(await p.locator('.leaflet-tile').count()).toBe(0);
		expect(tiles.requests).toEqual([]);
		expect(await axe(p)).toEqual([]);

		await p.getByRole('button', { name: 'Detailkarte von OpenStreetMap laden' }).click();
		// A tile that has loaded came from the stub server, which noted the request first.
		await p.locator('.leaflet-tile-loaded').first().waitFor();
		expect(tiles.requests.length).toBeGreaterThan(0);
		expect(tiles.requests[0]).toMatch(/^\/\d+\/\d+\/\d+\.png$/);
		expect(await p.locator('.leaflet-control-attribution').textContent()).toContain('© OpenStreetMap-Mitwirkende');
		expect(await axe(p)).toEqual([]);

		// Remembered in this browser: the next visit loads the tiles without asking again.
		tiles.requests.length = 0;
		await p.reload();
		await p.locator('.leaflet-tile-loaded').first().waitFor();
		expect(tiles.requests.length).toBeGreaterThan(0);

		await p.getByRole('button', { name: 'Detailkarte nicht mehr laden' }).click();
		tiles.requests.length = 0;
		await p.getByRole('button', { name: 'Zoom in' }).click();
		await p.reload();
		await mapReady(p);
		expect(await p.locator('.leaflet-tile').count()).toBe(0);
		expect(tiles.requests).toEqual([]);
		expect(await p.getByRole('button', { name: 'Detailkarte von OpenStreetMap laden' }).isVisible()).toBe(true);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});

/** How many pixels of the base layer's canvas are painted (streets, green, water). */
const paintedPixels = (p: Page) =>
	p.locator('.leaflet-quartier-base-pane canvas').evaluate((canvas: HTMLCanvasElement) => {
		const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
		let painted = 0;
		for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
		return painted;
	});

describe('a map that orients without consent', () => {
	test('before consent the map draws the district itself – streets with names, green, water, boundary, landmarks – from the site, with no other request', async () => {
		const { page, foreign, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		tiles.requests.length = 0;
		site.requests.length = 0;
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.leaflet-marker-icon').first().waitFor();
		await expect.poll(() => paintedPixels(p)).toBeGreaterThan(5000);
		expect(site.requests).toContain('/einrichtungen/grundkarte.json');
		const basemap = JSON.parse(readFileSync(path.join(work, 'dist', 'einrichtungen', 'grundkarte.json'), 'utf8')) as { attribution: string; features: { properties: { kind: string; name?: string } }[] };
		// Names the map writes come from the base map file: streets, green spaces, landmarks.
		const labels = await p.locator('.base-label').allTextContents();
		const named = (kind: string) => basemap.features.filter((f) => f.properties.kind === kind && f.properties.name).map((f) => f.properties.name);
		expect(labels.filter((l) => named('street').includes(l)).length).toBeGreaterThan(2);
		expect(labels.some((l) => named('landmark').includes(l))).toBe(true);
		expect(labels.some((l) => named('green').includes(l))).toBe(true);
		// The boundary is drawn (over where tiles would be), and the map says the plan is invented.
		expect(await p.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(0);
		expect(await p.locator('.leaflet-control-attribution').textContent()).toContain(basemap.attribution);
		// The consent explanation stands above the map, apart from it.
		const consent = await p.locator('[data-consent-box]').boundingBox();
		const frame = await p.locator('.map-frame').boundingBox();
		expect((consent?.y ?? 0) + (consent?.height ?? 0)).toBeLessThan(frame?.y ?? 0);
		expect(tiles.requests).toEqual([]);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
		expect(await axe(p)).toEqual([]);
	});

	test('when tiles fail to load after consent, the map says so in German and keeps the base layer', async () => {
		const { page, context } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		// The tile server cannot be reached.
		await context.route(`${tiles.url}/**`, (route) => route.abort('connectionrefused'));
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.leaflet-marker-icon').first().waitFor();
		const message = p.locator('[data-tile-error]');
		// The live region is in the page from the start, empty, so the words are announced when they arrive.
		expect(await message.getAttribute('role')).toBe('status');
		expect(await message.textContent()).toBe('');
		await p.getByRole('button', { name: 'Detailkarte von OpenStreetMap laden' }).click();
		await expect.poll(() => message.isVisible()).toBe(true);
		expect(await message.textContent()).toBe('Die Detailkarte konnte nicht geladen werden. Die Karte zeigt weiter den einfachen Plan des Quartiers.');
		expect(await paintedPixels(p)).toBeGreaterThan(5000);
		// Withdrawing the consent takes the message away with the tiles.
		await p.getByRole('button', { name: 'Detailkarte nicht mehr laden' }).click();
		expect(await message.textContent()).toBe('');
	});

	test('facility and project pages show their small map on the same base layer', async () => {
		const { page, foreign } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		for (const path of ['/einrichtungen/kita-sonnenblume/', '/projekte/muehlenpark-neugestaltung/']) {
			await p.goto(`${site.url}${path}`);
			// The small map loads when it comes near the viewport (see tests/browser/lazy-map.test.ts).
			await p.locator('.map-section--small').scrollIntoViewIfNeeded();
			await p.locator('.map-section--small .leaflet-marker-pane .leaflet-marker-icon').first().waitFor();
			await expect.poll(() => paintedPixels(p), { message: path }).toBeGreaterThan(5000);
		}
		// The project's marker is square and leads to the project itself.
		await p.locator('.map-section--small .leaflet-marker-pane .leaflet-marker-icon').click();
		expect(await p.locator('.leaflet-popup .map-popup__title a').getAttribute('href')).toBe('/projekte/muehlenpark-neugestaltung/');
		expect(await p.locator('.map-section--small .map-marker--square').count()).toBe(1);
		const all = p.getByRole('link', { name: 'Alle Projekte auf der Karte des Quartiers' });
		expect(await all.getAttribute('href')).toBe('/einrichtungen/?ebene=projekte#karte');
		// The link switches the projects layer on.
		await all.click();
		await p.waitForURL(`${site.url}/einrichtungen/?ebene=projekte#karte`);
		await mapReady(p);
		expect(await p.getByRole('checkbox', { name: /^Projekte/ }).isChecked()).toBe(true);
		expect(await p.locator('#karte .leaflet-marker-pane [aria-label*="Projekt"]').count()).toBeGreaterThan(0);
		expect(foreign).toEqual([]);
	});
});

describe('list and map together', () => {
	test('filtering the list filters the markers; „auf der Karte zeigen" opens the popup; a marker selects its list entry', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/?kategorie=kita`);
		// The finder has applied the shared filter once the status names it.
		await expect.poll(() => p.locator('[data-status]').textContent()).toMatch(/^\d+ von \d+ Einrichtungen$/);
		const kitas = await p.locator('li[data-facility]:visible').count();
		await mapReady(p);
		const shown = () => p.evaluate(() => [...document.querySelectorAll('.map-cluster')].reduce((n, el) => n + Number(el.textContent), 0) + document.querySelectorAll('.map-marker').length);
		await expect.poll(shown).toBe(kitas);
		await p.getByRole('button', { name: 'Auf der Karte zeigen: Kita Sonnenblume' }).click();
		await expect.poll(() => p.locator('.leaflet-popup-content').textContent()).toContain('Kita Sonnenblume');
		// The visitor asked to see the place on the map: the popup stays in view (the list entry is only marked).
		// Waited for: the popup's pan and the frames in which a chosen entry would be kept in view (8, facility-map.ts).
		await mapAtRest(p, 10);
		const popup = (await p.locator('.leaflet-popup').boundingBox())!;
		expect(popup.y).toBeGreaterThanOrEqual(0);
		expect(popup.y + popup.height).toBeLessThanOrEqual(900);
		expect(await p.locator('li.is-selected').getAttribute('data-facility')).toBe('kita-sonnenblume');
		await p.keyboard.press('Escape');
		await p.getByRole('button', { name: 'Auf der Karte zeigen: Kita Pusteblume' }).click();
		await p.keyboard.press('Escape');
		await p.locator('.leaflet-marker-icon[aria-label^="Kita Pusteblume"]').click();
		await expect.poll(() => p.locator('li.is-selected').getAttribute('data-facility')).toBe('kita-pusteblume');
		// Leaflet fades popups in; axe measures contrast once the popup is fully shown.
		await expect.poll(() => p.locator('.leaflet-popup').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
		expect(await axe(p)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('keyboard: markers and clusters are named buttons; Enter or Space opens a popup, Escape closes it and returns focus', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.map-cluster').first().waitFor();
		const labels = await p.locator('.map-cluster').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
		for (const label of labels) expect(label).toMatch(/^\d+ Einrichtungen – Gruppe vergrößern$/);
		const total = await p.locator('li[data-facility]').count();
		const inClusters = labels.reduce((sum, label) => sum + Number(label?.split(' ')[0]), 0);
		expect(inClusters + (await p.locator('.map-marker').count())).toBe(total);
		// A cluster opens by keyboard.
		const before = await p.evaluate(() => document.querySelectorAll('.map-marker').length);
		await p.locator('.map-cluster').first().focus();
		await p.keyboard.press('Enter');
		await expect.poll(() => p.evaluate(() => document.querySelectorAll('.map-marker').length)).toBeGreaterThan(before);

		await p.getByRole('button', { name: 'Auf der Karte zeigen: Kita Sonnenblume' }).click();
		const marker = p.locator('.leaflet-marker-icon[aria-label="Kita Sonnenblume, Kita"]');
		await expect.poll(() => p.locator('.leaflet-popup-content').textContent()).toContain('Kita Sonnenblume');
		expect(await marker.getAttribute('role')).toBe('button');
		await p.keyboard.press('Escape');
		await expect.poll(() => p.locator('.leaflet-popup').count()).toBe(0);
		expect(await marker.evaluate((el) => el === document.activeElement)).toBe(true);
		await p.keyboard.press(' ');
		await expect.poll(() => p.locator('.leaflet-popup').count()).toBe(1);
		await p.keyboard.press('Escape');
		await p.keyboard.press('Enter');
		await expect.poll(() => p.evaluate(() => document.activeElement?.closest('.leaflet-popup') !== null)).toBe(true);
		await p.keyboard.press('Enter');
		await p.waitForURL(`${site.url}/einrichtungen/kita-sonnenblume/`);
	});

	test('a facility page shows a small map of its place and links to the full map centred on it', async () => {
		const { page, foreign, errors } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		tiles.requests.length = 0;
		await p.goto(`${site.url}/einrichtungen/kita-sonnenblume/`);
		await p.locator('.map-section--small').scrollIntoViewIfNeeded();
		// Leaflet starts loading only now.
		await p.locator('.map-marker[aria-label="Kita Sonnenblume, Kita"]').waitFor();
		expect(await p.locator('.map-marker').count()).toBe(1);
		expect(tiles.requests).toEqual([]);
		expect(await axe(p)).toEqual([]);
		await p.getByRole('link', { name: 'Kita Sonnenblume auf der Karte aller Einrichtungen zeigen' }).click();
		await p.waitForURL(`${site.url}/einrichtungen/?zeige=kita-sonnenblume#karte`);
		await mapReady(p);
		await expect.poll(() => p.locator('.leaflet-popup-content').textContent()).toContain('Kita Sonnenblume');
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});

describe('projects and events as layers', () => {
	/** How many things of a kind the map shows: in groups (from their names) and as markers. */
	const onMap = (p: Page, singular: string, plural: string) =>
		p.evaluate(
			([one, many]) => {
				let sum = document.querySelectorAll(`.leaflet-marker-icon[aria-label^="${one}: "]`).length;
				for (const group of document.querySelectorAll('.map-cluster')) {
					const match = new RegExp(`(\\d+) (?:${one}|${many})\\b`).exec(group.getAttribute('aria-label') ?? '');
					sum += Number(match?.[1] ?? 0);
				}
				return sum;
			},
			[singular, plural],
		);

	test('switching a layer on adds its places to the map as named markers whose popups lead to their pages', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.map-cluster').first().waitFor();
		const projects = entryFiles('projekte').filter((file) => (readData(file) as { place?: unknown }).place);
		expect(projects.length).toBeGreaterThan(0);
		const box = p.getByRole('checkbox', { name: `Projekte (${projects.length})` });
		expect(await box.isChecked()).toBe(false);
		expect(await onMap(p, 'Projekt', 'Projekte')).toBe(0);
		await box.check();
		expect(await onMap(p, 'Projekt', 'Projekte')).toBe(projects.length);
		// Groups that hold projects say so; opening them by keyboard leads to a project marker.
		for (let i = 0; i < 8 && (await p.locator('.leaflet-marker-icon[aria-label^="Projekt: "]').count()) === 0; i++) {
			await p.locator('.map-cluster[aria-label*="Projekt"]').first().focus();
			await p.keyboard.press('Enter');
		}
		const marker = p.locator('.leaflet-marker-icon[aria-label^="Projekt: "]').first();
		await marker.focus();
		await p.keyboard.press('Enter');
		const link = await p.locator('.leaflet-popup-content a').getAttribute('href');
		expect(projects.map((file) => `/projekte/${path.basename(file, '.de.md')}/`)).toContain(link);
		await p.keyboard.press('Escape');
		expect(await marker.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await axe(p)).toEqual([]);
		await box.uncheck();
		expect(await onMap(p, 'Projekt', 'Projekte')).toBe(0);

		// Upcoming events at a facility: as many on the map as the label counts, and nothing overlaps.
		await p.getByRole('button', { name: 'Zoom out' }).click();
		const events = p.getByRole('checkbox', { name: /^Kommende Termine \(\d+\)$/ });
		const count = Number(/\((\d+)\)/.exec((await events.locator('xpath=..').textContent()) ?? '')?.[1]);
		expect(count).toBeGreaterThan(0);
		await events.check();
		expect(await onMap(p, 'Termin', 'Termine')).toBe(count);
		expect(await axe(p)).toEqual([]);
		expect(errors).toEqual([]);
		// Three accessibility checks of the whole page: more than a minute when both cores are busy.
	}, 150_000);

	test('things at the very same spot stand side by side when zoomed in all the way', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		// Events take place at facilities: with the layer on, a facility and its events share one spot.
		await p.goto(`${site.url}/einrichtungen/?zeige=stadtteilbuero`);
		await p.locator('.leaflet-popup').waitFor();
		await p.keyboard.press('Escape');
		await p.getByRole('checkbox', { name: /^Kommende Termine/ }).check();
		// At this zoom the office and its event form one group that says so; opening it shows both, side by side.
		// (The map is centred on the office, so its group is the one nearest the centre.)
		await p.evaluate(() => {
			const map = document.querySelector('[data-map]')!.getBoundingClientRect();
			const centre = (el: Element) => {
				const r = el.getBoundingClientRect();
				return Math.hypot(r.x + r.width / 2 - (map.x + map.width / 2), r.y + r.height / 2 - (map.y + map.height / 2));
			};
			const groups = [...document.querySelectorAll<HTMLElement>('.map-cluster[aria-label="2 Einträge: 1 Einrichtung, 1 Termin – Gruppe vergrößern"]')];
			groups.sort((a, b) => centre(a) - centre(b))[0]?.focus();
		});
		await p.keyboard.press('Enter');
		const office = p.locator('.leaflet-marker-icon[aria-label^="Stadtteilbüro Mühlenviertel, "]');
		const event = p.locator('.leaflet-marker-icon[aria-label="Termin: Redaktionswerkstatt: Schreiben fürs Mühlenblatt"]');
		await expect.poll(() => event.count()).toBe(1);
		expect(await office.count()).toBe(1);
		const [a, b] = [(await office.boundingBox())!, (await event.boundingBox())!];
		expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(30);
		const boxes = await p.locator('.leaflet-marker-pane .leaflet-marker-icon').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0));
		for (const [a, first] of boxes.entries()) {
			for (const second of boxes.slice(a + 1)) {
				const overlap = first.left < second.right && second.left < first.right && first.top < second.bottom && second.top < first.bottom;
				expect(overlap).toBe(false);
			}
		}
		expect(await axe(p)).toEqual([]);

		// A filter that hides the office leaves the event alone at the spot: the same marker (focus and all) moves
		// to the spot itself.
		/** A marker's centre, from the map's corner (the page above the map grows when the filters open). */
		const centre = (marker: typeof event) =>
			marker.evaluate((el) => {
				const [box, frame] = [el.getBoundingClientRect(), document.querySelector('[data-map]')!.getBoundingClientRect()];
				return { x: box.x + box.width / 2 - frame.x, y: box.y + box.height / 2 - frame.y };
			});
		const [officeAt, eventAt] = [await centre(office), await centre(event)];
		await event.evaluate((el) => el.setAttribute('data-seen', ''));
		// The filters are open on a wide screen.
		await p.getByRole('checkbox', { name: /^Kitas/ }).check();
		await expect.poll(() => office.count()).toBe(0);
		expect(await event.getAttribute('data-seen')).toBe('');
		const moved = await centre(event);
		expect(Math.hypot(moved.x - eventAt.x, moved.y - eventAt.y)).toBeGreaterThanOrEqual(20);
		// The spot is the centre of the circle the two stood in.
		expect(Math.hypot(moved.x - (officeAt.x + eventAt.x) / 2, moved.y - (officeAt.y + eventAt.y) / 2)).toBeLessThan(5);
	});
});

describe('gesture handling: the map never catches the page scrolling', () => {
	/** Width of the dashed district frame on screen: it grows when the map zooms in. */
	const frameWidth = (p: Page) => p.locator('.leaflet-overlay-pane path').evaluate((el) => Math.round(el.getBoundingClientRect().width));

	test('the wheel scrolls the page and explains Ctrl; Ctrl + wheel zooms', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 1280, height: 700 } });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.map-cluster').first().waitFor();
		await p.locator('[data-map]').scrollIntoViewIfNeeded();
		const width = await frameWidth(p);
		const box = (await p.locator('[data-map]').boundingBox())!;
		await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		const scrolled = await p.evaluate(() => scrollY);
		await p.mouse.wheel(0, 200);
		await expect.poll(() => p.evaluate(() => scrollY)).toBeGreaterThan(scrolled);
		expect(await frameWidth(p)).toBe(width);
		expect(await p.locator('[data-gesture-hint]').textContent()).toContain('Strg');
		expect(await p.locator('[data-gesture-hint]').isVisible()).toBe(true);

		const box2 = (await p.locator('[data-map]').boundingBox())!;
		await p.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
		await p.keyboard.down('Control');
		await p.mouse.wheel(0, -100);
		await p.keyboard.up('Control');
		await expect.poll(() => frameWidth(p)).toBeGreaterThan(width);
	});

	test('on a touch screen one finger scrolls the page and explains two fingers; two fingers move the map', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.map-cluster').first().waitFor();
		await p.locator('[data-map]').scrollIntoViewIfNeeded();
		const cdp = await p.context().newCDPSession(p);
		const box = (await p.locator('[data-map]').boundingBox())!;
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		const frameLeft = () => p.locator('.leaflet-overlay-pane path').evaluate((el) => Math.round(el.getBoundingClientRect().left));
		const swipe = async (fingers: number) => {
			const at = (dx: number) => Array.from({ length: fingers }, (_, i) => ({ x: x + dx + i * 60, y, id: i }));
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
			for (let step = 1; step <= 8; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(-step * 10) });
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		};
		const left = await frameLeft();
		await swipe(1);
		// A map that followed one finger would have moved by the next frames (and glided on after the touch ended).
		await mapAtRest(p);
		expect(await frameLeft()).toBe(left);
		expect(await p.locator('[data-gesture-hint]').textContent()).toBe('Zum Verschieben der Karte zwei Finger benutzen');
		await swipe(2);
		await expect.poll(frameLeft).toBeLessThan(left - 40);
	});
});
