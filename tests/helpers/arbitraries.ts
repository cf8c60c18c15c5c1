/**
 * fast-check arbitraries made from the zod 4 schemas in src/schemas: random entries that pass a schema, and the
 * same entries with exactly one field broken. The walk reads each schema's definition (`schema._zod.def`) and the
 * CMS metadata the field builders attach (src/schemas/fields.ts, `described`): a relation names the folder its ids
 * come from, a date field the way staff write it, a file field the folder in public/ it must exist in.
 *
 * Entries are plain data as staff's files hold them (dates as „JJJJ-MM-TT" text, references as ids), so they can be
 * written into a content folder with the same YAML serialisation the tests and the CMS use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { z } from 'astro/zod';
import { metaOf, type FieldMeta } from '../../src/schemas/fields';
import { plainContext } from '../../src/schemas/context';
import { contentDir, publicDir } from '../../src/lib/paths';

type Schema = z.ZodType;
type Def = Record<string, unknown> & { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] };

const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: Schema) => (defOf(schema).checks ?? []).map((check) => check._zod.def);
const safeMeta = (schema: Schema): FieldMeta | undefined => {
	try {
		return metaOf(schema);
	} catch {
		return undefined;
	}
};

/** Where the generated entry will live: its folder in content/ (for pictures next to it). */
export interface Where {
	folder: string;
}

/**
 * Characters the text fields will refuse (a rule being added to src/schemas/fields.ts): C0 controls except tab and
 * line feed, DEL and C1 controls, and the bidi embedding/override/isolate marks. Valid entries leave them out.
 */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
export const withoutRefusedCharacters = (value: string) => value.replace(REFUSED_CHARACTERS, '');

/** Words residents and staff really write: German with umlauts and ß, Turkish, Arabic, emoji, and HTML's special characters. */
const WORDS = [
	'Mühlenviertel', 'Straßenfest', 'Begegnung', 'Nachbarschaft', 'Grünfläche', 'Spielplatz', 'für', 'Kinder', 'und', 'Ältere', 'Größe', 'Öffnung',
	'Müllsammelaktion', 'Frühjahrsputz', 'Sprachcafé', 'Weberstraße', 'Hof', 'Quartiersrat', 'am', '14.', 'Mai', '2026', '18:00', 'Uhr', '–', '„Zitat"',
	'Kahvaltı', 'mahalle', 'şenliği', 'Çocuklar', 'için', 'ğüşiöç', 'حي', 'المطحنة', 'مهرجان', 'الجيران', '١٢٣', '🎉', '🌳', '👩‍👧', '🇩🇪', '❤️',
	'<b>fett</b>', '&amp;', 'A & B', '"Anführung"', "'einfach'", '<script>', '</title>', '{{x}}', '#1', '*Stern*', '_unter_', '[Link](x)', '\\', 'ﬁ', 'é',
];
const sentence = (maxWords: number) => fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: maxWords }).map((words) => words.join(' '));

/** Text for a field of at most `max` characters: mostly realistic words, sometimes any Unicode at all. */
function textArbitrary(min: number, max: number): fc.Arbitrary<string> {
	const anyUnicode = fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 80) });
	// Any code point outside the surrogates (fast-check's own 'binary' unit takes seconds to set up).
	const codePoint = fc.oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff })).map((n) => String.fromCodePoint(n));
	const anyCodePoint = fc.string({ unit: codePoint, minLength: Math.max(min, 1), maxLength: Math.min(max, 40) });
	return fc
		.oneof({ weight: 6, arbitrary: sentence(Math.max(1, Math.min(12, Math.floor(max / 6)))) }, { weight: 2, arbitrary: anyUnicode }, { weight: 1, arbitrary: anyCodePoint })
		.map(withoutRefusedCharacters)
		.map((value) => (value.length > max ? [...value].slice(0, max).join('').slice(0, max) : value));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A calendar day as staff write it: „JJJJ-MM-TT". */
export const dayText = (from = 2020, to = 2030) =>
	fc.date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true }).map((d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
/** A Berlin wall-clock time as staff write it: „JJJJ-MM-TTTHH:MM". */
export const dateTimeText = () =>
	fc.tuple(dayText(), fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([d, h, m]) => `${d}T${pad(h)}:${pad(m)}`);

// Addresses as offices write them. (fast-check's webUrl takes seconds to set up, and most of its emailAddress
// values are refused by zod's stricter e-mail check, so these are made here.)
const host = fc
	.tuple(fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 3 }), fc.constantFrom('de', 'org', 'com', 'berlin', 'info', 'eu'))
	.map(([labels, tld]) => `${labels.join('.')}.${tld}`);
