/**
 * The Leaflet map of the facility list (loaded on demand by <facility-map>). Markers come from the same data as
 * the finder (/einrichtungen/karte.json), so list and map always show the same places; filtering the list
 * filters the map. Projects and upcoming events with a place can be switched on as extra layers.
 *
 * Facilities, projects and events share one cluster index (supercluster), so no two targets ever overlap: nearby
 * ones form a group that says what it holds, and things at the very same spot stand in a small circle once the
 * map is zoomed in all the way. Only what is in view becomes a marker, so thousands of places stay quick.
 */
import * as L from 'leaflet';
import Supercluster, { type PointFeature } from 'supercluster';
import 'leaflet/dist/leaflet.css';
import '../styles/leaflet-fixes.css';
import type { LayerRow, MapPlace, Place } from '../lib/map-data';
import { loadMapData, loadPlaces } from './map-data-client';
import { addBasemap } from './basemap';
import { gestureHandling } from './map-gestures';
import { fill } from '../i18n/fill';

/** What <facility-finder> exposes: the ids its current filter lets through. */
export interface FinderState {
	visibleIds: Set<string>;
}

/** f = facility, p = project, e = event. */
type Kind = 'f' | 'p' | 'e';
/** One point of the index: its kind, its row, and its place in a circle of things at the same spot (o of n). */
interface Item {
	k: Kind;
	i: number;
	o: number;
	n: number;
}
/** What a group holds, per kind. */
type Tally = Record<Kind, number>;

/** Colour and icon (24 × 24 path) of the layer markers. */
const LAYERS = {
	p: { color: '#4a3f8c', icon: 'M4 20V9l8-6 8 6v11h-5v-6H9v6z' },
	e: { color: '#8a3b12', icon: 'M6 2h2v2h8V2h2v2h3v17H3V4h3zm-1 7v10h14V9zm2 2h4v4H7z' },
} as const;

/** Words from the page's dictionary (see FacilityMap.astro): group names, and each kind in singular and plural. */
type Words = { group: string; groupMixed: string } & Record<Kind, [string, string]>;

function escape(text: string): string {
	const div = document.createElement('div');
	div.textContent = text;
	return div.innerHTML;
}

/** Where the o-th of n things at one spot stands, in pixels from the spot (a circle wide enough for 30 px markers). */
function offset(o: number, n: number): [number, number] {
	if (n < 2) return [0, 0];
	const radius = Math.max(24, 20 / Math.sin(Math.PI / n));
	const angle = (2 * Math.PI * o) / n - Math.PI / 2;
	return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
}

const markerIcon = (color: string, path: string, shape: 'round' | 'square', [dx, dy]: [number, number]) =>
	L.divIcon({
		className: `map-marker map-marker--${shape}`,
		// Icon and colour (and for layers, the shape): the kind of place is never told by colour alone.
		html: `<span style="background:${color}" aria-hidden="true"><svg viewBox="0 0 24 24" focusable="false"><path d="${escape(path)}"></path></svg></span>`,
		iconSize: [30, 30],
		iconAnchor: [15 - dx, 15 - dy],
		popupAnchor: [dx, dy - 14],
	});

