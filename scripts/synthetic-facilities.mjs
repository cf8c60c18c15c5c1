/**
 * Synthetic facilities for benchmarks and scale tests: spread over the district frame of the settings, with
 * varied categories, languages, wheelchair values and opening hours. Deterministic, so every run measures the
 * same district. The sample's own facilities stay (projects and events refer to them).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const HOURS = ['Mo-Fr 08:00-16:00; PH off', 'Mo-Fr 07:00-17:00; PH off', 'Tu,Th 14:00-18:00; PH off', 'Mo-Sa 09:00-20:00', 'Mo-Fr 09:00-12:00,13:00-15:00; PH off'];
const LANGS = ['de', 'tr', 'ar', 'en', 'ru', 'uk'];
const WHEEL = ['yes', 'limited', 'no', 'unknown'];

/** Adds facilities to `contentDir` until it holds `count`. */
export function synthesizeFacilities(contentDir, count) {
	const settings = parse(readFileSync(path.join(contentDir, 'settings', 'quartier.yaml'), 'utf8'));
	const { south, west, north, east } = settings.map.bounds;
	const categories = readdirSync(path.join(contentDir, 'kategorien')).filter((f) => f.endsWith('.de.yaml')).map((f) => f.replace('.de.yaml', '')).sort();
	const folder = path.join(contentDir, 'einrichtungen');
	const existing = readdirSync(folder).filter((f) => f.endsWith('.md')).length;
	let seed = count;
	const random = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
	for (let i = 0; i < count - existing; i++) {
		const lat = south + 0.0005 + random() * (north - south - 0.001);
		const lng = west + 0.0005 + random() * (east - west - 0.001);
		const languages = LANGS.filter((_, j) => j === 0 || random() < 0.2);
		writeFileSync(
			path.join(folder, `ort-${i}.md`),
			`---\nname: Einrichtung ${i}\ncategory: ${categories[i % categories.length]}\naddress: { street: Teststraße ${i % 200}, postcode: "04315", city: Leipzig }\ncoordinates: { lat: ${lat.toFixed(6)}, lng: ${lng.toFixed(6)} }\nopeningHours: "${HOURS[i % HOURS.length]}"\nwheelchair: ${WHEEL[i % WHEEL.length]}\nlanguages: [${languages.join(', ')}]\ndescription: Synthetische Einrichtung Nummer ${i} für die Messung.\n---\n`,
		);
	}
}