const urlPath = fc.array(fc.constantFrom('aktuelles', 'Straße', 'beteiligung', 'mitmachen', 'ä ö', 'index.html', '2026', 'a&b', '%C3%BC'), { maxLength: 3 }).map((parts) => parts.map((part) => `/${part}`).join(''));
const urlText = fc
	.tuple(fc.constantFrom('https', 'http'), host, urlPath, fc.option(fc.constantFrom('?seite=2&sprache=de', '?q=m%C3%BChle'), { nil: '' }), fc.option(fc.constantFrom('#anmeldung', '#top'), { nil: '' }))
	.map(([scheme, name, route, query, fragment]) => `${scheme}://${name}${route}${query}${fragment}`);
const emailText = fc.tuple(fc.stringMatching(/^[a-z0-9]+([._+-][a-z0-9]+){0,2}$/), host).map(([local, name]) => `${local}@${name}`);

function filesIn(dir: string): string[] {
	try {
		return readdirSync(dir).flatMap((name) => {
			const full = path.join(dir, name);
			return statSync(full).isDirectory() ? filesIn(full) : [full];
		});
	} catch {
		return [];
	}
}

/** Opening hours that exist in the sample facilities (the schema checks them with the opening_hours library). */
function openingHoursSamples(): string[] {
	const found = new Set<string>();
	for (const file of filesIn(path.join(contentDir(), 'einrichtungen'))) {
		const match = /^openingHours:\s*"?(.*?)"?\s*$/m.exec(readFileSync(file, 'utf8'));
		if (match?.[1]) found.add(match[1]);
	}
	return [...found].sort();
}

/** Keeps only values the (sub)schema accepts: its own refinements and cross-field rules. */
const accepted = (schema: Schema) => (value: unknown) => schema.safeParse(value).success;

/**
 * The arbitrary for one (sub)schema, or undefined when no valid value can be made here (e.g. a picture in a folder
 * without pictures: the optional field around it is then left out).
 */
function walk(schema: Schema, where: Where): fc.Arbitrary<unknown> | undefined {
	const def = defOf(schema);
	const meta = safeMeta(schema);
	const widget = meta?.cms?.widget;
	if (widget === 'relation' && meta?.cms?.collection) {
		const ids = plainContext().entryIds(meta.cms.collection);
		return ids.length > 0 ? fc.constantFrom(...ids) : undefined;
	}
	if (widget === 'date') return dayText();
	if (widget === 'datetime') return dateTimeText();
	if (widget === 'opening_hours') {
		const samples = openingHoursSamples();
		return samples.length > 0 ? fc.constantFrom(...samples) : fc.constant('Mo-Fr 08:00-16:00');
	}
	if (widget === 'file' && meta?.cms?.folder) {
		const folder = meta.cms.folder;
		const files = filesIn(path.join(publicDir(), folder)).map((file) => `/${folder}/${path.basename(file)}`).filter(accepted(schema));
		return files.length > 0 ? fc.constantFrom(...files) : undefined;
	}
	if (widget === 'image') {
		const dir = path.join(contentDir(), where.folder);
		const images = filesIn(dir).filter((file) => /\.(svg|png|jpe?g|webp)$/i.test(file)).map((file) => `./${path.relative(dir, file).split(path.sep).join('/')}`);
		return images.length > 0 ? fc.constantFrom(...images.sort()) : undefined;
	}
	// A group of just lat and lng (a union of places carries the same map widget, and is walked as a union).
	if (widget === 'coordinates' && meta?.cms?.bounds && def.type === 'object' && Object.keys(def.shape as object).join() === 'lat,lng') {
		const { south, north, west, east } = meta.cms.bounds;
		const degree = (min: number, max: number) => fc.integer({ min: Math.ceil(min * 1e6), max: Math.floor(max * 1e6) }).map((n) => n / 1e6);
		return fc.record({ lat: degree(south, north), lng: degree(west, east) }).filter(accepted(schema));
	}
	const custom = checksOf(schema).some((check) => check.check === 'custom');
	const made = walkType(schema, def, meta, where);
	return made && custom ? made.filter(accepted(schema)) : made;
}

