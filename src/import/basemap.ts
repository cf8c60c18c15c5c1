/**
 * Making the district's base map (content/karte/grundkarte.geojson, see src/schemas/basemap.ts) from an
 * OpenStreetMap export as GeoJSON – the shape overpass-turbo („Exportieren → GeoJSON") and osmtogeojson produce:
 * features whose `properties` hold the OSM tags either directly or under `properties.tags`.
 *
 * What becomes what (first rule that fits wins):
 * - boundary: a polygon with `boundary=administrative` or `place=suburb|quarter|neighbourhood`. The one named
 *   `boundaryName` if given; else the one covering most of the map frame (if several cover the same, e.g. the
 *   whole frame, the smallest of them: the district rather than the city). No such polygon: the frame itself.
 * - street: lines with `highway` = trunk, primary, secondary, tertiary, residential, living_street, unclassified,
 *   pedestrian (and their `_link` ramps), or `service` when named. With their name.
 * - path: lines with `highway` = footway, path, cycleway, steps, track, bridleway. Without name.
 * - rail: lines with `railway` = rail, light_rail, tram, subway, narrow_gauge. Without name.
 * - water: lines with `waterway` = river, canal, stream, ditch; polygons with `natural=water`, `water=*`,
 *   `waterway=riverbank`, `landuse=reservoir|basin`.
 * - green: polygons with `leisure=park|garden|playground`, `landuse=grass|meadow|forest|recreation_ground|
 *   allotments|cemetery|village_green`, `natural=wood|scrub|grassland|heath`.
 * - landmark: named points or polygons (at a point inside the polygon) that are stations, town halls, squares,
 *   market places, places of worship, libraries, museums, attractions, historic sites (not Stolpersteine or
 *   plaques) or parks (a park only when no green area has its name). One per name; at most
 *   {@link MAX_LANDMARKS}, in this order of preference, then in the order of the file.
 * - everything else (buildings, benches, shops, unnamed service roads …) is skipped.
 *
 * Everything is cut to the map frame from the settings plus 10 % on each side: lines are cut where they leave it
 * (a line leaving and coming back becomes several lines), areas are clipped (Sutherland–Hodgman). Lines and rings
 * are simplified (Douglas–Peucker, 2 m) and positions rounded to 6 decimals (about 10 cm). Nothing is merged.
 * The result is checked against the base map schema before it is returned.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BASEMAP_MAX_POSITIONS, basemapSchema, positionsOf, type Basemap, type BasemapFeature, type BasemapGeometry, type BasemapKind } from '../schemas/basemap';
import type { Bounds } from '../schemas/fields';

export type Position = [number, number];
type Ring = Position[];
/** Rings of one area: the outer ring, then holes. */
type Area = Ring[];

export interface BasemapOptions {
	/** The map frame from the settings (`map.bounds`). */
	bounds: Bounds;
	/** The district's name (`district` in the settings), for messages and the boundary made from the frame. */
	district: string;
	/** The name of the boundary to use (`--grenze`), when the export holds several. */
	boundaryName?: string;
	/** Douglas–Peucker tolerance in metres (default 2). */
	toleranceMeters?: number;
}

/** The attribution OpenStreetMap data needs (ODbL). */
export const OSM_ATTRIBUTION = '© OpenStreetMap-Mitwirkende (ODbL)';
/** Most landmarks taken: more would crowd the map. */
export const MAX_LANDMARKS = 40;
/** How far beyond the map frame features are kept, as a share of the frame's size on each side. */
export const FRAME_PADDING = 0.1;
const DEFAULT_TOLERANCE = 2;
const MAX_NAME = 80;

/** Error with a German message for the person running the import. */
export class BasemapImportError extends Error {
	override name = 'BasemapImportError';
}

// ---------------------------------------------------------------------------------------------------------------
// Tags and classification

