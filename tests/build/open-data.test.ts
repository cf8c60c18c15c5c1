/**
 * The built open data: /einrichtungen.geojson passes a real GeoJSON validator and carries OSM-style keys;
 * /einrichtungen.csv follows the documented column layout and survives a round trip through the CSV parser.
 */
import { readFileSync } from 'node:fs';
import { check } from '@placemarkio/check-geojson';
import type { FeatureCollection } from 'geojson';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { CSV_COLUMNS, splitStreet } from '../../src/lib/osm';
import { entryFiles, readData } from '../helpers/content';

const facilityFiles = entryFiles('einrichtungen');

describe('GeoJSON', () => {
	const text = readFileSync('dist/einrichtungen.geojson', 'utf8');
	test('is valid GeoJSON (@placemarkio/check-geojson) with one point per facility', () => {
		const collection = check(text) as FeatureCollection;
		expect(collection.features).toHaveLength(facilityFiles.length);
		for (const feature of collection.features) expect(feature.geometry?.type).toBe('Point');
	});
	test('properties use OpenStreetMap keys', () => {
		const feature = (check(text) as FeatureCollection).features.find((f) => f.id === 'kita-sonnenblume');
		const source = readData('content/einrichtungen/kita-sonnenblume.md') as { name: string; openingHours: string; wheelchair: string; coordinates: { lat: number; lng: number }; address: { street: string } };
		expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [source.coordinates.lng, source.coordinates.lat] });
		expect(feature?.properties).toMatchObject({
			amenity: 'kindergarten',
			name: source.name,
			opening_hours: source.openingHours,
			wheelchair: source.wheelchair,
			'addr:street': splitStreet(source.address.street).street,
			'addr:postcode': '04315',
			'quartier:url': 'https://muehlenviertel.example.org/einrichtungen/kita-sonnenblume/',
		});
	});
});

describe('CSV', () => {
	const rows = parseCsv(readFileSync('dist/einrichtungen.csv', 'utf8'));
	test('header row in the documented layout, one row per facility', () => {
		expect(rows[0]).toEqual([...CSV_COLUMNS]);
		expect(rows).toHaveLength(facilityFiles.length + 1);
	});
	test('values with commas, quotes and semicolons come back unchanged', () => {
		const header = rows[0] ?? [];
		const byId = new Map(rows.slice(1).map((row) => [row[0], Object.fromEntries(header.map((h, i) => [h, row[i]]))]));
		for (const file of facilityFiles) {
			const data = readData(file) as { name: string; description: string; openingHours?: string };
			const row = byId.get(file.replace(/^.*\/|\.md$/g, ''));
			expect(row?.name).toBe(data.name);
			expect(row?.beschreibung).toBe(data.description);
			expect(row?.oeffnungszeiten).toBe(data.openingHours ?? '');
		}
		expect(parseCsv('a,b\r\n"x, ""y""",z\n')).toEqual([['a', 'b'], ['x, "y"', 'z']]);
	});
	test('street and house number are split for OSM', () => {
		expect(splitStreet('Mühlgasse 14')).toEqual({ street: 'Mühlgasse', housenumber: '14' });
		expect(splitStreet('Weberstraße 20–28')).toEqual({ street: 'Weberstraße', housenumber: '20–28' });
		expect(splitStreet('Am Mühlgraben 3a')).toEqual({ street: 'Am Mühlgraben', housenumber: '3a' });
		expect(splitStreet('Mühlenpark')).toEqual({ street: 'Mühlenpark' });
	});
});
