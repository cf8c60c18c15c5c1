/**
 * The participation loop on the built sample site: where can I have a say now (hub and home page, right at build
 * time and, by moving Chromium's clock, right later), who decided what, what came of an idea, where the money goes.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedContext, useBrowser } from '../helpers/browser';
import { entryFiles, idOf, readData } from '../helpers/content';
import { allChances, chancesAt } from '../../src/lib/participation';
import { isPublished } from '../../src/lib/content-logic';
import { parseBerlinDateTime, parseDay } from '../../src/lib/time';
import type { Way } from '../../src/schemas/participation';

const baseUrl = inject('baseUrl');
const buildTime = new Date(inject('buildTime'));
const chromium = useBrowser();

type Raw = Record<string, unknown>;

/** The sample's chances, read from the content files as the build reads them. */
function sampleChances() {
	const day = (value: unknown) => parseDay(value) as Date;
	// A call that appears only later („Erscheint am“) is not on the site yet.
	const calls = entryFiles('aufrufe').flatMap((f) => {
		const data = readData(f) as { title: string; deadline: string; published?: string; ways: Way[] };
		if (!isPublished(data.published === undefined ? undefined : day(data.published), buildTime)) return [];
		return [{ id: idOf(f), data: { ...data, deadline: day(data.deadline) } }];
	});
	const projects = entryFiles('projekte').map((f) => {
		const data = readData(f) as { title: string; participationPeriod?: { from: string; until: string; ways: Way[] } };
		const period = data.participationPeriod;
		return { id: idOf(f), data: { title: data.title, participationPeriod: period && { ...period, from: day(period.from), until: day(period.until) } } };
	});
	const events = entryFiles('termine').map((f) => {
		const data = readData(f) as Raw;
		return { id: idOf(f), data: { title: String(data.title), type: String(data.type), start: parseBerlinDateTime(data.start) as Date, end: parseBerlinDateTime(data.end) as Date } };
	});
	return allChances({ calls, projects, events });
}