function walkType(schema: Schema, def: Def, meta: FieldMeta | undefined, where: Where): fc.Arbitrary<unknown> | undefined {
	const checks = checksOf(schema);
	const inner = (key: string) => def[key] as Schema;
	switch (def.type) {
		case 'string': {
			if (def.format === 'email') return emailText.filter(accepted(schema));
			if (def.format === 'url') return urlText.filter(accepted(schema));
			const regex = checks.find((check) => check.check === 'string_format' && check.format === 'regex')?.pattern as RegExp | undefined;
			// fast-check cannot generate from lookaheads: generate from the pattern without them, the schema filters the rest.
		if (regex) return fc.stringMatching(withoutLookaheads(regex)).filter(accepted(schema));
			const min = Number(checks.find((check) => check.check === 'min_length')?.minimum ?? 0);
			const max = Number(checks.find((check) => check.check === 'max_length')?.maximum ?? 300);
			return textArbitrary(min, max).filter(accepted(schema));
		}
		case 'number': {
			const min = Number(checks.find((check) => check.check === 'greater_than')?.value ?? meta?.cms?.min ?? -1e6);
			const max = Number(checks.find((check) => check.check === 'less_than')?.value ?? meta?.cms?.max ?? 1e6);
			if (checks.some((check) => check.check === 'number_format')) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
			const steps = [1, 100, 1e6]
				.filter((per) => Math.ceil(min * per) <= Math.floor(max * per))
				.map((per) => fc.integer({ min: Math.ceil(min * per), max: Math.floor(max * per) }).map((n) => n / per));
			return fc
				.oneof(...steps, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }))
				.map((n) => (Object.is(n, -0) ? 0 : n))
				.filter(accepted(schema));
		}
		case 'boolean':
			return fc.boolean();
		case 'enum':
			return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
		case 'literal':
			return fc.constantFrom(...(def.values as unknown[]));
		case 'date':
			return fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true });
		case 'array': {
			const element = walk(inner('element'), where);
			const min = Number(checks.find((check) => check.check === 'min_length')?.minimum ?? 0);
			const max = Number(checks.find((check) => check.check === 'max_length')?.maximum ?? Math.max(min, 3));
			if (!element) return min === 0 ? fc.constant([]) : undefined;
			return fc.array(element, { minLength: min, maxLength: Math.min(max, Math.max(min, 3)) });
		}
		case 'optional':
		case 'default':
		case 'prefault': {
			const made = walk(inner('innerType'), where);
			return made ? fc.oneof(fc.constant(undefined), made) : fc.constant(undefined);
		}
		case 'nullable': {
			const made = walk(inner('innerType'), where);
			return made ? fc.oneof(fc.constant(null), made) : fc.constant(null);
		}
		case 'readonly':
		case 'nonoptional':
		case 'catch':
			return walk(inner('innerType'), where);
		case 'union': {
			const options = (def.options as Schema[]).map((option) => walk(option, where)).filter((a): a is fc.Arbitrary<unknown> => a !== undefined);
			return options.length > 0 ? fc.oneof(...options) : undefined;
		}
		case 'object': {
			const shape = def.shape as Record<string, Schema>;
			const fields: Record<string, fc.Arbitrary<unknown>> = {};
			for (const [key, field] of Object.entries(shape)) {
				const made = walk(field, where);
				if (!made) return undefined;
				fields[key] = made;
			}
			return fc
				.record(fields)
				.map(frameInOrder)
				.map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
		}
		case 'record': {
			const key = walk(inner('keyType'), where);
			const value = walk(inner('valueType'), where);
			return key && value ? fc.dictionary(key as fc.Arbitrary<string>, value, { maxKeys: 3 }) : undefined;
		}
		case 'pipe': {
			// A preprocess (transform, then a schema) is fed what the schema takes; a pipe into a further schema
			// (a checked id into Astro's reference) is fed what its first part takes.
			const first = inner('in');
			return defOf(first).type === 'transform' ? walk(inner('out'), where) : walk(first, where);
		}
		case 'lazy':
			return walk((def.getter as () => Schema)(), where);
		default:
			return undefined;
	}
}

const isPlace = (value: unknown): value is Record<string, number> => typeof value === 'object' && value !== null;

