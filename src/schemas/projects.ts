import { z } from 'astro/zod';
import { de } from './messages';
import { day, insideDistrict, latLng, euros, integer, oneOf, ref, someRefs, text, type Bounds, type SchemaContext } from './fields';

/** Where a project stands. */
export const PROJECT_STATUS = ['idee', 'geplant', 'in-umsetzung', 'abgeschlossen'] as const;
/** Funds of the programme „Sozialer Zusammenhalt" (and „sonstige" for anything else). */
export const FUNDS = ['aktionsfonds', 'projektfonds', 'baufonds', 'netzwerkfonds', 'sonstige'] as const;
/** State of one renewal step. */
export const PHASE_STATES = ['done', 'current', 'next'] as const;

const phase = z
	.object(
		{
			/** Name of the step, e.g. „Beteiligungsforum". */
			title: text('Titel des Schritts', { max: 100 }),
			/** When the step starts (or the day it happens). */
			start: day('Beginn des Schritts'),
			/** When the step ends, if it is a period. */
			end: day('Ende des Schritts').optional(),
			/** done = erledigt, current = läuft gerade, next = kommt noch. */
			state: oneOf('Stand des Schritts', PHASE_STATES),
			/** One or two sentences on what happens in this step. */
			text: text('Beschreibung des Schritts', { max: 400 }),
		},
		de('Schritt'),
	)
	.strict()
	.refine((p) => !p.end || p.end >= p.start, { message: 'Ende des Schritts darf nicht vor dem Beginn liegen.', path: ['end'] });

/** A project of the QM office. The file name is the id; the body describes the project. */
export const projectSchema = (ctx: SchemaContext, frame: { bounds: Bounds; district: string }) =>
	z
		.object(
			{
				/** Project name. */
				title: text('Titel', { max: 120 }),
				/** Teaser for lists and search results. */
				summary: text('Zusammenfassung', { max: 200 }),
				/** idee, geplant, in-umsetzung or abgeschlossen. */
				status: oneOf('Status', PROJECT_STATUS),
				/** Handlungsfelder (files in content/themen). */
				themes: someRefs(ctx, 'themen', 'Thema', 'Themen'),
				/** The goal of the integrated action plan (IHEK) the project serves. */
				ihekGoal: text('IHEK-Ziel', { max: 300 }),
				/** Which fund pays for it. */
				fund: oneOf('Fonds', FUNDS),
				/** Funding amount in euros. */
				amount: euros('Fördersumme'),
				/** Years in which funding flows. */
				fundingYears: z.array(integer('Förderjahr', 2000, 2100), de('Förderjahre')).min(1, de('Förderjahre')),
				/** Organisation carrying out the project (Projektträger). */
				provider: text('Projektträger', { max: 160 }),
				/** Run time of the project. */
				runtime: z
					.object(
						{
							/** First day. */
							start: day('Projektbeginn'),
							/** Last day, if known. */
							end: day('Projektende').optional(),
						},
						de('Laufzeit'),
					)
					.strict()
					.refine((r) => !r.end || r.end >= r.start, { message: 'Projektende darf nicht vor dem Projektbeginn liegen.', path: ['end'] }),
				/** Where it happens: a facility, or a named point. */
				place: z
					.union(
						[
							z.object({ /** The facility (file in content/einrichtungen). */ facility: ref(ctx, 'einrichtungen', 'Ort (Einrichtung)') }).strict(),
							z
								.object({
									/** Name of the place, e.g. „Innenhof Weberstraße 20–28". */
									label: text('Ortsbezeichnung', { max: 120 }),
									...latLng(),
								})
								.strict()
								.superRefine(insideDistrict(frame.bounds, frame.district)),
						],
						de('Ort', 'Entweder „facility" (eine Einrichtung) oder „label" mit „lat" und „lng" angeben.'),
					)
					.optional(),
				/** The renewal steps, in order: done, then the current one, then next ones. */
				phases: z.array(phase, de('Schritte')).min(1, de('Schritte')),
				/** How residents can take part, in plain words. */
				participation: text('So können Sie mitmachen', { max: 1000 }),
				/** Results so far. */
				results: text('Ergebnisse', { max: 1500 }).optional(),
				/** Contact person (file in content/kontakte). */
				contact: ref(ctx, 'kontakte', 'Ansprechperson'),
			},
			de('Projekt'),
		)
		.strict()
		.superRefine((project, check) => {
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
