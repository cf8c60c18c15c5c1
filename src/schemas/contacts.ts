import { z } from 'astro/zod';
import { de } from './messages';
import { email, integer, languages, phone, picture, text, type SchemaContext } from './fields';

/** A person of the team or the Stadtteilbüro. The file name is the id. */
export const contactSchema = (ctx: SchemaContext) =>
	z
		.object(
			{
				/** Full name. */
				name: text('Name', { max: 80 }),
				/** Role in the office, e.g. „Quartiersmanagerin". */
				role: text('Aufgabe', { max: 120 }),
				/** Languages the person speaks with residents. */
				languages: languages('Sprachen'),
				/** Direct phone number. */
				phone: phone('Telefon').optional(),
				/** Direct e-mail address. */
				email: email('E-Mail'),
				/** When and where to meet the person, in plain words. */
				officeHours: text('Sprechzeiten', { max: 200 }).optional(),
				/** Portrait with required alternative text. */
				photo: picture(ctx, 'Foto').optional(),
				/** Position on the contact page (1 comes first). */
				order: integer('Reihenfolge', 0, 999).default(100),
			},
			de('Kontakt'),
		)
		.strict();

export type Contact = z.infer<ReturnType<typeof contactSchema>>;
