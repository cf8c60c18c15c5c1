/**
 * /abonnieren/ in Chromium: no axe violations (German and Arabic), the „Kopieren" button copies the address and says
 * so in a status line, and without JavaScript the address is there to select; „In meinen Kalender" on an event page
 * downloads a calendar file that ical.js reads. The new and changed pages pass the Nu HTML checker.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import ICAL from 'ical.js';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, watchedContext } from '../helpers/browser';
import { entryFiles, idOf, readData } from '../helpers/content';
import { parseBerlinDateTime } from '../../src/lib/time';
import { href, paths } from '../../src/lib/routes';
import { de } from '../../src/i18n/de';
import { ar } from '../../src/i18n/ar';

const baseUrl = inject('baseUrl');
const now = new Date(inject('buildTime'));
const chromium = useBrowser();
const settings = readData('content/settings/quartier.yaml') as { siteUrl: string };
/** An event still to come on the sample day, from the content files. */
const upcoming = entryFiles('termine')
	.map((file) => ({ id: idOf(file), data: readData(file) as { title: string; start: string; end: string } }))
	.filter((event) => (parseBerlinDateTime(event.data.end) as Date) > now)
	.sort((a, b) => a.id.localeCompare(b.id))[0]!;

describe('/abonnieren/', () => {
	test('axe finds nothing, in German and Arabic (also on the events pages with their calendar links)', async () => {
		const watched = await watchedContext(chromium.browser);
		const page = await watched.page();
		const problems: string[] = [];
		for (const address of [paths.subscribe, `/ar${paths.subscribe}`, paths.events, href.event(upcoming.id), `/ar${href.event(upcoming.id)}`]) {
			await page.goto(`${baseUrl}${address}`);
			const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			problems.push(...result.violations.map((v) => `${address} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
		}
		expect(problems).toEqual([]);
		expect(watched.foreign).toEqual([]);
		expect(watched.errors).toEqual([]);
		await watched.context.close();
	}, 120_000);

	test('„Kopieren" puts the address on the clipboard and says so; in Arabic too', async () => {
		const watched = await watchedContext(chromium.browser);
		await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
		const page = await watched.page();
		for (const [address, dict] of [[paths.subscribe, de], [`/ar${paths.subscribe}`, ar]] as const) {
			await page.goto(`${baseUrl}${address}`);
			const items = page.locator('copy-address');
			expect(await items.count()).toBeGreaterThan(4);
			// The calendar of all events, by its address.
			const item = items.filter({ has: page.locator(`input[value="${new URL(paths.calendar, settings.siteUrl).href}"]`) });
			const button = item.getByRole('button', { name: new RegExp(`^${dict['follow.copy']}`) });
			await button.click();
			await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(paths.calendar, settings.siteUrl).href);
			await expect.poll(() => item.getByRole('status').textContent()).toBe(dict['follow.copied']);
			// The next copy replaces it.
			await items.first().getByRole('button').click();
			await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await items.first().locator('input').inputValue());
		}
		expect(watched.errors).toEqual([]);
		await watched.context.close();
	});

	test('without JavaScript every address is a labelled field to select, and no dead button shows', async () => {
		const watched = await watchedContext(chromium.browser, { javaScriptEnabled: false });
		const page = await watched.page();
		await page.goto(`${baseUrl}${paths.subscribe}`);
		const fields = page.locator('copy-address input');
		expect(await fields.count()).toBeGreaterThan(4);
		for (const field of await fields.all()) {
			expect(await field.inputValue()).toMatch(/^https:\/\//);
			expect(await field.getAttribute('readonly')).not.toBeNull();
			expect((await field.evaluate((input: HTMLInputElement) => input.labels?.[0]?.textContent ?? '')).length).toBeGreaterThan(3);
		}
		expect(await page.locator('copy-address button:visible').count()).toBe(0);
		await watched.context.close();
	});
});

describe('„In meinen Kalender"', () => {
	test('on an event page downloads the event as a calendar file that ical.js reads', async () => {
		const watched = await watchedContext(chromium.browser, { acceptDownloads: true });
		const page = await watched.page();
		await page.goto(`${baseUrl}${href.event(upcoming.id)}`);
		const link = page.locator('main .event-calendar a');
		expect(await link.textContent()).toBe(de['follow.addToCalendar']);
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe(`${upcoming.id}.ics`);
		const file = await download.path();
		const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
		for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
		const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
		expect(events.map((event) => event.uid)).toEqual([`${upcoming.id}@${new URL(settings.siteUrl).host}`]);
		expect(events[0]?.summary).toBe(upcoming.data.title);
		expect(events[0]?.startDate.toJSDate().getTime()).toBe((parseBerlinDateTime(upcoming.data.start) as Date).getTime());
		await watched.context.close();
	});

	test('each event in the list of coming events offers its own file', async () => {
		const watched = await watchedContext(chromium.browser);
		const page = await watched.page();
		await page.clock.install({ time: now });
		await page.goto(`${baseUrl}${paths.events}`);
		const links = page.locator('#upcoming-heading ~ time-list .event__calendar a');
		expect(await links.count()).toBeGreaterThan(0);
		for (const link of await links.all()) {
			const event = await link.evaluate((a) => a.closest('li')?.querySelector('.event__title a')?.getAttribute('href'));
			expect(await link.getAttribute('href')).toBe(`${event}kalender.ics`);
			expect(await link.getAttribute('download')).toMatch(/\.ics$/);
		}
		// Past events do not offer one.
		expect(await page.locator('.past-list .event__calendar a:visible').count()).toBe(0);
		await watched.context.close();
	});
});
