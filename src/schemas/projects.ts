import { z } from 'astro/zod';
import { de } from './messages';
import { day, described, euros, group, insideDistrict, integer, latLng, oneOf, ref, someRefs, text, type Bounds, type SchemaContext } from './fields';

/** Where a project stands. */
export const PROJECT_STATUS = ['idee', 'geplant', 'in-umsetzung', 'abgeschlossen'] as const;
/** Funds of the programme „Sozialer Zusammenhalt" (and „sonstige" for anything else). */
export const FUNDS = ['aktionsfonds', 'projektfonds', 'baufonds', 'netzwerkfonds', 'sonstige'] as const;
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
}).refine((p) => !p.end || p.end >= p.start, { message: 'Ende des Schritts darf nicht vor dem Beginn liegen.', path: ['end'] });

/** Where a project happens: a facility, or a named point inside the district. */
const place = (ctx: SchemaContext, frame: { bounds: Bounds; district: string }) =>
	described(
		z.union(
			[
				z.object({ /** The facility (file in content/einrichtungen). */ facility: ref(ctx, 'einrichtungen', 'Ort (Einrichtung)') }).strict(),
				z
					.object({
						/** Name of the place, e.g. „Innenhof Weberstraße 20–28". */
						label: text('Ortsbezeichnung', { max: 120 }),
						...latLng(frame.bounds),
					})
					.strict()
					.superRefine(insideDistrict(frame.bounds, frame.district)),
			],
			de('Ort', 'Entweder „facility" (eine Einrichtung) oder „label" mit „lat" und „lng" angeben.'),
		),
		{ title: 'Ort', description: 'Entweder eine Einrichtung auswählen oder Ortsbezeichnung mit Breiten- und Längengrad eintragen.', cms: { either: 'facility|label,lat,lng' } },
	);

/** A project of the QM office. The file name is the id; the body describes the project. */
export const projectSchema = (ctx: SchemaContext, frame: { bounds: Bounds; district: string }) =>
	group('Projekt', {
		/** Project name. */
		title: text('Titel', { max: 120 }),
		/** Teaser for lists and search results. */
		summary: text('Zusammenfassung', { max: 200, long: true, help: 'Ein bis zwei Sätze (höchstens 200 Zeichen).' }),
		/** idee, geplant, in-umsetzung or abgeschlossen. */
		status: oneOf('Status', PROJECT_STATUS, { help: 'Wo steht das Projekt gerade?' }),
		/** Handlungsfelder (files in content/themen). */
		themes: someRefs(ctx, 'themen', 'Thema', 'Themen'),
		/** The goal of the integrated action plan (IHEK) the project serves. */
		ihekGoal: text('IHEK-Ziel', { max: 300, help: 'Welches Ziel des Handlungskonzepts (IHEK) das Projekt verfolgt.' }),
		/** Which fund pays for it. */
		fund: oneOf('Fonds', FUNDS),
		/** Funding amount in euros. */
		amount: euros('Fördersumme'),
		/** Years in which funding flows. */
		fundingYears: described(z.array(integer('Förderjahr', 2000, 2100), de('Förderjahre')).min(1, de('Förderjahre')), {
			title: 'Förderjahre',
			description: 'Die Jahre, in denen Fördergeld fließt, z. B. 2026 und 2027.',
		}),
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
		place: place(ctx, frame).optional(),
		/** The renewal steps, in order: done, then the current one, then next ones. */
		phases: described(z.array(phase, de('Schritte')).min(1, de('Schritte')), {
			title: 'Schritte',
			description: 'Die Schritte des Projekts in zeitlicher Reihenfolge. Den laufenden Schritt auf „läuft gerade" stellen.',
		}),
		/** How residents can take part, in plain words. */
		participation: text('So können Sie mitmachen', { max: 1000, long: true, help: 'In einfachen Worten: Wie können Menschen aus dem Quartier mitreden oder mithelfen?' }),
		/** Results so far. */
		results: text('Ergebnisse', { max: 1500, help: 'Was bisher erreicht wurde.' }).optional(),
		/** Contact person (file in content/kontakte). */
		contact: ref(ctx, 'kontakte', 'Ansprechperson'),
	}).superRefine((project, check) => {
		const states = project.phases.map((p) => p.state);
		const order = { done: 0, current: 1, next: 2 } as const;
		states.forEach((state, i) => {
			const before = states[i - 1];
			if (before && order[state] < order[before]) {
				check.addIssue({ code: 'custom', path: ['phases', i, 'state'], message: `Schritte: Schritt ${i + 1} ist „${state}", steht aber nach einem Schritt „${before}". Reihenfolge: erst erledigte (done), dann höchstens ein laufender (current), dann kommende (next).` });
			}
		});
		if (states.filter((s) => s === 'current').length > 1) {
			check.addIssue({ code: 'custom', path: ['phases'], message: 'Schritte: Höchstens ein Schritt darf „current" (läuft gerade) sein.' });
		}
		if (project.status === 'abgeschlossen' && states.some((s) => s !== 'done')) {
			check.addIssue({ code: 'custom', path: ['status'], message: 'Status „abgeschlossen" passt nicht: Alle Schritte müssen erledigt (done) sein.' });
		}
	});

export type Project = z.infer<ReturnType<typeof projectSchema>>;
