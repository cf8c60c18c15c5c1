/**
 * The Leaflet side of the facility map: the map itself, the markers of places and groups, and their popups.
 * What to show comes from the index (map-index.ts); facility-map.ts connects both to the page.
 */
import * as L from 'leaflet';
import { LAYER_STYLES, type LayerRow, type MapPlace, type Place, type SinglePlace } from '../lib/map-data';
import { escapeHtml } from '../lib/escape';
import { href, pageLink } from '../lib/routes';
import { groupName, offset, REACH, type Box, type Item, type MapIndex, type Tally, type Words } from './map-index';

/**
 * Attributes for German text in a popup on another language's page: facility names and addresses, and the projects'
 * and events' titles and detail lines (karte.json is written once, in German).
 */
const GERMAN = document.documentElement.lang === 'de' ? '' : ' lang="de" dir="ltr"';

/** Where the map starts and how far it zooms. */
export interface MapFrame {
	center: [number, number];
	zoom: number;
	/** The district: [south, west, north, east]. */
	bounds: [number, number, number, number];
	maxZoom: number;
}

/**
 * The map in `container`, showing the district: no zooming out beyond it and its surroundings (the returned
 * `minZoom`, where groups start forming).
 */
export function createMap(container: HTMLElement, { center, zoom, bounds: [south, west, north, east], maxZoom }: MapFrame) {
	const frame = L.latLngBounds([south, west], [north, east]);
	const map = L.map(container, {
		center,
		zoom,
		// The page scrolls past the map: see gestureHandling for wheel and touch.
		scrollWheelZoom: false,
		dragging: !L.Browser.mobile,
		attributionControl: true,
		zoomSnap: 0.5,
		maxZoom,
	});
	map.attributionControl.setPrefix(false);
	const minZoom = Math.min(12, Math.floor(map.getBoundsZoom(frame)));
	map.setMinZoom(minZoom);
	map.fitBounds(frame, { animate: false });
	return { map, minZoom, frame };
}

/** A dashed frame around the district, for maps without a base layer of their own. */
export function drawFrame(map: L.Map, frame: L.LatLngBounds) {
	L.rectangle(frame, { color: '#1b1f1e', weight: 2, fill: false, dashArray: '6 6', interactive: false }).addTo(map);
}

/** The marker's coloured symbol. The colour is set through the DOM: the Content-Security-Policy refuses `style` attributes in markup. */
function markerSymbol(color: string, path: string): HTMLElement {
	const span = document.createElement('span');
	span.setAttribute('aria-hidden', 'true');
	span.style.background = color;
	span.innerHTML = `<svg viewBox="0 0 24 24" focusable="false"><path d="${escapeHtml(path)}"></path></svg>`;
	return span;
}

