import { z } from 'astro/zod';
import { de } from './messages';
import { day, described, email, group, languages, oneOf, phone, ref, refs, text, url, type SchemaContext } from './fields';
import { applyRules } from './rules';

/** Kinds of partners in the network; the last two are working groups, which meet regularly. */
export const NETWORK_KINDS = ['arbeitsgruppe', 'runder-tisch', 'verein', 'schule', 'kita', 'wohnungsunternehmen', 'traeger', 'initiative'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];
/** Kinds that are working groups: they must have a regular meeting. */
export const GROUP_KINDS: readonly NetworkKind[] = ['arbeitsgruppe', 'runder-tisch'];

/** German names of the kinds, for staff (the site names them through the dictionary, `network.kind.*`). */
export const NETWORK_KIND_LABELS: Record<NetworkKind, string> = {
	arbeitsgruppe: 'Arbeitsgruppe (AG)',
	'runder-tisch': 'Runder Tisch',
	verein: 'Verein',
	schule: 'Schule',
	kita: 'Kita',
	wohnungsunternehmen: 'Wohnungsunternehmen',
	traeger: 'Träger',
	initiative: 'Initiative',
};

/** How often a group meets. */
export const FREQUENCIES = ['weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** Days of the week, Monday first (the order of `berlinWeekday`). */
export const WEEKDAYS = ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Which weekday of the month: the 1st to 4th, or -1 for the last. */
export const WEEKS = [1, 2, 3, 4, -1] as const;
export type Week = (typeof WEEKS)[number];

/** Times of day a meeting may start or end: every quarter of an hour („17:00", „16:30"). */
export const QUARTER_HOURS = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

const WEEK_LABELS: Record<string, string> = { '1': 'der erste im Monat', '2': 'der zweite im Monat', '3': 'der dritte im Monat', '4': 'der vierte im Monat', '-1': 'der letzte im Monat' };

/** A time of day as „HH:MM", on the quarter hour; shown in the CMS as a plain select. */
function clockTime(label: string, help: string) {
	const e = de(label, 'Erwartet wird eine Uhrzeit als SS:MM zur Viertelstunde, z. B. 17:00 oder 16:30.');
	return described(z.string(e).regex(/^([01]\d|2[0-3]):(00|15|30|45)$/, e), {
		title: label,
		description: help,
		cms: { widget: 'select', optionLabels: Object.fromEntries(QUARTER_HOURS.map((time) => [time, `${time} Uhr`])) },
	});
}

/** Which week of the month: 1–4 or -1 (the last); the CMS's select writes it as text, so "2" counts as 2. */
const week = described(
	z.preprocess(
		(value) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value),
		z.union(WEEKS.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<Week>, z.ZodLiteral<Week>, ...z.ZodLiteral<Week>[]], de('Welche Woche', 'Erlaubt sind 1, 2, 3, 4 oder -1 (der letzte im Monat).')),
	),
	{ title: 'Welche Woche', description: 'Nur bei „monatlich": der wievielte Wochentag im Monat – z. B. 2 für „jeden 2. Dienstag", -1 für „jeden letzten Freitag".', cms: { widget: 'select', optionLabels: WEEK_LABELS } },
);

/** Where a group meets: a facility, or an address in words. */
const place = (ctx: SchemaContext) =>
	described(
		z.union(
			[
				z.object({ /** The facility (file in content/einrichtungen). */ facility: ref(ctx, 'einrichtungen', 'Treffpunkt (Einrichtung)') }).strict(),
				z.object({ /** Address in words. */ address: text('Treffpunkt (Adresse)', { max: 200 }) }).strict(),
			],
			de('Treffpunkt', 'Entweder „facility" (eine Einrichtung) oder „address" (eine Adresse) angeben.'),
		),
		{ title: 'Treffpunkt', description: 'Leer lassen, wenn sich die Gruppe an ihrem Sitz (oben) trifft. Sonst eine Einrichtung auswählen oder eine Adresse eintragen – nicht beides.', cms: { either: 'facility|address' } },
	);

