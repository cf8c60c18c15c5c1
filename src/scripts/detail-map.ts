/**
 * The detailed background of the map, over the district's own base layer (base-layer.ts). Either a PMTiles file on the site itself (vector or raster; no other host
 * is involved, so no consent is needed), or raster tiles from another host, loaded only after the visitor agrees
 * (two clicks), remembered in this browser and withdrawable on the page.
 */
import * as L from 'leaflet';
import { escapeHtml } from '../lib/escape';

export const CONSENT_KEY = 'quartier:detailkarte';

export async function addDetailMap(map: L.Map, host: HTMLElement) {
	const container = map.getContainer();
	const attribution = `<a href="${escapeHtml(host.dataset.attributionUrl ?? '#')}">${escapeHtml(host.dataset.attribution ?? '')}</a>`;
	const maxZoom = Number(host.dataset.maxZoom ?? 19);
	const own = host.dataset.pmtiles;
	if (own) {
		const { PMTiles, TileType, leafletRasterLayer } = await import('pmtiles');
		const archive = new PMTiles(own);
		const header = await archive.getHeader();
		if (header.tileType === TileType.Mvt) {
			// protomaps-leaflet draws vector tiles on canvas with the light basemap style and German labels.
			await import('./leaflet-global');
			const { leafletLayer } = await import('protomaps-leaflet');
			leafletLayer({ url: archive as never, flavor: 'light', lang: 'de', attribution, maxZoom, maxDataZoom: header.maxZoom } as never).addTo(map);
		} else {
			leafletRasterLayer(archive, { attribution, maxZoom, maxNativeZoom: header.maxZoom }).addTo(map);
		}
		container.classList.add('has-tiles');
		return;
	}

	const consentBox = host.querySelector<HTMLElement>('[data-consent-box]');
	const withdrawBox = host.querySelector<HTMLElement>('[data-withdraw-box]');
	let tiles: L.TileLayer | undefined;
	const tileError = host.querySelector<HTMLElement>('[data-tile-error]');
	/** Tiles that failed since the last time all tiles in view had loaded. */
	let failed = 0;
	const sayFailed = (on: boolean) => {
		const text = on ? (tileError?.dataset.message ?? '') : '';
		if (tileError && tileError.textContent !== text) tileError.textContent = text;
	};
	const showTiles = (on: boolean) => {
		if (on && !tiles) {
			failed = 0;
			tiles = L.tileLayer(host.dataset.tiles ?? '', { maxZoom, attribution })
				// A tile that does not arrive leaves the base layer visible beneath; the map says why it looks plain.
				.on('tileerror', () => {
					failed++;
					sayFailed(true);
				})
				.on('loading', () => (failed = 0))
				.on('load', () => sayFailed(failed > 0))
				.addTo(map);
		}
		if (!on) sayFailed(false);
		if (!on && tiles) {
			tiles.remove();
			tiles = undefined;
		}
		container.classList.toggle('has-tiles', on);
		if (consentBox) consentBox.hidden = on;
		if (withdrawBox) withdrawBox.hidden = !on;
	};
	host.querySelector('[data-consent]')?.addEventListener('click', () => {
		localStorage.setItem(CONSENT_KEY, 'ja');
		showTiles(true);
	});
	host.querySelector('[data-withdraw]')?.addEventListener('click', () => {
		localStorage.removeItem(CONSENT_KEY);
		showTiles(false);
	});
	showTiles(localStorage.getItem(CONSENT_KEY) === 'ja');
}