const markerIcon = (color: string, path: string, shape: 'round' | 'square', [dx, dy]: [number, number]) =>
	L.divIcon({
		className: `map-marker map-marker--${shape}`,
		// Icon and colour (and for layers, the shape): the kind of place is never told by colour alone.
		html: markerSymbol(color, path),
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

/** Writes the number a group shows and its name into its element. */
function showGroup(element: HTMLElement, count: number, label: string) {
	element.setAttribute('aria-label', label);
	const number = element.firstElementChild as HTMLElement;
	// Changing the text in place is cheaper for the browser than replacing it.
	if (number.firstChild instanceof Text) number.firstChild.data = String(count);
	else number.textContent = String(count);
}

export interface MarkerOptions {
	words: Words;
	/** The one place of a small map (its shape and its page), if the map shows one place only. */
	single?: SinglePlace | undefined;
	/** The facilities' details (addresses for the popups), once they have arrived. */
	details: () => Place[] | undefined;
	/**
	 * A facility's popup opened; `revealed` when the page asked for it („auf der Karte zeigen", a link to the
	 * map) rather than the visitor choosing it on the map.
	 */
	onOpen: (id: string, revealed: boolean) => void;
}

/**
 * The markers on the map: what the index shows in view, as markers made when they first come into view. Markers
 * that stay keep their element (and focus) when the view or the filter changes.
 */
export class MarkerView {
	private readonly layer: L.LayerGroup;
	private readonly markers = new Map<string, L.Marker>();
	/** Where in its circle each thing's marker stands now ("o/n"). */
	private readonly circled = new Map<string, string>();
	/** Group markers by cluster id, with what each shows now (a filter changes the number and the name). */
	private groups = new Map<number, { marker: L.Marker; holds: string; count: number; label: string }>();
	private current = new Set<L.Marker>();
	/** The marker whose popup opened last (Escape gives focus back to it). */
	lastMarker: L.Marker | undefined;
	/** Set while a popup opens for „auf der Karte zeigen" or a link to the map (not a choice made on the map). */
	private revealing = false;
	private idleQueued = false;
	private readonly whenIdle = window.requestIdleCallback?.bind(window) ?? ((work: () => void) => setTimeout(work, 50));

	private readonly map: L.Map;
	private readonly index: MapIndex;
	private readonly options: MarkerOptions;

	constructor(map: L.Map, index: MapIndex, options: MarkerOptions) {
		this.map = map;
		this.index = index;
		this.options = options;
		this.layer = L.layerGroup().addTo(map);
		map.on('moveend', () => this.render());
	}

	/** After a new build of the index: groups are new. */
	reset() {
		this.groups = new Map();
		this.render();
	}

	/** Finds what is in view (after a move, a zoom or a new build) and shows it. */
	render() {
		const { map, index } = this;
		// Groups whose centre lies this far outside the view may hold things in it (that a filter leaves alone).
		const pixels = map.getPixelBounds();
		const margin = L.point(REACH, REACH);
		const view = L.latLngBounds(map.unproject(pixels.min!.subtract(margin)), map.unproject(pixels.max!.add(margin)));
		index.look([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()], Math.floor(map.getZoom()));
		this.draw();
		if (!this.idleQueued) {
			this.idleQueued = true;
			this.whenIdle(() => {
				this.idleQueued = false;
				index.knowSlots();
			});
		}
	}

	/** Shows the groups and things in view under the filter (after `render`, or when the filter changed). */
	draw() {
		const next = new Set<L.Marker>();
		// Markers are made for what stands in or near the view only.
		const near = this.map.getBounds().pad(0.25);
		for (const shown of this.index.shown([near.getWest(), near.getSouth(), near.getEast(), near.getNorth()])) {
			next.add(shown.kind === 'item' ? this.itemMarker(shown.item) : this.groupMarker(shown.id, shown.tally, shown.count, shown.lat, shown.lng));
		}
		for (const marker of this.current) if (!next.has(marker)) this.layer.removeLayer(marker);
		for (const marker of next) if (!this.current.has(marker)) this.layer.addLayer(marker);
		this.current = next;
	}

	/** A thing's icon, moved to its place in the circle of things shown at its spot. */
	private itemIcon({ k, i }: Item, o: number, n: number): L.DivIcon {
		if (k !== 'f') return markerIcon(LAYER_STYLES[k].color, LAYER_STYLES[k].icon, 'square', offset(o, n));
		const { category } = this.index.places[i] as MapPlace;
		return markerIcon(category.color, category.icon, this.options.single?.shape ?? 'round', offset(o, n));
	}

	/**
	 * The marker of one thing, made when it first comes into view. When the things shown at its spot change, the
	 * same marker moves in the circle (Leaflet keeps its element, so focus and an open popup stay).
	 */
	private itemMarker(item: Item): L.Marker {
		const { k, i } = item;
		const { single, words } = this.options;
		const [o, n] = this.index.spotOf(item);
		const key = `${k}${i}`;
		let marker = this.markers.get(key);
		if (marker) {
			if (this.circled.get(key) !== `${o}/${n}`) {
				this.circled.set(key, `${o}/${n}`);
				marker.setIcon(this.itemIcon(item, o, n));
			}
			return marker;
		}
		this.circled.set(key, `${o}/${n}`);
		if (k === 'f') {
			const place = this.index.places[i] as MapPlace;
			const { category } = place;
			marker = namedMarker(place.lat, place.lng, `${place.name}, ${category.label}`, this.itemIcon(item, o, n), () => {
				const address = this.options.details()?.[i]?.address;
				const name = single ? '' : GERMAN;
				return `<p class="map-popup__title"><a href="${escapeHtml(pageLink(single?.href ?? href.facility(place.id)))}"${name}>${escapeHtml(place.name)}</a></p><p>${escapeHtml(category.label)}${address ? `<br><span${GERMAN}>${escapeHtml(address)}</span>` : ''}</p>`;
			});
			marker.on('popupopen', () => this.options.onOpen(place.id, this.revealing));
		} else {
			const [link, title, rowLat, rowLng, detail] = this.index.layerRows[k][i] as LayerRow;
			const kind = words[k][0];
			marker = namedMarker(rowLat, rowLng, `${kind}: ${title}`, this.itemIcon(item, o, n), () => `<p class="map-popup__title"><a href="${escapeHtml(pageLink(link))}"${GERMAN}>${escapeHtml(title)}</a></p><p>${escapeHtml(kind)} · <span${GERMAN}>${escapeHtml(detail)}</span></p>`);
		}
		const made = marker;
		made.on('popupopen', () => (this.lastMarker = made));
		this.markers.set(key, made);
		return made;
	}

	/** A group is a button too: it says what it holds and zooms in to show it. */
	private groupMarker(id: number, tally: Tally, count: number, groupLat: number, groupLng: number): L.Marker {
		const { map, index } = this;
		const holds = `${tally.f}/${tally.p}/${tally.e}`;
		const known = this.groups.get(id);
		if (known) {
			const { marker } = known;
			if (known.holds !== holds) {
				Object.assign(known, { holds, count, label: groupName(this.options.words, tally, count) });
				const element = marker.getElement();
				if (element) showGroup(element, count, known.label);
			}
			const at = marker.getLatLng();
			if (at.lat !== groupLat || at.lng !== groupLng) marker.setLatLng([groupLat, groupLng]);
			return marker;
		}
		const marker = L.marker([groupLat, groupLng], { keyboard: true, icon: L.divIcon({ className: 'map-cluster', html: '<span></span>', iconSize: [40, 40] }) });
		const group = { marker, holds, count, label: groupName(this.options.words, tally, count) };
		this.groups.set(id, group);
		const expand = () => {
			map.setView(marker.getLatLng(), Math.min(index.expansionZoom(id), map.getMaxZoom()), { animate: false });
			// Keyboard users continue on the first place or group the zoom revealed.
			map.getContainer().querySelector<HTMLElement>('.leaflet-marker-pane .leaflet-marker-icon')?.focus({ preventScroll: true });
		};
		marker.on('add', () => {
			const element = marker.getElement();
			if (!element) return;
			// Leaflet draws the icon anew each time the marker comes into view: write what the group shows now.
			showGroup(element, group.count, group.label);
			element.addEventListener('keydown', (event) => {
				if (event.key !== 'Enter' && event.key !== ' ') return;
				event.preventDefault();
				expand();
			});
		});
		marker.on('click', expand);
		return marker;
	}

	/** Zooms to where the facility stands alone (not in a group) and opens its popup (unless the filter hides it). */
	reveal(id: string) {
		const { map, index } = this;
		const row = index.rowOf(id);
		if (row === undefined) return;
		// Facilities are numbered by row (g = row).
		const item = index.item(row);
		if (!index.shows(item)) return;
		const place = index.places[row] as MapPlace;
		const maxZoom = map.getMaxZoom();
		/** The place's surroundings at a zoom, as far as a group holding it may reach. */
		const around = (zoom: number): Box => {
			const centre = map.project([place.lat, place.lng], zoom);
			const corner = (d: number) => map.unproject(centre.add([d, -d]), zoom);
			const [low, high] = [corner(-REACH), corner(REACH)];
			return [low.lng, low.lat, high.lng, high.lat];
		};
		let zoom = Math.max(Math.floor(map.getZoom()), map.getMinZoom());
		while (zoom < maxZoom && !index.alone(row, zoom, around(zoom))) zoom++;
		map.setView([place.lat, place.lng], zoom, { animate: false });
		// The visitor came to see the place on the map: its list entry is marked, but the page stays at the map.
		this.revealing = true;
		this.itemMarker(item).openPopup();
		this.revealing = false;
	}
}
