import { z } from 'astro/zod';
import { de } from './messages';
import type { Bounds } from './fields';
import { degrees } from './district';

/**
 * The district's own base map (content/karte/grundkarte.geojson): street lines with names, green spaces, water,
 * the district boundary and a few landmarks. The site draws it under the markers before and without any consent,
 * so the map orients residents even when no detailed tiles are loaded. Staff do not edit it in the CMS: it is
 * made from an OpenStreetMap export with `npm run import:grundkarte` (src/import/basemap.ts), which checks it
 * against this schema before writing.
 */

/** Where the base map lives, inside content/. */
export const BASEMAP_FILE = 'karte/grundkarte.geojson';

/** What a feature is. Each kind has the geometries that make sense for it. */
export const BASEMAP_KINDS = {
	/** A street (its name is written along it). */
	street: ['LineString', 'MultiLineString'],
	/** A footpath or cycle path (thin, unnamed on the map). */
	path: ['LineString', 'MultiLineString'],
	/** A railway line. */
	rail: ['LineString', 'MultiLineString'],
	/** A park, meadow, garden or wood. */
	green: ['Polygon', 'MultiPolygon'],
	/** A river or canal (line) or a pond or lake (area). */
	water: ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
	/** The district's boundary. */
	boundary: ['Polygon', 'MultiPolygon', 'LineString'],
	/** A named place residents know: a square, a church, a station. */
	landmark: ['Point'],
} as const;
export type BasemapKind = keyof typeof BASEMAP_KINDS;

/** Largest base map the site accepts: it is loaded with every map, also on a weak phone. */
export const BASEMAP_MAX_POSITIONS = 20_000;

const KIND_NAMES: Record<BasemapKind, string> = { street: 'Straße', path: 'Weg', rail: 'Bahnlinie', green: 'Grünfläche', water: 'Gewässer', boundary: 'Grenze des Gebiets', landmark: 'Orientierungspunkt' };
const GEOMETRY_NAMES: Record<string, string> = { Point: 'Punkt', LineString: 'Linie', MultiLineString: 'mehrere Linien', Polygon: 'Fläche', MultiPolygon: 'mehrere Flächen' };

const position = z.tuple([z.number(de('Längengrad')), z.number(de('Breitengrad'))], de('Position', 'Zwei Zahlen: [Längengrad, Breitengrad], z. B. [12.4078, 51.3462].'));
const line = z.array(position, de('Linie')).min(2, de('Linie', 'Eine Linie braucht mindestens zwei Punkte.'));
const ring = z.array(position, de('Fläche')).min(4, de('Fläche', 'Eine Fläche braucht mindestens vier Punkte; der letzte wiederholt den ersten.'));

const geometry = z.discriminatedUnion(
	'type',
	[
		z.object({ type: z.literal('Point'), coordinates: position }),
		z.object({ type: z.literal('LineString'), coordinates: line }),
		z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line, de('Linien')) }),
		z.object({ type: z.literal('Polygon'), coordinates: z.array(ring, de('Fläche')).min(1, de('Fläche')) }),
		z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring, de('Fläche')).min(1, de('Fläche')), de('Flächen')) }),
	],
	de('Geometrie', 'Erlaubt sind Point, LineString, MultiLineString, Polygon und MultiPolygon.'),
);
export type BasemapGeometry = z.infer<typeof geometry>;

/** Every position of a geometry. */
export function positionsOf(g: BasemapGeometry): [number, number][] {
	switch (g.type) {
		case 'Point':
			return [g.coordinates];
		case 'LineString':
			return g.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return g.coordinates.flat();
		case 'MultiPolygon':
			return g.coordinates.flat(2);
	}
}

