/**
 * The schema of a translation file (`<id>.en.md` beside `<id>.de.md`), derived from the German entry's schema:
 * the fields listed in TRANSLATED (src/schemas/index.ts) with the German rules (limits, required), nothing else.
 *
 * Decap may write a file for a language nobody translated (a new entry is saved in every language), and it copies
 * the German entry's references into a translation. So a translation file may
 * - carry no translated field at all: it is empty, and the page stays German;
 * - carry other fields of the entry: they are ignored (the German entry's values count, they are kept once);
 * - carry some translated fields: then every field the German entry requires must be there too (a half-translated
 *   page would mix two languages), and each follows the German field's rules.
 */
import { z } from 'astro/zod';
import { metaOf } from './fields';

/** The object schema of a collection (refinements in zod 4 keep the object; `group()` makes it strict). */
type ObjectSchema = z.ZodObject<z.ZodRawShape>;

const isOptional = (schema: z.ZodType) => schema.safeParse(undefined).success;
const labelOf = (schema: z.ZodType, name: string) => metaOf(schema)?.title ?? name;

/** German names of the translated fields a translation must have when it has any (the German entry requires them). */
export function requiredTranslatedFields(base: ObjectSchema, fields: readonly string[]): { name: string; label: string }[] {
	return fields.filter((name) => name !== 'body' && base.shape[name] && !isOptional(base.shape[name] as z.ZodType)).map((name) => ({ name, label: labelOf(base.shape[name] as z.ZodType, name) }));
}

/** True when a translation file carries none of the translated fields (Decap's empty copy). */
export const isEmptyTranslation = (data: Record<string, unknown>, fields: readonly string[], body = '') =>
	fields.every((name) => (name === 'body' ? body.trim() === '' : data[name] === undefined || data[name] === ''));

export function translationSchema(base: ObjectSchema, fields: readonly string[]) {
	const own = fields.filter((name) => name !== 'body');
	for (const name of own) {
		if (!base.shape[name]) throw new Error(`TRANSLATED names „${name}", but the schema has no such field.`);
	}
	const shape = Object.fromEntries(own.map((name) => [name, (base.shape[name] as z.ZodType).optional()]));
	const required = requiredTranslatedFields(base, fields);
	return z
		.looseObject(shape)
		.superRefine((data, ctx) => {
			for (const key of Object.keys(data)) {
				if (!(key in base.shape)) ctx.addIssue({ code: 'custom', path: [key], message: `Das Feld „${key}" gibt es in diesem Inhalt nicht.` });
			}
			const given = own.filter((name) => data[name] !== undefined && data[name] !== '');
			if (given.length === 0) return;
			for (const { name, label } of required) {
				if (data[name] === undefined || data[name] === '') {
					ctx.addIssue({ code: 'custom', path: [name], message: `${label} fehlt in der Übersetzung. Eine Übersetzung braucht alle Pflichtfelder (${required.map((r) => r.label).join(', ')}) – oder keines, dann erscheint die deutsche Fassung.` });
				}
			}
		})
		.transform((data) => Object.fromEntries(own.filter((name) => data[name] !== undefined && data[name] !== '').map((name) => [name, data[name]])));
}
