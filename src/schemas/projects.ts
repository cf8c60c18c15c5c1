import { z } from 'astro/zod';
import { de } from './messages';
import { day, described, euros, group, insideDistrict, integer, latLng, oneOf, pointPicker, ref, someRefs, text, url, type SchemaContext, type Site } from './fields';
import { fundChoice } from './funds';
import { ways } from './participation';
import { applyRules } from './rules';

/** Where a project stands. */
export const PROJECT_STATUS = ['idee', 'geplant', 'in-umsetzung', 'abgeschlossen'] as const;
export type ProjectStatus = (typeof PROJECT_STATUS)[number];
/** State of one renewal step. */
export const PHASE_STATES = ['done', 'current', 'next'] as const;

const phase = group('Schritt', {
	/** Name of the step, e.g. „Beteiligungsforum". */
	title: text('Titel des Schritts', { max: 100, help: 'Z. B. „Beteiligungsforum" oder „Bauarbeiten".' }),
	/** When the step starts (or the day it happens). */
	start: day('Beginn des Schritts'),
	/** When the step ends, if it is a period. */
	end: day('Ende des Schritts', { help: 'Nur bei Zeiträumen.' }).optional(),
	/** done = erledigt, current = läuft gerade, next = kommt noch. */
	state: oneOf('Stand des Schritts', PHASE_STATES, { help: 'Höchstens ein Schritt „läuft gerade"; davor die erledigten, danach die kommenden.' }),
	/** One or two sentences on what happens in this step. */
	text: text('Beschreibung des Schritts', { max: 400, help: 'Ein bis zwei Sätze: Was passiert in diesem Schritt?' }),
}, { summary: "{{fields.start | date('DD.MM.YYYY')}} – {{fields.title}}" }).refine((p) => !p.end || p.end >= p.start, { message: 'Ende des Schritts darf nicht vor dem Beginn liegen.', path: ['end'] });

/** Where a project happens: a facility, or a named point inside the district. */
const place = (ctx: SchemaContext, site: Site) =>
	described(
		z.union(
			[
				z.object({ /** The facility (file in content/einrichtungen). */ facility: ref(ctx, 'einrichtungen', 'Ort (Einrichtung)') }).strict(),
				z
					.object({
						/** Name of the place, e.g. „Innenhof Weberstraße 20–28". */
						label: text('Ortsbezeichnung', { max: 120 }),
						...latLng(site.bounds),
					})
					.strict()
					.superRefine(insideDistrict(site.bounds, site.district)),
			],
			de('Ort', 'Entweder „facility" (eine Einrichtung) oder „label" mit „lat" und „lng" angeben.'),
		),
		{
			title: 'Ort',
			description: 'Entweder eine Einrichtung auswählen oder eine Ortsbezeichnung eintragen und den Ort in der Karte setzen.',
			// Breitengrad and Längengrad are set on one map of the district (cms/widgets/coordinates.ts).
			cms: { either: 'facility|label,lat,lng', ...pointPicker(site.bounds, site.district) },
		},
	);

/** Where the idea for a project came from: an event, a call, a news item, or a sentence in words. */
const origin = (ctx: SchemaContext) =>
	described(
		z.union(
			[
				z.object({ /** The event where the idea came up (file in content/termine). */ event: ref(ctx, 'termine', 'Herkunft: Termin') }).strict(),
				z.object({ /** The call it answered (file in content/aufrufe). */ call: ref(ctx, 'aufrufe', 'Herkunft: Aufruf') }).strict(),
				z.object({ /** The news item that reported it (file in content/aktuelles). */ news: ref(ctx, 'aktuelles', 'Herkunft: Meldung') }).strict(),
				z.object({ /** In words, e.g. „Vorschlag von Eltern der Kita Sonnenblume im Frühjahr 2025". */ text: text('Herkunft in Worten', { max: 300 }) }).strict(),
			],
			de('Woher die Idee kommt', 'Genau eines angeben: „event", „call", „news" oder „text".'),
		),
		{
			title: 'Woher die Idee kommt',
			description: 'Genau eines ausfüllen: der Termin, der Aufruf oder die Meldung, aus der die Idee kam – oder ein Satz in eigenen Worten.',
			cms: { either: 'event|call|news|text' },
		},
	);

/** Money granted for one year, and how much of it has been paid out. */
const fundingYear = group('Förderjahr', {
	/** The budget year. */
	year: integer('Jahr', 2000, 2100),
	/** Granted (bewilligt) for this year, in euros. */
	approved: euros('Bewilligt', { help: 'Bewilligter Betrag für dieses Jahr in Euro, nur die Zahl.' }),
	/** Paid out (ausgezahlt) of it so far, in euros. */
	paid: euros('Ausgezahlt', { help: 'Davon bisher ausgezahlt, in Euro. Leer lassen, solange nichts ausgezahlt ist.' }).optional(),
}, { summary: '{{fields.year}}: {{fields.approved}} € bewilligt' });

/**
 * Who pays and how far the money has come: an estimate (ideas), the amount applied for, and – once granted –
 * the granted and paid-out amounts per year. Only granted money counts as funding on the site.
 */
