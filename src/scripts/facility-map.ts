/**
 * The Leaflet map of the facility list (loaded on demand by <facility-map>). Markers come from the same data as
 * the finder (/einrichtungen/karte.json), so list and map always show the same places; filtering the list
 * filters the map. Projects and upcoming events with a place can be switched on as extra layers.
 *
 * Facilities, projects and events share one cluster index (supercluster), so targets do not pile up: nearby
 * ones form a group that says what it holds, and things at the very same spot stand in a small circle once the
 * map is zoomed in all the way. Only what is in view becomes a marker, so thousands of places stay quick.
 *
 * The index holds every facility and is built once (again only when a layer is switched): a filter change only
 * counts which members of the groups in view it lets through, so the map follows the list in the same frame.
 * A group then shows the number of its members that pass, stands at their centre, and a group with one such
 * member shows that member itself.
 */
import * as L from 'leaflet';
import Supercluster, { type PointFeature } from 'supercluster';
// The map's stylesheets arrive with the map, not with the page (see `stylesheet`).
import { loadMapStyles } from './map-styles';
import { LAYER_PARAMS, LAYER_STYLES, type LayerRow, type MapPlace, type Place, type SinglePlace } from '../lib/map-data';
import { loadMapData, loadPlaces } from './map-data-client';
import { addDetailMap } from './detail-map';
import { addBaseLayer } from './base-layer';
import { gestureHandling } from './map-gestures';
import { fill } from '../i18n/fill';
import { escapeHtml } from '../lib/escape';
import { href, pageLink } from '../lib/routes';

/** What <facility-finder> exposes (and sends with `facilities-filtered`): the rows of the shared place data its filter lets through. */
export interface FinderState {
	visibleRows: Uint32Array;
}

/** f = facility, p = project, e = event. */
type Kind = 'f' | 'p' | 'e';
/** One point of the index: its kind, its row, and its number in the index (g). */
interface Item {
	k: Kind;
	i: number;
	g: number;
}
/** What a group holds, per kind. */
type Tally = Record<Kind, number>;
/**
 * What the index keeps of a point or group (see `map` and `reduce` below): its tally, and the tree of what it
 * holds (a point's item, a group's parts), so the members of a group are known without searching the index.
 */
interface Node extends Tally {
	item?: Item | undefined;
	parts?: Node[] | undefined;
}

/** The numbers (g) of all things a group holds, from the tree its parts form. */
function collect(node: Node, into: number[]): number[] {
	if (node.item) into.push(node.item.g);
	if (node.parts) for (const part of node.parts) collect(part, into);
	return into;
}

/** Cluster radius in pixels (at 256 px tiles, as Leaflet's), and how far a group's members may lie from its centre. */
/**
 * Attributes for German text in a popup on another language's page: facility names and addresses, and the projects'
 * and events' titles and detail lines (karte.json is written once, in German).
 */
const GERMAN = document.documentElement.lang === 'de' ? '' : ' lang="de" dir="ltr"';
const RADIUS = 60;
const REACH = 4 * RADIUS;

const LAYERS = LAYER_STYLES;

/** Words from the page's dictionary (see FacilityMap.astro): group names, and each kind in singular and plural. */
type Words = { group: string; groupMixed: string } & Record<Kind, [string, string]>;

