/**
 * Turns the content model's zod schemas into Decap CMS fields. Runs at build time (Node), never in residents'
 * browsers. Every zod construct the schemas use has a rule here; anything unknown throws, so a schema change
 * the CMS cannot follow turns the tests red instead of silently dropping a field.
 */
import type { z } from 'astro/zod';
import { HIDDEN_CHARACTERS, metaOf, VISIBLE_TEXT, type Bounds, type FieldMeta } from '../src/schemas/fields';
import { optionLabel } from './labels';

/** A Decap field as written into the config (the subset Quartier uses). */
export interface DecapField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	default?: unknown;
	pattern?: [string, string];
	options?: { label: string; value: string }[];
	multiple?: boolean;
	min?: number;
	max?: number;
	value_type?: 'int' | 'float';
	fields?: DecapField[];
	field?: DecapField;
	collection?: string;
	value_field?: string;
	search_fields?: string[];
	display_fields?: string[];
	options_length?: number;
	format?: string;
	date_format?: string | boolean;
	time_format?: string | boolean;
	picker_utc?: boolean;
	choose_url?: boolean;
	media_folder?: string;
	public_folder?: string;
	summary?: string;
	collapsed?: boolean;
	label_singular?: string;
	allowInput?: boolean;
	i18n?: boolean;
	/** alt_text widget: path of the image field the text describes. */
	image_field?: string;
	/** Inside an optional group: needed as soon as anything in the group is filled. */
	group_required?: boolean;
	/** A choice between groups of fields: alternatives separated by |, their fields by commas (e.g. facility|label,lat,lng). */
	either?: string;
	/** coordinates widget (a group holding lat and lng, set on a map): the district frame the point must lie in. */
	bounds?: Bounds;
	/** coordinates widget: the district's name, for its messages. */
	district?: string;
}

type AnySchema = z.ZodType;
interface Def {
	type: string;
	innerType?: AnySchema;
	defaultValue?: unknown;
	in?: AnySchema;
	out?: AnySchema;
	element?: AnySchema;
	shape?: Record<string, AnySchema>;
	options?: AnySchema[];
	entries?: Record<string, string>;
	checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; format?: string; pattern?: RegExp } } }[];
	format?: string;
	pattern?: RegExp;
}