const STREETS = new Set(['trunk', 'primary', 'secondary', 'tertiary', 'trunk_link', 'primary_link', 'secondary_link', 'tertiary_link', 'residential', 'living_street', 'unclassified', 'pedestrian']);
const PATHS = new Set(['footway', 'path', 'cycleway', 'steps', 'track', 'bridleway']);
const RAILS = new Set(['rail', 'light_rail', 'tram', 'subway', 'narrow_gauge']);
const WATERWAYS = new Set(['river', 'canal', 'stream', 'ditch']);
const BOUNDARY_PLACES = new Set(['suburb', 'quarter', 'neighbourhood']);
const GREEN: Record<string, Set<string>> = {
	leisure: new Set(['park', 'garden', 'playground']),
	landuse: new Set(['grass', 'meadow', 'forest', 'recreation_ground', 'allotments', 'cemetery', 'village_green']),
	natural: new Set(['wood', 'scrub', 'grassland', 'heath']),
};

/** Landmark rules, most wanted first (the order decides which stay when there are more than {@link MAX_LANDMARKS}). */
const LANDMARKS: ((tags: Tags) => boolean)[] = [
	(t) => t.railway === 'station' || t.railway === 'halt',
	(t) => t.amenity === 'townhall',
	(t) => t.place === 'square',
	(t) => t.amenity === 'marketplace',
	(t) => t.amenity === 'place_of_worship',
	(t) => t.amenity === 'library',
	(t) => t.tourism === 'museum',
	(t) => t.tourism === 'attraction',
	(t) => !!t.historic && t.memorial !== 'stolperstein' && t.memorial !== 'plaque' && t.historic !== 'boundary_stone',
	(t) => t.leisure === 'park',
];
const PARK_RULE = LANDMARKS.length - 1;

type Tags = Record<string, string>;

/** The OSM tags of a feature: `properties.tags` (osmtogeojson) or the properties themselves (overpass-turbo). */
export function tagsOf(properties: unknown): Tags {
	if (!properties || typeof properties !== 'object') return {};
	const props = properties as Record<string, unknown>;
	const source = props.tags && typeof props.tags === 'object' && !Array.isArray(props.tags) ? (props.tags as Record<string, unknown>) : props;
	const tags: Tags = {};
	for (const [key, value] of Object.entries(source)) {
		if (source === props && (key.startsWith('@') || key === 'id')) continue;
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') tags[key] = String(value);
	}
	return tags;
}

type Shape = 'point' | 'line' | 'area' | 'other';
const shapeOf = (type: unknown): Shape => (type === 'Point' ? 'point' : type === 'LineString' || type === 'MultiLineString' ? 'line' : type === 'Polygon' || type === 'MultiPolygon' ? 'area' : 'other');

type Role = { kind: Exclude<BasemapKind, 'landmark' | 'boundary'>; named: boolean } | { kind: 'boundary' } | { kind: 'landmark'; rank: number } | undefined;

/** What a feature is on the base map, from its tags and the shape of its geometry; undefined: not for the map. */
export function classify(tags: Tags, geometryType: unknown): Role {
	const shape = shapeOf(geometryType);
	const named = !!nameOf(tags);
	if (shape === 'area' && (tags.boundary === 'administrative' || BOUNDARY_PLACES.has(tags.place ?? ''))) return { kind: 'boundary' };
	if (shape === 'line') {
		const highway = tags.highway ?? '';
		if (STREETS.has(highway) || (highway === 'service' && named)) return { kind: 'street', named: true };
		if (PATHS.has(highway)) return { kind: 'path', named: false };
		if (RAILS.has(tags.railway ?? '')) return { kind: 'rail', named: false };
		if (WATERWAYS.has(tags.waterway ?? '')) return { kind: 'water', named: true };
	}
	if (shape === 'area') {
		if (tags.natural === 'water' || tags.water || tags.waterway === 'riverbank' || tags.landuse === 'reservoir' || tags.landuse === 'basin') return { kind: 'water', named: true };
		if (Object.entries(GREEN).some(([key, values]) => values.has(tags[key] ?? ''))) return { kind: 'green', named: true };
	}
	if ((shape === 'point' || shape === 'area') && named) {
		const rank = LANDMARKS.findIndex((rule) => rule(tags));
		if (rank >= 0) return { kind: 'landmark', rank };
	}
	return undefined;
}

