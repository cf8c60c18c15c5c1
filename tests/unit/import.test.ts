/**
 * The import behind `npm run import:einrichtungen`: OSM GeoJSON and CSV in, facility files out – or nothing, with
 * German reasons. The command itself, as a process, is tested in tests/build/import-commands.test.ts.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { categoryOf, importFacilities } from '../../src/import/facilities';
import { slugify } from '../../src/lib/slug';
import { readData } from '../helpers/content';

const CSV = path.resolve('tests/fixtures/import/einrichtungen.csv');
const OSM = path.resolve('tests/fixtures/import/osm-export.geojson');
let work = '';
let content = '';
const before = process.env.QUARTIER_CONTENT_DIR;

beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'quartier-import-'));
	content = path.join(work, 'content');
	cpSync('content', content, { recursive: true });
	process.env.QUARTIER_CONTENT_DIR = content;
});
afterEach(() => {
	if (before === undefined) delete process.env.QUARTIER_CONTENT_DIR;
	else process.env.QUARTIER_CONTENT_DIR = before;
	rmSync(work, { recursive: true, force: true });
});
const facilityFiles = () => readdirSync(path.join(content, 'einrichtungen')).sort();

describe('mapping', () => {
	test('OSM tags → categories; names → file ids', () => {
		expect(categoryOf({ amenity: 'kindergarten' })).toBe('kita');
		expect(categoryOf({ healthcare: 'doctor' })).toBe('gesundheit');
		expect(categoryOf({ leisure: 'playground' })).toBe('spielplatz');
		expect(categoryOf({ amenity: 'bench' })).toBeUndefined();
		expect(slugify('Nachbarschaftscafé Weberhof')).toBe('nachbarschaftscafe-weberhof');
		expect(slugify('Kita Löwenzahn')).toBe('kita-loewenzahn');
		// „ä" written as „a" plus a combining diaeresis (as some Mac programs paste it).
		expect(slugify('Sitzba\u0308nke am Lindenplatz')).toBe('sitzbaenke-am-lindenplatz');
	});
});

describe('all or nothing', () => {
	test('a CSV with a wrong coordinate and an unknown category writes nothing and names each bad line', async () => {
		const files = facilityFiles();
		const { ok, lines } = await importFacilities(CSV);
		expect(ok).toBe(false);
		expect(facilityFiles()).toEqual(files);
		const report = lines.join('\n');
		expect(report).toContain('✗ Zeile 4 [beratung-hauptbahnhof]:');
		expect(report).toContain('Längengrad muss zwischen 12,3945 und 12,4205 liegen (Gebiet Mühlenviertel) – erhalten 12,382. (Feld coordinates.lng)');
		expect(report).toContain('✗ Zeile 5 [boxclub-ost]:');
		expect(report).toContain('Kategorie: „boxen" gibt es nicht in content/kategorien/');
		expect(report).toContain('Nichts geschrieben: 2 von 4 Einträgen sind fehlerhaft.');
	});

	test('--skip-invalid writes the good rows: a new file, and an update that keeps the text', async () => {
		const bodyBefore = readFileSync(path.join(content, 'einrichtungen', 'kita-sonnenblume.md'), 'utf8').split('---').slice(2).join('---');
		const { lines } = await importFacilities(CSV, { skipInvalid: true });
		expect(lines.at(-1)).toBe('1 neu, 1 aktualisiert, 2 übersprungen.');
		const cafe = readData(path.join(content, 'einrichtungen', 'nachbarschaftscafe-weberhof.md')) as Record<string, unknown>;
		expect(cafe).toMatchObject({ name: 'Nachbarschaftscafé Weberhof', category: 'treffpunkt', openingHours: 'Tu,Th 14:00-18:00; PH off', languages: ['de', 'tr', 'ar'], description: 'Kaffee, Kuchen und "Sprachtandem" für alle.' });
		const kita = readFileSync(path.join(content, 'einrichtungen', 'kita-sonnenblume.md'), 'utf8');
		expect(readData(path.join(content, 'einrichtungen', 'kita-sonnenblume.md'))).toMatchObject({ openingHours: 'Mo-Fr 06:30-17:30; PH off', languages: ['de', 'en'] });
		expect(kita.split('---').slice(2).join('---')).toBe(bodyBefore);
		expect(existsSync(path.join(content, 'einrichtungen', 'boxclub-ost.md'))).toBe(false);
	});

	test('an OpenStreetMap export: odd tags tolerated, polygons placed, unknown kinds reported', async () => {
		const { ok, lines } = await importFacilities(OSM, { skipInvalid: true });
		expect(ok).toBe(false);
		expect(lines.join('\n')).toContain('✗ Objekt 3 („Bank am Teich") [bank-am-teich]:');
		expect(lines.join('\n')).toContain('Kategorie: „unbekannt (amenity=bench)" gibt es nicht');
		expect(lines.at(-1)).toBe('3 neu, 0 aktualisiert, 1 übersprungen.');
		expect(readData(path.join(content, 'einrichtungen', 'kita-loewenzahn.md'))).toMatchObject({
			category: 'kita',
			wheelchair: 'unknown',
			languages: ['tr', 'de'],
			phone: '0341 9876543',
			address: { street: 'Färbergasse 21', postcode: '04315', city: 'Leipzig' },
			coordinates: { lat: 51.3455, lng: 12.4101 },
		});
		expect(readData(path.join(content, 'einrichtungen', 'spielplatz-faerberhof.md'))).toMatchObject({ category: 'spielplatz', wheelchair: 'limited', coordinates: { lat: 51.3471, lng: 12.4051 } });
	});
});
