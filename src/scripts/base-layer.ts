/**
 * The district's own base layer (/einrichtungen/grundkarte.json, from content/karte/grundkarte.geojson): streets
 * with their names, green spaces, water, the district boundary and landmarks, drawn by the site itself under the
 * markers – before and without any consent, with no request to another host. Detailed tiles, once allowed, lie
 * over it (they sit in a higher pane); where a tile fails to arrive, the base layer still shows through. Only the
 * boundary stays on top of the tiles.
 *
 * The names are decoration for sighted orientation (hidden from screen readers): the list and the markers carry
 * everything the map says.
 */
import * as L from 'leaflet';
import type { BasemapFeature, BasemapGeometry, BasemapKind } from '../schemas/basemap';
import { escapeHtml } from '../lib/escape';

interface BaseLayerData {
	attribution: string;
	features: BasemapFeature[];
}

/** Below Leaflet's tile pane (200): tiles, when allowed and loaded, cover the base layer. */
const PANE = 'quartier-base';
const LABEL_PANE = 'quartier-base-labels';

/** Strokes and fills per kind; streets get a darker casing drawn first, so they stand out from the background. */
const STYLES: Record<Exclude<BasemapKind, 'landmark' | 'boundary'>, L.PathOptions[]> = {
	green: [{ stroke: false, fillColor: '#cde3c1', fillOpacity: 1 }],
	water: [{ color: '#6fa6d1', weight: 7, lineCap: 'round', fillColor: '#a8cbe6', fillOpacity: 1 }],
	rail: [{ color: '#5c6361', weight: 3 }, { color: '#ffffff', weight: 1.5, dashArray: '6 6' }],
	path: [{ color: '#7b8380', weight: 1.5, dashArray: '3 4' }],
	street: [{ color: '#9aa29f', weight: 8, lineCap: 'round' }, { color: '#ffffff', weight: 6, lineCap: 'round' }],
};
const BOUNDARY: L.PathOptions = { color: '#1b1f1e', weight: 2.5, dashArray: '8 6', fill: false };
/** Drawn first to last: areas, then lines, so streets cross parks and water and names lie above everything. */
const ORDER: BasemapKind[] = ['green', 'water', 'rail', 'path', 'street'];

const flip = (positions: [number, number][]) => positions.map(([lng, lat]): L.LatLngTuple => [lat, lng]);

/** Lines of a line geometry, as [lat, lng] pairs. */
function linesOf(geometry: BasemapGeometry): L.LatLngTuple[][] {
	if (geometry.type === 'LineString') return [flip(geometry.coordinates)];
	if (geometry.type === 'MultiLineString') return geometry.coordinates.map(flip);
	return [];
}

/** Areas of an area geometry: each a list of rings (outer, then holes) of [lat, lng] pairs. */
function areasOf(geometry: BasemapGeometry): L.LatLngTuple[][][] {
	if (geometry.type === 'Polygon') return [geometry.coordinates.map(flip)];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((rings) => rings.map(flip));
	return [];
}

/** A name the map may write: where, at what angle, and how much room it needs. */
interface Label {
	marker: L.Marker;
	at: L.LatLng;
	angle: number;
	/** Size of the text in pixels. */
	width: number;
	height: number;
	/** For names along a line: the length of the line, in pixels at zoom 20. */
	room?: number;
	/** Which names win where two would overlap: landmarks (0), then water and green (1), then lines (2). */
	priority: number;
}

const PRIORITY: Record<BasemapKind, number> = { landmark: 0, water: 1, green: 1, boundary: 2, street: 2, path: 3, rail: 3 };

let measure: CanvasRenderingContext2D | null | undefined;
/** Width of a name in the labels' font (see .base-label in styles/leaflet-fixes.css). */
function textWidth(text: string): number {
	measure ??= document.createElement('canvas').getContext('2d');
	if (!measure) return text.length * 7;
	measure.font = '600 12px system-ui, sans-serif';
	return measure.measureText(text).width;
}

/** A name along the longest straight piece near the middle of a line, upright for reading. */
function lineLabel(map: L.Map, line: L.LatLngTuple[], name: string, kind: BasemapKind): Label | undefined {
	const points = line.map((p) => map.project(p, 20));
	let best: { at: L.Point; angle: number; score: number } | undefined;
	for (let i = 1; i < points.length; i++) {
		const [a, b] = [points[i - 1] as L.Point, points[i] as L.Point];
		// Pieces near the middle of the line are preferred: names sit where the street visibly is.
		const score = a.distanceTo(b) * (1 - Math.abs(i - points.length / 2) / points.length);
		if (best && score <= best.score) continue;
		let angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
		if (angle > 90) angle -= 180;
		if (angle < -90) angle += 180;
		best = { at: a.add(b).divideBy(2), angle, score };
	}
	if (!best) return undefined;
	// A name may run a little past a bend, so the whole line is its room.
	const room = points.reduce((sum, point, i) => sum + (i ? point.distanceTo(points[i - 1] as L.Point) : 0), 0);
	return { ...label(map.unproject(best.at, 20), name, kind, best.angle), room };
}