/**
 * A map frame (the settings' `map`: a centre and the district's bounds) put in order: of the three random latitudes
 * (south, north, centre) the smallest becomes the southern edge, the largest the northern one and the middle one the
 * centre; the same for the longitudes. The schema wants exactly that (south < north, west < east, the centre inside),
 * and independent random values met it 3 times in 100: the map group, tile address and all, was drawn some 7,500
 * times for 200 settings files, which made the settings the slowest property by far. Every value is still one the
 * degree arbitraries drew (edges and centre share their ranges); equal edges remain possible and are still thrown away
 * by the schema's own check. Other objects are left as they are.
 */
function frameInOrder(record: Record<string, unknown>): Record<string, unknown> {
	const { center, bounds } = record;
	if (!isPlace(center) || !isPlace(bounds) || !('lat' in center) || !('south' in bounds)) return record;
	const [south, lat, north] = [bounds.south!, center.lat!, bounds.north!].sort((a, b) => a - b);
	const [west, lng, east] = [bounds.west!, center.lng!, bounds.east!].sort((a, b) => a - b);
	return { ...record, center: { ...center, lat, lng }, bounds: { ...bounds, south, west, north, east } };
}

/** How many generated values a valid arbitrary threw away (its whole-entry filter), to keep the discard rate visible. */
export interface Discards {
	tried: number;
	refused: number;
}

/** Random entries that pass `schema` – each field made by its type, then the whole entry checked (cross-field rules). */
export function validEntry(schema: Schema, where: Where, discards?: Discards): fc.Arbitrary<Record<string, unknown>> {
	const made = walk(schema, where);
	if (!made) throw new Error(`No valid value can be made for ${where.folder}`);
	return made.filter((value) => {
		const ok = schema.safeParse(value).success;
		if (discards) {
			discards.tried += 1;
			if (!ok) discards.refused += 1;
		}
		return ok;
	}) as fc.Arbitrary<Record<string, unknown>>;
}

/** One field of an entry that can be broken: its path, its German label and how to break it. */
export interface Breakage {
	/** Path of the broken field, as the build names it („funding.years.0.paid"). */
	path: (string | number)[];
	/** The field's German label, as the messages name it. */
	label?: string;
	/** What was done, in words (for failure messages). */
	kind: 'wrong type' | 'missing required' | 'too long' | 'bad enum' | 'bad date' | 'dangling reference' | 'bad URL' | 'bad e-mail';
	/** The value the field is set to (undefined: removed). */
	value?: unknown;
}

function unwrap(schema: Schema): { schema: Schema; optional: boolean } {
	let current = schema;
	let optional = false;
	for (;;) {
		const def = defOf(current);
		if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') {
			optional = true;
			current = def.innerType as Schema;
		} else if (def.type === 'readonly' || def.type === 'nonoptional' || def.type === 'catch') current = def.innerType as Schema;
		else return { schema: current, optional };
	}
}

/** The innermost type of a field (through preprocess and reference pipes). */
function baseType(schema: Schema): Def {
	const def = defOf(schema);
	if (def.type === 'pipe') {
		const first = def.in as Schema;
		return baseType(defOf(first).type === 'transform' ? (def.out as Schema) : first);
	}
	if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return baseType(def.innerType as Schema);
	return def;
}

/** Every way to break exactly one field of `value` (a valid entry of `schema`). Unions are broken as a whole. */
export function breakages(schema: Schema, value: unknown, at: (string | number)[] = []): Breakage[] {
	const { schema: field } = unwrap(schema);
	const def = defOf(field);
	if (def.type === 'object' && value && typeof value === 'object') {
		const shape = def.shape as Record<string, Schema>;
		return Object.entries(shape).flatMap(([key, sub]) => {
			const { schema: subField, optional } = unwrap(sub);
			const present = (value as Record<string, unknown>)[key] !== undefined;
			const label = safeMeta(subField)?.title;
			const own: Breakage[] = [];
			if (!optional) own.push({ path: [...at, key], label, kind: 'missing required' });
			// An optional field left out can still be given a wrong value.
			return [...own, ...fieldBreakages(subField, present ? (value as Record<string, unknown>)[key] : undefined, [...at, key], label)];
		});
	}
	return [];
}

