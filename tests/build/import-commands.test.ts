/**
 * The two import commands as staff run them: `npm run import:grundkarte` and `npm run import:einrichtungen`, each a
 * real process started through tsx (exit code, German report, what is written or not). Their logic is tested
 * without a process in tests/unit/basemap.test.ts and tests/unit/import.test.ts; starting Node and tsx takes seconds
 * per run, so these integration tests live in the site tier. They need no built site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { basemapSchema } from '../../src/schemas/basemap';
import { cleanEnv } from '../helpers/run';

const TSX_CLI = path.resolve('node_modules/tsx/dist/cli.mjs');

describe('npm run import:grundkarte', () => {
	const FIXTURE = path.resolve('tests/fixtures/import/osm-grundkarte.geojson');
	/** The sample's map frame and district (content/settings/quartier.yaml). */
	const bounds = { south: 51.3395, west: 12.3945, north: 51.3525, east: 12.4205 };
	const district = 'Mühlenviertel';
	type OsmFeature = { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown };
	const osm = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as { type: 'FeatureCollection'; features: OsmFeature[] };

	let work = '';
	beforeAll(() => {
		work = mkdtempSync(path.join(tmpdir(), 'quartier-grundkarte-'));
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));
	const run = (...args: string[]) => spawnSync(process.execPath, [TSX_CLI, 'scripts/import-grundkarte.ts', ...args], { env: cleanEnv(), encoding: 'utf8' });

	test('writes a base map that passes the schema, and prints the report', () => {
		const output = path.join(work, 'grundkarte.geojson');
		const result = run(FIXTURE, '--grenze', 'Mühlenviertel', '--ausgabe', output);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('20 Objekte gelesen, 13 übernommen: 1 Grenze, 1 Grünfläche, 2 Gewässer, 1 Weg, 1 Bahnlinie, 5 Straßen, 2 Orientierungspunkte;');
		expect(result.stdout).toContain('Grenze: „Mühlenviertel" (mit --grenze gewählt).');
		expect(result.stdout).toContain('Geschrieben: ');
		const written = JSON.parse(readFileSync(output, 'utf8'));
		const checked = basemapSchema(bounds, district).safeParse(written);
		expect(checked.error?.issues).toBeUndefined();
		expect(written.features[0].properties).toEqual({ kind: 'boundary', name: 'Mühlenviertel' });
	});

	test('bad input: exit 1 with a German message, nothing written', () => {
		const notJson = path.join(work, 'kaputt.geojson');
		writeFileSync(notJson, '<osm version="0.6">');
		const output = path.join(work, 'nie.geojson');
		let result = run(notJson, '--ausgabe', output);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`Die Datei ${notJson} ist kein gültiges JSON`);

		const notCollection = path.join(work, 'einzeln.geojson');
		writeFileSync(notCollection, JSON.stringify({ type: 'Feature', properties: {}, geometry: null }));
		result = run(notCollection, `--ausgabe=${output}`);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Die Datei ist keine GeoJSON-FeatureCollection');
		expect(result.stderr).toContain('Nichts geschrieben.');

		const benches = path.join(work, 'baenke.geojson');
		writeFileSync(benches, JSON.stringify({ type: 'FeatureCollection', features: osm().features.filter((f) => f.properties.amenity === 'bench') }));
		result = run(benches, '--ausgabe', output);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Nichts für die Grundkarte gefunden');

		result = run(path.join(work, 'gibtsnicht.geojson'));
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('gibt es nicht');
		expect(existsSync(output)).toBe(false);
	});
});

describe('npm run import:einrichtungen', () => {
	const CSV = path.resolve('tests/fixtures/import/einrichtungen.csv');
	let work = '';
	let content = '';
	beforeAll(() => {
		work = mkdtempSync(path.join(tmpdir(), 'quartier-import-'));
		content = path.join(work, 'content');
		cpSync('content', content, { recursive: true });
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	test('exits 1 on bad rows and prints the German report', () => {
		const result = spawnSync(process.execPath, [TSX_CLI, 'scripts/import-einrichtungen.ts', CSV], { env: cleanEnv({ QUARTIER_CONTENT_DIR: content }), encoding: 'utf8' });
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('Nichts geschrieben: 2 von 4 Einträgen sind fehlerhaft.');
	});
});