const defOf = (schema: AnySchema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Field shown as the entry's name in relation pickers, per collection. */
export const DISPLAY_FIELD: Record<string, string> = {
	themen: 'label',
	kategorien: 'label',
	kontakte: 'name',
	einrichtungen: 'name',
	projekte: 'title',
	dokumente: 'title',
	aktuelles: 'title',
	termine: 'title',
	aufrufe: 'title',
	beschluesse: 'title',
	ziele: 'title',
	netzwerk: 'name',
};

export interface Unwrapped {
	schema: AnySchema;
	required: boolean;
	default?: unknown;
	meta?: FieldMeta;
}

/** Peels optional/default wrappers, collecting required-ness, default and the nearest metadata. */
export function unwrap(schema: AnySchema): Unwrapped {
	let current = schema;
	let required = true;
	let fallback: unknown;
	let meta = metaOf(current);
	for (;;) {
		const def = defOf(current);
		if (def.type === 'optional' || def.type === 'nullable') {
			required = false;
			current = def.innerType as AnySchema;
		} else if (def.type === 'default') {
			required = false;
			fallback = def.defaultValue;
			current = def.innerType as AnySchema;
		} else break;
		meta = meta ?? metaOf(current);
	}
	return { schema: current, required, default: fallback, meta: metaOf(current) ?? meta };
}

const checksOf = (schema: AnySchema) => (defOf(schema).checks ?? []).map((c) => c._zod.def);

/** Length limits and regex of a string schema. */
function stringRules(schema: AnySchema) {
	let min = 0;
	let max: number | undefined;
	const patterns: RegExp[] = [];
	for (const check of checksOf(schema)) {
		if (check.check === 'min_length') min = check.minimum ?? 0;
		if (check.check === 'max_length') max = check.maximum;
		if (check.check === 'string_format' && check.pattern) patterns.push(check.pattern);
	}
	const def = defOf(schema);
	return { min, max, patterns, format: def.format };
}

function numberRules(schema: AnySchema) {
	let min: number | undefined;
	let max: number | undefined;
	let int = false;
	for (const check of checksOf(schema)) {
		if (check.check === 'greater_than') min = check.value;
		if (check.check === 'less_than') max = check.value;
		if (check.check === 'number_format' && check.format === 'safeint') int = true;
	}
	return { min, max, int };
}

function arrayMin(schema: AnySchema): number | undefined {
	return checksOf(schema).find((c) => c.check === 'min_length')?.minimum;
}

const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

/** Decap pattern (regex string + German message) for a text with limits. */
function textPattern(label: string, rules: ReturnType<typeof stringRules>, hint?: string): [string, string] | undefined {
	if (rules.format === 'email') return [EMAIL_PATTERN, `${label}: bitte eine gültige E-Mail-Adresse eingeben (name@beispiel.de).`];
	if (rules.format === 'url') return ['^https?://\\S+$', `${label}: bitte eine vollständige Adresse eingeben, die mit https:// beginnt.`];
	// A text without hidden characters (src/schemas/fields.ts, `visible`): one pattern says both that and the length.
	const visible = rules.patterns.some((p) => p.source === VISIBLE_TEXT.source);
	const regex = rules.patterns.find((p) => p.source !== VISIBLE_TEXT.source);
	if (regex) return [regex.source, `${label}: Das Format stimmt nicht.${hint ? ` ${hint}` : ''}`];
	const hidden = 'ohne unsichtbare Steuer- oder Richtungszeichen (sie geraten oft beim Kopieren aus Word oder PDF hinein)';
	if (rules.max !== undefined) {
		return visible
			? [`^[^${HIDDEN_CHARACTERS}]{${rules.min},${rules.max}}$`, `${label}: höchstens ${rules.max} Zeichen erlaubt, ${hidden}.`]
			: [`^[\\s\\S]{${rules.min},${rules.max}}$`, `${label}: höchstens ${rules.max} Zeichen erlaubt.`];
	}
	if (visible) return [VISIBLE_TEXT.source, `${label}: bitte ${hidden} schreiben.`];
	return undefined;
}

function relationField(base: Omit<DecapField, 'widget'>, collection: string, multiple: boolean): DecapField {
	const display = DISPLAY_FIELD[collection] ?? 'title';
	return { ...base, widget: 'relation', collection, value_field: '{{slug}}', search_fields: [display], display_fields: [display], multiple, options_length: 500 };
}

/**
 * How a group is shown: as Decap's object, or – when its metadata asks for the map picker – with the `coordinates`
 * widget (cms/widgets/coordinates.ts), which shows its `lat` and `lng` as one map of the district frame and keeps
 * Decap's own controls for any other fields of the group. The nested fields stay in the config either way.
 */
function groupWidget(meta: FieldMeta | undefined, fields: DecapField[], path: string): Pick<DecapField, 'widget' | 'bounds' | 'district'> {
	if (meta?.cms?.widget !== 'coordinates') return { widget: 'object' };
	const { bounds, district } = meta.cms;
	if (!bounds || !district || !['lat', 'lng'].every((name) => fields.some((f) => f.name === name && f.widget === 'number'))) {
		throw new Error(`Feld „${path}": Die Karte zum Setzen der Lage braucht das Gebiet (bounds, district) und die Zahlenfelder „lat" und „lng".`);
	}
	return { widget: 'coordinates', bounds, district };
}

/** Converts one schema field into a Decap field. `path` is used in error messages. */
export function toField(name: string, schema: AnySchema, path = name): DecapField {
	const { schema: inner, required, default: fallback, meta } = unwrap(schema);
	const label = meta?.title;
	if (!label) throw new Error(`Feld „${path}" hat keine Bezeichnung (title) – bitte mit den Bausteinen aus src/schemas/fields.ts bauen.`);
	const base: Omit<DecapField, 'widget'> = { name, label, required };
	if (meta?.description) base.hint = meta.description;
	if (fallback !== undefined && (typeof fallback !== 'object' || Array.isArray(fallback))) base.default = fallback;
	const widget = meta?.cms?.widget;
	const def = defOf(inner);

	if (widget === 'relation') return relationField(base, meta?.cms?.collection ?? '', false);
	if (widget === 'image') return { ...base, widget: 'image', choose_url: false };
	if (widget === 'file') {
		const folder = meta?.cms?.folder ?? 'dokumente';
		return { ...base, widget: 'file', choose_url: false, media_folder: `/public/${folder}`, public_folder: `/${folder}` };
	}
	if (widget === 'date') return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD.MM.YYYY', time_format: false };
	if (widget === 'datetime') return { ...base, widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', date_format: 'DD.MM.YYYY', time_format: 'HH:mm' };
	if (widget === 'opening_hours') return { ...base, widget: 'opening_hours' };
	// A fixed choice the schema checks in its own way (a time of day on the quarter hour, which week of the month).
	if (widget === 'select') return { ...base, widget: 'select', options: Object.entries(meta?.cms?.optionLabels ?? {}).map(([value, text]) => ({ value, label: text })) };
	if (widget === 'picture') {
		// An optional picture: the CMS cannot make the alt text required only when an image is chosen, so the
		// alt_text widget checks that itself (cms/widgets/alt-text.ts).
		const fields = toFields(inner, path);
		if (required) return { ...base, widget: 'object', fields };
		const optionalFields = fields.map((f) => (f.name === 'alt' ? { ...f, widget: 'alt_text', required: false, image_field: `${name}.src` } : { ...f, required: false }));
		return { ...base, widget: 'object', fields: optionalFields };
	}

	switch (def.type) {
		case 'string': {
			const rules = stringRules(inner);
			const pattern = textPattern(label, rules, meta?.description);
			if (widget === 'color') return { ...base, widget: 'color', allowInput: true, ...(pattern ? { pattern } : {}) };
			return { ...base, widget: widget === 'text' ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
		}
		case 'number': {
			const rules = numberRules(inner);
			const min = meta?.cms?.min ?? rules.min;
			const max = meta?.cms?.max ?? rules.max;
			return { ...base, widget: 'number', value_type: rules.int ? 'int' : 'float', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
		}
		case 'boolean':
			// A switch always has a value; starting at „off" keeps required switches satisfiable.
			return { ...base, widget: 'boolean', default: base.default ?? false };
		case 'enum': {
			const values = Object.values(def.entries ?? {});
			const named = meta?.cms?.optionLabels;
			return { ...base, widget: 'select', options: values.map((value) => ({ value, label: named?.[value] ?? optionLabel(name, value) })) };
		}
		case 'object': {
			const fields = toFields(inner, path);
			if (required) return { ...base, ...groupWidget(meta, fields, path), fields };
			// An optional group (e.g. a participation period): Decap would demand its inner fields even when the group is
			// left empty, so they are optional here and marked `group_required`; cms/rules.ts then drops an empty group
			// before saving and refuses a half-filled one, as the build would.
			const needed = 'Pflicht, sobald etwas in dieser Gruppe steht.';
			return { ...base, ...groupWidget(meta, fields, path), fields: fields.map((f) => (f.required === false ? f : { ...f, required: false, group_required: true, hint: f.hint ? `${f.hint} ${needed}` : needed })) };
		}
		case 'union': {
			// A choice between groups (e.g. facility or address) is shown as one group; the build checks the choice.
			if (!meta?.cms?.either) throw new Error(`Feld „${path}": Auswahl zwischen Formen ohne Angabe „either" – das CMS kann sie nicht darstellen.`);
			const fields = (def.options ?? []).flatMap((option) => toFields(option, path)).map((f) => ({ ...f, required: false }));
			// cms/rules.ts checks before saving that exactly one alternative is filled in, and completely.
			return { ...base, ...groupWidget(meta, fields, path), fields, either: meta.cms.either };
		}
		case 'array': {
			const element = unwrap(def.element as AnySchema);
			const min = arrayMin(inner);
			const limits = min !== undefined ? { min } : {};
			const elementDef = defOf(element.schema);
			const elementWidget = element.meta?.cms?.widget;
			if (elementWidget === 'relation') return { ...relationField(base, element.meta?.cms?.collection ?? '', true), ...limits };
			if (elementDef.type === 'enum') {
				const values = Object.values(elementDef.entries ?? {});
				const named = element.meta?.cms?.optionLabels;
				return { ...base, widget: 'select', multiple: true, options: values.map((value) => ({ value, label: named?.[value] ?? optionLabel(name, value) })), ...limits };
			}
			if (elementDef.type === 'object') {
				const fields = toFields(element.schema, `${path}[]`);
				const singular = element.meta?.title;
				// Collapsed, an item shows its values (the schema's summary, else its first field), not only its label.
				const summary = element.meta?.cms?.summary ?? `{{fields.${fields[0]?.name ?? 'title'}}}`;
				return { ...base, widget: 'list', summary, fields, collapsed: true, ...(singular ? { label_singular: singular } : {}), ...limits };
			}
			return { ...base, widget: 'list', field: toField(name, def.element as AnySchema, `${path}[]`), ...limits };
		}
		default:
			throw new Error(`Feld „${path}" hat den Typ „${def.type}", den das CMS nicht kennt. Bitte in cms/fields.ts ergänzen.`);
	}
}

/** The fields of an object schema (its shape), in order. */
export function toFields(schema: AnySchema, path = ''): DecapField[] {
	const def = defOf(unwrap(schema).schema);
	if (def.type !== 'object' || !def.shape) throw new Error(`„${path || 'Schema'}" ist keine Gruppe von Feldern.`);
	return Object.entries(def.shape).map(([name, field]) => toField(name, field, path ? `${path}.${name}` : name));
}