const funding = (site: Site) =>
	group(
		'Förderung',
		{
			/** The fund that pays (from the settings); may stay open while the project is an idea. */
			fund: fundChoice(site, 'Fonds', { help: 'Aus welchem Fonds das Geld kommt. Bei einer Idee darf das noch offen sein.' }).optional(),
			/** Expected cost, for ideas and plans. */
			estimated: euros('Kostenschätzung', { help: 'Was das Projekt voraussichtlich kostet, in Euro. Wird nie als Förderung gezeigt.' }).optional(),
			/** Amount applied for and not yet granted. */
			requested: euros('Beantragt', { help: 'Beantragte Summe in Euro, solange sie nicht bewilligt ist. Nach der Bewilligung leeren – oder nur den noch offenen Rest eintragen, z. B. für einen zweiten Abschnitt.' }).optional(),
			/** Granted money per budget year (with what has been paid out). */
			years: described(z.array(fundingYear, de('Bewilligt je Förderjahr')), {
				title: 'Bewilligt je Förderjahr',
				description: 'Erst eintragen, wenn das Geld bewilligt ist: je Jahr der bewilligte und der ausgezahlte Betrag.',
			}).default([]),
		},
		{ help: 'Eine Idee hat höchstens eine Kostenschätzung; bewilligtes Geld steht je Förderjahr.' },
	);

/** When and how residents can have their say on the project. */
const participationPeriod = (ctx: SchemaContext) =>
	group(
		'Beteiligungszeitraum',
		{
			/** First day residents can have their say. */
			from: day('Mitreden ab'),
			/** Last day (through the whole day, Berlin time). */
			until: day('Mitreden bis', { help: 'Bis einschließlich zu diesem Tag. Danach zeigt die Website von selbst „Beteiligung beendet".' }),
			/** What residents are asked about, in a few words. */
			topic: text('Worum es geht', { max: 160, help: 'Wozu ist die Meinung gefragt? Z. B. „Hinweise zum Entwurf für den neuen Park".' }),
			/** How to take part. */
			ways: ways('Wege zum Mitreden'),
			/** Where to take part online (e.g. the city's participation platform). */
			link: url('Link zur Beteiligung', { help: 'Wenn man online mitreden kann: die Adresse, z. B. der Beteiligungsplattform.' }).optional(),
			/** The event where residents can take part (file in content/termine). */
			event: ref(ctx, 'termine', 'Termin zur Beteiligung', { help: 'Ein Forum oder eine Sitzung, bei der man mitreden kann.' }).optional(),
			/** What came of it, once the period is over. */
			outcome: text('Ergebnis der Beteiligung', { max: 600, help: 'Nach dem Ende: Was ist dabei herausgekommen? Bis dahin leer lassen – die Website zeigt „das Ergebnis folgt".' }).optional(),
		},
		{ help: 'Nur ausfüllen, wenn man zu diesem Projekt gerade oder bald mitreden kann.' },
	);

/** A project of the QM office. The file name is the id; the body describes the project. */
export const projectSchema = (ctx: SchemaContext, site: Site) =>
	group('Projekt', {
		/** Project name. */
		title: text('Titel', { max: 120 }),
		/** Teaser for lists and search results. */
		summary: text('Zusammenfassung', { max: 200, long: true, help: 'Ein bis zwei Sätze (höchstens 200 Zeichen).' }),
		/** idee, geplant, in-umsetzung or abgeschlossen. */
		status: oneOf('Status', PROJECT_STATUS, { help: 'Wo steht das Projekt gerade?' }),
		/** Handlungsfelder (files in content/themen). */
		themes: someRefs(ctx, 'themen', 'Thema', 'Themen'),
		/** The goal of the integrated action plan (IHEK) the project serves (file in content/ziele). */
		ihekGoal: ref(ctx, 'ziele', 'IHEK-Ziel', { help: 'Welchem Ziel des Handlungskonzepts (IHEK) das Projekt dient.' }),
		/** Where the idea came from. */
		origin: origin(ctx).optional(),
		/** Fund, estimate, amount applied for, granted and paid-out money. */
		funding: funding(site),
		/** Organisation carrying out the project (Projektträger). */
		provider: text('Projektträger', { max: 160, help: 'Wer das Projekt umsetzt.' }),
		/** Run time of the project. */
		runtime: group('Laufzeit', {
			/** First day. */
			start: day('Projektbeginn'),
			/** Last day, if known. */
			end: day('Projektende', { help: 'Leer lassen, wenn noch offen.' }).optional(),
		}).refine((r) => !r.end || r.end >= r.start, { message: 'Projektende darf nicht vor dem Projektbeginn liegen.', path: ['end'] }),
		/** Where it happens: a facility, or a named point. */
		place: place(ctx, site).optional(),
		/** The renewal steps, in order: done, then the current one, then next ones. */
		phases: described(z.array(phase, de('Schritte')).min(1, de('Schritte')), {
			title: 'Schritte',
			description: 'Die Schritte des Projekts in zeitlicher Reihenfolge. Den laufenden Schritt auf „läuft gerade" stellen.',
		}),
		/** How residents can take part, in plain words. */
		participation: text('So können Sie mitmachen', { max: 1000, long: true, help: 'In einfachen Worten: Wie können Menschen aus dem Quartier mitreden oder mithelfen?' }),
		/** A period in which residents can have their say, with its ways and, later, its outcome. */
		participationPeriod: participationPeriod(ctx).optional(),
		/** Results so far. */
		results: text('Ergebnisse', { max: 1500, help: 'Was bisher erreicht wurde.' }).optional(),
		/** Contact person (file in content/kontakte). */
		contact: ref(ctx, 'kontakte', 'Ansprechperson'),
	}).superRefine(applyRules('projekte'));

export type Project = z.infer<ReturnType<typeof projectSchema>>;
export type ProjectFunding = Project['funding'];
