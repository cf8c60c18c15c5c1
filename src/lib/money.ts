/**
 * Where the money goes: what a project has been granted and paid, how far its money has come, and the district's
 * totals by fund, year, Handlungsfeld and stage. Pure: pages, the open data files and the tests compute with it.
 *
 * Only granted money (bewilligt, per year) counts as funding. Each euro is at exactly one stage: paid out, granted
 * but not yet paid out, applied for (not yet granted), or only estimated (nothing granted or applied for yet) – so
 * the four stage totals never count a euro twice.
 */
import type { ProjectFunding } from '../schemas/projects';
import { useTranslations } from '../i18n';
import { formatterFor } from './format';

/** Stages of a project's money, furthest first. */
export const MONEY_STAGES = ['ausgezahlt', 'bewilligt', 'beantragt', 'geschaetzt'] as const;
export type MoneyStage = (typeof MONEY_STAGES)[number];

/** Adds amounts of euros exactly: in whole cents, so 9,900.10 € + 9,900.20 € is 19,800.30 €, not 19,800.300000000003 €. */
export function sumEuros(amounts: Iterable<number>): number {
	let cents = 0;
	for (const amount of amounts) cents += Math.round(amount * 100);
	return cents / 100;
}

/** Granted money over all years. */
export const grantedOf = (funding: ProjectFunding) => sumEuros(funding.years.map((year) => year.approved));
/** Paid-out money over all years. */
export const paidOf = (funding: ProjectFunding) => sumEuros(funding.years.map((year) => year.paid ?? 0));

/** How far a project's money has come, and the amount at that stage (granted money counts once granted). */
export function moneyStage(funding: ProjectFunding): { stage: 'bewilligt' | 'beantragt' | 'geschaetzt'; amount: number } | undefined {
	if (funding.years.length > 0) return { stage: 'bewilligt', amount: grantedOf(funding) };
	if (funding.requested !== undefined) return { stage: 'beantragt', amount: funding.requested };
	if (funding.estimated !== undefined) return { stage: 'geschaetzt', amount: funding.estimated };
	return undefined;
}

/**
 * A project's money as lists show it: granted (if any), applied for (if any, also next to granted money), and the
 * estimate only while nothing is granted or applied for.
 */
export function moneyParts(funding: ProjectFunding): { stage: 'bewilligt' | 'beantragt' | 'geschaetzt'; amount: number }[] {
	const parts: { stage: 'bewilligt' | 'beantragt' | 'geschaetzt'; amount: number }[] = [];
	if (funding.years.length > 0) parts.push({ stage: 'bewilligt', amount: grantedOf(funding) });
	if (funding.requested !== undefined) parts.push({ stage: 'beantragt', amount: funding.requested });
	if (parts.length === 0 && funding.estimated !== undefined) parts.push({ stage: 'geschaetzt', amount: funding.estimated });
	return parts;
}

/** What the totals need to know of a project. */
export interface MoneyProject {
	id: string;
	title: string;
	/** Language of `title` on the page (German where the project is not translated). */
	lang?: string;
	/** The Handlungsfeld, through the project's IHEK goal (one per project, so sums add up). */
	theme: string;
	funding: ProjectFunding;
}

/** A project as a chart lists it: its title, in the language `lang`. */
export type ProjectName = Pick<MoneyProject, 'id' | 'title' | 'lang'>;

/** One row of a total: a fund, a year or a Handlungsfeld, with the projects behind it. */
export interface TotalRow {
	key: string;
	label: string;
	granted: number;
	paid: number;
	projects: ProjectName[];
}

/** One row of the stage total. */
export interface StageRow {
	key: MoneyStage;
	amount: number;
	projects: ProjectName[];
}

export interface FundingOverview {
	granted: number;
	paid: number;
	requested: number;
	estimated: number;
	byFund: TotalRow[];
	byYear: TotalRow[];
	byTheme: TotalRow[];
	byStage: StageRow[];
}

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'de');

