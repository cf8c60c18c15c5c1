/**
 * The built open data: /einrichtungen.geojson passes a real GeoJSON validator and its own published JSON Schema, and
 * carries OSM-style keys;
 * /einrichtungen.csv follows the documented column layout and survives a round trip through the CSV parser;
 * /daten/projekte.json passes its own published JSON Schema (Ajv, draft 2020-12); the CSV files of projects,
 * decisions and money hold every entry, and every total on /foerderung/ is the sum of the published rows.
 */
import { readFileSync } from 'node:fs';
import { check } from '@placemarkio/check-geojson';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FeatureCollection } from 'geojson';
import { describe, expect, test } from 'vitest';
import { numberFromCsv, parseCsv } from '../../src/lib/csv';
import { CSV_COLUMNS, splitStreet } from '../../src/lib/osm';
import { entryFiles, idOf, readData } from '../helpers/content';

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
	test('passes its published JSON Schema, which refuses what the content model refuses', () => {
		const schema = JSON.parse(readFileSync('dist/daten/einrichtungen.schema.json', 'utf8')) as Record<string, unknown>;
		const ajv = new Ajv2020({ allErrors: true, strict: true });
		addFormats.default(ajv);
		const validate = ajv.compile(schema);
		const collection = JSON.parse(text) as { features: { properties: Record<string, string> }[] };
		expect(validate(collection), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
		expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://muehlenviertel.example.org/daten/einrichtungen.schema.json' });
		const [first] = collection.features;
		const broken = (properties: Record<string, unknown>) => validate({ ...collection, features: [{ ...first, properties: { ...first?.properties, ...properties } }] });
		expect(broken({ wheelchair: 'vielleicht' })).toBe(false);
		expect(broken({ 'quartier:category': 'unbekannt' })).toBe(false);
		expect(broken({ 'addr:postcode': '4315' })).toBe(false);
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
		// Coordinates keep their decimal comma, so German spreadsheets read them as numbers.
		const sonnenblume = byId.get('kita-sonnenblume');
		const data = readData('content/einrichtungen/kita-sonnenblume.md') as { coordinates: { lat: number } };
		expect(sonnenblume?.lat).toBe(String(data.coordinates.lat).replace('.', ','));
	});
	test('street and house number are split for OSM', () => {
		expect(splitStreet('Mühlgasse 14')).toEqual({ street: 'Mühlgasse', housenumber: '14' });
		expect(splitStreet('Weberstraße 20–28')).toEqual({ street: 'Weberstraße', housenumber: '20–28' });
		expect(splitStreet('Am Mühlgraben 3a')).toEqual({ street: 'Am Mühlgraben', housenumber: '3a' });
		expect(splitStreet('Mühlenpark')).toEqual({ street: 'Mühlenpark' });
	});
});

/** A published CSV file as records keyed by its header. */
function records(file: string): Record<string, string>[] {
	const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'));
	return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}
const amount = (text: string | undefined) => Number(numberFromCsv(text || '0'));
/** Adds up in whole cents, as the site does. */
const sum = (rows: Record<string, string>[], column: string) => rows.reduce((cents, row) => cents + Math.round(amount(row[column]) * 100), 0) / 100;

