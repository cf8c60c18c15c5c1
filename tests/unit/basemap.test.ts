/**
 * The district's base map: the import behind `npm run import:grundkarte` (an OpenStreetMap export in,
 * content/karte/grundkarte.geojson out – or nothing, with German reasons) and the base map schema on the sample. The
 * command itself, as a process, is tested in tests/build/import-commands.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { basemapFromOsm, classify, clipLine, formatBasemap, insideArea, MAX_LANDMARKS, OSM_ATTRIBUTION, paddedFrame, representativePoint, simplifyLine, tagsOf, writeBasemap, type Position } from '../../src/import/basemap';
import { readSettings } from '../../src/schemas';
import { basemapSchema, positionsOf, type Basemap, type BasemapFeature } from '../../src/schemas/basemap';
import { entryFiles, readData } from '../helpers/content';

const FIXTURE = path.resolve('tests/fixtures/import/osm-grundkarte.geojson');
const SAMPLE = path.resolve('content/karte/grundkarte.geojson');
/** The sample's map frame and district (content/settings/quartier.yaml). */
const bounds = { south: 51.3395, west: 12.3945, north: 51.3525, east: 12.4205 };
const district = 'Mühlenviertel';
const padded = paddedFrame(bounds);

type OsmFeature = { type: 'Feature'; id?: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };
const osm = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as { type: 'FeatureCollection'; features: OsmFeature[] };
const osmWith = (features: OsmFeature[]) => ({ type: 'FeatureCollection', features });
const street = (name: string, coordinates: Position[]): OsmFeature => ({ type: 'Feature', properties: { highway: 'residential', name }, geometry: { type: 'LineString', coordinates } });

const imported = (boundaryName?: string) => basemapFromOsm(osm(), { bounds, district, boundaryName });
const byName = (map: Basemap, name: string) => map.features.filter((f) => f.properties.name === name);
const one = (map: Basemap, name: string): BasemapFeature => {
	const found = byName(map, name);
	expect(found, name).toHaveLength(1);
	return found[0]!;
};
const decimals = (value: number) => (String(value).split('.')[1] ?? '').length;

