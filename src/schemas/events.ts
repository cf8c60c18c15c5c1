import { z } from 'astro/zod';
import { de } from './messages';
import { dateTime, email, languages, oneOf, ref, text, url, type SchemaContext } from './fields';

/** Kinds of events. */
export const EVENT_TYPES = ['beteiligungsforum', 'quartiersrat', 'sprechstunde', 'fest', 'workshop', 'sonstiges'] as const;

/** An event (Termin). The file name is the id; the body describes the event. */
export const eventSchema = (ctx: SchemaContext) =>
	z
		.object(
			{
				/** Name of the event. */
				title: text('Titel', { max: 120 }),
				/** Teaser for lists and search results. */
				summary: text('Zusammenfassung', { max: 200 }),
				/** Start, as Berlin time „JJJJ-MM-TTTHH:MM". */
				start: dateTime('Beginn'),
				/** End, as Berlin time; after the end the event moves to the past list. */
				end: dateTime('Ende'),
				/** Kind of event. */
				type: oneOf('Art des Termins', EVENT_TYPES),
				/** Where: a facility, or an address. */
				place: z.union(
					[
						z.object({ /** The facility (file in content/einrichtungen). */ facility: ref(ctx, 'einrichtungen', 'Ort (Einrichtung)') }).strict(),
						z.object({ /** Address in words. */ address: text('Ort (Adresse)', { max: 200 }) }).strict(),
					],
					de('Ort', 'Entweder „facility" (eine Einrichtung) oder „address" (eine Adresse) angeben.'),
				),
				/** Room or meeting point inside the place. */
				room: text('Raum', { max: 120 }).optional(),
				/** Languages spoken or interpreted at the event. */
				languages: languages('Sprachen'),
				/** Access: steps, toilets, interpreting, childcare … */
				accessibility: text('Hinweise zur Barrierefreiheit', { max: 500 }),
				/** Whether and how to register. */
				registration: z
					.object(
						{
							/** Registration required? */
							required: z.boolean(de('Anmeldung erforderlich')),
							/** How to register, in plain words. */
							info: text('Hinweis zur Anmeldung', { max: 300 }).optional(),
							/** Registration by e-mail. */
							email: email('E-Mail für die Anmeldung').optional(),
							/** Registration form on the web. */
							url: url('Anmeldeformular').optional(),
						},
						de('Anmeldung'),
					)
					.strict()
					.default({ required: false }),
				/** The project the event belongs to (file in content/projekte). */
				project: ref(ctx, 'projekte', 'Projekt').optional(),
			},
			de('Termin'),
		)
		.strict()
		.refine((event) => event.end > event.start, { message: 'Ende muss nach dem Beginn liegen.', path: ['end'] });

export type Event = z.infer<ReturnType<typeof eventSchema>>;