/** A regular meeting, stored as a rule („jeden 2. Dienstag im Monat, 17 Uhr"); the site computes the dates. */
export const meetingSchema = (ctx: SchemaContext) =>
	group(
		'Regelmäßiges Treffen',
		{
			/** weekly = every week, monthly = once a month (on the n-th weekday). */
			frequency: oneOf('Häufigkeit', FREQUENCIES, { labels: { weekly: 'wöchentlich', monthly: 'monatlich' } }),
			/** Day of the week. */
			weekday: oneOf('Wochentag', WEEKDAYS, { labels: Object.fromEntries(WEEKDAYS.map((d) => [d, d.charAt(0).toUpperCase() + d.slice(1)])) }),
			/** Monthly only: the 1st–4th weekday of the month, or -1 for the last. */
			week: week.optional(),
			/** Every how many weeks or months (1 = every); above 1 the first meeting („since") fixes the rhythm. */
			interval: described(z.number(de('Abstand')).int(de('Abstand')).min(1, de('Abstand')).max(12, de('Abstand')), {
				title: 'Abstand',
				description: '1 = jede Woche bzw. jeden Monat, 2 = jede zweite … Ab 2 bitte „Erstes Treffen" angeben.',
			}).optional(),
			/** Start time, Berlin time. */
			time: clockTime('Uhrzeit', 'Beginn des Treffens (deutsche Zeit).'),
			/** End time, Berlin time (the same day). */
			end: clockTime('Ende', 'Ende des Treffens am selben Tag.'),
			/** The first meeting: none before it; with an interval above 1 the rhythm counts from it. */
			since: day('Erstes Treffen', { help: 'Freiwillig: Ab wann die Gruppe sich trifft. Pflicht bei einem Abstand ab 2 (zählt den Rhythmus).' }).optional(),
			/** Where the group meets, if not at its seat (the facility above). */
			place: place(ctx).optional(),
			/** Days on which the meeting does not take place (holidays, summer break). */
			except: described(z.array(day('Fällt aus am'), de('Fällt aus')), { title: 'Fällt aus', description: 'Tage, an denen das Treffen ausfällt, z. B. in den Ferien.' }).default([]),
		},
		{ help: 'Für Arbeitsgruppen und Runde Tische Pflicht. Die Website nennt daraus das nächste Treffen.' },
	);

/** A partner of the network or a working group. The file name is the id; the body describes it. */
export const networkSchema = (ctx: SchemaContext) =>
	group('Netzwerk-Eintrag', {
		/** Name of the partner or group, e.g. „Grundschule am Mühlgraben" or „AG Grün und Freiraum". */
		name: text('Name', { max: 120 }),
		/** What kind of partner; working groups and round tables meet regularly. */
		kind: oneOf('Art', NETWORK_KINDS, { labels: NETWORK_KIND_LABELS, help: 'Arbeitsgruppen und Runde Tische brauchen ein regelmäßiges Treffen.' }),
		/** One or two sentences for the list. */
		summary: text('Kurzbeschreibung', { max: 240, long: true, help: 'Ein bis zwei Sätze: Wer ist das, was machen sie im Quartier?' }),
		/** Who to contact (all optional). */
		contact: group('Kontakt', {
			/** A contact person. */
			person: text('Ansprechperson', { max: 80 }).optional(),
			/** Phone number. */
			phone: phone('Telefon').optional(),
			/** E-mail address. */
			email: email('E-Mail').optional(),
			/** Website. */
			web: url('Website').optional(),
		}).optional(),
		/** Languages spoken with residents. */
		languages: languages('Sprachen', { help: 'In welchen Sprachen man mit dem Partner oder in der Gruppe sprechen kann.' }),
		/** Where the partner sits or the group usually meets (file in content/einrichtungen). */
		facility: ref(ctx, 'einrichtungen', 'Sitz (Einrichtung)', { help: 'Freiwillig. Die Einrichtung nennt den Partner dann auf ihrer Seite.' }).optional(),
		/** Projects the partner takes part in (files in content/projekte). */
		projects: refs(ctx, 'projekte', 'Projekt', 'Projekte', { help: 'Die Projektseiten nennen den Partner dann.' }),
		/** Handlungsfelder the partner works in (files in content/themen). */
		themes: refs(ctx, 'themen', 'Handlungsfeld', 'Handlungsfelder'),
		/** The regular meeting: required for working groups. */
		meeting: meetingSchema(ctx).optional(),
	}).superRefine(applyRules('netzwerk'));

export type NetworkEntry = z.infer<ReturnType<typeof networkSchema>>;
export type Meeting = z.infer<ReturnType<typeof meetingSchema>>;
