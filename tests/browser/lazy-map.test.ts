/**
 * The small map of a facility or project page loads Leaflet and the map code only when its box comes near the
 * viewport: on a phone (360 px) nothing of the map is requested while the reader is at the top of the page; after
 * scrolling down, the map draws its markers on the district's own base layer (no consent, no other host).
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, watchedContext } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

/** Requests of the map's lazy code: Leaflet's styles and the map module with Leaflet bundled in. */
const MAP_CODE = /\/_astro\/(?:facility-map|leaflet[^/]*|detail-map|base-layer)\.[^/]+\.(?:js|css)$/;

describe('the small map loads when it comes near', () => {
	for (const path of ['/einrichtungen/kita-sonnenblume/', '/en/projekte/muehlenpark-neugestaltung/']) {
		test(`${path}: no map code at the top of the page; scrolled near, the map draws`, async () => {
			const { page, foreign, errors } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 640 } });
			const p = await page();
			const requested: string[] = [];
			p.on('request', (request) => requested.push(new URL(request.url()).pathname));
			await p.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
			// The box is far below the first screen (else this test proves nothing), and stays empty while the reader is up here.
			const box = await p.locator('.map-section--small [data-map]').boundingBox();
			expect(box?.y ?? 0).toBeGreaterThan(640 + 200);
			// The element has heard from its observer that the box is not near yet (data-state, FacilityMap.astro).
			await p.locator('facility-map[data-state="waiting"]').waitFor({ state: 'attached' });
			expect(requested.filter((r) => MAP_CODE.test(r))).toEqual([]);
			expect(await p.locator('.map-section--small .leaflet-container').count()).toBe(0);
			// Scrolling to just above the map's box (within the margin) loads it.
			await p.evaluate((top) => window.scrollTo(0, top - 640 - 100), (box?.y ?? 0));
			await p.locator('.map-section--small .leaflet-marker-icon').first().waitFor({ state: 'attached' });
			expect(requested.some((r) => /\/_astro\/facility-map\./.test(r))).toBe(true);
			// The base layer of the district (the site's own, without consent) is drawn.
			const painted = () =>
				p.locator('.map-section--small .leaflet-quartier-base-pane canvas').evaluate((canvas: HTMLCanvasElement) => {
					const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
					let count = 0;
					for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
					return count;
				});
			await expect.poll(painted).toBeGreaterThan(5000);
			expect(foreign).toEqual([]);
			expect(errors).toEqual([]);
		});
	}
});
