import { z } from 'astro/zod';
import { email, group, integer, languages, phone, picture, text, type SchemaContext } from './fields';

/** A person of the team or the Stadtteilbüro. The file name is the id. */
export const contactSchema = (ctx: SchemaContext) =>
	group('Kontakt', {
		/** Full name. */
		name: text('Name', { max: 80, help: 'Vor- und Nachname.' }),
		/** Role in the office, e.g. „Quartiersmanagerin". */
		role: text('Aufgabe', { max: 120, help: 'Wofür die Person zuständig ist, z. B. „Quartiersmanagerin".' }),
		/** Languages the person speaks with residents. */
		languages: languages('Sprachen', { help: 'In welchen Sprachen man mit der Person sprechen kann.' }),
		/** Direct phone number. */
		phone: phone('Telefon').optional(),
		/** Direct e-mail address. */
		email: email('E-Mail'),
		/** When and where to meet the person, in plain words. */
		officeHours: text('Sprechzeiten', { max: 200, help: 'In einfachen Worten, z. B. „Di 10–13 Uhr, Do 14–18 Uhr".' }).optional(),
		/** Portrait with required alternative text. */
		photo: picture(ctx, 'Foto').optional(),
		/** Position on the contact page (1 comes first). */
		order: integer('Reihenfolge', 0, 999, { help: 'Kleinere Zahlen stehen auf der Kontaktseite weiter oben.' }).default(100),
	});

export type Contact = z.infer<ReturnType<typeof contactSchema>>;
