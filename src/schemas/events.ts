import { z } from 'astro/zod';
import { de } from './messages';
import { dateTime, described, email, flag, group, languages, oneOf, ref, text, url, type SchemaContext } from './fields';

/** Kinds of events. */
export const EVENT_TYPES = ['beteiligungsforum', 'quartiersrat', 'sprechstunde', 'fest', 'workshop', 'sonstiges'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Where an event happens: a facility, or an address in words. Shown in the CMS as one group. */
const place = (ctx: SchemaContext) =>
	described(
		z.union(
			[
				z.object({ /** The facility (file in content/einrichtungen). */ facility: ref(ctx, 'einrichtungen', 'Ort (Einrichtung)') }).strict(),
				z.object({ /** Address in words. */ address: text('Ort (Adresse)', { max: 200 }) }).strict(),
			],
			de('Ort', 'Entweder „facility" (eine Einrichtung) oder „address" (eine Adresse) angeben.'),
		),
		{ title: 'Ort', description: 'Entweder eine Einrichtung auswählen oder eine Adresse eintragen – nicht beides.', cms: { either: 'facility|address' } },
	);

/** An event (Termin). The file name is the id; the body describes the event. */
export const eventSchema = (ctx: SchemaContext) =>
	group('Termin', {
		/** Name of the event. */
		title: text('Titel', { max: 120 }),
		/** Teaser for lists and search results. */
		summary: text('Zusammenfassung', { max: 200, long: true, help: 'Ein bis zwei Sätze (höchstens 200 Zeichen).' }),
		/** Start, as Berlin time „JJJJ-MM-TTTHH:MM". */
		start: dateTime('Beginn', { help: 'Datum und Uhrzeit (deutsche Zeit).' }),
		/** End, as Berlin time; after the end the event moves to the past list. */
		end: dateTime('Ende', { help: 'Nach diesem Zeitpunkt wandert der Termin zu den vergangenen Terminen.' }),
		/** Kind of event. */
		type: oneOf('Art des Termins', EVENT_TYPES),
		/** Where: a facility, or an address. */
		place: place(ctx),
		/** Room or meeting point inside the place. */
		room: text('Raum', { max: 120, help: 'Raum oder Treffpunkt, z. B. „Großer Saal, Erdgeschoss".' }).optional(),
		/** Languages spoken or interpreted at the event. */
		languages: languages('Sprachen', { help: 'Gesprochene oder gedolmetschte Sprachen, auch Gebärdensprache.' }),
		/** Access: steps, toilets, interpreting, childcare … */
		accessibility: text('Hinweise zur Barrierefreiheit', { max: 500, help: 'Stufen, Aufzug, Toilette, Dolmetschen, Kinderbetreuung …' }),
		/** Whether and how to register. */
		registration: group('Anmeldung', {
			/** Registration required? */
			required: flag('Anmeldung erforderlich'),
			/** How to register, in plain words. */
			info: text('Hinweis zur Anmeldung', { max: 300 }).optional(),
			/** Registration by e-mail. */
			email: email('E-Mail für die Anmeldung').optional(),
			/** Registration form on the web. */
			url: url('Anmeldeformular').optional(),
		}).default({ required: false }),
		/** The project the event belongs to (file in content/projekte). */
		project: ref(ctx, 'projekte', 'Projekt', { help: 'Der Termin erscheint dann auch auf der Projektseite.' }).optional(),
	}).refine((event) => event.end > event.start, { message: 'Ende muss nach dem Beginn liegen.', path: ['end'] });

export type Event = z.infer<ReturnType<typeof eventSchema>>;