function fieldBreakages(field: Schema, value: unknown, at: (string | number)[], label: string | undefined): Breakage[] {
	const meta = safeMeta(field);
	const def = defOf(field);
	const base = baseType(field);
	const found: Breakage[] = [];
	if (meta?.cms?.widget === 'relation') found.push({ path: at, label, kind: 'dangling reference', value: 'gibt-es-nicht' });
	if (meta?.cms?.widget === 'date') found.push({ path: at, label, kind: 'bad date', value: '31.12.2026' });
	if (meta?.cms?.widget === 'datetime') found.push({ path: at, label, kind: 'bad date', value: '3.12.2026 18 Uhr' });
	switch (base.type) {
		case 'string': {
			found.push({ path: at, label, kind: 'wrong type', value: ['eine', 'Liste'] });
			const max = (base.checks ?? []).map((check) => check._zod.def).find((check) => check.check === 'max_length')?.maximum;
			if (typeof max === 'number') found.push({ path: at, label, kind: 'too long', value: 'Wort '.repeat(Math.ceil((max + 1) / 5) + 1).trim() });
			if (base.format === 'url') found.push({ path: at, label, kind: 'bad URL', value: 'www.beispiel.de' });
			if (base.format === 'email') found.push({ path: at, label, kind: 'bad e-mail', value: 'name(at)beispiel.de' });
			break;
		}
		case 'number':
			found.push({ path: at, label, kind: 'wrong type', value: 'zwölf' });
			break;
		case 'boolean':
			found.push({ path: at, label, kind: 'wrong type', value: 'vielleicht' });
			break;
		case 'enum':
			found.push({ path: at, label, kind: 'bad enum', value: 'gibt-es-nicht' });
			break;
		case 'union':
			found.push({ path: at, label, kind: 'wrong type', value: 12 });
			break;
		case 'array': {
			found.push({ path: at, label, kind: 'wrong type', value: 'kein Eintrag, sondern Text' });
			const element = base.element as Schema;
			if (Array.isArray(value) && value.length > 0) {
				const { schema: item } = unwrap(element);
				const itemLabel = safeMeta(item)?.title;
				if (defOf(item).type === 'object') found.push(...breakages(item, value[0], [...at, 0]));
				else found.push(...fieldBreakages(item, value[0], [...at, 0], itemLabel));
			}
			break;
		}
		case 'object':
			found.push({ path: at, label, kind: 'wrong type', value: 'Text statt einer Gruppe' });
			if (def.type !== 'pipe') found.push(...breakages(field, value, at));
			break;
		default:
			break;
	}
	return found;
}

/** Sets or removes the field at `path` in a copy of `entry`. */
export function applyBreakage(entry: Record<string, unknown>, breakage: Breakage): Record<string, unknown> {
	const copy = structuredClone(entry);
	let target: Record<string | number, unknown> = copy;
	for (const key of breakage.path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
	const last = breakage.path[breakage.path.length - 1] as string | number;
	if (breakage.kind === 'missing required') delete target[last];
	else target[last] = breakage.value;
	return copy;
}

/** Texts of zod's own (English) messages: none of them may reach staff. */
export const ENGLISH_DEFAULTS = [/Invalid input/, /Invalid (string|number|enum|option|type|date|url|email|element|key)/i, /\bExpected\b/, /\bRequired\b/, /Too (small|big)/i, /\breceived\b/, /must (be|contain|have|match)/, /Unrecognized key/, /String must/, /Number must/];

/** The file as staff's files hold it: Markdown with YAML frontmatter, or a YAML file. */
export function serialise(data: Record<string, unknown>, extension: string, body = ''): string {
	return extension === 'yaml' ? stringify(data) : `---\n${stringify(data)}---\n${body}`;
}

/** A pattern without its lookaheads (`(?=…)`, `(?!…)`, one level of groups inside), for fast-check's generator. */
function withoutLookaheads(pattern: RegExp): RegExp {
	return new RegExp(pattern.source.replace(/\(\?[=!](?:[^()]|\([^()]*\))*\)/g, ''), pattern.flags);
}

/** The data of a file as the tests read it (the `yaml` package). */
export function readBack(text: string, extension: string): unknown {
	if (extension === 'yaml') return parse(text);
	const match = /^---\n([\s\S]*?\n)---\n/.exec(text);
	return match ? parse(match[1] ?? '') : undefined;
}

/** The data of a file as Astro reads it when it builds (its own frontmatter parser, js-yaml). */
export function readBackAsAstro(text: string, extension: string): unknown {
	return parseFrontmatter(extension === 'yaml' ? `---\n${text}---\n` : text).frontmatter;
}
