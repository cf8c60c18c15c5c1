/** The pure rules behind „Jetzt mitreden", the time windows the browser re-applies, and the money totals. */
import { describe, expect, test } from 'vitest';
import { endOfBerlinDay, startOfBerlinDay } from '../../src/lib/time';
import { within } from '../../src/lib/time-window';
import { allChances, chancesAt, periodState } from '../../src/lib/participation';
import { fundingOverview, grantedOf, largest, moneyStage, paidOf, sumEuros, type MoneyProject } from '../../src/lib/money';
import type { Way } from '../../src/schemas/participation';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('a day lasts until midnight in Berlin', () => {
	test('in winter and in summer, and across the clock changes', () => {
		expect(endOfBerlinDay(day('2026-11-30')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
		expect(endOfBerlinDay(day('2026-07-15')).toISOString()).toBe('2026-07-15T22:00:00.000Z');
		// The last Saturday of March ends in winter time; the last Saturday of October in summer time.
		expect(endOfBerlinDay(day('2026-03-28')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(endOfBerlinDay(day('2026-10-24')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
		expect(endOfBerlinDay(day('2026-12-31')).toISOString()).toBe('2026-12-31T23:00:00.000Z');
		expect(startOfBerlinDay(day('2026-12-01')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
	});
	test('a window holds from its start (inclusive) until its end (exclusive), either side may be open', () => {
		const until = endOfBerlinDay(day('2026-11-30'));
		expect(within(new Date('2026-11-30T22:59:59Z'), { until })).toBe(true);
		expect(within(new Date('2026-11-30T23:00:00Z'), { until })).toBe(false);
		expect(within(Date.parse('2026-12-01T00:00:00Z'), { from: '2026-12-01T00:00:00Z' })).toBe(true);
		expect(within(Date.parse('2026-11-30T23:59:59Z'), { from: '2026-12-01T00:00:00Z', until: '2027-01-01T00:00:00Z' })).toBe(false);
		expect(within(0, {})).toBe(true);
	});
});

describe('Jetzt mitreden', () => {
	const ways: Way[] = ['schriftlich'];
	const calls = [
		{ id: 'aktionsfonds', data: { title: 'Aktionsfonds', deadline: day('2027-01-31'), ways } },
		{ id: 'alt', data: { title: 'Alter Aufruf', deadline: day('2026-11-15'), ways } },
	];
	const projects = [
		{ id: 'park', data: { title: 'Park', participationPeriod: { from: day('2026-07-01'), until: day('2026-11-30'), ways: ['forum'] as Way[] } } },
		{ id: 'brunnen', data: { title: 'Brunnen', participationPeriod: { from: day('2026-11-16'), until: day('2027-01-15'), ways: ['online'] as Way[] } } },
		{ id: 'werkstatt', data: { title: 'Werkstatt', participationPeriod: { from: day('2026-12-10'), until: day('2027-02-10'), ways } } },
		{ id: 'ohne', data: { title: 'Ohne Beteiligung' } },
	];
	const events = [
		{ id: 'rat', data: { title: 'Quartiersrat', type: 'quartiersrat', start: new Date('2026-12-09T17:00:00Z'), end: new Date('2026-12-09T19:30:00Z') } },
		{ id: 'fest', data: { title: 'Fest', type: 'fest', start: new Date('2026-12-05T13:00:00Z'), end: new Date('2026-12-05T18:00:00Z') } },
		{ id: 'sprechstunde', data: { title: 'Sprechstunde', type: 'sprechstunde', start: new Date('2026-12-07T13:00:00Z'), end: new Date('2026-12-07T15:00:00Z') } },
	];
	const chances = allChances({ calls, projects, events });

	test('calls, periods and participation events in one list, soonest first; a festival is no chance to have a say', () => {
		expect(chances.map((c) => `${c.kind}:${c.entry.id}`)).toEqual([
			'call:alt',
			'project:park',
			'event:sprechstunde',
			'event:rat',
			'project:brunnen',
			'call:aktionsfonds',
			'project:werkstatt',
		]);
		expect(chances.find((c) => c.entry.id === 'sprechstunde')?.ways).toEqual(['persoenlich']);
		expect(chances.find((c) => c.entry.id === 'rat')?.ways).toEqual(['forum']);
	});

	test('on 1 December: ended ones are out, a period that starts later waits', () => {
		const { open, later } = chancesAt(chances, new Date('2026-12-01T09:00:00Z'));
		expect(open.map((c) => c.entry.id)).toEqual(['sprechstunde', 'rat', 'brunnen', 'aktionsfonds']);
		expect(later.map((c) => c.entry.id)).toEqual(['werkstatt']);
	});

	test('the last day of a period counts until midnight, Berlin time', () => {
		const park = chances.filter((c) => c.entry.id === 'park');
		expect(chancesAt(park, new Date('2026-11-30T22:30:00Z')).open).toHaveLength(1);
		expect(chancesAt(park, new Date('2026-11-30T23:00:00Z')).open).toHaveLength(0);
	});

	test('a project period is soon, open, then over', () => {
		const period = { from: day('2026-12-10'), until: day('2027-02-10') };
		expect(periodState(period, new Date('2026-12-09T22:59:00Z'))).toBe('soon');
		expect(periodState(period, new Date('2026-12-09T23:00:00Z'))).toBe('open');
		expect(periodState(period, new Date('2027-02-10T22:59:00Z'))).toBe('open');
		expect(periodState(period, new Date('2027-02-10T23:00:00Z'))).toBe('over');
	});
});

describe('where the money goes', () => {
	const funds = [
		{ id: 'aktionsfonds', label: 'Aktionsfonds' },
		{ id: 'baufonds', label: 'Baufonds' },
		{ id: 'netzwerkfonds', label: 'Netzwerkfonds' },
	];
	const themes = [
		{ id: 'umwelt', label: 'Umwelt' },
		{ id: 'wohnen', label: 'Wohnen' },
	];
	const projects: MoneyProject[] = [
		{ id: 'hof', title: 'Hof', theme: 'umwelt', funding: { fund: 'baufonds', years: [{ year: 2025, approved: 40000, paid: 40000 }, { year: 2026, approved: 95000, paid: 61000 }] } },
		{ id: 'garten', title: 'Garten', theme: 'umwelt', funding: { fund: 'aktionsfonds', years: [{ year: 2026, approved: 1280, paid: 1280 }] } },
		{ id: 'beratung', title: 'Beratung', theme: 'wohnen', funding: { fund: 'netzwerkfonds', estimated: 60000, requested: 56000, years: [] } },
		{ id: 'brunnen', title: 'Brunnen', theme: 'umwelt', funding: { estimated: 38000, years: [] } },
	];
	const overview = fundingOverview(projects, funds, themes);

	test('an idea has a stage but no granted money', () => {
		expect(moneyStage(projects[3]!.funding)).toEqual({ stage: 'geschaetzt', amount: 38000 });
		expect(moneyStage(projects[2]!.funding)).toEqual({ stage: 'beantragt', amount: 56000 });
		expect(moneyStage(projects[0]!.funding)).toEqual({ stage: 'bewilligt', amount: 135000 });
		expect(grantedOf(projects[3]!.funding)).toBe(0);
		expect(paidOf(projects[0]!.funding)).toBe(101000);
	});

	test('totals by fund, year and Handlungsfeld count granted money only, each euro once', () => {
		expect(overview.granted).toBe(136280);
		expect(overview.paid).toBe(102280);
		expect(overview.byFund.map((r) => [r.key, r.granted, r.paid])).toEqual([
			['aktionsfonds', 1280, 1280],
			['baufonds', 135000, 101000],
			['netzwerkfonds', 0, 0],
		]);
		expect(overview.byYear.map((r) => [r.key, r.granted, r.paid])).toEqual([
			['2025', 40000, 40000],
			['2026', 96280, 62280],
		]);
		expect(overview.byTheme.map((r) => [r.key, r.granted])).toEqual([
			['umwelt', 136280],
			['wohnen', 0],
		]);
		for (const rows of [overview.byFund, overview.byYear, overview.byTheme]) expect(rows.reduce((s, r) => s + r.granted, 0)).toBe(overview.granted);
		expect(overview.byYear[1]?.projects.map((p) => p.id)).toEqual(['garten', 'hof']);
	});

	test('stages: paid out, granted but not yet paid, applied for, only estimated – disjoint', () => {
		expect(overview.byStage.map((s) => [s.key, s.amount, s.projects.map((p) => p.id)])).toEqual([
			['ausgezahlt', 102280, ['garten', 'hof']],
			['bewilligt', 34000, ['hof']],
			['beantragt', 56000, ['beratung']],
			['geschaetzt', 38000, ['brunnen']],
		]);
		expect(overview.requested).toBe(56000);
		expect(overview.estimated).toBe(38000);
		expect(largest(overview.byFund)?.key).toBe('baufonds');
		expect(largest(fundingOverview([], funds, themes).byFund)).toBeUndefined();
	});

	test('euros add up to the cent; a second request next to granted money counts as applied for, not lost', () => {
		expect(sumEuros([9900.1, 9900.2])).toBe(19800.3);
		expect(0.1 + 0.2).not.toBe(0.3);
		const phase2: MoneyProject = { id: 'hof2', title: 'Hof 2', theme: 'umwelt', funding: { fund: 'baufonds', estimated: 90000, requested: 50000.5, years: [{ year: 2026, approved: 1000.1, paid: 1000.1 }, { year: 2027, approved: 2000.2 }] } };
		const overview = fundingOverview([phase2], funds, themes);
		expect(overview.granted).toBe(3000.3);
		expect(overview.byStage.map((s) => [s.key, s.amount])).toEqual([
			['ausgezahlt', 1000.1],
			['bewilligt', 2000.2],
			['beantragt', 50000.5],
			['geschaetzt', 0],
		]);
		expect(overview.byYear.map((r) => r.granted)).toEqual([1000.1, 2000.2]);
	});
});

describe('progress towards an IHEK goal', () => {
	test('rising and falling targets, passed targets, nothing measured', async () => {
		const { progressOf } = await import('../../src/lib/goals');
		expect(progressOf({ baseline: 410, target: 500, current: 455 })).toBe(0.5);
		expect(progressOf({ baseline: 21, target: 7, current: 14 })).toBe(0.5);
		expect(progressOf({ baseline: 12, target: 20, current: 22 })).toBe(1.25);
		expect(progressOf({ baseline: 12, target: 20, current: 10 })).toBe(-0.25);
		expect(progressOf({ baseline: 0, target: 3 })).toBeUndefined();
		expect(progressOf({ baseline: 3, target: 3, current: 3 })).toBeUndefined();
	});
});

describe('a project path: decisions between the steps', () => {
	test('a decision stands before the first step that starts after it; on the same day, after that step; after the last', async () => {
		const { stepsWithDecisions } = await import('../../src/lib/content-logic');
		const steps = [{ start: day('2025-04-01'), name: 'Bedarf' }, { start: day('2025-11-19'), name: 'Votum' }, { start: day('2025-12-01'), name: 'Planung' }];
		const decision = (date: string, name: string) => ({ data: { date: day(date) }, name });
		const path = stepsWithDecisions(steps, [decision('2026-03-02', 'Bescheid'), decision('2025-11-19', 'Votum QR'), decision('2025-01-10', 'Vorher'), decision('2027-05-01', 'Danach')]);
		expect(path.map((item) => (item.kind === 'phase' ? item.phase.name : `[${item.decision.name}]`))).toEqual(['[Vorher]', 'Bedarf', 'Votum', '[Votum QR]', 'Planung', '[Bescheid]', '[Danach]']);
	});
});

describe('the page a barrier report is about', () => {
	test('only a path of this site is taken from the address', async () => {
		const { pageFromQuery } = await import('../../src/lib/forms');
		expect(pageFromQuery('?seite=%2Fprojekte%2Fmuehlenpark%2F')).toBe('/projekte/muehlenpark/');
		expect(pageFromQuery('?seite=/termine/')).toBe('/termine/');
		expect(pageFromQuery('?seite=https%3A%2F%2Fboese.example%2F')).toBe('');
		expect(pageFromQuery('?seite=%2F%2Fboese.example%2F')).toBe('');
		expect(pageFromQuery('?seite=javascript:alert(1)')).toBe('');
		expect(pageFromQuery('?seite=%2Fa%20b')).toBe('');
		expect(pageFromQuery(`?seite=/${'x'.repeat(400)}`)).toBe('');
		expect(pageFromQuery('')).toBe('');
	});
});
