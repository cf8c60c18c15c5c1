/**
 * Field builders shared by all collection schemas. Each takes the German label that editors see in messages
 * (and, later, in the CMS), so one call defines type, limits and wording together.
 */
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { openingHoursProblem } from '../lib/opening-hours';
import { parseBerlinDateTime, parseDay } from '../lib/time';
import { de } from './messages';
import { districtProblems, type Bounds } from './district';
import type { SchemaContext } from './context';

export { districtProblems, type Bounds, type SchemaContext };

/**
 * What the CMS needs to know about a field beyond its zod type: the German label, a plain-words hint for staff,
 * and the widget when the type alone does not tell (dates, long texts, links to other entries, images).
 */
export interface FieldMeta {
	title: string;
	description?: string;
	cms?: {
		widget?: 'text' | 'date' | 'datetime' | 'relation' | 'image' | 'file' | 'color' | 'opening_hours' | 'picture' | 'coordinates' | 'select';
		/** For relations: the collection (folder) linked to. */
		collection?: string;
		/** For files: the folder under public/ uploads go to (default „dokumente"). */
		folder?: string;
		/** For numbers checked by a refinement: the allowed range. */
		min?: number;
		max?: number;
		/** For unions shown as one group: what the editor must fill. */
		either?: string;
		/** For groups in a list: what a collapsed item shows, e.g. „{{fields.year}}: {{fields.approved}} € bewilligt". */
		summary?: string;
		/** For choices whose values are ids: the names staff read (e.g. funds from the settings); with widget „select" the options themselves. */
		optionLabels?: Record<string, string>;
		/** For groups holding a point (widget „coordinates"): the district frame the map shows and the point must lie in. */
		bounds?: Bounds;
		/** For groups holding a point: the district's name, as the messages say it. */
		district?: string;
	};
}

/** Attaches the CMS metadata to a schema (zod 4 registry). */
export function described<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
	return schema.meta(meta as unknown as Record<string, unknown>) as T;
}

/** Reads the metadata attached by `described`. */
export function metaOf(schema: z.ZodType): FieldMeta | undefined {
	return schema.meta() as FieldMeta | undefined;
}

interface Options {
	/** Plain-words explanation for staff, shown under the field in the CMS. */
	help?: string;
}

/**
 * Characters no text of the site may hold, as a regex character class: C0 and C1 control characters except tab, line
 * feed and carriage return (multi-line texts need them; in a one-line text they do no harm), and the bidirectional
 * overrides, embeddings and isolates U+202A–U+202E and U+2066–U+2069, which make text show in another order than it
 * is stored („Trojan Source": a file name „rechnung[U+202E]fdp.exe" reads as „rechnungexe.pdf"). Allowed on purpose: the
 * zero-width joiner and non-joiner U+200C/U+200D (Persian, Kurdish and Arabic words and emoji need them) and the
 * direction marks U+200E/U+200F and U+061C, which only help a mixed line show the right way round.
 */
export const HIDDEN_CHARACTERS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';

/** A whole text without any of the `HIDDEN_CHARACTERS`; the CMS turns it into its pattern (cms/fields.ts). */
export const VISIBLE_TEXT = new RegExp(`^[^${HIDDEN_CHARACTERS}]*$`);

const HIDDEN_NAMES: Record<number, string> = {
	0x202a: 'Links-nach-rechts-Einbettung',
	0x202b: 'Rechts-nach-links-Einbettung',
	0x202c: 'Ende einer Richtungsänderung',
	0x202d: 'Links-nach-rechts-Überschreibung',
	0x202e: 'Rechts-nach-links-Überschreibung',
	0x2066: 'Links-nach-rechts-Isolierung',
	0x2067: 'Rechts-nach-links-Isolierung',
	0x2068: 'Richtungs-Isolierung',
	0x2069: 'Ende einer Richtungs-Isolierung',
};

/** The German message for a text holding a hidden character: which one, where, and what to do. */
export function hiddenCharacterMessage(label: string, value: unknown): string {
	const textValue = String(value);
	const at = textValue.search(new RegExp(`[${HIDDEN_CHARACTERS}]`));
	const code = textValue.codePointAt(Math.max(at, 0)) ?? 0;
	const name = HIDDEN_NAMES[code] ?? 'Steuerzeichen';
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `${label} enthält ein unsichtbares Zeichen (${hex}, ${name}) an Stelle ${at + 1} – bitte löschen. Solche Zeichen geraten oft beim Kopieren aus Word, PDF oder E-Mails hinein; sie können verdrehen, wie ein Text angezeigt wird, und sind darum nicht erlaubt.`;
}

