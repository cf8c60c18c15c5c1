/**
 * Importing facilities from CSV (documented column layout, src/lib/osm.ts) or GeoJSON (e.g. an OpenStreetMap
 * export with OSM tags). Every row is checked against the facility schema first; bad rows are listed with their
 * line or feature number and the German reason. Nothing is written unless all rows are good, or `skipInvalid`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { slugify } from '../lib/slug';
import { numberFromCsv, parseCsv } from '../lib/csv';
import { CATEGORY_TAGS, CSV_COLUMNS } from '../lib/osm';
import { contentDir } from '../lib/paths';
import { readSettings } from '../schemas';
import { facilitySchema } from '../schemas/facilities';
import { plainContext } from '../schemas/context';

export interface Candidate {
	/** Where it came from, in words: „Zeile 4" or „Objekt 2". */
	where: string;
	id: string;
	data: Record<string, unknown>;
}

export interface Problem {
	where: string;
	id: string;
	reasons: string[];
}


const optional = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/** Rows of a CSV file in the documented layout. Line numbers count the header as line 1. */
export function fromCsv(text: string): Candidate[] {
	const [header = [], ...rows] = parseCsv(text);
	const missing = CSV_COLUMNS.filter((c) => !['id', 'oeffnungszeiten', 'telefon', 'email', 'website'].includes(c) && !header.includes(c));
	if (missing.length) throw new Error(`Die CSV-Datei hat nicht die erwarteten Spalten – es fehlen: ${missing.join(', ')}. Erwartet: ${CSV_COLUMNS.join(',')}`);
	return rows.map((row, index) => {
		const get = (column: string) => row[header.indexOf(column)];
		const name = get('name') ?? '';
		return {
			where: `Zeile ${index + 2}`,
			id: optional(get('id')) ?? slugify(name),
			data: {
				name,
				category: get('kategorie'),
				address: { street: get('strasse'), postcode: get('plz'), city: get('ort') },
				coordinates: { lat: numberFromCsv(get('lat')), lng: numberFromCsv(get('lng')) },
				openingHours: optional(get('oeffnungszeiten')),
				wheelchair: optional(get('rollstuhl')) ?? 'unknown',
				languages: (optional(get('sprachen')) ?? 'de').split(/[\s,;]+/).filter(Boolean),
				phone: optional(get('telefon')),
				email: optional(get('email')),
				website: optional(get('website')),
				description: get('beschreibung'),
			},
		};
	});
}

/** The facility category an OSM feature's tags stand for, if any. */
export function categoryOf(tags: Record<string, string>): string | undefined {
	for (const [category, tagSets] of Object.entries(CATEGORY_TAGS)) {
		if (tagSets.some((set) => Object.entries(set).every(([k, v]) => tags[k] === v))) return category;
	}
	return undefined;
}

const OSM_WHEELCHAIR = new Set(['yes', 'limited', 'no']);

/** Features of a GeoJSON file (e.g. an OpenStreetMap export). Points, or the first position of other shapes. */
export function fromGeoJSON(text: string): Candidate[] {
	const parsed = JSON.parse(text) as { features?: { id?: string | number; geometry?: { type: string; coordinates: unknown }; properties?: Record<string, unknown> }[] };
	return (parsed.features ?? []).map((feature, index) => {
		const tags = Object.fromEntries(Object.entries(feature.properties ?? {}).map(([k, v]) => [k, String(v)]));
		let position: unknown = feature.geometry?.coordinates;
		while (Array.isArray(position) && Array.isArray(position[0])) position = position[0];
		const [lng, lat] = Array.isArray(position) ? (position as number[]) : [];
		const name = tags.name ?? '';
		const street = [tags['addr:street'], tags['addr:housenumber']].filter(Boolean).join(' ');
		const languages = Object.keys(tags)
			.filter((k) => /^language:[a-z]{2}$/.test(k) && tags[k] === 'yes')
			.map((k) => k.slice('language:'.length));
		if (tags['sign_language:gsg'] === 'yes') languages.push('dgs');
		return {
			where: `Objekt ${index + 1}${name ? ` („${name}")` : ''}`,
			id: optional(tags['quartier:id']) ?? slugify(name),
			data: {
				name,
				category: tags['quartier:category'] ?? categoryOf(tags) ?? `unbekannt (${['amenity', 'healthcare', 'leisure', 'office'].map((k) => (tags[k] ? `${k}=${tags[k]}` : '')).filter(Boolean).join(', ') || 'ohne Art'})`,
				address: { street: street || undefined, postcode: tags['addr:postcode'], city: tags['addr:city'] },
				coordinates: { lat, lng },
				openingHours: optional(tags.opening_hours),
				wheelchair: OSM_WHEELCHAIR.has(tags.wheelchair ?? '') ? tags.wheelchair : 'unknown',
				languages: languages.length ? languages : ['de'],
				phone: optional(tags.phone ?? tags['contact:phone']),
				email: optional(tags.email ?? tags['contact:email']),
				website: optional(tags.website ?? tags['contact:website']),
				description: optional(tags.description) ?? (name ? `${name} im Quartier.` : undefined),
			},
		};
	});
}

/** Drops empty optional values so the file stays tidy. */
function tidy(data: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== ''));
}

