/**
 * The Leaflet map of the facility list (loaded on demand by <facility-map>). Markers come from the same data as
 * the finder (/einrichtungen/karte.json), so list and map always show the same places; filtering the list
 * filters the map. Projects and upcoming events with a place can be switched on as extra layers.
 */
import L from 'leaflet';
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import 'leaflet/dist/leaflet.css';
import type { LayerRow, MapPlace, Place } from '../lib/map-data';
import { loadMapData, loadPlaces } from './map-data-client';
import { addBasemap } from './basemap';
import { gestureHandling } from './map-gestures';

/** What <facility-finder> exposes: the ids its current filter lets through. */
export interface FinderState {
	visibleIds: Set<string>;
}

/** Icons of the extra layers (24 × 24 paths). */
const LAYER_ICONS = {
	projects: 'M4 20V9l8-6 8 6v11h-5v-6H9v6z',
	events: 'M6 2h2v2h8V2h2v2h3v17H3V4h3zm-1 7v10h14V9zm2 2h4v4H7z',
};

function escape(text: string): string {
	const div = document.createElement('div');
	div.textContent = text;
	return div.innerHTML;
}

const markerIcon = (color: string, path: string, shape: 'round' | 'square') =>
	L.divIcon({
		className: `map-marker map-marker--${shape}`,
		// Icon and colour (and for layers, the shape): the kind of place is never told by colour alone.
		html: `<span style="background:${color}" aria-hidden="true"><svg viewBox="0 0 24 24" focusable="false"><path d="${escape(path)}"></path></svg></span>`,
		iconSize: [30, 30],
		iconAnchor: [15, 15],
		popupAnchor: [0, -14],
	});

/** A marker that is a named button: Enter and Space open its popup (written when it first opens). */
function namedMarker(lat: number, lng: number, name: string, icon: L.DivIcon, popup: string | (() => string)) {
	const marker = L.marker([lat, lng], { title: name, keyboard: true, icon });
	marker.bindPopup(typeof popup === 'string' ? popup : () => popup());
	marker.on('add', () => {
		const element = marker.getElement();
		element?.setAttribute('aria-label', name);
		element?.addEventListener('keydown', (event) => {
			if (event.key === ' ') {
				event.preventDefault();
				marker.openPopup();
			}
		});
	});
	return marker;
}

