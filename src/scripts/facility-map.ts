/**
 * The facility map (loaded on demand by <facility-map>, FacilityMap.astro): connects the page to the map. Markers
 * come from the same data as the finder (/einrichtungen/karte.json), so list and map always show the same places;
 * filtering the list filters the map. Projects and upcoming events with a place can be switched on as extra layers.
 *
 * What the map shows is worked out in map-index.ts (no DOM, no Leaflet) and drawn by map-view.ts; the base layer,
 * the consented detail map and the gestures have their own modules. This file only reads the element's settings,
 * loads the data and passes the page's events on.
 *
 * The element's `data-state` says how far it is: `loading` while code and data arrive, `ready` once markers,
 * base layer and detail map are in place (the `map-ready` event is sent then too), `failed` when code or data could
 * not be loaded (set by FacilityMap.astro; the list beside it works without the map).
 */
// The map's stylesheets arrive with the map, not with the page (see `stylesheet`).
import { loadMapStyles } from './map-styles';
import { LAYER_PARAMS, type LayerRow, type MapPlace, type Place, type SinglePlace } from '../lib/map-data';
import { loadMapData, loadPlaces } from './map-data-client';
import { addDetailMap } from './detail-map';
import { addBaseLayer } from './base-layer';
import { gestureHandling } from './map-gestures';
import { MapIndex, type LayerKind, type Words } from './map-index';
import { createMap, drawFrame, MarkerView } from './map-view';

/** What <facility-finder> exposes (and sends with `facilities-filtered`): the rows of the shared place data its filter lets through. */
export interface FinderState {
	visibleRows: Uint32Array;
}