/**
 * The district's totals. `funds` and `themes` give the rows' order and names (all are listed, also with 0 €);
 * years are those with granted money, oldest first. Amounts add up in whole cents.
 *
 * Stages: paid out, and granted but not yet paid, come from the granted years; an amount applied for counts as
 * applied for (also next to granted money, e.g. a second phase); an estimate counts only while nothing is granted
 * or applied for.
 */
export function fundingOverview(projects: MoneyProject[], funds: { id: string; label: string }[], themes: { id: string; label: string }[]): FundingOverview {
	const cents = (euros: number) => Math.round(euros * 100);
	type Row = { key: string; label: string; granted: number; paid: number; projects: Map<string, ProjectName> };
	const row = (key: string, label: string): Row => ({ key, label, granted: 0, paid: 0, projects: new Map() });
	const fundRows = new Map(funds.map((f) => [f.id, row(f.id, f.label)]));
	const themeRows = new Map(themes.map((t) => [t.id, row(t.id, t.label)]));
	const yearRows = new Map<number, Row>();
	const stages = new Map(MONEY_STAGES.map((key) => [key, row(key, key)]));
	const add = (target: Row | undefined, project: MoneyProject, granted: number, paid = 0) => {
		if (!target || (granted === 0 && paid === 0)) return;
		target.granted += granted;
		target.paid += paid;
		target.projects.set(project.id, { id: project.id, title: project.title, lang: project.lang });
	};

	for (const project of projects) {
		const { funding } = project;
		const granted = sumEuros(funding.years.map((y) => y.approved));
		const paid = sumEuros(funding.years.map((y) => y.paid ?? 0));
		add(funding.fund ? fundRows.get(funding.fund) : undefined, project, cents(granted), cents(paid));
		add(themeRows.get(project.theme), project, cents(granted), cents(paid));
		for (const year of funding.years) {
			if (!yearRows.has(year.year)) yearRows.set(year.year, row(String(year.year), String(year.year)));
			add(yearRows.get(year.year), project, cents(year.approved), cents(year.paid ?? 0));
		}
		add(stages.get('ausgezahlt'), project, cents(paid));
		add(stages.get('bewilligt'), project, cents(granted) - cents(paid));
		if (funding.requested !== undefined) add(stages.get('beantragt'), project, cents(funding.requested));
		else if (granted === 0 && funding.estimated !== undefined) add(stages.get('geschaetzt'), project, cents(funding.estimated));
	}
	const euros = (value: number) => value / 100;
	const listed = (r: Row) => [...r.projects.values()].sort(byTitle);
	const totals = (rows: Iterable<Row>): TotalRow[] => [...rows].map((r) => ({ key: r.key, label: r.label, granted: euros(r.granted), paid: euros(r.paid), projects: listed(r) }));
	const byStage = MONEY_STAGES.map((key) => {
		const r = stages.get(key) as Row;
		return { key, amount: euros(r.granted), projects: listed(r) };
	});
	const amount = (key: MoneyStage) => byStage.find((s) => s.key === key)?.amount ?? 0;
	return {
		granted: euros(cents(amount('ausgezahlt')) + cents(amount('bewilligt'))),
		paid: amount('ausgezahlt'),
		requested: amount('beantragt'),
		estimated: amount('geschaetzt'),
		byFund: totals(fundRows.values()),
		byYear: totals([...yearRows.values()].sort((a, b) => Number(a.key) - Number(b.key))),
		byTheme: totals(themeRows.values()),
		byStage,
	};
}

/** The row with the most granted money (first of equals), if any has money. */
export function largest(rows: TotalRow[]): TotalRow | undefined {
	return rows.reduce<TotalRow | undefined>((best, r) => (r.granted > (best?.granted ?? 0) ? r : best), undefined);
}

/**
 * A project's money in one line, as cards and key facts show it: the fund's name, then each stage with its amount,
 * e.g. „Aktionsfonds · bewilligt: 4.500 €"; empty when neither is known.
 */
export function fundingLine(funding: ProjectFunding, fundLabel: string | undefined, locale: string | undefined): string {
	const t = useTranslations(locale);
	const { euros } = formatterFor(locale);
	return [fundLabel, ...moneyParts(funding).map((part) => t(`money.card.${part.stage}`, { amount: euros(part.amount) }))].filter(Boolean).join(' · ');
}
