/**
 * npm run import:grundkarte -- <export.geojson> [--grenze "Name des Ortsteils"] [--ausgabe content/karte/grundkarte.geojson]
 * Makes the district's base map from an OpenStreetMap export (GeoJSON, e.g. from overpass-turbo) for the map frame
 * in the settings, and writes it – only when it passes the base map schema (see src/import/basemap.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { basemapFromOsm, BasemapImportError, writeBasemap } from '../src/import/basemap';
import { contentDir } from '../src/lib/paths';
import { readSettings } from '../src/schemas';
import { BASEMAP_FILE } from '../src/schemas/basemap';

const USAGE = 'Aufruf: npm run import:grundkarte -- <export.geojson> [--grenze "Name des Ortsteils"] [--ausgabe content/karte/grundkarte.geojson]';

function fail(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

/** Positional argument and the values of --grenze / --ausgabe (also written as --grenze=Name). */
function parseArgs(args: string[]) {
	const options: Record<string, string> = {};
	const positional: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		const match = /^--(grenze|ausgabe)(?:=(.*))?$/.exec(arg);
		if (match) {
			const value = match[2] ?? args[++i];
			if (value === undefined || value === '') fail(`--${match[1]} braucht einen Wert.\n${USAGE}`, 2);
			options[match[1]!] = value;
		} else if (arg.startsWith('--')) {
			fail(`Unbekannte Angabe ${arg}.\n${USAGE}`, 2);
		} else {
			positional.push(arg);
		}
	}
	return { file: positional[0], boundaryName: options.grenze, output: options.ausgabe };
}

const { file, boundaryName, output } = parseArgs(process.argv.slice(2));
if (!file) fail(USAGE, 2);
if (!existsSync(file)) fail(`Die Datei ${file} gibt es nicht.`);

let geojson: unknown;
try {
	geojson = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
	fail(`Die Datei ${file} ist kein gültiges JSON (${error instanceof Error ? error.message : String(error)}). Erwartet wird ein GeoJSON-Export, z. B. aus overpass-turbo („Exportieren" → „GeoJSON").`);
}

const settings = readSettings();
const target = output ? path.resolve(output) : path.join(contentDir(), BASEMAP_FILE);
try {
	const { basemap, report } = basemapFromOsm(geojson, { bounds: settings.map.bounds, district: settings.district, boundaryName });
	for (const line of report) console.log(line);
	writeBasemap(target, basemap);
	const relative = path.relative(process.cwd(), target);
	console.log(`Geschrieben: ${relative && !relative.startsWith('..') ? relative : target}`);
} catch (error) {
	if (error instanceof BasemapImportError) fail(`${error.message}\nNichts geschrieben.`);
	throw error;
}