function label(at: L.LatLng, name: string, kind: BasemapKind, angle = 0): Label {
	const span = document.createElement('span');
	span.textContent = name;
	span.setAttribute('aria-hidden', 'true');
	if (angle) span.style.rotate = `${angle.toFixed(1)}deg`;
	const marker = L.marker(at, {
		pane: LABEL_PANE,
		interactive: false,
		keyboard: false,
		icon: L.divIcon({ className: `base-label base-label--${kind}`, html: span, iconSize: [0, 0] }),
	});
	return { marker, at, angle, width: textWidth(name) + (kind === 'landmark' ? 12 : 0), height: 14, priority: PRIORITY[kind] };
}

/**
 * Writes the names that fit at the current zoom: a street's name only where its piece of street is long enough,
 * and no name over another (landmarks first, then water and green, then the longest streets).
 */
function placeLabels(map: L.Map, labels: Label[], group: L.LayerGroup) {
	const zoom = map.getZoom();
	const scale = 2 ** (zoom - 20);
	const taken: L.Bounds[] = [];
	for (const item of labels) {
		let fits = item.room === undefined || item.room * scale >= item.width + 16;
		if (fits) {
			const centre = map.latLngToLayerPoint(item.at);
			const rad = (item.angle * Math.PI) / 180;
			const [cos, sin] = [Math.abs(Math.cos(rad)), Math.abs(Math.sin(rad))];
			const half = L.point((item.width * cos + item.height * sin) / 2 + 2, (item.width * sin + item.height * cos) / 2 + 2);
			const box = L.bounds(centre.subtract(half), centre.add(half));
			fits = !taken.some((other) => other.intersects(box));
			if (fits) taken.push(box);
		}
		if (fits !== group.hasLayer(item.marker)) {
			if (fits) group.addLayer(item.marker);
			else group.removeLayer(item.marker);
		}
	}
}

/** The middle of an area (the mean of its outer ring): where its name goes. */
function middleOf(geometry: BasemapGeometry): L.LatLngTuple | undefined {
	const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.type === 'MultiPolygon' ? geometry.coordinates[0]?.[0] : undefined;
	if (!ring?.length) return undefined;
	const open = ring.slice(0, -1);
	const sum = open.reduce(([lat, lng], [x, y]) => [lat + y, lng + x], [0, 0]);
	return [sum[0] / open.length, sum[1] / open.length];
}

/**
 * Draws the base layer from `url` onto the map. Returns whether it had a district boundary (then the map needs
 * no frame of its own).
 */
export async function addBaseLayer(map: L.Map, url: string): Promise<boolean> {
	const response = await fetch(url);
	if (!response.ok) return false;
	const data = (await response.json()) as BaseLayerData;
	if (!data.features.length) return false;
	map.createPane(PANE).style.zIndex = '150';
	map.createPane(LABEL_PANE).style.zIndex = '160';
	// One canvas for all lines and areas: cheaper than an SVG element per street on a weak phone.
	const renderer = L.canvas({ pane: PANE, padding: 0.5 });
	const labels: Label[] = [];
	for (const kind of ORDER) {
		const features = data.features.filter((f) => f.properties.kind === kind);
		for (const style of STYLES[kind as keyof typeof STYLES]) {
			for (const f of features) {
				const options = { ...style, renderer, interactive: false };
				for (const area of areasOf(f.geometry)) L.polygon(area, options).addTo(map);
				for (const line of linesOf(f.geometry)) L.polyline(line, options).addTo(map);
			}
		}
		for (const f of features) {
			const { name } = f.properties;
			if (!name) continue;
			const longest = linesOf(f.geometry).sort((a, b) => b.length - a.length)[0];
			const middle = middleOf(f.geometry);
			const item = longest ? lineLabel(map, longest, name, kind) : middle && label(L.latLng(middle), name, kind);
			if (item) labels.push(item);
		}
	}
	for (const f of data.features) {
		if (f.properties.kind === 'landmark' && f.geometry.type === 'Point' && f.properties.name) {
			const [lng, lat] = f.geometry.coordinates;
			labels.push(label(L.latLng(lat, lng), f.properties.name, 'landmark'));
		}
	}
	// The boundary stays visible over detailed tiles (default overlay pane), under the markers.
	const boundaries = data.features.filter((f) => f.properties.kind === 'boundary');
	for (const f of boundaries) {
		for (const area of areasOf(f.geometry)) L.polygon(area, { ...BOUNDARY, interactive: false }).addTo(map);
		for (const line of linesOf(f.geometry)) L.polyline(line, { ...BOUNDARY, interactive: false }).addTo(map);
	}
	// Landmarks first, then water and green, then streets, the longest first.
	labels.sort((a, b) => a.priority - b.priority || (b.room ?? 0) - (a.room ?? 0));
	const group = L.layerGroup().addTo(map);
	map.on('zoomend', () => placeLabels(map, labels, group));
	placeLabels(map, labels, group);
	if (data.attribution) map.attributionControl.addAttribution(escapeHtml(data.attribution));
	return boundaries.length > 0;
}