/** Checks every candidate with the facility schema; returns the good ones and the problems. */
export async function check(candidates: Candidate[]) {
	const ctx = plainContext();
	const settings = readSettings(ctx);
	const schema = facilitySchema(ctx, { bounds: settings.map.bounds, district: settings.district });
	const good: Candidate[] = [];
	const problems: Problem[] = [];
	const seen = new Set<string>();
	for (const candidate of candidates) {
		const reasons: string[] = [];
		if (!candidate.id) reasons.push('Ohne Namen lässt sich kein Dateiname bilden.');
		if (seen.has(candidate.id)) reasons.push(`Die ID „${candidate.id}" kommt in der Datei mehrfach vor.`);
		seen.add(candidate.id);
		const result = await schema.safeParseAsync(tidy(candidate.data));
		if (!result.success) reasons.push(...result.error.issues.map((issue) => `${issue.message} (Feld ${issue.path.join('.') || '–'})`));
		if (reasons.length) problems.push({ where: candidate.where, id: candidate.id, reasons });
		else good.push(candidate);
	}
	return { good, problems };
}

/** Writes (creates or updates) content/einrichtungen/<id>.md; an existing file keeps its body text. */
export function write(candidate: Candidate): 'neu' | 'aktualisiert' {
	const folder = path.join(contentDir(), 'einrichtungen');
	mkdirSync(folder, { recursive: true });
	const file = path.join(folder, `${candidate.id}.md`);
	const existed = existsSync(file);
	const body = existed ? (/^---\r?\n[\s\S]*?\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(file, 'utf8'))?.[1] ?? '') : '';
	const data = tidy(candidate.data);
	data.address = tidy(data.address as Record<string, unknown>);
	writeFileSync(file, `---\n${stringify(data)}---\n${body}`);
	return existed ? 'aktualisiert' : 'neu';
}

/** Reads, checks and (if allowed) writes. Returns the report lines and whether everything went through. */
export async function importFacilities(file: string, options: { skipInvalid?: boolean } = {}) {
	const text = readFileSync(file, 'utf8');
	const candidates = /\.(geo)?json$/i.test(file) ? fromGeoJSON(text) : fromCsv(text);
	const { good, problems } = await check(candidates);
	const lines = problems.flatMap((p) => [`✗ ${p.where}${p.id ? ` [${p.id}]` : ''}:`, ...p.reasons.map((r) => `    ${r}`)]);
	if (problems.length && !options.skipInvalid) {
		lines.push(`Nichts geschrieben: ${problems.length} von ${candidates.length} Einträgen sind fehlerhaft. Bitte korrigieren oder mit --skip-invalid nur die guten übernehmen.`);
		return { ok: false, lines, written: [] as string[] };
	}
	const results = good.map((c) => ({ id: c.id, result: write(c) }));
	const created = results.filter((r) => r.result === 'neu').length;
	lines.push(`${created} neu, ${results.length - created} aktualisiert${problems.length ? `, ${problems.length} übersprungen` : ''}.`);
	return { ok: problems.length === 0, lines, written: results.map((r) => r.id) };
}
