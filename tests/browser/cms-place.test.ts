/**
 * Setting a place on the map in the CMS, for real: the dev server serves /admin/, decap-server (on 127.0.0.1)
 * writes into a temporary copy of content/, Chromium clicks and drags on the district map. The map draws the
 * district's own base layer and asks no other host for anything; what staff set lands in the file inside the
 * district frame, exactly as the number fields showed it; a point outside is refused with the build's words.
 */
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { publish, recordWrites, useEditor } from '../helpers/cms';
import { readData } from '../helpers/content';
import { readSettings } from '../../src/schemas';
import { districtProblems } from '../../src/schemas/fields';
import { facilitySchema } from '../../src/schemas/facilities';

const settings = readSettings();
const { bounds } = settings.map;
const editor = useEditor('cms-place');
const { openAdmin, validate } = editor;

const inside = (point: { lat: number; lng: number }) => point.lat >= bounds.south && point.lat <= bounds.north && point.lng >= bounds.west && point.lng <= bounds.east;

/** The picker of the open entry: its map and its two number fields. */
function picker(page: Page) {
	const map = page.getByRole('group', { name: 'Karte zum Setzen der Lage' });
	const lat = page.getByLabel('Breitengrad (lat)', { exact: true });
	const lng = page.getByLabel('Längengrad (lng)', { exact: true });
	const shown = async () => ({ lat: Number(await lat.inputValue()), lng: Number(await lng.inputValue()) });
	return { map, lat, lng, shown };
}

/** Pixels of the base layer's canvas that are drawn on (not transparent). */
async function drawnPixels(map: Locator): Promise<number> {
	return map.locator('.leaflet-quartier-base-pane canvas').evaluateAll((canvases) =>
		canvases.reduce((sum, canvas) => {
			const { width, height } = canvas as HTMLCanvasElement;
			const data = (canvas as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, width, height).data ?? new Uint8ClampedArray();
			let drawn = 0;
			for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
			return sum + drawn;
		}, 0),
	);
}

/** Clicks the map at an offset (in pixels) from its middle – which is the middle of the district frame. */
async function clickMap(page: Page, map: Locator, dx: number, dy: number) {
	await map.scrollIntoViewIfNeeded();
	const box = await map.boundingBox();
	if (!box) throw new Error('Karte nicht sichtbar');
	await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
}