describe('projects as JSON', () => {
	const data = JSON.parse(readFileSync('dist/daten/projekte.json', 'utf8')) as { id: string; status: string; money: { granted: number; years: unknown[] } }[];
	const schema = JSON.parse(readFileSync('dist/daten/projekte.schema.json', 'utf8')) as Record<string, unknown>;
	test('every project, valid against the published JSON Schema', () => {
		const ajv = new Ajv2020({ allErrors: true, strict: true });
		addFormats.default(ajv);
		const validate = ajv.compile(schema);
		expect(validate(data), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
		expect(data.map((p) => p.id).sort()).toEqual(entryFiles('projekte').map(idOf).sort());
		expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://muehlenviertel.example.org/daten/projekte.schema.json' });
		expect(JSON.stringify(schema)).not.toContain('"cms"');
	});
	test('the schema refuses what the content model refuses: an unknown status, granted money as text', () => {
		const ajv = new Ajv2020({ strict: true });
		addFormats.default(ajv);
		const validate = ajv.compile(schema);
		expect(validate([{ ...data[0], status: 'fertig' }])).toBe(false);
		expect(validate([{ ...data[0], money: { ...data[0]?.money, granted: '295.000 €' } }])).toBe(false);
	});
	test('an idea never carries granted money', () => {
		for (const project of data.filter((p) => p.status === 'idee')) expect(project.money).toMatchObject({ granted: 0, years: [] });
	});
});

describe('money and decisions as CSV; the totals of /foerderung/ are the sums of the published rows', () => {
	const projects = records('dist/daten/projekte.csv');
	const years = records('dist/daten/foerderung.csv');
	const totals = records('dist/daten/foerderung-summen.csv');
	const decisions = records('dist/daten/beschluesse.csv');
	const page = readFileSync('dist/foerderung/index.html', 'utf8');
	/** The figures of one chart's table on the page: row key → [total, paid]. */
	const chart = (id: string) => {
		const figure = new RegExp(`<figure[^>]*data-chart="${id}"[\\s\\S]*?</figure>`).exec(page)?.[0] ?? '';
		const rows = [...figure.matchAll(/<tr data-key="([^"]+)">[\s\S]*?data-total="([\d.]+)"(?:[\s\S]*?data-paid="([\d.]+)")?[\s\S]*?<\/tr>/g)];
		return new Map(rows.map((m) => [m[1], [Number(m[2]), Number(m[3] ?? 0)]]));
	};
	/** A key figure as the page shows it, e.g. „1.280,50 €" → 1280.5. */
	const figure = (name: string) => Number(new RegExp(`data-figure="${name}">([^<]+)<`).exec(page)?.[1]?.replace(/[^\d,]/g, '').replace(',', '.') ?? Number.NaN);

	test('one row per project and per decision; one row per project and year of granted money', () => {
		expect(projects).toHaveLength(entryFiles('projekte').length);
		expect(decisions).toHaveLength(entryFiles('beschluesse').length);
		expect(years.length).toBeGreaterThan(8);
		expect(new Set(years.map((r) => `${r.projekt_id}-${r.jahr}`)).size).toBe(years.length);
	});

	test('by fund, year and Handlungsfeld: granted and paid equal the sums of foerderung.csv', () => {
		for (const [id, column] of [['fonds', 'fonds'], ['jahr', 'jahr'], ['handlungsfeld', 'handlungsfeld']] as const) {
			const shown = chart(id === 'handlungsfeld' ? 'handlungsfeld' : id);
			expect(shown.size, id).toBeGreaterThan(0);
			for (const [key, [granted, paid]] of shown) {
				const rows = years.filter((r) => r[column] === key);
				expect(granted, `${id} ${key}`).toBe(sum(rows, 'bewilligt'));
				expect(paid, `${id} ${key}`).toBe(sum(rows, 'ausgezahlt'));
			}
		}
		expect(figure('granted')).toBe(sum(years, 'bewilligt'));
		expect(figure('paid')).toBe(sum(years, 'ausgezahlt'));
		expect(sum(projects, 'bewilligt')).toBe(sum(years, 'bewilligt'));
	});

	test('the stage of the money: paid, granted not yet paid, applied for, estimated – from the published rows', () => {
		const stage = chart('stand');
		const ungranted = projects.filter((r) => amount(r.bewilligt) === 0);
		expect(stage.get('ausgezahlt')?.[0]).toBe(sum(years, 'ausgezahlt'));
		expect(stage.get('bewilligt')?.[0]).toBe(sum(years, 'bewilligt') - sum(years, 'ausgezahlt'));
		// Applied for counts wherever it is, also next to granted money (a second section).
		expect(stage.get('beantragt')?.[0]).toBe(sum(projects, 'beantragt'));
		expect(projects.some((r) => amount(r.bewilligt) > 0 && r.beantragt !== '')).toBe(true);
		expect(stage.get('geschaetzt')?.[0]).toBe(sum(ungranted.filter((r) => !r.beantragt), 'kostenschaetzung'));
		expect(figure('requested')).toBe(stage.get('beantragt')?.[0]);
		expect(figure('estimated')).toBe(stage.get('geschaetzt')?.[0]);
	});

	test('foerderung-summen.csv holds the very numbers the page shows', () => {
		expect(chart('stand').size).toBe(4);
		for (const row of totals) {
			const shown = chart(row.gliederung === 'stand' ? 'stand' : row.gliederung ?? '').get(row.schluessel ?? '');
			expect(row.art, row.schluessel).toMatch(row.gliederung === 'stand' ? /^summe$/ : /^(bewilligt|ausgezahlt)$/);
			const expected = row.art === 'ausgezahlt' ? shown?.[1] : shown?.[0];
			expect(amount(row.betrag), `${row.gliederung} ${row.schluessel} ${row.art}`).toBe(expected);
		}
		expect(totals.length).toBeGreaterThan(20);
	});

	test('CSV files open in spreadsheets: BOM, semicolons, CRLF', () => {
		for (const file of ['projekte', 'beschluesse', 'foerderung', 'foerderung-summen']) {
			const text = readFileSync(`dist/daten/${file}.csv`, 'utf8');
			expect(text.charCodeAt(0), file).toBe(0xfeff);
			expect(text.split('\r\n')[0], file).toContain(';');
			expect(text.endsWith('\r\n'), file).toBe(true);
		}
		const muehlenblatt = decisions.find((d) => d.id === '2025-09-17-muehlenblatt-votum');
		expect(muehlenblatt).toMatchObject({ gremium: 'quartiersrat', ergebnis: 'geaendert-angenommen', betrag: '34500', ja: '10', nein: '2', enthaltungen: '1', projekte: 'stadtteilzeitung-muehlenblatt' });
	});
});