describe('from an OpenStreetMap export', () => {
	test('each kind from its OSM tags; names kept for streets, green and water, not for paths and rails', () => {
		const { basemap } = imported('Mühlenviertel');
		expect(basemap.attribution).toBe(OSM_ATTRIBUTION);
		expect(basemap.attribution).toBe('© OpenStreetMap-Mitwirkende (ODbL)');
		const kinds = Object.fromEntries(basemap.features.filter((f) => f.properties.name).map((f) => [f.properties.name, `${f.properties.kind} ${f.geometry.type}`]));
		expect(kinds).toEqual({
			Mühlenviertel: 'boundary Polygon',
			Mühlenpark: 'green Polygon',
			Mühlgraben: 'water LineString',
			Mühlteich: 'water Polygon',
			Mühlgasse: 'street LineString',
			Weberstraße: 'street LineString',
			// Tags under properties.tags (osmtogeojson) work like tags in the properties (overpass-turbo).
			Malzgasse: 'street LineString',
			Lindenallee: 'street MultiLineString',
			'Lange Reihe': 'street LineString',
			Lindenplatz: 'landmark Point',
			'Kirche Zum Guten Hirten': 'landmark Point',
		});
		const unnamed = basemap.features.filter((f) => !f.properties.name).map((f) => f.properties.kind);
		expect(unnamed.sort()).toEqual(['path', 'rail']);
		// The square's polygon becomes a point inside it; the church node stays where it is.
		expect(one(basemap, 'Lindenplatz').geometry).toEqual({ type: 'Point', coordinates: [12.4047, 51.3485] });
		expect(one(basemap, 'Kirche Zum Guten Hirten').geometry).toEqual({ type: 'Point', coordinates: [12.4052, 51.348] });
		// The park is a named green area: its node is not a landmark too.
		expect(byName(basemap, 'Mühlenpark').map((f) => f.properties.kind)).toEqual(['green']);
		// In the file's layout order: boundary, areas, lines, landmarks.
		expect([...new Set(basemap.features.map((f) => f.properties.kind))]).toEqual(['boundary', 'green', 'water', 'path', 'rail', 'street', 'landmark']);
	});

	test('the rules, one by one', () => {
		expect(classify({ highway: 'residential' }, 'LineString')).toEqual({ kind: 'street', named: true });
		expect(classify({ highway: 'service' }, 'LineString')).toBeUndefined();
		expect(classify({ highway: 'service', name: 'Hofzufahrt' }, 'LineString')).toEqual({ kind: 'street', named: true });
		expect(classify({ highway: 'steps' }, 'LineString')).toEqual({ kind: 'path', named: false });
		expect(classify({ railway: 'tram' }, 'MultiLineString')).toEqual({ kind: 'rail', named: false });
		expect(classify({ railway: 'station', name: 'Bahnhof Ost' }, 'Point')).toMatchObject({ kind: 'landmark' });
		expect(classify({ waterway: 'canal' }, 'LineString')).toEqual({ kind: 'water', named: true });
		expect(classify({ landuse: 'reservoir' }, 'Polygon')).toEqual({ kind: 'water', named: true });
		expect(classify({ natural: 'water' }, 'Point')).toBeUndefined();
		expect(classify({ landuse: 'allotments' }, 'MultiPolygon')).toEqual({ kind: 'green', named: true });
		expect(classify({ natural: 'wood' }, 'LineString')).toBeUndefined();
		expect(classify({ place: 'quarter', name: 'Mühlenviertel' }, 'MultiPolygon')).toEqual({ kind: 'boundary' });
		expect(classify({ place: 'quarter', name: 'Mühlenviertel' }, 'Point')).toBeUndefined();
		expect(classify({ amenity: 'place_of_worship' }, 'Point')).toBeUndefined();
		expect(classify({ historic: 'memorial', memorial: 'stolperstein', name: 'Stolperstein für …' }, 'Point')).toBeUndefined();
		expect(classify({ historic: 'monument', name: 'Mühlstein' }, 'Point')).toMatchObject({ kind: 'landmark' });
		expect(classify({ building: 'yes' }, 'Polygon')).toBeUndefined();
		expect(tagsOf({ '@id': 'way/1', id: 'way/1', highway: 'path' })).toEqual({ highway: 'path' });
		expect(tagsOf({ type: 'way', id: 1, tags: { highway: 'path', admin_level: 10 }, meta: {} })).toEqual({ highway: 'path', admin_level: '10' });
	});

	test('the boundary: by name with --grenze, else the one covering the frame; the others are reported', () => {
		const byGrenze = imported('mühlenviertel');
		expect(byGrenze.basemap.features[0]).toMatchObject({ properties: { kind: 'boundary', name: 'Mühlenviertel' } });
		expect(byGrenze.basemap.features[0]!.geometry.coordinates).toEqual(osm().features.find((f) => f.id === 'relation/6001')!.geometry.coordinates);
		expect(byGrenze.report).toContain('Grenze: „Mühlenviertel" (mit --grenze gewählt).');

		const byDefault = imported();
		const boundaries = byDefault.basemap.features.filter((f) => f.properties.kind === 'boundary');
		expect(boundaries).toHaveLength(1);
		expect(boundaries[0]!.properties.name).toBe('Leipzig-Ost');
		// Larger than the padded frame: cut to it.
		expect(boundaries[0]!.geometry).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[12.3919, 51.3538],
					[12.3919, 51.3382],
					[12.4231, 51.3382],
					[12.4231, 51.3538],
					[12.3919, 51.3538],
				],
			],
		});
		expect(byDefault.report).toContain('Grenze: „Leipzig-Ost" – die Gebietsgrenze, die den Kartenausschnitt am meisten abdeckt. Weitere in der Datei: „Mühlenviertel"; eine andere mit --grenze "Name" wählen.');

		expect(() => imported('Altstadt')).toThrow('Keine Gebietsgrenze namens „Altstadt" in der Datei. Gefunden: „Mühlenviertel", „Leipzig-Ost".');
	});

	test('without a boundary in the export, the frame from the settings is the boundary – and the report says so', () => {
		const features = osm().features.filter((f) => f.properties.boundary !== 'administrative');
		const { basemap, report } = basemapFromOsm(osmWith(features), { bounds, district });
		const boundary = basemap.features.filter((f) => f.properties.kind === 'boundary');
		expect(boundary).toEqual([
			{
				type: 'Feature',
				properties: { kind: 'boundary', name: 'Mühlenviertel' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[12.3945, 51.3395],
							[12.4205, 51.3395],
							[12.4205, 51.3525],
							[12.3945, 51.3525],
							[12.3945, 51.3395],
						],
					],
				},
			},
		]);
		expect(report.join('\n')).toContain('Keine Gebietsgrenze in der Datei (boundary=administrative oder place=suburb/quarter/neighbourhood als Fläche): als Grenze dient der Kartenausschnitt aus den Einstellungen.');
		expect(report[0]).toBe('18 Objekte gelesen, 12 übernommen: 1 Grünfläche, 2 Gewässer, 1 Weg, 1 Bahnlinie, 5 Straßen, 2 Orientierungspunkte; 4 ohne Bedeutung für die Karte übersprungen, 1 außerhalb des Kartenausschnitts, 1 Orientierungspunkt doppelt.');
	});

	test('lines are cut at the frame plus 10 %: split where they leave and come back; a street in another town is dropped', () => {
		const { basemap } = imported('Mühlenviertel');
		expect(padded).toEqual({ west: expect.closeTo(12.3919, 9), south: expect.closeTo(51.3382, 9), east: expect.closeTo(12.4231, 9), north: expect.closeTo(51.3538, 9) });
		for (const f of basemap.features) {
			for (const [lng, lat] of positionsOf(f.geometry)) {
				expect(lng, f.properties.name).toBeGreaterThanOrEqual(padded.west - 1e-9);
				expect(lng, f.properties.name).toBeLessThanOrEqual(padded.east + 1e-9);
				expect(lat, f.properties.name).toBeGreaterThanOrEqual(padded.south - 1e-9);
				expect(lat, f.properties.name).toBeLessThanOrEqual(padded.north + 1e-9);
			}
		}
		// Weberstraße runs north out of the frame: it ends where it crosses the padded frame.
		const weber = one(basemap, 'Weberstraße').geometry;
		expect(weber.type).toBe('LineString');
		expect((weber.coordinates as Position[]).at(-1)).toEqual([12.417074, 51.3538]);
		expect((weber.coordinates as Position[])[0]).toEqual([12.4133, 51.3405]);
		// Lindenallee leaves westwards and comes back: two pieces.
		expect(one(basemap, 'Lindenallee').geometry).toEqual({
			type: 'MultiLineString',
			coordinates: [
				[
					[12.399, 51.3462],
					[12.393, 51.345],
					[12.3919, 51.344633],
				],
				[
					[12.3919, 51.343367],
					[12.393, 51.343],
					[12.399, 51.342],
				],
			],
		});
		// The river crosses the whole frame: cut at both sides.
		const river = one(basemap, 'Mühlgraben').geometry.coordinates as Position[];
		expect(river[0]![0]).toBe(12.3919);
		expect(river.at(-1)![0]).toBe(12.4231);
		expect(byName(basemap, 'Hauptstraße')).toEqual([]);

		// The cutting itself.
		expect(
			clipLine(
				[
					[0, 0],
					[2, 0],
					[2, 2],
					[0.5, 2],
				],
				{ west: -1, south: -1, east: 1, north: 1 },
			),
		).toEqual([
			[
				[0, 0],
				[1, 0],
			],
		]);
		expect(clipLine([[5, 5], [6, 6]], { west: -1, south: -1, east: 1, north: 1 })).toEqual([]);
	});

	test('simplified at 2 m: a nearly straight street keeps only its ends, a real bend stays', () => {
		const input = osm().features.find((f) => f.properties.name === 'Lange Reihe')!.geometry.coordinates as Position[];
		expect(input.length).toBe(60);
		const { basemap } = imported('Mühlenviertel');
		expect(one(basemap, 'Lange Reihe').geometry).toEqual({ type: 'LineString', coordinates: [input[0], input.at(-1)] });
		// Every corner of the other streets (tens of metres apart) stays.
		expect(one(basemap, 'Mühlgasse').geometry.coordinates).toHaveLength(5);

		const project = ([lng, lat]: Position): Position => [lng * 69_600, lat * 110_574];
		const bend: Position[] = [
			[12.4, 51.34],
			[12.401, 51.34001],
			[12.402, 51.34],
			[12.402, 51.341],
		];
		// 1 m off the line: dropped; the corner of the L: kept.
		expect(simplifyLine(bend, 2, project)).toEqual([bend[0], bend[2], bend[3]]);
		expect(simplifyLine(bend, 0.5, project)).toEqual(bend);
	});

	test('positions rounded to 6 decimals', () => {
		const precise = street('Genaue Gasse', [
			[12.40012345678, 51.34412345678],
			[12.40512345678, 51.34899999999],
		]);
		const { basemap } = basemapFromOsm(osmWith([precise]), { bounds, district });
		expect(one(basemap, 'Genaue Gasse').geometry.coordinates).toEqual([
			[12.400123, 51.344123],
			[12.405123, 51.349],
		]);
		for (const f of imported().basemap.features) for (const [lng, lat] of positionsOf(f.geometry)) expect(Math.max(decimals(lng), decimals(lat))).toBeLessThanOrEqual(6);
	});

	test('the report counts what was taken and what was left out', () => {
		const { report } = imported('Mühlenviertel');
		expect(report[0]).toBe(
			'20 Objekte gelesen, 13 übernommen: 1 Grenze, 1 Grünfläche, 2 Gewässer, 1 Weg, 1 Bahnlinie, 5 Straßen, 2 Orientierungspunkte; 4 ohne Bedeutung für die Karte übersprungen, 1 außerhalb des Kartenausschnitts, 1 weitere Gebietsgrenze nicht übernommen, 1 Orientierungspunkt doppelt.',
		);
		expect(report[1]).toMatch(/^Die Grundkarte hat 13 Objekte mit \d+ Punkten \(erlaubt: 20\.000\)\.$/);
	});

	test('landmarks: one per name, the most wanted first, at most 40', () => {
		const churches: OsmFeature[] = Array.from({ length: MAX_LANDMARKS + 5 }, (_, i) => ({ type: 'Feature', properties: { amenity: 'place_of_worship', name: `Kapelle ${i + 1}` }, geometry: { type: 'Point', coordinates: [12.4 + i * 0.0004, 51.345] } }));
		const station: OsmFeature = { type: 'Feature', properties: { railway: 'station', name: 'Bahnhof Mühlenviertel' }, geometry: { type: 'Point', coordinates: [12.41, 51.341] } };
		const again: OsmFeature = { type: 'Feature', properties: { amenity: 'place_of_worship', name: 'Kapelle 1' }, geometry: { type: 'Polygon', coordinates: [[[12.4, 51.345], [12.4001, 51.345], [12.4001, 51.3451], [12.4, 51.345]]] } };
		const { basemap, report } = basemapFromOsm(osmWith([...churches, again, station]), { bounds, district });
		const landmarks = basemap.features.filter((f) => f.properties.kind === 'landmark').map((f) => f.properties.name);
		expect(landmarks).toHaveLength(MAX_LANDMARKS);
		expect(landmarks[0]).toBe('Bahnhof Mühlenviertel');
		expect(landmarks).not.toContain('Kapelle 40');
		expect(report[0]).toContain('1 Orientierungspunkt doppelt, 6 Orientierungspunkte über der Höchstzahl von 40.');
	});

	test('a point for the name of an L-shaped area lies inside it', () => {
		const ring: Position[] = [
			[0, 0],
			[10, 0],
			[10, 1],
			[1, 1],
			[1, 10],
			[0, 10],
			[0, 0],
		];
		const point = representativePoint(ring)!;
		expect(insideArea(point, { type: 'Polygon', coordinates: [ring] })).toBe(true);
	});

	test('refused with German reasons: not a FeatureCollection, nothing for the map, too many points', () => {
		expect(() => basemapFromOsm({ type: 'Feature' }, { bounds, district })).toThrow('Die Datei ist keine GeoJSON-FeatureCollection');
		expect(() => basemapFromOsm([], { bounds, district })).toThrow('keine GeoJSON-FeatureCollection');
		expect(() => basemapFromOsm(osmWith([]), { bounds, district })).toThrow('Nichts für die Grundkarte gefunden: Die Datei enthält keine Objekte.');
		const elsewhere = osm().features.filter((f) => ['way/9001', 'node/8001', 'way/8002'].includes(f.id ?? ''));
		expect(elsewhere).toHaveLength(3);
		expect(() => basemapFromOsm(osmWith(elsewhere), { bounds, district })).toThrow(`Nichts für die Grundkarte gefunden: Keines der ${elsewhere.length} Objekte ist eine Straße, ein Weg, eine Bahnlinie, ein Gewässer, eine Grünfläche oder ein Orientierungspunkt im Kartenausschnitt von Mühlenviertel`);
		// 25 zigzag streets of 900 corners each (30 m apart sideways): nothing to simplify: 22,500 points, and 5 for the frame as boundary.
		const zigzags = Array.from({ length: 25 }, (_, s) => street(`Zickzackweg ${s + 1}`, Array.from({ length: 900 }, (_, i): Position => [12.396 + i * 0.00002, 51.3405 + s * 0.0004 + (i % 2) * 0.0003])));
		expect(() => basemapFromOsm(osmWith(zigzags), { bounds, district })).toThrow(/Die erzeugte Grundkarte ist nicht gültig:\n {2}• Grundkarte: Die Grundkarte hat 22\.505 Punkte, erlaubt sind höchstens 20\.000[^\n]*\nTipp: einen kleineren Ausschnitt exportieren/);
	});

	test('written one feature per line, readable again', () => {
		const { basemap } = imported('Mühlenviertel');
		const dir = mkdtempSync(path.join(tmpdir(), 'quartier-basemap-'));
		try {
			const file = path.join(dir, 'karte', 'grundkarte.geojson');
			writeBasemap(file, basemap);
			const text = readFileSync(file, 'utf8');
			expect(text).toBe(formatBasemap(basemap));
			const lines = text.trimEnd().split('\n');
			expect(lines[0]).toBe('{"type":"FeatureCollection","attribution":"© OpenStreetMap-Mitwirkende (ODbL)","features":[');
			expect(lines.at(-1)).toBe(']}');
			expect(lines).toHaveLength(basemap.features.length + 2);
			expect(JSON.parse(text)).toEqual(basemap);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the sample base map', () => {
	const sample = () => JSON.parse(readFileSync(SAMPLE, 'utf8')) as Basemap;
	const settings = readSettings();
	const schema = () => basemapSchema(settings.map.bounds, settings.district);
	const issuesOf = (data: unknown) => schema().safeParse(data).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

	test('passes the schema with the sample settings; it says it is invented', () => {
		expect(settings.map.bounds).toEqual(bounds);
		expect(issuesOf(sample())).toEqual([]);
		expect(sample().attribution).toMatch(/erfunden/i);
	});

	test('every facility and every project place lies inside the boundary', () => {
		const boundary = sample().features.find((f) => f.properties.kind === 'boundary')!;
		const places: [string, { lat: number; lng: number }][] = [];
		for (const file of entryFiles('einrichtungen')) places.push([file, (readData(file) as { coordinates: { lat: number; lng: number } }).coordinates]);
		for (const file of entryFiles('projekte')) {
			const place = (readData(file) as { place?: { lat?: number; lng?: number } }).place;
			if (place?.lat !== undefined && place.lng !== undefined) places.push([file, { lat: place.lat, lng: place.lng }]);
		}
		expect(places.length).toBeGreaterThan(20);
		const outside = places.filter(([, { lat, lng }]) => !insideArea([lng, lat], boundary.geometry)).map(([file]) => file);
		expect(outside).toEqual([]);
	});

	test('refused with a German message naming the feature', () => {
		const map = sample();
		const index = (name: string) => map.features.findIndex((f) => f.properties.name === name);
		const edited = (i: number, feature: unknown) => ({ ...map, features: map.features.map((f, j) => (j === i ? feature : f)) });

		const church = index('Kirche Zum Guten Hirten');
		expect(issuesOf(edited(church, { ...map.features[church], properties: { kind: 'landmark' } }))).toEqual([{ path: `features.${church}.properties.name`, message: 'Ein Orientierungspunkt braucht einen Namen – er steht auf der Karte.' }]);

		const weber = index('Weberstraße');
		const asArea = { type: 'Feature', properties: { kind: 'street', name: 'Weberstraße' }, geometry: { type: 'Polygon', coordinates: [[[12.4133, 51.3405], [12.4134, 51.344], [12.414, 51.344], [12.4133, 51.3405]]] } };
		expect(issuesOf(edited(weber, asArea))).toEqual([{ path: `features.${weber}.geometry.type`, message: 'Eine Straße (street) kann keine Fläche (Polygon) sein – erlaubt: LineString, MultiLineString.' }]);

		const platz = index('Lindenplatz');
		const elsewhere = { type: 'Feature', properties: { kind: 'landmark', name: 'Lindenplatz' }, geometry: { type: 'Point', coordinates: [13.7373, 51.0504] } };
		expect(issuesOf(edited(platz, elsewhere))).toEqual([
			{ path: `features.${platz}.geometry`, message: 'Lindenplatz: der Punkt [13,7373, 51,0504] liegt weit außerhalb des Kartenausschnitts von Mühlenviertel (Einstellungen → Kartenausschnitt). Erwartet wird eine Grundkarte dieses Gebiets.' },
		]);

		const withoutBoundary = { ...map, features: map.features.filter((f) => f.properties.kind !== 'boundary') };
		expect(issuesOf(withoutBoundary)).toEqual([{ path: 'features', message: 'Die Grundkarte braucht die Grenze des Gebiets (ein Objekt mit "kind": "boundary").' }]);
	});
});