export async function mountMap(host: HTMLElement) {
	const found = host.querySelector<HTMLElement>('[data-map]');
	if (!found) return;
	host.dataset.state = 'loading';
	// Pages without a map never download these.
	await loadMapStyles();
	const container: HTMLElement = found;
	const single = host.dataset.single ? (JSON.parse(host.dataset.single) as SinglePlace) : undefined;
	const loading = single ? undefined : loadMapData();
	const maxZoom = Number(host.dataset.maxZoom ?? 19);
	const words = JSON.parse(host.dataset.words ?? '{}') as Words;
	const { map, minZoom, frame } = createMap(container, {
		center: (host.dataset.center ?? '0,0').split(',').map(Number) as [number, number],
		zoom: Number(host.dataset.zoom ?? 15),
		bounds: (host.dataset.bounds ?? '0,0,0,0').split(',').map(Number) as [number, number, number, number],
		maxZoom,
	});
	// The district's own base layer orients without consent; without one, a dashed frame shows the district.
	const base = host.dataset.basemap ? await addBaseLayer(map, host.dataset.basemap).catch(() => false) : false;
	if (!base) drawFrame(map, frame);
	gestureHandling(map, container, host.querySelector<HTMLElement>('[data-gesture-hint]'));

	const scope = host.closest('facility-finder') ?? document;
	const mapData = loading ? await loading : undefined;
	const places: MapPlace[] = single
		? [{ id: single.id, name: single.name, category: { id: '', label: single.category, plural: '', color: single.color, icon: single.icon }, lat: single.lat, lng: single.lng }]
		: (mapData?.places ?? []);
	const layerRows: Record<LayerKind, LayerRow[]> = { p: mapData?.data.projects ?? [], e: mapData?.data.events ?? [] };
	// Addresses for the popups arrive with the finder's details; until then a popup shows name and category.
	let detailed: Place[] | undefined;
	if (!single) void loadPlaces().then((all) => (detailed = all));

	const index = new MapIndex(places, layerRows, { minZoom, maxZoom });
	const markers = new MarkerView(map, index, { words, single, details: () => detailed, onOpen: (id, revealed) => highlight(id, !revealed) });
	const shownLayers = new Set<LayerKind>();
	const rebuild = () => {
		index.build(shownLayers);
		markers.reset();
	};

	// The finder may have filtered already (a shared link with filters): start with its choice.
	index.choose((scope as Partial<FinderState>).visibleRows);
	rebuild();
	if (single) map.setView([single.lat, single.lng], 16, { animate: false });
	// /einrichtungen/?zeige=<id> (from a facility page): centre on that place and open its popup.
	const wanted = new URLSearchParams(location.search).get('zeige');
	if (wanted && !single) markers.reveal(wanted);

	/** Marks the list entry of a place and (when the place was chosen on the map) brings it into view. */
	function highlight(id: string, scroll: boolean) {
		for (const item of scope.querySelectorAll('li.is-selected')) item.classList.remove('is-selected');
		const item = scope.querySelector<HTMLElement>(`li[data-facility="${CSS.escape(id)}"]`);
		if (!item) return;
		item.classList.add('is-selected');
		if (scroll) bringIntoView(item);
	}

	/**
	 * Scrolls a list entry into view and keeps it there for a few frames: entries not yet shown have a placeholder
	 * size (content-visibility), and when those near the view are drawn at their real size the entry moves.
	 */
	function bringIntoView(item: HTMLElement, frames = 8) {
		const box = item.getBoundingClientRect();
		if (box.top < 0 || box.bottom > innerHeight) item.scrollIntoView({ block: 'nearest' });
		if (frames > 0) requestAnimationFrame(() => bringIntoView(item, frames - 1));
	}

	// Escape closes the popup and gives focus back to the marker that opened it.
	container.addEventListener('keydown', (event) => {
		const { lastMarker } = markers;
		if (event.key === 'Escape' && lastMarker?.isPopupOpen()) {
			lastMarker.closePopup();
			(lastMarker.getElement() as HTMLElement | undefined)?.focus();
		}
	});
	map.on('popupopen', (event) => {
		const popupLink = event.popup.getElement()?.querySelector<HTMLAnchorElement>('a[href]');
		popupLink?.focus({ preventScroll: true });
	});

	if (!single) {
		// „Auf der Karte zeigen" in each list entry (also in entries the finder adds later).
		for (const button of scope.querySelectorAll<HTMLButtonElement>('[data-show-on-map]')) button.hidden = false;
		scope.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest('[data-show-on-map]');
			const id = button?.closest<HTMLElement>('li[data-facility]')?.dataset.facility;
			if (!id) return;
			container.scrollIntoView({ block: 'nearest' });
			markers.reveal(id);
		});

		// Filtering the list filters the map, in the same task: the list and the map are drawn in one frame.
		scope.addEventListener('facilities-filtered', (event) => {
			if (!index.choose((event as CustomEvent<FinderState>).detail.visibleRows)) return;
			markers.draw();
			host.dispatchEvent(new CustomEvent('map-updated', { bubbles: true }));
		});

		// Projects and upcoming events with a place, each as a layer the visitor switches on.
		// A link may ask for layers (/einrichtungen/?ebene=projekte, from a project's small map).
		const asked = new URLSearchParams(location.search).getAll('ebene');
		for (const box of host.querySelectorAll<HTMLInputElement>('input[data-layer]')) {
			const layer = box.dataset.layer === 'projects' ? 'projects' : 'events';
			const k = layer === 'projects' ? 'p' : 'e';
			if (asked.includes(LAYER_PARAMS[layer])) box.checked = true;
			const count = box.parentElement?.querySelector('[data-layer-count]');
			if (count) count.textContent = ` (${index.layerSize(k)})`;
			const toggle = () => {
				if (box.checked) shownLayers.add(k);
				else shownLayers.delete(k);
				rebuild();
			};
			box.addEventListener('change', toggle);
			// The browser may restore a ticked box on reload.
			if (box.checked) toggle();
		}
	}

	// Detailed map: self-hosted (no consent needed) or from another host after consent.
	await addDetailMap(map, host);
	host.dataset.state = 'ready';
	host.dispatchEvent(new CustomEvent('map-ready', { bubbles: true }));
}
