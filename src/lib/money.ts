/**
 * Where the money goes: what a project has been granted and paid, how far its money has come, and the district's
 * totals by fund, year, Handlungsfeld and stage. Pure: pages, the open data files and the tests compute with it.
 *
 * Only granted money (bewilligt, per year) counts as funding. A project's money is at exactly one stage, the
 * furthest it has reached: granted (then split into paid out and not yet paid out), applied for, or only
 * estimated. So the four stage totals never count a euro twice and add up to all the money in play.
 */
import type { ProjectFunding } from '../schemas/projects';

/** Stages of a project's money, furthest first. */
export const MONEY_STAGES = ['ausgezahlt', 'bewilligt', 'beantragt', 'geschaetzt'] as const;
export type MoneyStage = (typeof MONEY_STAGES)[number];

/** Granted money over all years. */
export const grantedOf = (funding: ProjectFunding) => funding.years.reduce((sum, year) => sum + year.approved, 0);
/** Paid-out money over all years. */
export const paidOf = (funding: ProjectFunding) => funding.years.reduce((sum, year) => sum + (year.paid ?? 0), 0);

/** How far a project's money has come, and the amount at that stage (granted money counts once granted). */
export function moneyStage(funding: ProjectFunding): { stage: 'bewilligt' | 'beantragt' | 'geschaetzt'; amount: number } | undefined {
	if (funding.years.length > 0) return { stage: 'bewilligt', amount: grantedOf(funding) };
	if (funding.requested !== undefined) return { stage: 'beantragt', amount: funding.requested };
	if (funding.estimated !== undefined) return { stage: 'geschaetzt', amount: funding.estimated };
	return undefined;
}

/** What the totals need to know of a project. */
export interface MoneyProject {
	id: string;
	title: string;
	/** The Handlungsfeld, through the project's IHEK goal (one per project, so sums add up). */
	theme: string;
	funding: ProjectFunding;
}

/** One row of a total: a fund, a year or a Handlungsfeld, with the projects behind it. */
export interface TotalRow {
	key: string;
	label: string;
	granted: number;
	paid: number;
	projects: { id: string; title: string }[];
}

/** One row of the stage total. */
export interface StageRow {
	key: MoneyStage;
	amount: number;
	projects: { id: string; title: string }[];
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
 * years are those with granted money, oldest first.
 */
export function fundingOverview(projects: MoneyProject[], funds: { id: string; label: string }[], themes: { id: string; label: string }[]): FundingOverview {
	const row = (key: string, label: string): TotalRow => ({ key, label, granted: 0, paid: 0, projects: [] });
	const fundRows = new Map(funds.map((f) => [f.id, row(f.id, f.label)]));
	const themeRows = new Map(themes.map((t) => [t.id, row(t.id, t.label)]));
	const yearRows = new Map<number, TotalRow>();
	const stages = new Map<MoneyStage, StageRow>(MONEY_STAGES.map((key) => [key, { key, amount: 0, projects: [] }]));
	const add = (target: TotalRow | undefined, project: MoneyProject, granted: number, paid: number) => {
		if (!target) return;
		target.granted += granted;
		target.paid += paid;
		if (!target.projects.some((p) => p.id === project.id)) target.projects.push({ id: project.id, title: project.title });
	};
	const addStage = (key: MoneyStage, amount: number, project: MoneyProject) => {
		const stage = stages.get(key) as StageRow;
		stage.amount += amount;
		stage.projects.push({ id: project.id, title: project.title });
	};

	for (const project of projects) {
		const { funding } = project;
		const granted = grantedOf(funding);
		const paid = paidOf(funding);
		if (granted > 0) {
			add(funding.fund ? fundRows.get(funding.fund) : undefined, project, granted, paid);
			add(themeRows.get(project.theme), project, granted, paid);
			for (const year of funding.years) {
				if (!yearRows.has(year.year)) yearRows.set(year.year, row(String(year.year), String(year.year)));
				add(yearRows.get(year.year), project, year.approved, year.paid ?? 0);
			}
			if (paid > 0) addStage('ausgezahlt', paid, project);
			if (granted > paid) addStage('bewilligt', granted - paid, project);
		} else {
			const stage = moneyStage(funding);
			if (stage) addStage(stage.stage, stage.amount, project);
		}
	}
	const sorted = (rows: Iterable<TotalRow>) => [...rows].map((r) => ({ ...r, projects: r.projects.sort(byTitle) }));
	const byStage = [...stages.values()].map((s) => ({ ...s, projects: s.projects.sort(byTitle) }));
	const amount = (key: MoneyStage) => byStage.find((s) => s.key === key)?.amount ?? 0;
	return {
		granted: amount('ausgezahlt') + amount('bewilligt'),
		paid: amount('ausgezahlt'),
		requested: amount('beantragt'),
		estimated: amount('geschaetzt'),
		byFund: sorted(fundRows.values()),
		byYear: sorted([...yearRows.values()].sort((a, b) => Number(a.key) - Number(b.key))),
		byTheme: sorted(themeRows.values()),
		byStage,
	};
}

/** The row with the most granted money (first of equals), if any has money. */
export function largest(rows: TotalRow[]): TotalRow | undefined {
	return rows.reduce<TotalRow | undefined>((best, r) => (r.granted > (best?.granted ?? 0) ? r : best), undefined);
}