export async function mountMap(host: HTMLElement) {
	const found = host.querySelector<HTMLElement>('[data-map]');
	if (!found) return;
	const container: HTMLElement = found;
	const single = host.dataset.single ? (JSON.parse(host.dataset.single) as { id: string; name: string; category: string; color: string; icon: string; lat: number; lng: number }) : undefined;
	const loading = single ? undefined : loadMapData();
	const [lat, lng] = (host.dataset.center ?? '0,0').split(',').map(Number) as [number, number];
	const [south, west, north, east] = (host.dataset.bounds ?? '0,0,0,0').split(',').map(Number) as [number, number, number, number];
	const frame = L.latLngBounds([south, west], [north, east]);
	const maxZoom = Number(host.dataset.maxZoom ?? 19);

	const map = L.map(container, {
		center: [lat, lng],
		zoom: Number(host.dataset.zoom ?? 15),
		// The page scrolls past the map: see gestureHandling for wheel and touch.
		scrollWheelZoom: false,
		dragging: !L.Browser.mobile,
		attributionControl: true,
		zoomSnap: 0.5,
		maxZoom,
	});
	map.attributionControl.setPrefix(false);
	// The district and its surroundings: no zooming out beyond them, and clusters only for these zoom levels.
	const minZoom = Math.min(12, Math.floor(map.getBoundsZoom(frame)));
	map.setMinZoom(minZoom);
	map.fitBounds(frame, { animate: false });
	L.rectangle(frame, { color: '#1b1f1e', weight: 2, fill: false, dashArray: '6 6', interactive: false }).addTo(map);
	gestureHandling(map, container, host.querySelector<HTMLElement>('[data-gesture-hint]'));

	const scope = host.closest('facility-finder') ?? document;
	const places: MapPlace[] = single
		? [{ id: single.id, name: single.name, category: { id: '', label: single.category, plural: '', color: single.color, icon: single.icon }, lat: single.lat, lng: single.lng }]
		: (await (loading as ReturnType<typeof loadMapData>)).places;
	// Addresses for the popups arrive with the finder's details; until then a popup shows name and category.
	let detailed: Place[] | undefined;
	if (!single) void loadPlaces().then((all) => (detailed = all));
	let lastMarker: L.Marker | undefined;
	const byId = new Map(places.map((place, i) => [place.id, i]));

	// Nearby places are grouped (supercluster), so no two targets overlap and thousands of places stay quick:
	// only the clusters and places in view become markers, and a filter change rebuilds a small index.
	const index = new Supercluster<{ i: number }>({ radius: 60, extent: 256, minZoom, maxZoom: maxZoom - 1 });
	const layer = L.layerGroup().addTo(map);
	const placeMarkers = new Map<number, L.Marker>();
	let clusterMarkers = new Map<number, L.Marker>();
	let current = new Set<L.Marker>();
	const icons = new Map<string, L.DivIcon>();

	/** The marker of one place, made when it first comes into view. */
	function placeMarker(i: number): L.Marker {
		let marker = placeMarkers.get(i);
		if (marker) return marker;
		const place = places[i] as MapPlace;
		const { category } = place;
		let icon = icons.get(category.id);
		if (!icon) icons.set(category.id, (icon = markerIcon(category.color, category.icon, 'round')));
		marker = namedMarker(place.lat, place.lng, `${place.name}, ${category.label}`, icon, () => {
			const address = detailed?.[i]?.address;
			return `<p class="map-popup__title"><a href="/einrichtungen/${place.id}/">${escape(place.name)}</a></p><p>${escape(category.label)}${address ? `<br>${escape(address)}` : ''}</p>`;
		});
		marker.on('popupopen', () => {
			lastMarker = marker;
			highlight(place.id);
		});
		placeMarkers.set(i, marker);
		return marker;
	}

	/** A cluster is a button too: it says how many places it holds and zooms in to show them. */
	function clusterMarker(id: number, count: number, lat: number, lng: number): L.Marker {
		let marker = clusterMarkers.get(id);
		if (marker) return marker;
		marker = L.marker([lat, lng], { keyboard: true, icon: L.divIcon({ className: 'map-cluster', html: `<span>${count}</span>`, iconSize: [40, 40] }) });
		const expand = () => {
			map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(id), maxZoom), { animate: false });
			// Keyboard users continue on the first place or group the zoom revealed.
			container.querySelector<HTMLElement>('.leaflet-marker-icon')?.focus({ preventScroll: true });
		};
		marker.on('add', () => {
			const element = marker?.getElement();
			element?.setAttribute('aria-label', `${count} Einrichtungen – Gruppe vergrößern`);
			element?.addEventListener('keydown', (event) => {
				if (event.key !== 'Enter' && event.key !== ' ') return;
				event.preventDefault();
				expand();
			});
		});
		marker.on('click', expand);
		clusterMarkers.set(id, marker);
		return marker;
	}

	/** Shows the clusters and places in view; markers that stay keep their element (and focus). */
	function render() {
		const view = map.getBounds().pad(0.25);
		const items = index.getClusters([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()], Math.floor(map.getZoom()));
		const next = new Set<L.Marker>();
		for (const item of items) {
			const [itemLng, itemLat] = item.geometry.coordinates as [number, number];
			const props = item.properties as { i: number } | ClusterProperties;
			next.add('cluster' in props && props.cluster ? clusterMarker(props.cluster_id, props.point_count, itemLat, itemLng) : placeMarker((props as { i: number }).i));
		}
		for (const marker of current) if (!next.has(marker)) layer.removeLayer(marker);
		for (const marker of next) if (!current.has(marker)) layer.addLayer(marker);
		current = next;
	}

	/** Clusters the places with these ids (all when undefined). */
	function cluster(ids: Set<string> | undefined) {
		const points: PointFeature<{ i: number }>[] = [];
		places.forEach((place, i) => {
			if (!ids || ids.has(place.id)) points.push({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [place.lng, place.lat] } });
		});
		index.load(points);
		clusterMarkers = new Map();
		render();
	}
	map.on('moveend', render);

	/** Zooms to where the place stands alone and opens its popup. */
	function reveal(id: string) {
		const i = byId.get(id);
		if (i === undefined) return;
		const place = places[i] as MapPlace;
		const near = 1e-6;
		let zoom = Math.max(Math.floor(map.getZoom()), minZoom);
		while (zoom < maxZoom && !index.getClusters([place.lng - near, place.lat - near, place.lng + near, place.lat + near], zoom).some((f) => !('cluster' in f.properties) && (f.properties as { i: number }).i === i)) zoom++;
		map.setView([place.lat, place.lng], zoom, { animate: false });
		render();
		placeMarker(i).openPopup();
	}

	// The finder may have filtered already (a shared link with filters): start with its choice.
	let shown = (scope as Partial<FinderState>).visibleIds;
	cluster(shown);
	if (single) map.setView([single.lat, single.lng], 17, { animate: false });
	// /einrichtungen/?zeige=<id> (from a facility page): centre on that place and open its popup.
	const wanted = new URLSearchParams(location.search).get('zeige');
	if (wanted && !single) reveal(wanted);

	/** Marks the list entry of a place and brings it into view. */
	function highlight(id: string) {
		for (const item of scope.querySelectorAll('li.is-selected')) item.classList.remove('is-selected');
		const item = scope.querySelector<HTMLElement>(`li[data-facility="${CSS.escape(id)}"]`);
		item?.classList.add('is-selected');
		item?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
	}

	// Escape closes the popup and gives focus back to the marker that opened it.
	container.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && lastMarker?.isPopupOpen()) {
			lastMarker.closePopup();
			(lastMarker.getElement() as HTMLElement | undefined)?.focus();
		}
	});
	map.on('popupopen', (event) => {
		const popupLink = event.popup.getElement()?.querySelector<HTMLAnchorElement>('a[href]');
		popupLink?.focus({ preventScroll: true });
	});

	// „Auf der Karte zeigen" in each list entry (also in entries the finder adds later).
	if (!single) {
		for (const button of scope.querySelectorAll<HTMLButtonElement>('[data-show-on-map]')) button.hidden = false;
		scope.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest('[data-show-on-map]');
			const id = button?.closest<HTMLElement>('li[data-facility]')?.dataset.facility;
			if (!id) return;
			container.scrollIntoView({ block: 'nearest' });
			reveal(id);
		});
	}

	// Filtering the list filters the map.
	scope.addEventListener('facilities-filtered', (event) => {
		const visible = (event as CustomEvent<{ ids: Set<string> }>).detail.ids;
		const before = shown;
		shown = visible;
		if (before ? before.size === visible.size && [...visible].every((id) => before.has(id)) : visible.size === places.length) return;
		cluster(visible);
	});

	// Projects and upcoming events with a place, each as a layer the visitor switches on.
	if (!single && loading) {
		const { data } = await loading;
		const layerRows: Record<'projects' | 'events', { rows: LayerRow[]; color: string; kind: string }> = {
			projects: { rows: data.projects, color: '#4a3f8c', kind: 'Projekt' },
			events: { rows: data.events, color: '#8a3b12', kind: 'Termin' },
		};
		for (const box of host.querySelectorAll<HTMLInputElement>('input[data-layer]')) {
			const name = box.dataset.layer as 'projects' | 'events';
			const { rows, color, kind } = layerRows[name];
			const count = box.parentElement?.querySelector('[data-layer-count]');
			if (count) count.textContent = ` (${rows.length})`;
			const icon = markerIcon(color, LAYER_ICONS[name], 'square');
			const group = L.layerGroup(
				rows.map(([link, title, lat, lng, detail]) => {
					const marker = namedMarker(lat, lng, `${kind}: ${title}`, icon, `<p class="map-popup__title"><a href="${link}">${escape(title)}</a></p><p>${escape(kind)} · ${escape(detail)}</p>`);
					marker.on('popupopen', () => (lastMarker = marker));
					return marker;
				}),
			);
			const toggle = () => (box.checked ? group.addTo(map) : group.remove());
			box.addEventListener('change', toggle);
			toggle();
		}
	}

	// Detailed map: self-hosted (no consent needed) or from another host after consent.
	await addBasemap(map, host, escape);
	host.dispatchEvent(new CustomEvent('map-ready', { bubbles: true }));
}
