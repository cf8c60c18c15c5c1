/**
 * The district's open data: projects as JSON (with a JSON Schema generated from zod) and CSV, decisions as CSV,
 * granted money per project and year as CSV, and the funding totals shown on /foerderung/ as CSV.
 *
 * The JSON record's schema is built from the content model's own field schemas (same names, limits and options)
 * where a field is published as it is; references become ids and titles, days become ISO dates. Every record is
 * checked against it during the build, so the published JSON always matches its published schema.
 */
import { z } from 'astro/zod';
import { plainContext } from '../schemas/context';
import { projectSchema } from '../schemas/projects';
import { decisionSchema } from '../schemas/decisions';
import { WAYS } from '../schemas/participation';
import type { Site } from '../schemas/fields';
import { toCsv } from './csv';
import { isoDay } from './format';
import { grantedOf, MONEY_STAGES, paidOf, type FundingOverview } from './money';
import { href, paths } from './routes';

/** Field schemas of the content model (only their types and limits are used; nothing is parsed, so nothing is looked up on disk). */
function contentShapes(site: Site) {
	const ctx = plainContext();
	return { project: projectSchema(ctx, site).shape, decision: decisionSchema(ctx).shape };
}

const isoDate = () => z.iso.date();
const named = z.object({ id: z.string(), label: z.string() });
const euro = z.number().min(0);

/** One project as published in /daten/projekte.json. */
export function projectRecordSchema(site: Site) {
	const { project: shape, decision } = contentShapes(site);
	const phaseShape = shape.phases.element.shape;
	return z
		.object({
			id: z.string().meta({ description: 'Kennung des Projekts (Dateiname)' }),
			url: z.url().meta({ description: 'Seite des Projekts' }),
			title: shape.title,
			summary: shape.summary,
			status: shape.status,
			themes: z.array(named).meta({ title: 'Handlungsfelder' }),
			goal: z.object({ id: z.string(), title: z.string(), url: z.url() }).meta({ title: 'IHEK-Ziel' }),
			origin: z.object({ text: z.string(), url: z.url().optional() }).optional().meta({ title: 'Woher die Idee kommt' }),
			money: z
				.object({
					fund: named.optional(),
					estimated: euro.optional().meta({ title: 'Kostenschätzung (Euro)' }),
					requested: euro.optional().meta({ title: 'Beantragt, noch nicht bewilligt (Euro)' }),
					granted: euro.meta({ title: 'Bewilligt (Euro)' }),
					paid: euro.meta({ title: 'Ausgezahlt (Euro)' }),
					years: z.array(z.object({ year: z.number().int(), granted: euro, paid: euro })).meta({ title: 'Bewilligt und ausgezahlt je Jahr' }),
				})
				.meta({ title: 'Geld' }),
			provider: shape.provider,
			runtime: z.object({ start: isoDate(), end: isoDate().optional() }).meta({ title: 'Laufzeit' }),
			place: z.object({ name: z.string(), lat: z.number(), lng: z.number() }).optional().meta({ title: 'Ort' }),
			phases: z.array(z.object({ title: phaseShape.title, start: isoDate(), end: isoDate().optional(), state: phaseShape.state, text: phaseShape.text })).meta({ title: 'Schritte' }),
			participationPeriod: z
				.object({ from: isoDate(), until: isoDate(), topic: z.string(), ways: z.array(z.enum(WAYS)), url: z.url().optional(), event: z.url().optional(), outcome: z.string().optional() })
				.optional()
				.meta({ title: 'Beteiligungszeitraum' }),
			results: z.string().optional().meta({ title: 'Ergebnisse' }),
			decisions: z
				.array(z.object({ id: z.string(), url: z.url(), date: isoDate(), committee: decision.committee, outcome: decision.outcome, title: z.string() }))
				.meta({ title: 'Beschlüsse' }),
		})
		.strict()
		.meta({ title: 'Projekt', description: 'Ein Projekt des Quartiersmanagements mit Schritten, Geld und Beschlüssen.' });
}
export type ProjectRecord = z.infer<ReturnType<typeof projectRecordSchema>>;