describe('staff set a place on the map of the district', () => {
	test("a facility's position: base layer, click, drag, typed numbers; saved inside the frame as shown; outside refused with the build's words", async () => {
		const page = await openAdmin();
		const file = path.join(editor.content, 'einrichtungen', 'kita-sonnenblume.md');
		const before = readData(file) as Record<string, unknown> & { coordinates: { lat: number; lng: number } };
		await page.goto(`${editor.site}/admin/#/collections/einrichtungen/entries/kita-sonnenblume`);
		const { map, lat, lng, shown } = picker(page);
		await map.waitFor({ timeout: 60_000 });
		expect((await map.boundingBox())?.height).toBeCloseTo(320, -1);
		await expect.poll(() => shown(), { timeout: 20_000 }).toEqual(before.coordinates);
		// The district's own base layer is drawn (streets, green, water on one canvas) and names are written.
		await expect.poll(() => drawnPixels(map), { timeout: 20_000 }).toBeGreaterThan(5000);
		expect(await map.locator('.base-label').count()).toBeGreaterThan(0);
		// The frame the point must lie in, and the pin at the current point; no tiles at all.
		expect(await map.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(0);
		await expect.poll(() => map.locator('.quartier-point__pin').count()).toBe(1);
		expect(await map.locator('img.leaflet-tile, .leaflet-tile-pane img').count()).toBe(0);
		expect(await page.getByText('Klicken Sie in die Karte oder ziehen Sie die Markierung an die richtige Stelle. Die Zahlen können Sie auch eintippen.').count()).toBe(1);

		// A click up and to the right of the middle: the numbers follow, north-east of the frame's centre, inside it.
		const centre = { lat: (bounds.south + bounds.north) / 2, lng: (bounds.west + bounds.east) / 2 };
		await clickMap(page, map, 60, -40);
		await expect.poll(async () => (await shown()).lat).not.toBe(before.coordinates.lat);
		const clicked = await shown();
		expect(inside(clicked), JSON.stringify(clicked)).toBe(true);
		expect(clicked.lat).toBeGreaterThan(centre.lat);
		expect(clicked.lng).toBeGreaterThan(centre.lng);
		// At most 6 decimals.
		for (const value of [clicked.lat, clicked.lng]) expect(Math.round(value * 1e6) / 1e6).toBe(value);

		// Dragging the pin down and to the left moves the point south-west.
		const pin = map.locator('.quartier-point__pin');
		await map.scrollIntoViewIfNeeded();
		const box = await pin.boundingBox();
		if (!box) throw new Error('Markierung nicht sichtbar');
		await page.mouse.move(box.x + box.width / 2, box.y + 12);
		await page.mouse.down();
		for (let step = 1; step <= 10; step++) await page.mouse.move(box.x + box.width / 2 - 9 * step, box.y + 12 + 5 * step);
		await page.mouse.up();
		await expect.poll(async () => (await shown()).lng).toBeLessThan(clicked.lng);
		const dragged = await shown();
		expect(dragged.lat).toBeLessThan(clicked.lat);
		expect(inside(dragged), JSON.stringify(dragged)).toBe(true);

		const writes = recordWrites(page);
		await publish(page);
		await expect.poll(() => (readData(file) as typeof before).coordinates, { timeout: 20_000 }).toEqual(dragged);
		const saves = writes();
		expect(saves).toContain('persistEntry');
		const after = readData(file) as typeof before;
		expect(inside(after.coordinates)).toBe(true);
		// Nothing else in the file changed.
		expect({ ...after, coordinates: before.coordinates }).toEqual(before);
		const result = await validate((ctx) => facilitySchema(ctx, { bounds, district: settings.district }), after);
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);

		// Typed numbers move the pin; a point outside the frame is refused with the build's message, nothing written.
		const pinBefore = await pin.boundingBox();
		await lat.fill(String(dragged.lat + 0.002));
		await expect.poll(async () => (await pin.boundingBox())?.y).toBeLessThan(pinBefore?.y ?? 0);
		await lat.fill('52.52');
		await lng.fill('13.37');
		await publish(page);
		const expected = districtProblems(bounds, settings.district, { lat: 52.52, lng: 13.37 }).map((p) => p.message).join(' ');
		expect(expected).toContain('Breitengrad muss zwischen 51,3395 und 51,3525 liegen (Gebiet Mühlenviertel) – erhalten 52,52.');
		await expect.poll(() => page.getByText(expected).count(), { timeout: 20_000 }).toBe(1);
		// Refused in the browser: no write was asked for after the first save, so the file can be checked at once.
		expect(writes()).toEqual(saves);
		expect((readData(file) as typeof before).coordinates).toEqual(dragged);

		// The picker's own controls pass axe (Decap's surroundings are not ours to judge here).
		const axe = await new AxeBuilder({ page }).include('.quartier-point').withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		expect(editor.watched.foreign).toEqual([]);
		await page.close();
	}, 240_000);

	test("a project's place (a name with a point) is set on the same map; its name stays", async () => {
		const page = await openAdmin();
		const file = path.join(editor.content, 'projekte', 'hofbegruenung-weberstrasse.de.md');
		const before = readData(file) as Record<string, unknown> & { place: { label: string; lat: number; lng: number } };
		await page.goto(`${editor.site}/admin/#/collections/projekte/entries/hofbegruenung-weberstrasse`);
		const { map, shown } = picker(page);
		await map.waitFor({ timeout: 60_000 });
		await expect.poll(() => shown(), { timeout: 20_000 }).toEqual({ lat: before.place.lat, lng: before.place.lng });
		expect(await page.getByLabel('Ortsbezeichnung (optional)', { exact: true }).inputValue()).toBe(before.place.label);
		await expect.poll(() => drawnPixels(map), { timeout: 20_000 }).toBeGreaterThan(5000);
		await clickMap(page, map, -80, 50);
		await expect.poll(async () => (await shown()).lat).not.toBe(before.place.lat);
		const clicked = await shown();
		expect(inside(clicked), JSON.stringify(clicked)).toBe(true);
		await publish(page);
		await expect.poll(() => (readData(file) as typeof before).place, { timeout: 20_000 }).toEqual({ label: before.place.label, ...clicked });
		const after = readData(file) as typeof before;
		expect({ ...after, place: before.place }).toEqual(before);
		expect(editor.watched.foreign).toEqual([]);
		await page.close();
	}, 240_000);
});
