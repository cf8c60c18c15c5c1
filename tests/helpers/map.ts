/** Waiting for the facility map's states instead of for a time (the tests must pass with both cores busy). */
import type { Page } from 'playwright-core';

/**
 * Waits until the page's facility map says it is ready (`data-state`, set by src/scripts/facility-map.ts): markers,
 * base layer and detail map (or the consent box) are in place.
 */
export const mapReady = (p: Page) => p.locator('facility-map[data-state="ready"]').first().waitFor({ state: 'attached' });

/**
 * Waits until no map moves (no pan or zoom animation of Leaflet runs) and the browser has drawn `frames` more
 * frames: what the page does frame by frame after a click (a popup's pan, a list entry kept in view) has happened.
 */
export async function mapAtRest(p: Page, frames = 2) {
	await p.waitForFunction(() => !document.querySelector('.leaflet-pan-anim, .leaflet-zoom-anim'));
	await p.evaluate(
		(count) =>
			new Promise<void>((resolve) => {
				const step = (left: number) => (left > 0 ? requestAnimationFrame(() => step(left - 1)) : resolve());
				step(count);
			}),
		frames,
	);
}
