/**
 * The detailed background of the map. Either a PMTiles file on the site itself (vector or raster; no other host
 * is involved, so no consent is needed), or raster tiles from another host, loaded only after the visitor agrees
 * (two clicks), remembered in this browser and withdrawable on the page.
 */
import * as L from 'leaflet';

export const CONSENT_KEY = 'quartier:detailkarte';

export async function addBasemap(map: L.Map, host: HTMLElement, escape: (text: string) => string) {
	const container = map.getContainer();
	const attribution = `<a href="${escape(host.dataset.attributionUrl ?? '#')}">${escape(host.dataset.attribution ?? '')}</a>`;
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
	const showTiles = (on: boolean) => {
		if (on && !tiles) tiles = L.tileLayer(host.dataset.tiles ?? '', { maxZoom, attribution }).addTo(map);
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