/** Refuses the `HIDDEN_CHARACTERS` in a string schema, with a German message naming the field. */
export function visible(label: string, schema: z.ZodString): z.ZodString {
	return schema.regex(VISIBLE_TEXT, { error: (issue) => hiddenCharacterMessage(label, issue.input) });
}

/** A required, trimmed, non-empty text without hidden characters, optionally limited in length; `long` asks for a multi-line box. */
export function text(label: string, options: Options & { max?: number; min?: number; hint?: string; long?: boolean } = {}) {
	const e = de(label, options.hint);
	const base = visible(label, z.string(e).trim().min(options.min ?? 1, e));
	const limited = options.max ? base.max(options.max, e) : base;
	const long = options.long ?? (options.max ?? 0) > 200;
	return described(limited, { title: label, description: options.help, cms: long ? { widget: 'text' } : undefined });
}

/** Yes or no. */
export function flag(label: string, options: Options = {}) {
	return described(z.boolean(de(label)), { title: label, description: options.help });
}

/** A group of fields, refusing unknown keys (typos). `summary`: what the CMS shows for it collapsed in a list. */
export function group<S extends z.ZodRawShape>(label: string, shape: S, options: Options & { summary?: string } = {}) {
	return described(z.object(shape, de(label)).strict(), { title: label, description: options.help, cms: options.summary ? { summary: options.summary } : undefined });
}

/** A calendar day: YAML date or "JJJJ-MM-TT". */
export function day(label: string, options: Options = {}) {
	return described(z.preprocess(parseDay, z.date(de(label))), { title: label, description: options.help, cms: { widget: 'date' } });
}

/** A date with time, written as Berlin wall-clock time "JJJJ-MM-TTTHH:MM". */
export function dateTime(label: string, options: Options = {}) {
	return described(z.preprocess(parseBerlinDateTime, z.date(de(label, 'Erwartet wird JJJJ-MM-TTTHH:MM, z. B. 2026-12-03T18:00.'))), {
		title: label,
		description: options.help,
		cms: { widget: 'datetime' },
	});
}

/** One value out of a fixed list; `labels` names the values for staff where the value itself is an id. */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T, options: Options & { labels?: Record<string, string> } = {}) {
	return described(z.enum(values, de(label)), { title: label, description: options.help, cms: options.labels ? { optionLabels: options.labels } : undefined });
}

/** A short id of lowercase letters, digits and hyphens, e.g. „aktionsfonds". */
export function slug(label: string, options: Options = {}) {
	const e = de(label, 'Nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. „aktionsfonds".');
	return described(z.string(e).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, e), { title: label, description: options.help ?? 'Nur Kleinbuchstaben, Ziffern und Bindestriche.' });
}

/** A whole number within limits. */
export function integer(label: string, min: number, max: number, options: Options = {}) {
	const e = de(label);
	return described(z.number(e).int(e).min(min, e).max(max, e), { title: label, description: options.help });
}

/** A measured quantity (may have decimals), e.g. an indicator's value. */
export function quantity(label: string, options: Options = {}) {
	const e = de(label, 'Eine Zahl mit Punkt statt Komma, z. B. 12.5.');
	return described(z.number(e), { title: label, description: options.help });
}

/** An amount of money in euros (not negative, at most cents). */
export function euros(label: string, options: Options = {}) {
	const e = de(label, 'Nur die Zahl in Euro, ohne €-Zeichen und ohne Tausenderpunkt, z. B. 24500.');
	const checked = z
		.number(e)
		.min(0, e)
		.refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, { error: (issue) => `${label}: ${String(issue.input).replace('.', ',')} hat mehr als zwei Nachkommastellen – Beträge gibt es nur auf den Cent genau.` });
	return described(checked, { title: label, description: options.help ?? 'Betrag in Euro, nur die Zahl, z. B. 24500.' });
}

export function email(label: string, options: Options = {}) {
	return described(z.email(de(label)), { title: label, description: options.help });
}

export function url(label: string, options: Options = {}) {
	return described(z.url({ ...de(label), protocol: /^https?$/ }), { title: label, description: options.help ?? 'Vollständige Adresse, beginnt mit https://' });
}

/** German telephone number: digits, spaces, +, /, - and brackets. */
export function phone(label: string, options: Options = {}) {
	const e = de(label, 'Beispiel: 0341 1234567 oder +49 341 1234567.');
	return described(z.string(e).trim().regex(/^\+?[0-9][0-9 /()-]{4,}$/, e), { title: label, description: options.help ?? 'Zum Beispiel 0341 1234567.' });
}