/** The link of each chance shown in a list, as „kind:id". */
async function shownChances(page: Page, list = 'time-list .chance-list') {
	const hrefs = await page.locator(`${list} > li:not([hidden]) h2 a, ${list} > li:not([hidden]) h3 a`).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.map((href) => {
		const [, section, id] = /^\/(\w+)\/([^/]+)\/$/.exec(href) ?? [];
		return `${{ aufrufe: 'call', projekte: 'project', termine: 'event' }[section ?? ''] ?? section}:${id}`;
	});
}

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('Jetzt mitreden', () => {
	const expected = chancesAt(sampleChances(), buildTime).open.map((c) => `${c.kind}:${c.entry.id}`);

	test('the hub lists every open chance, soonest first, each with when, how and where to go next – also without JavaScript', async () => {
		expect(expected.length).toBeGreaterThan(2);
		for (const javaScriptEnabled of [true, false]) {
			const { page, errors } = await watchedContext(chromium.browser, { ...phone, javaScriptEnabled });
			const p = await page();
			if (javaScriptEnabled) await p.clock.install({ time: buildTime });
			await p.goto(`${baseUrl}/mitmachen/`);
			expect(await shownChances(p), `JavaScript ${javaScriptEnabled}`).toEqual(expected);
			for (const item of await p.locator('.chance-list > li:not([hidden])').all()) {
				expect(await item.locator('.chance__when time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}/);
				expect(await item.getByText('So geht es:').count()).toBe(1);
				expect(await item.locator('h3 a').count()).toBe(1);
			}
			// A call says how to apply: a link to its steps.
			const call = p.locator('.chance-list > li:not([hidden])', { has: p.locator('a[href^="/aufrufe/"]') }).first();
			expect(await call.locator('.chance__next a').getAttribute('href')).toMatch(/^\/aufrufe\/[^/]+\/#schritte$/);
			expect(errors).toEqual([]);
		}
	});

	test('the home page shows the first three under „Jetzt mitreden"', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.clock.install({ time: buildTime });
		await p.goto(`${baseUrl}/`);
		expect(await p.getByRole('heading', { level: 2, name: 'Jetzt mitreden' }).count()).toBe(1);
		expect(await shownChances(p)).toEqual(expected.slice(0, 3));
		expect(await p.getByRole('link', { name: 'Alle Gelegenheiten zum Mitreden' }).getAttribute('href')).toBe('/mitmachen/');
	});

	test('time moves without a rebuild: a deadline passes, a period has not begun yet', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.clock.install({ time: buildTime });
		await p.goto(`${baseUrl}/mitmachen/`);
		const first = p.locator('time-list .chance-list > li:not([hidden])').first();
		const until = Date.parse((await first.getAttribute('data-until')) ?? '');
		// One minute after the soonest chance closes, it has left the list; the rest keep their order.
		await p.clock.setSystemTime(new Date(until + 60_000));
		await p.reload();
		const later = chancesAt(sampleChances(), new Date(until + 60_000)).open.map((c) => `${c.kind}:${c.entry.id}`);
		expect(await shownChances(p)).toEqual(later);
		expect(later).toEqual(expected.slice(1).filter((c) => later.includes(c)));
		await p.goto(`${baseUrl}/`);
		expect(await shownChances(p)).toEqual(later.slice(0, 3));
		// Before a project's participation period begins, it is not yet on the list. (The clock goes back here only to
		// reach that moment; a page never meets a time before its build, so what had closed by then stays out.)
		const period = p.locator('time-list .chance-list > li[data-from]').first();
		const from = Date.parse((await period.getAttribute('data-from')) ?? '');
		await p.clock.setSystemTime(new Date(from - 60_000));
		await p.goto(`${baseUrl}/mitmachen/`);
		const before = chancesAt(sampleChances().filter((c) => c.until > buildTime), new Date(from - 60_000)).open.map((c) => `${c.kind}:${c.entry.id}`);
		expect(await shownChances(p)).toEqual(before);
		// Far in the future nothing is open, and the page says so.
		await p.clock.setSystemTime(new Date('2099-01-01T00:00:00Z'));
		await p.reload();
		expect(await shownChances(p)).toEqual([]);
		expect(await p.getByText('Gerade läuft keine Beteiligung.').isVisible()).toBe(true);
		expect(errors).toEqual([]);
	});

	test('a call that closes after the build moves to the closed calls and says so on its page', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.clock.install({ time: buildTime });
		await p.goto(`${baseUrl}/aufrufe/`);
		const open = p.locator('time-list li[data-until]:not([hidden])');
		const count = await open.count();
		expect(count).toBeGreaterThan(0);
		const until = Date.parse((await open.first().getAttribute('data-until')) ?? '');
		const link = (await open.first().locator('a').first().getAttribute('href')) ?? '';
		expect(await p.locator(`#closed-calls a[href="${link}"]`).count()).toBe(0);
		await p.clock.setSystemTime(new Date(until + 1000));
		await p.reload();
		expect(await p.locator('time-list li[data-until]:not([hidden])').count()).toBe(count - 1);
		expect(await p.locator(`#closed-calls a[href="${link}"]`).count()).toBe(1);
		expect(await p.locator('#closed-calls').isVisible()).toBe(true);
		await p.goto(`${baseUrl}${link}`);
		expect(await p.getByText('Die Frist ist abgelaufen.').isVisible()).toBe(true);
		await p.clock.setSystemTime(new Date(until - 60_000));
		await p.reload();
		expect(await p.getByText('Die Frist ist abgelaufen.').isVisible()).toBe(false);
	});

	test('a project page says near the top whether residents can have a say: soon, until when, or over', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/trinkbrunnen-lindenplatz/`);
		const status = p.locator('time-state.participation-status');
		const opens = Date.parse((await status.locator('[data-until]').first().getAttribute('data-until')) ?? '');
		const closes = Date.parse((await status.locator('[data-from]').last().getAttribute('data-from')) ?? '');
		const visible = () => status.locator(':scope > :not([hidden])').allTextContents();
		await p.clock.install({ time: new Date(opens - 60_000) });
		await p.reload();
		expect(await visible()).toEqual([expect.stringMatching(/^\s*Mitreden vom 16\. November 2026 bis zum 15\. Januar 2027:/)]);
		await p.clock.setSystemTime(new Date(opens + 60_000));
		await p.reload();
		expect(await visible()).toEqual([expect.stringMatching(/Mitreden bis 15\. Januar 2027:[\s\S]*So geht es: online, schriftlich/)]);
		expect(await status.getByRole('link', { name: 'Online mitreden' }).getAttribute('href')).toBe('https://beteiligung.example.org/leipzig/trinkbrunnen');
		await p.clock.setSystemTime(new Date(closes + 60_000));
		await p.reload();
		expect(await visible()).toEqual([expect.stringContaining('Beteiligung beendet – das Ergebnis folgt.')]);
		// The status comes before the description.
		const order = await p.evaluate(() => {
			const state = document.querySelector('.participation-status');
			const prose = document.querySelector('article .prose');
			return state && prose ? state.compareDocumentPosition(prose) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
		});
		expect(order).toBeTruthy();
	});

	test('a project whose participation is over and has an outcome says what came of it, and does not offer it any more', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 360, height: 800 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/muehlenpark-neugestaltung/`);
		const outcome = (readData('content/projekte/muehlenpark-neugestaltung.de.md') as { participationPeriod: { outcome: string } }).participationPeriod.outcome;
		// What shows (the states the browser may switch to stay hidden).
		const shown = (await p.locator('time-state.participation-status > :not([hidden])').allTextContents()).map((text) => text.replace(/\s+/g, ' ')).join(' ');
		expect(shown).toContain(`Ergebnis der Beteiligung: ${outcome}`);
		expect(shown).not.toContain('Mitreden bis');
		// The project is not among the open chances on the hub.
		await p.goto(`${baseUrl}/mitmachen/`);
		expect(await p.locator('main a[href="/projekte/muehlenpark-neugestaltung/"]').count()).toBe(0);
		expect(errors).toEqual([]);
	});
});

