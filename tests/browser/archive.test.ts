/**
 * Archive mode (Verstetigung): the sample built with `archive` filled in the settings (a temporary copy of content/)
 * stays readable as a record, says on every page since when it is an archive and who to contact now, has no form and
 * no open call, lists no coming events – also when the browser re-checks the time –, prints no notice for a call or a
 * coming event, and passes axe and the Nu checker.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { nuErrors } from '../helpers/nu';
import { parse, stringify } from 'yaml';
import { htmlPages } from '../../src/integrations/built-pages';
import { runAstro } from '../helpers/run';
import { serveStatic, type Running } from '../helpers/servers';
import { useBrowser, watchedContext } from '../helpers/browser';
import { entryFiles, idOf, readData } from '../helpers/content';
import Parser from 'rss-parser';
import ICAL from 'ical.js';
import { fill } from '../../src/i18n/fill';
import { de, type UiStrings } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';
import { tr } from '../../src/i18n/tr';
import { ar } from '../../src/i18n/ar';
import { formatterFor } from '../../src/lib/format';
import { parseBerlinDateTime, parseDay, startOfBerlinDay } from '../../src/lib/time';

const DICTIONARIES: Record<string, UiStrings> = { de, en, tr, ar };

const buildTime = inject('buildTime');
const chromium = useBrowser();
const ARCHIVE = { since: '2026-11-30', contact: 'Amt für Stadterneuerung und Wohnungsbauförderung, Prager Straße 118, 04317 Leipzig', phone: '0341 1234567', email: 'stadterneuerung@example.org' };

let work = '';
let outDir = '';
let site: Running;
let pages: { path: string; file: string }[] = [];

beforeAll(async () => {
	work = mkdtempSync(path.join(tmpdir(), 'quartier-archive-'));
	const content = path.join(work, 'content');
	cpSync('content', content, { recursive: true });
	const settingsFile = path.join(content, 'settings', 'quartier.yaml');
	writeFileSync(settingsFile, stringify({ ...(parse(readFileSync(settingsFile, 'utf8')) as object), archive: ARCHIVE }));
	outDir = path.join(work, 'dist');
	const build = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: content, QUARTIER_NOW: buildTime });
	if (build.code !== 0) throw new Error(`Archive build failed:\n${build.output}`);
	pages = (await htmlPages(outDir)).filter((page) => !page.path.startsWith('/admin/'));
	site = await serveStatic(outDir);
}, 300_000);

afterAll(async () => {
	await site?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

const html = (page: string) => readFileSync(path.join(outDir, page, 'index.html'), 'utf8');

describe('a site in archive mode', () => {
	test('every page, in every language, says since when it is an archive and who to contact now', () => {
		expect(pages.length).toBeGreaterThan(400);
		for (const { path: page, file } of pages) {
			const text = readFileSync(file, 'utf8');
			expect(text, page).toContain('class="archive-banner"');
			expect(text, page).toContain(ARCHIVE.contact);
			expect(text, page).toContain('href="tel:03411234567"');
		}
		expect(html('/')).toContain('Das Quartiersmanagement hat seine Arbeit am 30. November 2026 beendet.');
		expect(html('/en/')).toContain('The neighbourhood management ended its work on 30 November 2026.');
	});

	test('no form takes anything in, and Netlify gets no forms to register', () => {
		for (const { path: page, file } of pages) expect(readFileSync(file, 'utf8'), page).not.toMatch(/<form[^>]*method="post"/i);
		expect(existsSync(path.join(outDir, 'netlify-formulare.html'))).toBe(false);
		// Where a form stood, the office's address stands (the settings' contact, which the office keeps current).
		expect(html('/mitmachen/idee/')).toMatch(/href="mailto:/);
	});

	test('no call is open and nothing to have a say in is offered; the record stays', () => {
		const calls = html('/aufrufe/');
		const open = calls.slice(calls.indexOf('id="open-calls"'), calls.indexOf('id="closed-calls-heading"'));
		expect(open).not.toContain('<article');
		for (const file of entryFiles('aufrufe')) {
			const id = idOf(file);
			if (!existsSync(path.join(outDir, 'aufrufe', id))) continue; // not out yet on the build day
			expect(calls).toContain(`href="/aufrufe/${id}/"`);
		}
		const hub = html('/mitmachen/');
		expect(hub).toContain('Seit dem Ende des Quartiersmanagements gibt es hier keine Beteiligung mehr.');
		expect(hub).not.toContain('href="/mitmachen/idee/"');
		expect(html('/')).not.toContain('id="now-heading"');
		// A project whose participation period runs on says it is over, and keeps its steps and decisions.
		const project = html('/projekte/lernwerkstatt-digital/');
		expect(project).not.toContain('class="box box--participate"');
		expect(project).toContain('Beteiligung beendet');
		expect(existsSync(path.join(outDir, 'beschluesse', 'index.html'))).toBe(true);
		expect(existsSync(path.join(outDir, 'dokumente', 'index.html'))).toBe(true);
	});

	test('coming events leave every list, also when the browser checks the time', async () => {
		expect(html('/termine/')).not.toContain('id="upcoming-heading"');
		expect(html('/')).not.toContain('id="events-heading"');
		// Neither the place of a coming event names it, nor does its own page offer it for the calendar.
		const coming = entryFiles('termine')
			.map((file) => ({ id: idOf(file), ...(readData(file) as { end: unknown; place: { facility?: string } }) }))
			.filter((event) => (parseBerlinDateTime(event.end) as Date) > new Date(buildTime));
		expect(coming.filter((event) => event.place.facility).length).toBeGreaterThan(0);
		for (const event of coming) {
			expect(html(`/termine/${event.id}/`), event.id).not.toContain('/kalender.ics');
			if (event.place.facility) expect(html(`/einrichtungen/${event.place.facility}/`), event.id).not.toContain(`href="/termine/${event.id}/"`);
		}
		const watched = await watchedContext(chromium.browser);
		const page = await watched.page();
		await page.clock.install({ time: new Date(buildTime) });
		for (const address of ['/termine/', '/projekte/lernwerkstatt-digital/', '/aufrufe/']) {
			await page.goto(`${site.url}${address}`);
			await page.clock.runFor(1000);
			expect(await page.locator('.box--participate, #upcoming-heading, .event-list:not(.past-list) li:visible').count(), address).toBe(0);
		}
		// A day before the period's start would reopen it in a working site; the archive keeps it over.
		await page.clock.setSystemTime(new Date('2027-01-10T10:00:00Z'));
		await page.goto(`${site.url}/projekte/lernwerkstatt-digital/`);
		await expect.poll(() => page.getByText('Beteiligung beendet').first().isVisible()).toBe(true);
		// A call whose deadline is still ahead stays closed in the browser too.
		await page.goto(`${site.url}/aufrufe/aktionsfonds-2027/`);
		await page.clock.runFor(1000);
		expect(await page.getByText('Die Frist ist abgelaufen.').isVisible()).toBe(true);
		expect(watched.errors).toEqual([]);
		await watched.context.close();
	});

	test('printable notices: none for calls or coming events (nothing to invite to); past events and news keep theirs, with the contact for now', () => {
		let past = 0;
		for (const file of entryFiles('termine')) {
			const id = idOf(file);
			const { end } = readData(file) as { end: unknown };
			const over = (parseBerlinDateTime(end) as Date) < new Date(buildTime);
			for (const prefix of ['', '/ar']) expect(existsSync(path.join(outDir, `${prefix}/termine/${id}/aushang/index.html`)), `${prefix}/termine/${id}/aushang/`).toBe(over);
			expect(html(`/termine/${id}/`).includes(`href="/termine/${id}/aushang/"`), id).toBe(over);
			if (over) past++;
		}
		expect(past).toBeGreaterThan(0);
		for (const file of entryFiles('aufrufe')) {
			const id = idOf(file);
			expect(existsSync(path.join(outDir, 'aufrufe', id, 'aushang')), id).toBe(false);
			if (existsSync(path.join(outDir, 'aufrufe', id))) expect(html(`/aufrufe/${id}/`)).not.toContain('/aushang/');
		}
		const news = pages.filter((page) => /^\/aktuelles\/[^/]+\/aushang\/$/.test(page.path));
		expect(news.length).toBeGreaterThan(5);
		const sheet = readFileSync(news[0]?.file ?? '', 'utf8');
		expect(sheet.slice(sheet.indexOf('class="aushang__ask"'))).toContain(ARCHIVE.contact);
	});

	test('the network names no next meeting and no coming dates, only the rule', () => {
		const list = html('/netzwerk/');
		expect(list).toContain('id="netzwerk-ag-gruen-und-freiraum"');
		expect(list).not.toContain('data-next-meeting');
		const group = html('/netzwerk/ag-gruen-und-freiraum/');
		expect(group).toContain('jeden 2. Dienstag im Monat, 17 Uhr');
		expect(group).not.toContain('class="meeting-dates"');
		expect(group).not.toContain('Nächstes Treffen');
	});

	test('axe finds nothing on the pages archive mode changes, in German and Arabic', async () => {
		const watched = await watchedContext(chromium.browser);
		const page = await watched.page();
		const changed = ['/', '/termine/', '/mitmachen/', '/mitmachen/idee/', '/kontakt/', '/barrierefreiheit/', '/aufrufe/', '/aufrufe/aktionsfonds-2027/', '/projekte/lernwerkstatt-digital/', '/datenschutz/', '/netzwerk/ag-gruen-und-freiraum/'];
		const problems: string[] = [];
		for (const address of changed.flatMap((p) => [p, `/ar${p}`])) {
			await page.goto(`${site.url}${address}`);
			const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			problems.push(...result.violations.map((v) => `${address} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
		}
		expect(problems).toEqual([]);
		await watched.context.close();
	}, 180_000);

	test('the Nu HTML checker finds no error on any page', async () => {
		expect(await nuErrors(pages.map((p) => p.file))).toEqual([]);
	}, 300_000);

	test('every feed ends with an item saying since when the site is an archive; calls and calendars list nothing to come', async () => {
		const feeds = (readdirSync(outDir, { recursive: true }) as string[]).filter((name) => name.endsWith('feed.xml'));
		expect(feeds.length).toBeGreaterThan(4);
		const parser = new Parser();
		for (const name of feeds) {
			const lang = ['en', 'tr', 'ar'].find((code) => name.startsWith(`${code}${path.sep}`)) ?? 'de';
			const [newest, ...rest] = (await parser.parseString(readFileSync(path.join(outDir, name), 'utf8'))).items;
			expect(newest?.title, name).toBe(fill((DICTIONARIES[lang] ?? de)['archive.feedTitle'], { date: formatterFor(lang).day(parseDay(ARCHIVE.since) as Date) }));
			expect(newest?.content, name).toContain(ARCHIVE.contact);
			// Dated from the archive's first day, or from the newest item where one is dated later: always first.
			const dates = rest.map((item) => new Date(item.pubDate ?? 0).getTime());
			expect(new Date(newest!.pubDate!).getTime(), name).toBe(Math.max(startOfBerlinDay(parseDay(ARCHIVE.since) as Date).getTime(), ...dates));
			if (name.endsWith(`aufrufe${path.sep}feed.xml`)) expect(rest, name).toEqual([]);
		}
		const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(outDir, 'termine', 'kalender.ics'), 'utf8')));
		for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
		const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
		expect(events.length).toBeGreaterThan(0);
		for (const event of events) expect(event.endDate.toJSDate().getTime(), event.uid).toBeLessThanOrEqual(new Date(buildTime).getTime());
	});
});