/** Where the o-th of n things at one spot stands, in pixels from the spot (a circle wide enough for 30 px markers). */
function offset(o: number, n: number): [number, number] {
	if (n < 2) return [0, 0];
	const radius = Math.max(24, 20 / Math.sin(Math.PI / n));
	const angle = (2 * Math.PI * o) / n - Math.PI / 2;
	return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
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

export async function mountMap(host: HTMLElement) {
	const found = host.querySelector<HTMLElement>('[data-map]');
	if (!found) return;
	// Pages without a map never download these.
	await loadMapStyles();
	const container: HTMLElement = found;
	const single = host.dataset.single ? (JSON.parse(host.dataset.single) as SinglePlace) : undefined;
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
	// The district's own base layer orients without consent; without one, a dashed frame shows the district.
	const base = host.dataset.basemap ? await addBaseLayer(map, host.dataset.basemap).catch(() => false) : false;
	if (!base) L.rectangle(frame, { color: '#1b1f1e', weight: 2, fill: false, dashArray: '6 6', interactive: false }).addTo(map);
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

	// The index keeps each point's tally and item (`map`), and each group its parts (`reduce`): a group's
	// properties start as a copy of the point or group it grew from, which becomes its first part.
	const grown = new WeakSet<Node>();
	// A new index for each load: supercluster keeps every group's properties of earlier loads otherwise.
	const newIndex = () => new Supercluster<Item, Node>({
		radius: RADIUS,
		extent: 256,
		minZoom,
		maxZoom: maxZoom - 1,
		map: (item) => ({ f: item.k === 'f' ? 1 : 0, p: item.k === 'p' ? 1 : 0, e: item.k === 'e' ? 1 : 0, item }),
		reduce: (sum, part) => {
			if (!grown.has(sum)) {
				grown.add(sum);
				sum.parts = [{ f: sum.f, p: sum.p, e: sum.e, item: sum.item, parts: sum.parts }];
				sum.item = undefined;
			}
			sum.f += part.f;
			sum.p += part.p;
			sum.e += part.e;
			sum.parts?.push(part);
		},
	});
	let index = newIndex();
	const layer = L.layerGroup().addTo(map);
	const markers = new Map<string, L.Marker>();
	/** Group markers by cluster id, with what each shows now (a filter changes the number and the name). */
	let groups = new Map<number, { marker: L.Marker; holds: string; count: number; label: string }>();

	/** A group's name: it starts with the number the group shows (WCAG 2.5.3), then says what it holds. */
	function groupName(tally: Tally, count: number): string {
		const parts = (['f', 'p', 'e'] as const).filter((k) => tally[k] > 0).map((k) => fill(words[k][1], { count: tally[k] }));
		return fill(words.group, { what: parts.length === 1 ? (parts[0] ?? '') : fill(words.groupMixed, { count, what: parts.join(', ') }) });
	}
	/** The members (g) of each group in view, collected in idle time or when a filter first needs them. */
	let members = new Map<number, number[]>();
	let current = new Set<L.Marker>();

	/** Everything in the index, by number (g): the item and its place. */
	let items: Item[] = [];
	let lats = new Float64Array(0);
	let lngs = new Float64Array(0);
	/** Facilities the finder's filter lets through (their rows, and 1 or 0 by row); all pass while `filtering` is false. */
	let passing: Uint32Array = new Uint32Array(0);
	const passes = new Uint8Array(places.length);
	let filtering = false;
	const shows = (item: Item) => !filtering || item.k !== 'f' || passes[item.i] === 1;

	/** A thing's icon, moved to its place in the circle of things shown at its spot. */
	function itemIcon({ k, i }: Item, o: number, n: number): L.DivIcon {
		if (k !== 'f') return markerIcon(LAYERS[k].color, LAYERS[k].icon, 'square', offset(o, n));
		const { category } = places[i] as MapPlace;
		return markerIcon(category.color, category.icon, single?.shape ?? 'round', offset(o, n));
	}
	/** Where in its circle each thing's marker stands now ("o/n"). */
	const circled = new Map<string, string>();

	/**
	 * The marker of one thing, made when it first comes into view. When the things shown at its spot change, the
	 * same marker moves in the circle (Leaflet keeps its element, so focus and an open popup stay).
	 */
	function itemMarker(item: Item): L.Marker {
		const { k, i } = item;
		const [o, n] = placeOnSpot(item);
		const key = `${k}${i}`;
		let marker = markers.get(key);
		if (marker) {
			if (circled.get(key) !== `${o}/${n}`) {
				circled.set(key, `${o}/${n}`);
				marker.setIcon(itemIcon(item, o, n));
			}
			return marker;
		}
		circled.set(key, `${o}/${n}`);
		if (k === 'f') {
			const place = places[i] as MapPlace;
			const { category } = place;
			marker = namedMarker(place.lat, place.lng, `${place.name}, ${category.label}`, itemIcon(item, o, n), () => {
				const address = detailed?.[i]?.address;
				const name = single ? '' : GERMAN;
				return `<p class="map-popup__title"><a href="${escapeHtml(pageLink(single?.href ?? href.facility(place.id)))}"${name}>${escapeHtml(place.name)}</a></p><p>${escapeHtml(category.label)}${address ? `<br><span${GERMAN}>${escapeHtml(address)}</span>` : ''}</p>`;
			});
			marker.on('popupopen', () => highlight(place.id, !revealing));
		} else {
			const [link, title, rowLat, rowLng, detail] = layerRows[k][i] as LayerRow;
			const kind = words[k][0];
			marker = namedMarker(rowLat, rowLng, `${kind}: ${title}`, itemIcon(item, o, n), () => `<p class="map-popup__title"><a href="${escapeHtml(pageLink(link))}"${GERMAN}>${escapeHtml(title)}</a></p><p>${escapeHtml(kind)} · <span${GERMAN}>${escapeHtml(detail)}</span></p>`);
		}
		const made = marker;
		made.on('popupopen', () => (lastMarker = made));
		markers.set(key, made);
		return made;
	}

	/** A group is a button too: it says what it holds and zooms in to show it. */
	function groupMarker(id: number, tally: Tally, count: number, groupLat: number, groupLng: number): L.Marker {
		const holds = `${tally.f}/${tally.p}/${tally.e}`;
		const known = groups.get(id);
		if (known) {
			const { marker } = known;
			if (known.holds !== holds) {
				Object.assign(known, { holds, count, label: groupName(tally, count) });
				const element = marker.getElement();
				if (element) show(element, count, known.label);
			}
			const at = marker.getLatLng();
			if (at.lat !== groupLat || at.lng !== groupLng) marker.setLatLng([groupLat, groupLng]);
			return marker;
		}
		const marker = L.marker([groupLat, groupLng], { keyboard: true, icon: L.divIcon({ className: 'map-cluster', html: '<span></span>', iconSize: [40, 40] }) });
		const group = { marker, holds, count, label: groupName(tally, count) };
		groups.set(id, group);
		const expand = () => {
			map.setView(marker.getLatLng(), Math.min(index.getClusterExpansionZoom(id), maxZoom), { animate: false });
			// Keyboard users continue on the first place or group the zoom revealed.
			container.querySelector<HTMLElement>('.leaflet-marker-pane .leaflet-marker-icon')?.focus({ preventScroll: true });
		};
		marker.on('add', () => {
			const element = marker.getElement();
			if (!element) return;
			// Leaflet draws the icon anew each time the marker comes into view: write what the group shows now.
			show(element, group.count, group.label);
			element.addEventListener('keydown', (event) => {
				if (event.key !== 'Enter' && event.key !== ' ') return;
				event.preventDefault();
				expand();
			});
		});
		marker.on('click', expand);
		return marker;
	}
	function show(element: HTMLElement, count: number, label: string) {
		element.setAttribute('aria-label', label);
		const number = element.firstElementChild as HTMLElement;
		// Changing the text in place is cheaper for the browser than replacing it.
		if (number.firstChild instanceof Text) number.firstChild.data = String(count);
		else number.textContent = String(count);
	}

	/** The things a group holds (from the tree the index keeps), collected once per group. */
	function membersOf(id: number, node: Node): number[] {
		let found = members.get(id);
		if (!found) members.set(id, (found = collect(node, [])));
		return found;
	}
	/**
	 * The groups and single things in view. Each group is a slot; `slotOf` tells for every thing in the index which
	 * slot holds it (-1: none in view). It is worked out in idle time after the view changes, so a filter change
	 * only walks the facilities that pass.
	 */
	let slots: { id: number; node: Node; lat: number; lng: number }[] = [];
	let singles: Item[] = [];
	let slotOf = new Int32Array(0);
	let slotsKnown = false;
	const whenIdle = window.requestIdleCallback?.bind(window) ?? ((work: () => void) => setTimeout(work, 50));
	let idleQueued = false;

	/** What the switched-on layers put into each slot: they pass every filter, so this is counted once per view. */
	let layerCount = { p: new Uint32Array(0), e: new Uint32Array(0), lat: new Float64Array(0), lng: new Float64Array(0), one: new Int32Array(0) };
	function knowSlots() {
		if (slotsKnown) return;
		slotsKnown = true;
		slotOf.fill(-1);
		const n = slots.length;
		layerCount = { p: new Uint32Array(n), e: new Uint32Array(n), lat: new Float64Array(n), lng: new Float64Array(n), one: new Int32Array(n) };
		for (const [s, { id, node }] of slots.entries()) {
			for (const g of membersOf(id, node)) {
				slotOf[g] = s;
				const { k } = items[g] as Item;
				if (k === 'f') continue;
				layerCount[k][s]! += 1;
				layerCount.lat[s]! += lats[g] as number;
				layerCount.lng[s]! += lngs[g] as number;
				layerCount.one[s] = g;
			}
		}
	}

	/** Finds what is in view (after a move, a zoom or a new index) and shows it. */
	function render() {
		// Groups whose centre lies this far outside the view may hold things in it (that a filter leaves alone).
		const pixels = map.getPixelBounds();
		const margin = L.point(REACH, REACH);
		const view = L.latLngBounds(map.unproject(pixels.min!.subtract(margin)), map.unproject(pixels.max!.add(margin)));
		slots = [];
		singles = [];
		for (const feature of index.getClusters([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()], Math.floor(map.getZoom()))) {
			const [itemLng, itemLat] = feature.geometry.coordinates as [number, number];
			const props = feature.properties;
			if ('cluster' in props && props.cluster) slots.push({ id: props.cluster_id, node: props, lat: itemLat, lng: itemLng });
			else singles.push(props as Item);
		}
		slotsKnown = false;
		draw();
		if (!idleQueued) {
			idleQueued = true;
			whenIdle(() => {
				idleQueued = false;
				knowSlots();
			});
		}
	}

	/**
	 * Shows the groups and things in view under the filter; markers that stay keep their element (and focus). A
	 * group shows what passes: nothing, its only member that passes, or a group of those at their centre.
	 */
	function draw() {
		const next = new Set<L.Marker>();
		// Markers are made for what stands in or near the view only.
		const near = map.getBounds().pad(0.25);
		const [south, west, north, east] = [near.getSouth(), near.getWest(), near.getNorth(), near.getEast()];
		const put = (markerLat: number, markerLng: number, marker: () => L.Marker) => {
			if (markerLat >= south && markerLat <= north && markerLng >= west && markerLng <= east) next.add(marker());
		};
		if (!filtering) {
			for (const { id, node, lat: groupLat, lng: groupLng } of slots) put(groupLat, groupLng, () => groupMarker(id, node, node.f + node.p + node.e, groupLat, groupLng));
		} else {
			knowSlots();
			const n = slots.length;
			const f = new Uint32Array(n);
			const sumLat = new Float64Array(n);
			const sumLng = new Float64Array(n);
			const one = new Int32Array(n);
			for (const row of passing) {
				const s = slotOf[row] as number;
				if (s < 0) continue;
				f[s]! += 1;
				sumLat[s]! += lats[row] as number;
				sumLng[s]! += lngs[row] as number;
				one[s] = row;
			}
			for (const [s, { id, node, lat: groupLat, lng: groupLng }] of slots.entries()) {
				const tally = { f: f[s] as number, p: layerCount.p[s] as number, e: layerCount.e[s] as number };
				const count = tally.f + tally.p + tally.e;
				if (count === 0) continue;
				if (count === 1) {
					const g = tally.f ? (one[s] as number) : (layerCount.one[s] as number);
					put(lats[g] as number, lngs[g] as number, () => itemMarker(items[g] as Item));
				} else if (count === node.f + node.p + node.e) put(groupLat, groupLng, () => groupMarker(id, tally, count, groupLat, groupLng));
				else {
					const [centreLat, centreLng] = [((sumLat[s] as number) + (layerCount.lat[s] as number)) / count, ((sumLng[s] as number) + (layerCount.lng[s] as number)) / count];
					put(centreLat, centreLng, () => groupMarker(id, tally, count, centreLat, centreLng));
				}
			}
		}
		for (const item of singles) if (shows(item)) put(lats[item.g] as number, lngs[item.g] as number, () => itemMarker(item));
		for (const marker of current) if (!next.has(marker)) layer.removeLayer(marker);
		for (const marker of next) if (!current.has(marker)) layer.addLayer(marker);
		current = next;
	}
	map.on('moveend', render);

	const shownLayers = new Set<'p' | 'e'>();
	/** The things at each thing's very spot (an event at a facility), by number (g); filled when the index is built. */
	let atSpot: Item[][] = [];
	/** Where a thing stands in the small circle of those at its spot that are shown: o-th of n. */
	function placeOnSpot(item: Item): [number, number] {
		const together = atSpot[item.g];
		if (!together || together.length < 2) return [0, 1];
		let o = 0;
		let n = 0;
		for (const other of together) {
			if (!shows(other)) continue;
			if (other === item) o = n;
			n++;
		}
		return [o, n];
	}

	const placeOf = ({ k, i }: Item): [number, number] => {
		if (k === 'f') return [(places[i] as MapPlace).lat, (places[i] as MapPlace).lng];
		const row = layerRows[k][i] as LayerRow;
		return [row[2], row[3]];
	};

	/** Every facility (first, g = row) and the switched-on layers, indexed anew. */
	function rebuild() {
		items = places.map((_, i) => ({ k: 'f', i, g: i }));
		for (const k of shownLayers) for (let i = 0; i < layerRows[k].length; i++) items.push({ k, i, g: items.length });
		lats = new Float64Array(items.length);
		lngs = new Float64Array(items.length);
		slotOf = new Int32Array(items.length);
		const spots = new Map<string, Item[]>();
		atSpot = [];
		const points = items.map((item): PointFeature<Item> => {
			const [itemLat, itemLng] = placeOf(item);
			lats[item.g] = itemLat;
			lngs[item.g] = itemLng;
			const key = `${itemLat},${itemLng}`;
			const together = spots.get(key) ?? [];
			together.push(item);
			spots.set(key, together);
			atSpot[item.g] = together;
			return { type: 'Feature', properties: item, geometry: { type: 'Point', coordinates: [itemLng, itemLat] } };
		});
		index = newIndex().load(points);
		groups = new Map();
		members = new Map();
		render();
	}

	/** Takes the finder's choice (the rows that pass; all when undefined); false when it is the one shown already. */
	function choose(rows: Uint32Array | undefined): boolean {
		const was = filtering;
		filtering = rows !== undefined && rows.length < places.length;
		if (!filtering || !rows) return was;
		if (was && rows.length === passing.length && rows.every((row) => passes[row] === 1)) return false;
		passes.fill(0);
		for (const row of rows) passes[row] = 1;
		passing = rows;
		return true;
	}

	/** Whether a facility stands alone at this zoom: not in a group, or the only member of its group that passes. */
	function alone(i: number, zoom: number): boolean {
		const place = places[i] as MapPlace;
		// A group's centre lies within its reach of everything it holds.
		const centre = map.project([place.lat, place.lng], zoom);
		const corner = (d: number) => map.unproject(centre.add([d, -d]), zoom);
		const [low, high] = [corner(-REACH), corner(REACH)];
		for (const feature of index.getClusters([low.lng, low.lat, high.lng, high.lat], zoom)) {
			const props = feature.properties;
			if (!('cluster' in props && props.cluster)) {
				if ((props as Item).k === 'f' && (props as Item).i === i) return true;
				continue;
			}
			// Facilities are numbered by row (g = i).
			const all = membersOf(props.cluster_id, props);
			if (!all.includes(i)) continue;
			return all.filter((g) => shows(items[g] as Item)).length === 1;
		}
		return false;
	}

	/** Set while a popup opens for „auf der Karte zeigen" or a link to the map (not a choice made on the map). */
	let revealing = false;
	/** Zooms to where the facility stands alone and opens its popup. */
	function reveal(id: string) {
		const i = byId.get(id);
		if (i === undefined) return;
		// Facilities are numbered by row (g = i).
		const item = items[i] as Item;
		if (!shows(item)) return;
		const place = places[i] as MapPlace;
		let zoom = Math.max(Math.floor(map.getZoom()), minZoom);
		while (zoom < maxZoom && !alone(i, zoom)) zoom++;
		map.setView([place.lat, place.lng], zoom, { animate: false });
		// The visitor came to see the place on the map: its list entry is marked, but the page stays at the map.
		revealing = true;
		itemMarker(item).openPopup();
		revealing = false;
	}

	// The finder may have filtered already (a shared link with filters): start with its choice.
	choose((scope as Partial<FinderState>).visibleRows);
	rebuild();
	if (single) map.setView([single.lat, single.lng], 16, { animate: false });
	// /einrichtungen/?zeige=<id> (from a facility page): centre on that place and open its popup.
	const wanted = new URLSearchParams(location.search).get('zeige');
	if (wanted && !single) reveal(wanted);

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

		// Filtering the list filters the map, in the same task: the list and the map are drawn in one frame.
		scope.addEventListener('facilities-filtered', (event) => {
			if (!choose((event as CustomEvent<FinderState>).detail.visibleRows)) return;
			draw();
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
			if (count) count.textContent = ` (${layerRows[k].length})`;
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
	host.dispatchEvent(new CustomEvent('map-ready', { bubbles: true }));
}