/** The JSON Schema of /daten/projekte.json (draft 2020-12), without the CMS hints the content model carries. */
export function projectsJsonSchema(site: Site, siteUrl: string) {
	const schema = z.toJSONSchema(z.array(projectRecordSchema(site)).meta({ title: 'Projekte' }), {
		override: ({ jsonSchema }) => {
			delete (jsonSchema as Record<string, unknown>).cms;
		},
	});
	return { ...schema, $id: new URL(paths.data.projectsSchema, siteUrl).href };
}

/** What a project record needs besides the project itself. */
export interface ProjectContext {
	siteUrl: string;
	themes: Map<string, string>;
	goals: Map<string, string>;
	funds: Map<string, string>;
	places: Map<string, { name: string; lat: number; lng: number }>;
	origins: Map<string, { text: string; url?: string }>;
	decisions: { id: string; data: { date: Date; committee: string; outcome: string; title: string; projects: { id: string }[] } }[];
}

interface ProjectEntry {
	id: string;
	data: import('../schemas/projects').Project;
}

/** A project as an open data record. */
export function projectRecord({ id, data }: ProjectEntry, ctx: ProjectContext): ProjectRecord {
	const abs = (path: string) => new URL(path, ctx.siteUrl).href;
	const { funding } = data;
	const period = data.participationPeriod;
	const place = data.place ? ('facility' in data.place ? ctx.places.get(data.place.facility.id) : { name: data.place.label, lat: data.place.lat, lng: data.place.lng }) : undefined;
	return {
		id,
		url: abs(href.project(id)),
		title: data.title,
		summary: data.summary,
		status: data.status,
		themes: data.themes.map((theme) => ({ id: theme.id, label: ctx.themes.get(theme.id) ?? theme.id })),
		goal: { id: data.ihekGoal.id, title: ctx.goals.get(data.ihekGoal.id) ?? data.ihekGoal.id, url: abs(href.goal(data.ihekGoal.id)) },
		...(ctx.origins.has(id) ? { origin: ctx.origins.get(id) } : {}),
		money: {
			...(funding.fund ? { fund: { id: funding.fund, label: ctx.funds.get(funding.fund) ?? funding.fund } } : {}),
			...(funding.estimated !== undefined ? { estimated: funding.estimated } : {}),
			...(funding.requested !== undefined ? { requested: funding.requested } : {}),
			granted: grantedOf(funding),
			paid: paidOf(funding),
			years: funding.years.map((year) => ({ year: year.year, granted: year.approved, paid: year.paid ?? 0 })),
		},
		provider: data.provider,
		runtime: { start: isoDay(data.runtime.start), ...(data.runtime.end ? { end: isoDay(data.runtime.end) } : {}) },
		...(place ? { place } : {}),
		phases: data.phases.map((phase) => ({ title: phase.title, start: isoDay(phase.start), ...(phase.end ? { end: isoDay(phase.end) } : {}), state: phase.state, text: phase.text })),
		...(period
			? {
					participationPeriod: {
						from: isoDay(period.from),
						until: isoDay(period.until),
						topic: period.topic,
						ways: period.ways,
						...(period.link ? { url: period.link } : {}),
						...(period.event ? { event: abs(href.event(period.event.id)) } : {}),
						...(period.outcome ? { outcome: period.outcome } : {}),
					},
				}
			: {}),
		...(data.results ? { results: data.results } : {}),
		decisions: ctx.decisions
			.filter((d) => d.data.projects.some((p) => p.id === id))
			.map((d) => ({ id: d.id, url: abs(href.decision(d.id)), date: isoDay(d.data.date), committee: d.data.committee as ProjectRecord['decisions'][number]['committee'], outcome: d.data.outcome as ProjectRecord['decisions'][number]['outcome'], title: d.data.title })),
	};
}