function nameOf(tags: Tags): string | undefined {
	const name = (tags.name ?? tags['name:de'] ?? '').trim().replace(/\s+/g, ' ');
	if (!name) return undefined;
	return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry: frame, clipping, simplification, rounding

interface Rect {
	west: number;
	south: number;
	east: number;
	north: number;
}

/** The map frame with `share` of its size added on each side. */
export function paddedFrame(bounds: Bounds, share = FRAME_PADDING): Rect {
	const lat = (bounds.north - bounds.south) * share;
	const lng = (bounds.east - bounds.west) * share;
	return { west: bounds.west - lng, south: bounds.south - lat, east: bounds.east + lng, north: bounds.north + lat };
}

const inRect = ([x, y]: Position, r: Rect) => x >= r.west && x <= r.east && y >= r.south && y <= r.north;
const same = (a: Position | undefined, b: Position | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

/** The part of the segment a→b inside the rectangle (Liang–Barsky), with the parameters where it starts and ends. */
function clipSegment(a: Position, b: Position, r: Rect): { from: Position; to: Position; t1: number } | undefined {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	let t0 = 0;
	let t1 = 1;
	const edges: [number, number][] = [
		[-dx, a[0] - r.west],
		[dx, r.east - a[0]],
		[-dy, a[1] - r.south],
		[dy, r.north - a[1]],
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return undefined;
			continue;
		}
		const t = q / p;
		if (p < 0) {
			if (t > t1) return undefined;
			if (t > t0) t0 = t;
		} else {
			if (t < t0) return undefined;
			if (t < t1) t1 = t;
		}
	}
	const at = (t: number): Position => (t === 0 ? a : t === 1 ? b : [a[0] + t * dx, a[1] + t * dy]);
	return { from: at(t0), to: at(t1), t1 };
}

/** The pieces of a line inside the rectangle: cut where it leaves, a new piece where it comes back. */
export function clipLine(line: Position[], r: Rect): Position[][] {
	const pieces: Position[][] = [];
	let current: Position[] = [];
	const finish = () => {
		if (current.length >= 2) pieces.push(current);
		current = [];
	};
	if (line.length === 1 && line[0] && inRect(line[0], r)) return [];
	for (let i = 0; i + 1 < line.length; i++) {
		const piece = clipSegment(line[i]!, line[i + 1]!, r);
		if (!piece) {
			finish();
			continue;
		}
		if (!same(current.at(-1), piece.from)) {
			finish();
			current.push(piece.from);
		}
		if (!same(current.at(-1), piece.to)) current.push(piece.to);
		if (piece.t1 < 1) finish();
	}
	finish();
	return pieces;
}

/** A closed ring clipped to the rectangle (Sutherland–Hodgman); closed again, or empty when nothing is left. */
export function clipRing(ring: Ring, r: Rect): Ring {
	let points = same(ring[0], ring.at(-1)) ? ring.slice(0, -1) : ring.slice();
	const edges: { inside: (p: Position) => boolean; cross: (a: Position, b: Position) => Position }[] = [
		{ inside: (p) => p[0] >= r.west, cross: (a, b) => [r.west, a[1] + ((b[1] - a[1]) * (r.west - a[0])) / (b[0] - a[0])] },
		{ inside: (p) => p[0] <= r.east, cross: (a, b) => [r.east, a[1] + ((b[1] - a[1]) * (r.east - a[0])) / (b[0] - a[0])] },
		{ inside: (p) => p[1] >= r.south, cross: (a, b) => [a[0] + ((b[0] - a[0]) * (r.south - a[1])) / (b[1] - a[1]), r.south] },
		{ inside: (p) => p[1] <= r.north, cross: (a, b) => [a[0] + ((b[0] - a[0]) * (r.north - a[1])) / (b[1] - a[1]), r.north] },
	];
	for (const edge of edges) {
		const input = points;
		points = [];
		for (let i = 0; i < input.length; i++) {
			const current = input[i]!;
			const previous = input[(i + input.length - 1) % input.length]!;
			if (edge.inside(current)) {
				if (!edge.inside(previous)) points.push(edge.cross(previous, current));
				points.push(current);
			} else if (edge.inside(previous)) {
				points.push(edge.cross(previous, current));
			}
		}
		if (!points.length) return [];
	}
	return closeRing(points);
}

/** Drops repeated positions (also across the closing position) and closes the ring; empty if under 3 corners. */
function closeRing(points: Position[]): Ring {
	const open = points.filter((p, i) => !same(p, points[i - 1]));
	while (open.length > 1 && same(open[0], open.at(-1))) open.pop();
	return open.length >= 3 ? [...open, open[0]!] : [];
}

/** Metres east and north of a reference point (equirectangular: exact enough for a district). */
function projector(bounds: Bounds) {
	const lat0 = (bounds.south + bounds.north) / 2;
	const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
	const ky = 110_574;
	return ([lng, lat]: Position): Position => [lng * kx, lat * ky];
}
type Project = ReturnType<typeof projector>;

function segmentDistance(p: Position, a: Position, b: Position): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const length = dx * dx + dy * dy;
	const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker: the positions of a line that matter at `tolerance` metres. Keeps both ends. */
export function simplifyLine(line: Position[], tolerance: number, project: Project): Position[] {
	if (line.length <= 2) return line.slice();
	const xy = line.map(project);
	const keep = new Uint8Array(line.length);
	keep[0] = keep[line.length - 1] = 1;
	const stack: [number, number][] = [[0, line.length - 1]];
	while (stack.length) {
		const [first, last] = stack.pop()!;
		let farthest = -1;
		let distance = tolerance;
		for (let i = first + 1; i < last; i++) {
			const d = segmentDistance(xy[i]!, xy[first]!, xy[last]!);
			if (d > distance) {
				distance = d;
				farthest = i;
			}
		}
		if (farthest >= 0) {
			keep[farthest] = 1;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return line.filter((_, i) => keep[i]);
}

/** Douglas–Peucker for a closed ring: split at the corner farthest from the first, simplify both halves. */
export function simplifyRing(ring: Ring, tolerance: number, project: Project): Ring {
	if (ring.length <= 4) return ring.slice();
	const start = project(ring[0]!);
	let far = 1;
	let best = -1;
	for (let i = 1; i < ring.length - 1; i++) {
		const [x, y] = project(ring[i]!);
		const d = Math.hypot(x - start[0], y - start[1]);
		if (d > best) {
			best = d;
			far = i;
		}
	}
	const simplified = [...simplifyLine(ring.slice(0, far + 1), tolerance, project), ...simplifyLine(ring.slice(far), tolerance, project).slice(1)];
	// A ring thinner than the tolerance would vanish: it keeps its corners then.
	return simplified.length >= 4 ? simplified : ring.slice();
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const roundPositions = (positions: Position[]): Position[] => positions.map(([x, y]): Position => [round6(x), round6(y)]).filter((p, i, all) => !same(p, all[i - 1]));

function area(ring: Ring, project: Project): number {
	const xy = ring.map(project);
	let sum = 0;
	for (let i = 0; i + 1 < xy.length; i++) sum += xy[i]![0] * xy[i + 1]![1] - xy[i + 1]![0] * xy[i]![1];
	return Math.abs(sum) / 2;
}

/** Whether a point lies inside a closed ring (even–odd rule). */
export function insideRing([x, y]: Position, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i]!;
		const [xj, yj] = ring[j]!;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Whether a point lies inside an area geometry (inside an outer ring and not in one of its holes). */
export function insideArea(point: Position, geometry: BasemapGeometry): boolean {
	const areas = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
	return areas.some(([outer, ...holes]) => !!outer && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole)));
}

/**
 * A point inside the area for its name: the centroid of the outer ring, or – when that falls outside (an L- or
 * U-shaped area) – the middle of the widest stretch of the area on the centroid's latitude.
 */
export function representativePoint(outer: Ring): Position | undefined {
	let a = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0; i + 1 < outer.length; i++) {
		const [x0, y0] = outer[i]!;
		const [x1, y1] = outer[i + 1]!;
		const cross = x0 * y1 - x1 * y0;
		a += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	if (a === 0) return outer[0];
	const centroid: Position = [cx / (3 * a), cy / (3 * a)];
	if (insideRing(centroid, outer)) return centroid;
	const y = centroid[1];
	const crossings: number[] = [];
	for (let i = 0; i + 1 < outer.length; i++) {
		const [x0, y0] = outer[i]!;
		const [x1, y1] = outer[i + 1]!;
		if (y0 > y !== y1 > y) crossings.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
	}
	crossings.sort((p, q) => p - q);
	let best: Position | undefined;
	let width = -1;
	for (let i = 0; i + 1 < crossings.length; i += 2) {
		const w = crossings[i + 1]! - crossings[i]!;
		if (w > width) {
			width = w;
			best = [(crossings[i]! + crossings[i + 1]!) / 2, y];
		}
	}
	return best ?? outer[0];
}

function linesOfInput(geometry: InputGeometry): Position[][] {
	if (geometry.type === 'LineString') return [geometry.coordinates as Position[]];
	if (geometry.type === 'MultiLineString') return geometry.coordinates as Position[][];
	return [];
}

function areasOfInput(geometry: InputGeometry): Area[] {
	if (geometry.type === 'Polygon') return [geometry.coordinates as Area];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates as Area[];
	return [];
}

/** Lines cut to the frame, simplified and rounded; undefined when nothing is left. */
function prepareLines(lines: Position[][], frame: Rect, tolerance: number, project: Project): BasemapGeometry | undefined {
	const result = lines
		.flatMap((line) => clipLine(line, frame))
		.map((line) => roundPositions(simplifyLine(line, tolerance, project)))
		.filter((line) => line.length >= 2);
	if (!result.length) return undefined;
	return result.length === 1 ? { type: 'LineString', coordinates: result[0]! } : { type: 'MultiLineString', coordinates: result };
}

/** Areas clipped to the frame, simplified and rounded; undefined when nothing is left. */
function prepareAreas(areas: Area[], frame: Rect, tolerance: number, project: Project): BasemapGeometry | undefined {
	const result: Area[] = [];
	for (const rings of areas) {
		const prepared = rings.map((ring) => closeRing(roundPositions(simplifyRing(clipRing(ring, frame), tolerance, project))));
		const [outer, ...holes] = prepared;
		if (!outer?.length) continue;
		result.push([outer, ...holes.filter((hole) => hole.length)]);
	}
	if (!result.length) return undefined;
	return result.length === 1 ? { type: 'Polygon', coordinates: result[0]! } : { type: 'MultiPolygon', coordinates: result };
}

/** Area of the part of `areas` inside `frame`, in m². */
function areaInside(areas: Area[], frame: Rect, project: Project): number {
	return areas.reduce((sum, [outer, ...holes]) => sum + (outer ? area(clipRing(outer, frame), project) : 0) - holes.reduce((h, hole) => h + area(clipRing(hole, frame), project), 0), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// The import

interface InputGeometry {
	type: string;
	coordinates: unknown;
}
interface InputFeature {
	type?: unknown;
	id?: unknown;
	properties?: unknown;
	geometry?: InputGeometry | null;
}

const KIND_ORDER: BasemapKind[] = ['boundary', 'green', 'water', 'path', 'rail', 'street', 'landmark'];
const KIND_WORDS: Record<BasemapKind, [string, string]> = {
	street: ['Straße', 'Straßen'],
	path: ['Weg', 'Wege'],
	rail: ['Bahnlinie', 'Bahnlinien'],
	green: ['Grünfläche', 'Grünflächen'],
	water: ['Gewässer', 'Gewässer'],
	boundary: ['Grenze', 'Grenzen'],
	landmark: ['Orientierungspunkt', 'Orientierungspunkte'],
};
const count = (n: number, [one, many]: [string, string]) => `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;
const fold = (text: string) => text.trim().toLocaleLowerCase('de-DE');

/** Whether positions look like [lng, lat] numbers, at any depth. */
function validCoordinates(value: unknown, depth: number): boolean {
	if (!Array.isArray(value)) return false;
	if (depth === 0) return value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && Number.isFinite(value[0]) && Number.isFinite(value[1]);
	return value.every((item) => validCoordinates(item, depth - 1));
}
const DEPTH: Record<string, number> = { Point: 0, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * The base map from an OpenStreetMap export (parsed GeoJSON). Returns the checked base map and German report
 * lines; throws a {@link BasemapImportError} when the input is not a FeatureCollection, nothing in it is usable,
 * or the result does not pass the base map schema.
 */
export function basemapFromOsm(geojson: unknown, options: BasemapOptions): { basemap: Basemap; report: string[] } {
	const { bounds, district, boundaryName } = options;
	const tolerance = options.toleranceMeters ?? DEFAULT_TOLERANCE;
	const collection = geojson as { type?: unknown; features?: unknown } | null;
	if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		throw new BasemapImportError('Die Datei ist keine GeoJSON-FeatureCollection (erwartet: "type": "FeatureCollection" mit einer Liste "features"). In overpass-turbo: „Exportieren" → „GeoJSON".');
	}
	const input = collection.features as InputFeature[];
	const frame = paddedFrame(bounds);
	const project = projector(bounds);

	const taken: { kind: BasemapKind; name?: string; geometry: BasemapGeometry }[] = [];
	const boundaries: { name?: string; areas: Area[] }[] = [];
	const landmarks: { name: string; rank: number; at: Position }[] = [];
	let skipped = 0;
	let outside = 0;

	for (const feature of input) {
		const geometry = feature && typeof feature === 'object' ? feature.geometry : undefined;
		const depth = geometry ? DEPTH[geometry.type] : undefined;
		if (!geometry || depth === undefined || !validCoordinates(geometry.coordinates, depth)) {
			skipped++;
			continue;
		}
		const tags = tagsOf(feature.properties);
		const role = classify(tags, geometry.type);
		const name = nameOf(tags);
		if (!role) {
			skipped++;
		} else if (role.kind === 'boundary') {
			boundaries.push({ name, areas: areasOfInput(geometry) });
		} else if (role.kind === 'landmark') {
			const at = geometry.type === 'Point' ? (geometry.coordinates as Position) : representativePoint(largestOuter(areasOfInput(geometry), project) ?? []);
			if (at && inRect(at, frame)) landmarks.push({ name: name!, rank: role.rank, at: roundPositions([at])[0]! });
			else outside++;
		} else {
			const prepared = shapeOf(geometry.type) === 'line' ? prepareLines(linesOfInput(geometry), frame, tolerance, project) : prepareAreas(areasOfInput(geometry), frame, tolerance, project);
			if (!prepared) outside++;
			else taken.push({ kind: role.kind, name: role.named ? name : undefined, geometry: prepared });
		}
	}

	if (!taken.length && !landmarks.length) {
		const reason = input.length
			? `Keines der ${input.length.toLocaleString('de-DE')} Objekte ist eine Straße, ein Weg, eine Bahnlinie, ein Gewässer, eine Grünfläche oder ein Orientierungspunkt im Kartenausschnitt von ${district} (Einstellungen → Kartenausschnitt). Ist es ein Export dieses Gebiets?`
			: 'Die Datei enthält keine Objekte.';
		throw new BasemapImportError(`Nichts für die Grundkarte gefunden: ${reason}`);
	}

	// The boundary.
	const report: string[] = [];
	let boundary: { name?: string; geometry: BasemapGeometry } | undefined;
	let boundaryFromFile = true;
	const named = (b: { name?: string }) => (b.name ? `„${b.name}"` : '(ohne Namen)');
	const others = (chosen: { name?: string }) => boundaries.filter((b) => b !== chosen).map(named);
	if (boundaryName) {
		const chosen = boundaries.find((b) => b.name && fold(b.name) === fold(boundaryName));
		if (!chosen) {
			const found = boundaries.length ? `Gefunden: ${boundaries.map(named).join(', ')}.` : 'Die Datei enthält keine Gebietsgrenze (boundary=administrative oder place=suburb/quarter/neighbourhood als Fläche).';
			throw new BasemapImportError(`Keine Gebietsgrenze namens „${boundaryName}" in der Datei. ${found}`);
		}
		const geometry = prepareAreas(chosen.areas, frame, tolerance, project);
		if (!geometry) throw new BasemapImportError(`Die Gebietsgrenze „${boundaryName}" liegt nicht im Kartenausschnitt von ${district} (Einstellungen → Kartenausschnitt).`);
		boundary = { name: chosen.name, geometry };
		report.push(`Grenze: „${chosen.name}" (mit --grenze gewählt).`);
	} else {
		const unpadded: Rect = { west: bounds.west, south: bounds.south, east: bounds.east, north: bounds.north };
		const ranked = boundaries
			.map((b) => ({ b, overlap: areaInside(b.areas, unpadded, project), size: b.areas.reduce((sum, [outer]) => sum + (outer ? area(outer, project) : 0), 0) }))
			.filter((r) => r.overlap > 0)
			// Most of the frame covered first; nearly the same cover (1 %): the smaller area, the closer fit.
			.sort((p, q) => (Math.abs(q.overlap - p.overlap) > 0.01 * Math.max(p.overlap, q.overlap) ? q.overlap - p.overlap : p.size - q.size));
		const chosen = ranked[0]?.b;
		const geometry = chosen && prepareAreas(chosen.areas, frame, tolerance, project);
		if (chosen && geometry) {
			boundary = { name: chosen.name, geometry };
			const rest = others(chosen);
			report.push(`Grenze: ${named(chosen)} – die Gebietsgrenze, die den Kartenausschnitt am meisten abdeckt.${rest.length ? ` Weitere in der Datei: ${rest.join(', ')}; eine andere mit --grenze "Name" wählen.` : ''}`);
		} else {
			const ring: Ring = roundPositions([
				[bounds.west, bounds.south],
				[bounds.east, bounds.south],
				[bounds.east, bounds.north],
				[bounds.west, bounds.north],
			]);
			boundary = { name: district, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } };
			boundaryFromFile = false;
			report.push(
				boundaries.length
					? `Keine der Gebietsgrenzen in der Datei (${boundaries.map(named).join(', ')}) liegt im Kartenausschnitt: als Grenze dient der Kartenausschnitt aus den Einstellungen.`
					: 'Keine Gebietsgrenze in der Datei (boundary=administrative oder place=suburb/quarter/neighbourhood als Fläche): als Grenze dient der Kartenausschnitt aus den Einstellungen. Besser: die Grenze des Gebiets mit exportieren.',
			);
		}
	}

	// Landmarks: one per name, not the name of a green area for parks, most wanted first, at most MAX_LANDMARKS.
	const greenNames = new Set(taken.filter((t) => t.kind === 'green' && t.name).map((t) => fold(t.name!)));
	const seen = new Set<string>();
	const chosenLandmarks: typeof landmarks = [];
	let duplicates = 0;
	for (const landmark of landmarks.map((l, i) => ({ ...l, i })).sort((p, q) => p.rank - q.rank || p.i - q.i)) {
		const key = fold(landmark.name);
		if (seen.has(key) || (landmark.rank === PARK_RULE && greenNames.has(key))) {
			duplicates++;
			continue;
		}
		seen.add(key);
		chosenLandmarks.push(landmark);
	}
	const overCap = Math.max(0, chosenLandmarks.length - MAX_LANDMARKS);
	chosenLandmarks.length = Math.min(chosenLandmarks.length, MAX_LANDMARKS);

	const features: BasemapFeature[] = [
		{ type: 'Feature', properties: { kind: 'boundary', ...(boundary.name ? { name: boundary.name } : {}) }, geometry: boundary.geometry },
		...taken.map(({ kind, name, geometry }): BasemapFeature => ({ type: 'Feature', properties: { kind, ...(name ? { name } : {}) }, geometry })),
		...chosenLandmarks.map(({ name, at }): BasemapFeature => ({ type: 'Feature', properties: { kind: 'landmark', name }, geometry: { type: 'Point', coordinates: at } })),
	];
	features.sort((p, q) => KIND_ORDER.indexOf(p.properties.kind) - KIND_ORDER.indexOf(q.properties.kind));

	const result = basemapSchema(bounds, district).safeParse({ type: 'FeatureCollection', attribution: OSM_ATTRIBUTION, features });
	if (!result.success) {
		const issues = result.error.issues.map((issue) => {
			const index = issue.path[0] === 'features' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
			const f = index === undefined ? undefined : features[index];
			const where = f ? `Objekt ${index! + 1} (${KIND_WORDS[f.properties.kind][0]}${f.properties.name ? ` „${f.properties.name}"` : ''})` : 'Grundkarte';
			return `  • ${where}: ${issue.message}`;
		});
		const total = features.reduce((sum, f) => sum + positionsOf(f.geometry).length, 0);
		const hint = total > BASEMAP_MAX_POSITIONS ? `\nTipp: einen kleineren Ausschnitt exportieren (nur das Quartier, z. B. mit dem Kartenausschnitt aus den Einstellungen als bbox) oder weniger Arten von Objekten abfragen.` : '';
		throw new BasemapImportError(`Die erzeugte Grundkarte ist nicht gültig:\n${issues.join('\n')}${hint}`);
	}

	const byKind = KIND_ORDER.map((kind) => ({ kind, n: features.filter((f) => f.properties.kind === kind).length - (kind === 'boundary' && !boundaryFromFile ? 1 : 0) })).filter(({ n }) => n > 0);
	const usedCount = byKind.reduce((sum, { n }) => sum + n, 0);
	const leftOut = [
		skipped && `${skipped.toLocaleString('de-DE')} ohne Bedeutung für die Karte übersprungen`,
		outside && `${outside.toLocaleString('de-DE')} außerhalb des Kartenausschnitts`,
		boundaries.length - (boundaryFromFile ? 1 : 0) > 0 && `${count(boundaries.length - (boundaryFromFile ? 1 : 0), ['weitere Gebietsgrenze', 'weitere Gebietsgrenzen'])} nicht übernommen`,
		duplicates && `${count(duplicates, ['Orientierungspunkt', 'Orientierungspunkte'])} doppelt`,
		overCap && `${count(overCap, ['Orientierungspunkt', 'Orientierungspunkte'])} über der Höchstzahl von ${MAX_LANDMARKS}`,
	].filter(Boolean);
	const positions = features.reduce((sum, f) => sum + positionsOf(f.geometry).length, 0);
	report.unshift(
		`${count(input.length, ['Objekt', 'Objekte'])} gelesen, ${usedCount.toLocaleString('de-DE')} übernommen: ${byKind.map(({ kind, n }) => count(n, KIND_WORDS[kind])).join(', ')}${leftOut.length ? `; ${leftOut.join(', ')}` : ''}.`,
		`Die Grundkarte hat ${count(features.length, ['Objekt', 'Objekte'])} mit ${positions.toLocaleString('de-DE')} Punkten (erlaubt: ${BASEMAP_MAX_POSITIONS.toLocaleString('de-DE')}).`,
	);
	return { basemap: result.data, report };
}

function largestOuter(areas: Area[], project: Project): Ring | undefined {
	let best: Ring | undefined;
	let size = -1;
	for (const [outer] of areas) {
		if (!outer) continue;
		const a = area(outer, project);
		if (a > size) {
			size = a;
			best = outer;
		}
	}
	return best;
}

/** The base map as text: one feature per line, so changes show line by line in a diff. */
export function formatBasemap(basemap: Basemap): string {
	const head = JSON.stringify({ type: basemap.type, attribution: basemap.attribution });
	return `${head.slice(0, -1)},"features":[\n${basemap.features.map((f) => JSON.stringify({ type: f.type, properties: f.properties, geometry: f.geometry })).join(',\n')}\n]}\n`;
}

/** Writes the base map (creating its folder), in the layout of {@link formatBasemap}. */
export function writeBasemap(file: string, basemap: Basemap): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, formatBasemap(basemap));
}