/** A colour as #RRGGBB. */
export function hexColor(label: string, options: Options = {}) {
	const e = de(label, 'Beispiel: #0b5c63.');
	return described(z.string(e).regex(/^#[0-9a-fA-F]{6}$/, e), { title: label, description: options.help, cms: { widget: 'color' } });
}

/** Relative luminance per WCAG 2.1. */
export function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #RRGGBB colours. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** A colour that carries white text (and is readable as text on white): contrast at least 4.5:1. */
export function textColor(label: string, options: Options = {}) {
	const e = de(label, 'Beispiel: #0b5c63.');
	const checked = z.string(e).regex(/^#[0-9a-fA-F]{6}$/, e).refine((value) => contrast(value, '#ffffff') >= 4.5, {
		error: (issue) =>
			`${label} ${String(issue.input)} ist zu hell: Der Kontrast zu Weiß muss mindestens 4,5 : 1 sein (jetzt ${contrast(String(issue.input), '#ffffff').toFixed(2).replace('.', ',')} : 1). Bitte eine dunklere Farbe wählen.`,
	});
	return described(checked, { title: label, description: options.help ?? 'Eine dunkle Farbe: Weiße Schrift darauf muss gut lesbar sein.', cms: { widget: 'color' } });
}

/** Languages a person speaks or an event is held in (ISO 639-1, plus dgs for German Sign Language). */
export const LANGUAGE_CODES = ['de', 'en', 'tr', 'ar', 'ru', 'uk', 'pl', 'fa', 'ku', 'ro', 'bg', 'fr', 'es', 'vi', 'dgs'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export function languages(label: string, options: Options = {}) {
	return described(z.array(oneOf(label, LANGUAGE_CODES), de(label)), { title: label, description: options.help }).default(['de']);
}

/** OSM wheelchair values, as used by Wheelmap and OpenStreetMap. */
export const WHEELCHAIR_VALUES = ['yes', 'limited', 'no', 'unknown'] as const;

/** A file in public/<folder>/ named by its site path (e.g. /dokumente/ihek.pdf); the file must exist (the context looks). */
export function publicAsset(ctx: SchemaContext, label: string, options: Options & { folder: string; extensions: string[]; example: string }) {
	const e = de(label, `Beispiel: ${options.example}`);
	const pattern = new RegExp(`^/${options.folder}/[a-z0-9][a-z0-9._-]*\\.(${options.extensions.join('|')})$`);
	const checked = z
		.string(e)
		.regex(pattern, e)
		.superRefine((file, check) => {
			if (!ctx.hasPublicFile(file)) {
				check.addIssue({ code: 'custom', message: `${label}: Die Datei „public${file}" gibt es nicht. Bitte die Datei hochladen oder den Pfad prüfen.` });
			}
		});
	return described(checked, { title: label, description: options.help, cms: { widget: 'file', folder: options.folder } });
}

/** What schemas need from the settings: the district frame (places must lie inside) and the office's funds. */
export interface Site {
	bounds: Bounds;
	district: string;
	funds: { id: string; label: string }[];
}


/** Latitude and longitude fields (WGS 84 degrees). */
export function latLng(bounds?: Bounds) {
	const help = 'Auf der Karte darüber setzen oder eintippen; Punkt statt Komma.';
	return {
		/** Latitude in degrees (WGS 84), e.g. 51.3462. */
		lat: described(z.number(de('Breitengrad (lat)', 'Eine Dezimalzahl wie 51.3462.')), { title: 'Breitengrad (lat)', description: help, cms: bounds && { min: bounds.south, max: bounds.north } }),
		/** Longitude in degrees (WGS 84), e.g. 12.4078. */
		lng: described(z.number(de('Längengrad (lng)', 'Eine Dezimalzahl wie 12.4078.')), { title: 'Längengrad (lng)', description: help, cms: bounds && { min: bounds.west, max: bounds.east } }),
	};
}

/** A check that a point lies inside `bounds` (the district frame from the settings). */
export function insideDistrict(bounds: Bounds, district: string) {
	return (point: { lat: number; lng: number }, ctx: z.core.$RefinementCtx) => {
		for (const problem of districtProblems(bounds, district, point)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
	};
}

/** CMS metadata for a group holding `lat` and `lng`: staff set the point on a map of the district (cms/widgets/coordinates.ts). */
export function pointPicker(bounds: Bounds, district: string) {
	return { widget: 'coordinates' as const, bounds: { south: bounds.south, west: bounds.west, north: bounds.north, east: bounds.east }, district };
}

/** A point that must lie inside the district. */
export function coordinates(bounds: Bounds, district: string) {
	return described(z.object(latLng(bounds), de('Lage auf der Karte')).strict().superRefine(insideDistrict(bounds, district)), {
		title: 'Lage auf der Karte',
		description: `Der Punkt muss im Quartier ${district} liegen.`,
		cms: pointPicker(bounds, district),
	});
}

/** Opening hours in OpenStreetMap `opening_hours` syntax, checked by the opening_hours library. */
export function openingHours(label: string, options: Options = {}) {
	const checked = visible(label, z.string(de(label)).trim().min(1, de(label))).superRefine((value, ctx) => {
		if (!value) return; // said by min(1)
		const reason = openingHoursProblem(value);
		if (reason) {
			ctx.addIssue({
				code: 'custom',
				message: `${label} „${value}" sind nicht im OpenStreetMap-Format (opening_hours): ${reason} Beispiel: „Mo-Fr 08:00-16:00; Sa 10:00-13:00; PH off" (Tage: Mo Tu We Th Fr Sa Su). Einfacher geht es mit dem Formular im CMS.`,
			});
		}
	});
	return described(checked, {
		title: label,
		description:
			options.help ??
			'Tragen Sie die Zeiten im Formular ein. Im OpenStreetMap-Format (für Fachleute) heißen die Tage Mo Tu We Th Fr Sa Su, „PH off" heißt an Feiertagen geschlossen. Beispiel: Mo-Fr 08:00-16:00; Sa 10:00-13:00; PH off',
		cms: { widget: 'opening_hours' },
	});
}

/**
 * A link to another entry by its id (file name). Astro's `reference()` does not check that the entry exists,
 * so this does (the context knows the ids), with a German message listing what exists; the result is Astro's `{ collection, id }`.
 */
export function ref<C extends string>(ctx: SchemaContext, collection: C, label: string, options: Options = {}) {
	const checked = z
		.string(de(label))
		.superRefine((id, check) => {
			const ids = ctx.entryIds(collection);
			if (!ids.includes(id)) {
				const known = ids.length > 12 ? `${ids.slice(0, 12).join(', ')} …` : ids.join(', ');
				check.addIssue({
					code: 'custom',
					message: `${label}: „${id}" gibt es nicht in content/${collection}/ – vorhanden ${ids.length === 1 ? 'ist' : 'sind'}: ${known || '(keine Einträge)'}.`,
				});
			}
		})
		.pipe(ctx.reference(collection) as unknown as z.ZodType<{ id: string; collection: C }, string>);
	return described(checked, { title: label, description: options.help, cms: { widget: 'relation', collection } });
}

/** A list of links to other entries (may be empty). */
export function refs<C extends string>(ctx: SchemaContext, collection: C, label: string, listLabel: string, options: Options = {}) {
	return described(z.array(ref(ctx, collection, label), de(listLabel)), { title: listLabel, description: options.help }).default([]);
}

/** A list of links to other entries with at least one entry. */
export function someRefs<C extends string>(ctx: SchemaContext, collection: C, label: string, listLabel: string, options: Options = {}) {
	return described(z.array(ref(ctx, collection, label), de(listLabel)).min(1, de(listLabel)), { title: listLabel, description: options.help });
}

/** An image next to the content file, with required alternative text. */
export function picture(ctx: SchemaContext, label: string, options: Options = {}) {
	const picked = group(
		label,
		{
			/** Path of the image file, relative to the content file (e.g. ./bilder/foto.jpg). */
			// A text first, so a missing path gets the German message rather than zod's English one.
			src: described(z.string(de(`${label}-Datei`, 'Pfad zum Bild neben dem Eintrag, z. B. ./bilder/foto.jpg.')).pipe(ctx.image() as unknown as z.ZodType<ImageMetadata, string>), { title: `${label}-Datei`, description: 'JPG, PNG, WebP oder SVG hochladen.', cms: { widget: 'image' } }),
			/** Alternative text: what the picture shows, for people who cannot see it. */
			alt: text(`Alternativtext zu ${label}`, {
				max: 250,
				hint: 'Beschreiben Sie kurz, was auf dem Bild zu sehen ist.',
				help: 'Pflicht: Beschreiben Sie kurz, was auf dem Bild zu sehen ist – für Menschen, die es nicht sehen können.',
			}),
			/** Caption shown under the picture: what it shows and who took it. */
			caption: text(`Bildunterschrift zu ${label}`, { max: 200, help: 'Freiwillig: steht unter dem Bild, z. B. „Das Fest auf der Mühlenpark-Wiese. Foto: Anna Schulz".' }).optional(),
		},
		options,
	);
	return described(picked, { ...(metaOf(picked) as FieldMeta), cms: { widget: 'picture' } });
}