/** A marker that is a named button: Enter and Space open its popup (written when it first opens). */
function namedMarker(lat: number, lng: number, name: string, icon: L.DivIcon, popup: () => string) {
	const marker = L.marker([lat, lng], { title: name, keyboard: true, icon });
	marker.bindPopup(() => popup());
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
	const words = JSON.parse(host.dataset.words ?? '{}') as Words;

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
	const mapData = loading ? await loading : undefined;
	const places: MapPlace[] = single
		? [{ id: single.id, name: single.name, category: { id: '', label: single.category, plural: '', color: single.color, icon: single.icon }, lat: single.lat, lng: single.lng }]
		: (mapData?.places ?? []);
	const layerRows: Record<'p' | 'e', LayerRow[]> = { p: mapData?.data.projects ?? [], e: mapData?.data.events ?? [] };
	// Addresses for the popups arrive with the finder's details; until then a popup shows name and category.
	let detailed: Place[] | undefined;
	if (!single) void loadPlaces().then((all) => (detailed = all));
	let lastMarker: L.Marker | undefined;
	const byId = new Map(places.map((place, i) => [place.id, i]));

	const index = new Supercluster<Item, Tally>({
		radius: 60,
		extent: 256,
		minZoom,
		maxZoom: maxZoom - 1,
		map: (item) => ({ f: item.k === 'f' ? 1 : 0, p: item.k === 'p' ? 1 : 0, e: item.k === 'e' ? 1 : 0 }),
		reduce: (sum, item) => {
			sum.f += item.f;
			sum.p += item.p;
			sum.e += item.e;
		},
	});
	const layer = L.layerGroup().addTo(map);
	const markers = new Map<string, L.Marker>();
	let clusterMarkers = new Map<number, L.Marker>();
	let current = new Set<L.Marker>();

	/** The marker of one thing, made when it first comes into view. */
	function itemMarker({ k, i, o, n }: Item): L.Marker {
		const key = `${k}${i}@${o}/${n}`;
		let marker = markers.get(key);
		if (marker) return marker;
		if (k === 'f') {
			const place = places[i] as MapPlace;
			const { category } = place;
			marker = namedMarker(place.lat, place.lng, `${place.name}, ${category.label}`, markerIcon(category.color, category.icon, 'round', offset(o, n)), () => {
				const address = detailed?.[i]?.address;
				return `<p class="map-popup__title"><a href="/einrichtungen/${place.id}/">${escape(place.name)}</a></p><p>${escape(category.label)}${address ? `<br>${escape(address)}` : ''}</p>`;
			});
			marker.on('popupopen', () => highlight(place.id));
		} else {
			const [link, title, rowLat, rowLng, detail] = layerRows[k][i] as LayerRow;
			const { color, icon } = LAYERS[k];
			const kind = words[k][0];
			marker = namedMarker(rowLat, rowLng, `${kind}: ${title}`, markerIcon(color, icon, 'square', offset(o, n)), () => `<p class="map-popup__title"><a href="${link}">${escape(title)}</a></p><p>${escape(kind)} · ${escape(detail)}</p>`);
		}
		const made = marker;
		made.on('popupopen', () => (lastMarker = made));
		markers.set(key, made);
		return made;
	}

	/** A group is a button too: it says what it holds and zooms in to show it. */
	function clusterMarker(id: number, tally: Tally, count: number, clusterLat: number, clusterLng: number): L.Marker {
		let marker = clusterMarkers.get(id);
		if (marker) return marker;
		const parts = (['f', 'p', 'e'] as const).filter((k) => tally[k] > 0).map((k) => `${tally[k]} ${words[k][tally[k] === 1 ? 0 : 1]}`);
		// The name starts with the number the group shows (WCAG 2.5.3), then says what it holds.
		const label = fill(words.group, { what: parts.length === 1 ? (parts[0] ?? '') : fill(words.groupMixed, { count, what: parts.join(', ') }) });
		marker = L.marker([clusterLat, clusterLng], { keyboard: true, icon: L.divIcon({ className: 'map-cluster', html: `<span>${count}</span>`, iconSize: [40, 40] }) });
		const expand = () => {
			map.setView([clusterLat, clusterLng], Math.min(index.getClusterExpansionZoom(id), maxZoom), { animate: false });
			// Keyboard users continue on the first place or group the zoom revealed.
			container.querySelector<HTMLElement>('.leaflet-marker-icon')?.focus({ preventScroll: true });
		};
		const made = marker;
		made.on('add', () => {
			const element = made.getElement();
			element?.setAttribute('aria-label', label);
			element?.addEventListener('keydown', (event) => {
				if (event.key !== 'Enter' && event.key !== ' ') return;
				event.preventDefault();
				expand();
			});
		});
		made.on('click', expand);
		clusterMarkers.set(id, made);
		return made;
	}

	/** Shows the groups and things in view; markers that stay keep their element (and focus). */
	function render() {
		const view = map.getBounds().pad(0.25);
		const next = new Set<L.Marker>();
		for (const feature of index.getClusters([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()], Math.floor(map.getZoom()))) {
			const [itemLng, itemLat] = feature.geometry.coordinates as [number, number];
			const props = feature.properties;
			next.add('cluster' in props && props.cluster ? clusterMarker(props.cluster_id, props, props.point_count, itemLat, itemLng) : itemMarker(props as Item));
		}
		for (const marker of current) if (!next.has(marker)) layer.removeLayer(marker);
		for (const marker of next) if (!current.has(marker)) layer.addLayer(marker);
		current = next;
	}

	const shownLayers = new Set<'p' | 'e'>();
	// Things at the very same spot (an event at a facility) get their places in a small circle. Each thing's spot
	// is numbered once here, so a filter change only counts.
	const spotNumbers = new Map<string, number>();
	const spotOf = (spotLat: number, spotLng: number) => {
		const key = `${spotLat},${spotLng}`;
		const known = spotNumbers.get(key);
		if (known !== undefined) return known;
		spotNumbers.set(key, spotNumbers.size);
		return spotNumbers.size - 1;
	};
	const spots: Record<Kind, number[]> = {
		f: places.map((place) => spotOf(place.lat, place.lng)),
		p: layerRows.p.map(([, , rowLat, rowLng]) => spotOf(rowLat, rowLng)),
		e: layerRows.e.map(([, , rowLat, rowLng]) => spotOf(rowLat, rowLng)),
	};
	const onSpot = new Uint32Array(spotNumbers.size);
	const takenOnSpot = new Uint32Array(spotNumbers.size);

	/** Facilities with these ids (all when undefined) and the switched-on layers, clustered anew. */
	function cluster(ids: Set<string> | undefined) {
		const chosen: [Kind, number][] = [];
		if (ids) {
			// A filter usually lets few through: look those up instead of testing every place.
			const found: number[] = [];
			for (const id of ids) {
				const i = byId.get(id);
				if (i !== undefined) found.push(i);
			}
			for (const i of found.sort((a, b) => a - b)) chosen.push(['f', i]);
		} else for (let i = 0; i < places.length; i++) chosen.push(['f', i]);
		for (const k of shownLayers) for (let i = 0; i < layerRows[k].length; i++) chosen.push([k, i]);
		onSpot.fill(0);
		takenOnSpot.fill(0);
		for (const [k, i] of chosen) onSpot[spots[k][i] as number]! += 1;
		const points = chosen.map(([k, i]): PointFeature<Item> => {
			const spot = spots[k][i] as number;
			const o = takenOnSpot[spot]!++;
			const row = k === 'f' ? undefined : (layerRows[k][i] as LayerRow);
			const place = places[i] as MapPlace;
			const coordinates = row ? [row[3], row[2]] : [place.lng, place.lat];
			return { type: 'Feature', properties: { k, i, o, n: onSpot[spot] ?? 1 }, geometry: { type: 'Point', coordinates } };
		});
		index.load(points);
		clusterMarkers = new Map();
		render();
	}
	map.on('moveend', render);

	/** Set when the markers no longer match the filter; the update waits for the list to be drawn (see `facilities-filtered` below). */
	let stale = false;
	function flush() {
		if (!stale) return;
		stale = false;
		cluster(shown);
		host.dispatchEvent(new CustomEvent('map-updated', { bubbles: true }));
	}

	/** Zooms to where the facility stands alone and opens its popup. */
	function reveal(id: string) {
		flush();
		const i = byId.get(id);
		if (i === undefined) return;
		const place = places[i] as MapPlace;
		const near = 1e-6;
		const alone = (zoom: number) =>
			index.getClusters([place.lng - near, place.lat - near, place.lng + near, place.lat + near], zoom).find((f): f is PointFeature<Item> => !('cluster' in f.properties) && f.properties.k === 'f' && f.properties.i === i);
		let zoom = Math.max(Math.floor(map.getZoom()), minZoom);
		while (zoom < maxZoom && !alone(zoom)) zoom++;
		map.setView([place.lat, place.lng], zoom, { animate: false });
		const item = alone(zoom)?.properties;
		if (item) itemMarker(item).openPopup();
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
		if (!item) return;
		item.classList.add('is-selected');
		bringIntoView(item);
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
			reveal(id);
		});

		// Filtering the list filters the map: right after the list has been drawn, so the list (the main way to the
		// places) answers first and the map follows a frame later.
		scope.addEventListener('facilities-filtered', (event) => {
			const visible = (event as CustomEvent<{ ids: Set<string> }>).detail.ids;
			const before = shown;
			shown = visible;
			if (before ? before.size === visible.size && [...visible].every((id) => before.has(id)) : visible.size === places.length) return;
			if (stale) return;
			stale = true;
			// A task queued from the next frame runs once that frame (with the new list) has been painted.
			requestAnimationFrame(() => setTimeout(flush));
		});

		// Projects and upcoming events with a place, each as a layer the visitor switches on.
		for (const box of host.querySelectorAll<HTMLInputElement>('input[data-layer]')) {
			const k = box.dataset.layer === 'projects' ? 'p' : 'e';
			const count = box.parentElement?.querySelector('[data-layer-count]');
			if (count) count.textContent = ` (${layerRows[k].length})`;
			const toggle = () => {
				if (box.checked) shownLayers.add(k);
				else shownLayers.delete(k);
				stale = true;
				flush();
			};
			box.addEventListener('change', toggle);
			// The browser may restore a ticked box on reload.
			if (box.checked) toggle();
		}
	}

	// Detailed map: self-hosted (no consent needed) or from another host after consent.
	await addBasemap(map, host, escape);
	host.dispatchEvent(new CustomEvent('map-ready', { bubbles: true }));
}