describe('what became of an idea: decisions, steps, results, money', () => {
	test('an idea that came from an event or a call links to it first, and a project with results ends with them', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		const cases = [
			{ project: 'hofbegruenung-weberstrasse', words: 'Die Idee kam beim Termin', link: '/termine/mieterversammlung-weberstrasse-2024/', title: 'Mieterversammlung Weberstraße 20–28' },
			{ project: 'lernwerkstatt-digital', words: 'Die Idee kam als Antwort auf den Aufruf', link: '/aufrufe/projektfonds-ideen-2027/', title: 'Projektfonds: Ideen für größere Vorhaben 2027/2028' },
		];
		for (const { project, words, link, title } of cases) {
			expect(Object.keys((readData(`content/projekte/${project}.de.md`) as { origin: object }).origin), project).toEqual([link.split('/')[1] === 'termine' ? 'event' : 'call']);
			await p.goto(`${baseUrl}/projekte/${project}/`);
			const origin = p.locator('section[aria-labelledby="path-heading"] .timeline > li').first();
			expect(await origin.getAttribute('class'), project).toBe('is-origin');
			expect(await origin.textContent(), project).toContain(words);
			await origin.getByRole('link').click();
			await p.waitForURL(`${baseUrl}${link}`);
			expect(await p.locator('h1').textContent(), project).toBe(title);
		}
		// The results so far close the path.
		await p.goto(`${baseUrl}/projekte/hofbegruenung-weberstrasse/`);
		const results = (readData('content/projekte/hofbegruenung-weberstrasse.de.md') as { results: string }).results;
		const last = p.locator('section[aria-labelledby="path-heading"] .timeline > li').last();
		expect(await last.getAttribute('class')).toBe('is-result');
		expect((await last.textContent())?.replace(/\s+/g, ' ')).toContain(results.replace(/\s+/g, ' '));
		expect(errors).toEqual([]);
	});

	test('the project shows its path with the Quartiersrat vote in it, linked to the decision and its minutes', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/mieterberatung-ausbau/`);
		const path = p.locator('section[aria-labelledby="path-heading"]');
		expect(await path.getByRole('heading', { level: 2, name: 'Was aus der Idee wurde' }).count()).toBe(1);
		const items = await path.locator('.timeline > li').evaluateAll((lis) => lis.map((li) => li.className));
		expect(items[0]).toBe('is-origin');
		expect(items).toContain('is-decision');
		const decision = path.locator('.is-decision').filter({ hasText: 'Votum für den Ausbau der Mieterberatung' });
		expect(await decision.textContent()).toMatch(/Quartiersrat: angenommen · Ja: 12, Nein: 0, Enthaltungen: 1 · 56\.000\s€/);
		await decision.getByRole('link').click();
		await p.waitForURL(/\/beschluesse\/2026-10-21-mieterberatung-votum\/$/);
		expect(await p.locator('h1').textContent()).toBe('Votum für den Ausbau der Mieterberatung');
		expect(await p.getByRole('link', { name: 'Ausbau der Mieterberatung' }).getAttribute('href')).toBe('/projekte/mieterberatung-ausbau/');
		await p.getByRole('link', { name: 'Protokoll der Quartiersratssitzung vom 21. Oktober 2026', exact: true }).click();
		await p.waitForURL(/\/dokumente\/protokoll-quartiersrat-2026-10\/$/);
		const recorded = p.locator('section[aria-labelledby="minutes-decisions"] h3 a');
		expect(await recorded.count()).toBe(3);
		expect(errors).toEqual([]);
	});

	test('an idea shows an estimate, never a grant; granted money shows per year with what is paid', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/trinkbrunnen-lindenplatz/`);
		const box = p.locator('#funding-heading + dl');
		expect(await box.textContent()).toMatch(/Kostenschätzung\s*38\.000\s€ – noch nicht bewilligt/);
		expect(await box.textContent()).not.toMatch(/Bewilligt|Fördersumme/);
		expect(await box.textContent()).toContain('noch offen');
		await p.goto(`${baseUrl}/projekte/bewegte-schulhoefe/`);
		expect(await box.textContent()).toMatch(/Bewilligt\s*295\.000\s€, davon ausgezahlt: 179\.000\s€/);
		expect(await box.textContent()).toMatch(/2026: 120\.000\s€, ausgezahlt: 84\.000\s€/);
		await p.goto(`${baseUrl}/projekte/`);
		expect(await p.locator('.card', { hasText: 'Trinkbrunnen am Lindenplatz' }).textContent()).toMatch(/geschätzt: 38\.000\s€ \(noch nicht bewilligt\)/);
	});

	test('decisions by year and by committee, newest first', async () => {
		const { page } = await watchedContext(chromium.browser, { ...phone, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${baseUrl}/beschluesse/`);
		const all = entryFiles('beschluesse').map((f) => ({ id: idOf(f), ...(readData(f) as { committee: string }) }));
		expect(await p.locator('main .item-list h3 a').count()).toBe(all.length);
		expect(await p.locator('main section h2').allTextContents()).toEqual(['2026', '2025']);
		const dates = await p.locator('main .item-list time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
		expect(dates).toEqual([...dates].sort().reverse());
		await p.getByRole('link', { name: /^Aktionsfonds-Jury \(\d+\)$/ }).click();
		await p.waitForURL(/\/beschluesse\/gremium\/aktionsfondsjury\/$/);
		expect(await p.locator('main .item-list h3 a').count()).toBe(all.filter((d) => d.committee === 'aktionsfondsjury').length);
		expect(await p.locator('.filter-nav [aria-current="page"]').textContent()).toMatch(/^Aktionsfonds-Jury/);
	});

	test('goals by Handlungsfeld with their projects counted; a goal page with indicators and the projects’ steps', async () => {
		// Read as built: the goal pages need no JavaScript.
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${baseUrl}/ziele/`);
		expect(await p.locator('main .card h3 a').count()).toBe(entryFiles('ziele').length);
		const garden = p.locator('.card', { hasText: 'nachbarschaftliche Miteinander' });
		expect(await garden.textContent()).toMatch(/Projekte: 2 abgeschlossen/);
		expect(await garden.textContent()).toMatch(/bewilligt 2\.780\s€/);
		await p.goto(`${baseUrl}/ziele/mieterinnen-schuetzen/`);
		const waiting = p.locator('.indicators > li', { hasText: 'Wartezeit' });
		expect(await waiting.locator('meter').getAttribute('value')).toBe('36');
		expect(await waiting.textContent()).toMatch(/36\s% des Wegs geschafft/);
		expect(await p.getByRole('link', { name: 'Ausbau der Mieterberatung' }).count()).toBe(1);
		expect(await p.locator('main').textContent()).toMatch(/beantragt: 56\.000\s€ \(noch nicht bewilligt\)/);
		// Each project of a goal with its current step and its results so far, as the project files say.
		const projects = entryFiles('projekte').map((f) => ({ id: idOf(f), ...(readData(f) as { ihekGoal: string; phases: { title: string; state: string }[]; results?: string }) }));
		let steps = 0;
		let results = 0;
		for (const goal of ['gruenes-wohnumfeld', 'miteinander-staerken']) {
			await p.goto(`${baseUrl}/ziele/${goal}/`);
			for (const project of projects.filter((project) => project.ihekGoal === goal)) {
				const item = p.locator('main .item-list > li', { has: p.locator(`h3 a[href="/projekte/${project.id}/"]`) });
				const words = (await item.textContent())?.replace(/\s+/g, ' ') ?? '';
				const current = project.phases.find((phase) => phase.state === 'current');
				if (current) expect(words, project.id).toContain(`läuft gerade: ${current.title}`);
				if (project.results) expect(words, project.id).toContain(`Ergebnisse bisher: ${project.results.replace(/\s+/g, ' ')}`);
				steps += current ? 1 : 0;
				results += project.results ? 1 : 0;
			}
		}
		expect(steps).toBeGreaterThan(0);
		expect(results).toBeGreaterThan(0);
		// The decision page and the open data page read fully without JavaScript too.
		await p.goto(`${baseUrl}/beschluesse/2026-10-21-mieterberatung-votum/`);
		expect(await p.locator('h1').textContent()).toBe('Votum für den Ausbau der Mieterberatung');
		expect(await p.locator('main').textContent()).toMatch(/Quartiersrat[\s\S]*angenommen[\s\S]*56\.000\s€/);
		await p.goto(`${baseUrl}/daten/`);
		expect(await p.locator('main a[download]').count()).toBeGreaterThan(6);
		expect(errors).toEqual([]);
	});

	test('where the money goes: four charts drawn at build time, each with its point, table and projects – readable on a phone and in print', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { ...phone, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${baseUrl}/foerderung/`);
		expect(await p.locator('figure.chart').count()).toBe(4);
		expect(await p.locator('figure.chart svg.chart__svg rect.chart__part').count()).toBeGreaterThan(4);
		for (const figure of await p.locator('figure.chart').all()) {
			expect((await figure.locator('.chart__point').textContent())?.length).toBeGreaterThan(30);
			expect(await figure.locator('table tbody tr').count()).toBeGreaterThan(0);
			expect(await figure.locator('.chart__projects a').count()).toBeGreaterThan(0);
		}
		expect(await p.locator('[data-chart="fonds"] .chart__point').textContent()).toMatch(/^Das meiste Geld kommt aus dem Baufonds: 480\.000\s€ von 537\.080\s€ \(89\s%\)\.$/);
		expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
		// SVG text stays inside the chart at 360 px.
		const overflow = await p.locator('.chart__svg text').evaluateAll((texts) => texts.filter((t) => (t as SVGTextElement).getBBox().width > (t.closest('svg') as SVGSVGElement).getBoundingClientRect().width).length);
		expect(overflow).toBe(0);
		await p.emulateMedia({ media: 'print' });
		expect(await p.locator('figure.chart').first().isVisible()).toBe(true);
		// In Windows' high contrast (forced colours) the bars keep a visible fill that differs from the page.
		await p.emulateMedia({ media: 'screen', forcedColors: 'active' });
		const colours = await p.locator('figure.chart rect.chart__part').evaluateAll((rects) => {
			const page = getComputedStyle(document.body).backgroundColor;
			return rects.map((rect) => ({ fill: getComputedStyle(rect).fill, page }));
		});
		expect(colours.length).toBeGreaterThan(4);
		for (const { fill, page } of colours) {
			expect(fill).not.toBe('none');
			expect(fill).not.toBe(page);
		}
		expect(errors).toEqual([]);
	});

	test('the funding notice shows each programme’s logo with its text alternative, on every page', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { ...phone, javaScriptEnabled: false });
		const p = await page();
		const { funding } = readData('content/settings/quartier.yaml') as { funding: { programmes: { logo?: { src: string; alt: string } }[] } };
		const logos = funding.programmes.flatMap((programme) => (programme.logo ? [programme.logo] : []));
		expect(logos.length).toBeGreaterThan(0);
		for (const address of ['/', '/foerderung/', '/ar/projekte/']) {
			await p.goto(`${baseUrl}${address}`);
			const images = p.locator('footer .funding-logos img');
			expect(await images.evaluateAll((imgs) => imgs.map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt') }))), address).toEqual(logos);
		}
		for (const logo of logos) {
			const response = await fetch(`${baseUrl}${logo.src}`);
			expect(response.status, logo.src).toBe(200);
			expect(response.headers.get('content-type'), logo.src).toMatch(/^image\//);
		}
		expect(errors).toEqual([]);
	});

	test('open data page names every file with its licence; the facilities page links its data', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/daten/`);
		expect(await p.getByRole('link', { name: 'Datenlizenz Deutschland – Zero – Version 2.0' }).getAttribute('href')).toBe('https://www.govdata.de/dl-de/zero-2-0');
		for (const file of ['/daten/projekte.json', '/daten/projekte.csv', '/daten/beschluesse.csv', '/daten/foerderung.csv', '/daten/foerderung-summen.csv', '/einrichtungen.geojson', '/einrichtungen.csv', '/daten/projekte.schema.json', '/daten/einrichtungen.schema.json', '/termine/kalender.ics']) {
			expect(await p.locator(`main a[href="${file}"]`).count(), file).toBeGreaterThan(0);
			expect((await fetch(`${baseUrl}${file}`)).status, file).toBe(200);
		}
		// Events are published as the calendar; the page says where subscribing is explained.
		expect(await p.locator('#events-data ~ p a[href="/abonnieren/"]').count()).toBe(1);
		await p.goto(`${baseUrl}/einrichtungen/`);
		expect(await p.locator('main a[href="/einrichtungen.geojson"]').count()).toBe(1);
		expect(await p.locator('main a[href="/daten/"]').count()).toBe(1);
		const axe = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
	});
});

