/**
 * The facility map, built with a test settings file whose tile URL points at a stub tile server on 127.0.0.1:
 * nothing is requested before consent; after consent tiles come from the stub; withdrawing stops them; list and
 * map stay in sync; markers work by keyboard; axe finds nothing before consent, after it and with a popup open.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedContext } from '../helpers/browser';
import { runAstro } from '../helpers/run';
import { serveStatic, serveTiles, type Running } from '../helpers/servers';

let work = '';
let site: Running;
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
	const build = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: content });
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
	(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('consent first', () => {
	test('no tiles before consent; tiles from the configured server after it; none after withdrawing', async () => {
		const { page, foreign, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		tiles.requests.length = 0;
		await p.goto(`${site.url}/einrichtungen/`);
		await p.locator('.leaflet-marker-icon').first().waitFor();
		await p.waitForTimeout(500);
		expect(tiles.requests).toEqual([]);
		expect(await axe(p)).toEqual([]);

		await p.getByRole('button', { name: 'Detailkarte von OpenStreetMap laden' }).click();
		await expect.poll(() => tiles.requests.length).toBeGreaterThan(0);
		expect(tiles.requests[0]).toMatch(/^\/\d+\/\d+\/\d+\.png$/);
		expect(await p.locator('.leaflet-control-attribution').textContent()).toContain('© OpenStreetMap-Mitwirkende');
		expect(await axe(p)).toEqual([]);

		// Remembered in this browser: the next visit loads the tiles without asking again.
		tiles.requests.length = 0;
		await p.reload();
		await expect.poll(() => tiles.requests.length).toBeGreaterThan(0);

		await p.getByRole('button', { name: 'Detailkarte nicht mehr laden' }).click();
		tiles.requests.length = 0;
		await p.getByRole('button', { name: 'Zoom in' }).click();
		await p.reload();
		await p.locator('.leaflet-marker-icon').first().waitFor();
		await p.waitForTimeout(500);
		expect(tiles.requests).toEqual([]);
		expect(await p.getByRole('button', { name: 'Detailkarte von OpenStreetMap laden' }).isVisible()).toBe(true);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});

describe('list and map together', () => {
	test('filtering the list filters the markers; „auf der Karte zeigen" opens the popup; a marker selects its list entry', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site.url}/einrichtungen/?kategorie=kita`);
		const kitas = await p.locator('li[data-facility]:visible').count();
		const shown = () => p.evaluate(() => [...document.querySelectorAll('.map-cluster')].reduce((n, el) => n + Number(el.textContent), 0) + document.querySelectorAll('.map-marker').length);
		await expect.poll(shown).toBe(kitas);
		await p.getByRole('button', { name: 'Kita Sonnenblume auf der Karte zeigen' }).click();
		await expect.poll(() => p.locator('.leaflet-popup-content').textContent()).toContain('Kita Sonnenblume');
		await p.keyboard.press('Escape');
		await p.getByRole('button', { name: 'Kita Pusteblume auf der Karte zeigen' }).click();
		await p.keyboard.press('Escape');
		await p.locator('.leaflet-marker-icon[aria-label^="Kita Pusteblume"]').click();
		await expect.poll(() => p.locator('li.is-selected').getAttribute('data-facility')).toBe('kita-pusteblume');
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

		await p.getByRole('button', { name: 'Kita Sonnenblume auf der Karte zeigen' }).click();
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
		await expect.poll(() => p.locator('.map-marker[aria-label="Kita Sonnenblume, Kita"]').count()).toBe(1);
		expect(await p.locator('.map-marker').count()).toBe(1);
		expect(tiles.requests).toEqual([]);
		expect(await axe(p)).toEqual([]);
		await p.getByRole('link', { name: 'Kita Sonnenblume auf der Karte aller Einrichtungen zeigen' }).click();
		await p.waitForURL(`${site.url}/einrichtungen/?zeige=kita-sonnenblume#karte`);
		await expect.poll(() => p.locator('.leaflet-popup-content').textContent()).toContain('Kita Sonnenblume');
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