const feature = z
	.object(
		{
			type: z.literal('Feature', de('Typ', 'Jedes Objekt hat "type": "Feature".')),
			properties: z
				.object(
					{
						kind: z.enum(Object.keys(BASEMAP_KINDS) as [BasemapKind, ...BasemapKind[]], de('Art (kind)')),
						/** The name written on the map, e.g. „Weberstraße". */
						name: z.string(de('Name')).trim().min(1, de('Name')).max(80, de('Name')).optional(),
					},
					de('Eigenschaften'),
				)
				.strict(),
			geometry,
		},
		de('Objekt'),
	)
	.superRefine((f, ctx) => {
		const allowed: readonly string[] = BASEMAP_KINDS[f.properties.kind];
		if (!allowed.includes(f.geometry.type)) {
			ctx.addIssue({
				code: 'custom',
				path: ['geometry', 'type'],
				message: `Eine ${KIND_NAMES[f.properties.kind]} (${f.properties.kind}) kann keine ${GEOMETRY_NAMES[f.geometry.type]} (${f.geometry.type}) sein – erlaubt: ${allowed.join(', ')}.`,
			});
		}
		if (f.properties.kind === 'landmark' && !f.properties.name) {
			ctx.addIssue({ code: 'custom', path: ['properties', 'name'], message: 'Ein Orientierungspunkt braucht einen Namen – er steht auf der Karte.' });
		}
	});
export type BasemapFeature = z.infer<typeof feature>;

/**
 * The base map of a district whose map frame is `bounds`. Everything must lie near the frame (at most half its
 * size outside it): a base map of another town is refused, not drawn somewhere off screen.
 */
export function basemapSchema(bounds: Bounds, district: string) {
	const padLat = (bounds.north - bounds.south) / 2;
	const padLng = (bounds.east - bounds.west) / 2;
	return z
		.object(
			{
				type: z.literal('FeatureCollection', de('Typ', 'Die Datei beginnt mit "type": "FeatureCollection".')),
				/** Where the data comes from, shown on the map: „© OpenStreetMap-Mitwirkende" or „Erfundener Stadtplan". */
				attribution: z.string(de('Quellenangabe (attribution)', 'z. B. „© OpenStreetMap-Mitwirkende".')).trim().min(1, de('Quellenangabe (attribution)')).max(200, de('Quellenangabe (attribution)')),
				features: z.array(feature, de('Objekte (features)')).min(1, de('Objekte (features)')),
			},
			de('Grundkarte'),
		)
		.superRefine((map, ctx) => {
			let count = 0;
			for (const [i, f] of map.features.entries()) {
				const positions = positionsOf(f.geometry);
				count += positions.length;
				const outside = positions.find(([lng, lat]) => lat < bounds.south - padLat || lat > bounds.north + padLat || lng < bounds.west - padLng || lng > bounds.east + padLng);
				if (outside) {
					ctx.addIssue({
						code: 'custom',
						path: ['features', i, 'geometry'],
						message: `${f.properties.name ?? KIND_NAMES[f.properties.kind]}: der Punkt [${degrees(outside[0])}, ${degrees(outside[1])}] liegt weit außerhalb des Kartenausschnitts von ${district} (Einstellungen → Kartenausschnitt). Erwartet wird eine Grundkarte dieses Gebiets.`,
					});
				}
			}
			if (count > BASEMAP_MAX_POSITIONS) {
				ctx.addIssue({
					code: 'custom',
					path: ['features'],
					message: `Die Grundkarte hat ${count.toLocaleString('de-DE')} Punkte, erlaubt sind höchstens ${BASEMAP_MAX_POSITIONS.toLocaleString('de-DE')}: sie wird mit jeder Karte geladen, auch auf schwachen Handys. Bitte mit npm run import:grundkarte neu erzeugen (vereinfacht die Linien) oder den Ausschnitt verkleinern.`,
				});
			}
			if (!map.features.some((f) => f.properties.kind === 'boundary')) {
				ctx.addIssue({ code: 'custom', path: ['features'], message: 'Die Grundkarte braucht die Grenze des Gebiets (ein Objekt mit "kind": "boundary").' });
			}
		});
}
export type Basemap = z.infer<ReturnType<typeof basemapSchema>>;