describe('the new pages by keyboard', () => {
	test('every link and control in <main> is reached with Tab, in order, and shows where the focus is', async () => {
		const { page, errors } = await watchedContext(chromium.browser, phone);
		const p = await page();
		for (const path of ['/mitmachen/', '/beschluesse/', '/beschluesse/2026-10-21-mieterberatung-votum/', '/beschluesse/gremium/quartiersrat/', '/ziele/', '/ziele/mieterinnen-schuetzen/', '/foerderung/', '/daten/', '/danke/', '/projekte/trinkbrunnen-lindenplatz/']) {
			await p.goto(`${baseUrl}${path}`);
			// A small map loads when it comes near the viewport (as Tab would bring it): load it first, so its controls count.
			if ((await p.locator('main .map-section--small').count()) > 0) {
				await p.locator('main .map-section--small [data-map]').scrollIntoViewIfNeeded();
				await p.locator('main .map-section--small .leaflet-marker-icon').first().waitFor({ state: 'attached', timeout: 20_000 });
				await p.evaluate(() => window.scrollTo(0, 0));
			}
			// Every visible link and control in <main>, in document order, named by tag and target.
			const expected = await p.locator('main').evaluate((main) =>
				[...main.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')]
					.filter((el) => el.getClientRects().length > 0)
					.map((el) => `${el.tagName}:${el.getAttribute('href') ?? el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30)}`),
			);
			expect(expected.length, path).toBeGreaterThan(2);
			// From the skip link into <main>, then Tab until focus leaves it.
			await p.keyboard.press('Tab');
			await p.keyboard.press('Enter');
			const reached: string[] = [];
			for (let i = 0; i < expected.length + 5; i++) {
				await p.keyboard.press('Tab');
				const focus = await p.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || !el.closest('main')) return null;
					const style = getComputedStyle(el);
					return { key: `${el.tagName}:${el.getAttribute('href') ?? el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30)}`, ring: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
				});
				if (!focus) break;
				expect(focus.ring, `${path} ${focus.key}`).toBe(true);
				reached.push(focus.key);
			}
			expect(reached, path).toEqual(expected);
		}
		expect(errors).toEqual([]);
	}, 90_000);
});