/** Columns of /daten/projekte.csv. */
export const PROJECT_COLUMNS = ['id', 'titel', 'status', 'handlungsfelder', 'ihek_ziel', 'fonds', 'kostenschaetzung', 'beantragt', 'bewilligt', 'ausgezahlt', 'foerderjahre', 'traeger', 'beginn', 'ende', 'adresse'] as const;

export function projectsCsv(records: ProjectRecord[]): string {
	return toCsv(
		PROJECT_COLUMNS,
		records.map((r) => [
			r.id,
			r.title,
			r.status,
			r.themes.map((t) => t.id).join(' '),
			r.goal.id,
			r.money.fund?.id,
			r.money.estimated,
			r.money.requested,
			r.money.granted,
			r.money.paid,
			r.money.years.map((y) => y.year).join(' '),
			r.provider,
			r.runtime.start,
			r.runtime.end,
			r.url,
		]),
	);
}

/** Columns of /daten/foerderung.csv: granted and paid-out money, one row per project and year. */
export const FUNDING_COLUMNS = ['projekt_id', 'projekt', 'fonds', 'handlungsfeld', 'jahr', 'bewilligt', 'ausgezahlt'] as const;

/** Granted money per project and year; the Handlungsfeld is the one of the project's IHEK goal. */
export function fundingCsv(records: ProjectRecord[], themeOfGoal: Map<string, string>): string {
	return toCsv(
		FUNDING_COLUMNS,
		records.flatMap((r) => r.money.years.map((y) => [r.id, r.title, r.money.fund?.id, themeOfGoal.get(r.goal.id), y.year, y.granted, y.paid])),
	);
}

/**
 * Columns of /daten/foerderung-summen.csv: every total of /foerderung/, one number per row (long format). Rows by
 * fund, year and Handlungsfeld have `art` bewilligt (all granted money) or ausgezahlt; rows by stage have `art`
 * summe and the stage in `schluessel`.
 */
export const TOTALS_COLUMNS = ['gliederung', 'schluessel', 'bezeichnung', 'art', 'betrag'] as const;

export function fundingTotalsCsv(overview: FundingOverview, stageLabel: (stage: string) => string): string {
	const rows: (string | number)[][] = [];
	for (const [dimension, list] of [['fonds', overview.byFund], ['jahr', overview.byYear], ['handlungsfeld', overview.byTheme]] as const) {
		for (const row of list) rows.push([dimension, row.key, row.label, 'bewilligt', row.granted], [dimension, row.key, row.label, 'ausgezahlt', row.paid]);
	}
	// Stages: `schluessel` names the stage; `art` is „summe" so it never reads as all granted money.
	for (const stage of MONEY_STAGES) rows.push(['stand', stage, stageLabel(stage), 'summe', overview.byStage.find((s) => s.key === stage)?.amount ?? 0]);
	return toCsv(TOTALS_COLUMNS, rows);
}

/** Columns of /daten/beschluesse.csv. */
export const DECISION_COLUMNS = ['id', 'datum', 'gremium', 'ergebnis', 'titel', 'betrag', 'ja', 'nein', 'enthaltungen', 'projekte', 'aufruf', 'protokoll', 'adresse'] as const;

interface DecisionEntry {
	id: string;
	data: import('../schemas/decisions').Decision;
}

export function decisionsCsv(decisions: DecisionEntry[], siteUrl: string): string {
	return toCsv(
		DECISION_COLUMNS,
		decisions.map(({ id, data }) => [
			id,
			isoDay(data.date),
			data.committee,
			data.outcome,
			data.title,
			data.amount,
			data.votes?.yes,
			data.votes?.no,
			data.votes?.abstain,
			data.projects.map((p) => p.id).join(' '),
			data.call?.id,
			data.minutes?.id,
			new URL(href.decision(id), siteUrl).href,
		]),
	);
}
