/**
 * The partner network in Chromium: accessible in German and Arabic; the next meeting moves on with the reader's
 * clock without a new build; without JavaScript the build's next meeting stays.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, watchedContext } from '../helpers/browser';
import { readData } from '../helpers/content';
import { meetingDate, nextOccurrence, nextOccurrences, type RecurrenceRule } from '../../src/lib/recurrence';

const baseUrl = inject('baseUrl');
const buildTime = new Date(inject('buildTime'));
const chromium = useBrowser();

const GROUP = 'ag-gruen-und-freiraum';
const rule = (readData(`content/netzwerk/${GROUP}.de.md`) as { meeting: RecurrenceRule }).meeting;
const first = nextOccurrence(rule, buildTime) as Date;
const card = `#netzwerk-${GROUP}`;
const visibleNext = `${card} [data-next-meeting]:visible time`;

describe('the network in the browser', () => {
	test('axe finds nothing on /netzwerk/ and a group’s page, in German and Arabic', async () => {
		const watched = await watchedContext(chromium.browser);
		const page = await watched.page();
		const problems: string[] = [];
		for (const address of ['/netzwerk/', `/netzwerk/${GROUP}/`, '/ar/netzwerk/', `/ar/netzwerk/${GROUP}/`]) {
			await page.goto(`${baseUrl}${address}`);
			const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			problems.push(...result.violations.map((v) => `${address} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
		}
		expect(problems).toEqual([]);
		expect(watched.errors).toEqual([]);
		expect(watched.foreign).toEqual([]);
		await watched.context.close();
	}, 120_000);

	test('past the next meeting, the next date moves on without a new build – on the list and on the group’s page', async () => {
		const watched = await watchedContext(chromium.browser);
		const page = await watched.page();
		await page.clock.install({ time: buildTime });
		await page.goto(`${baseUrl}/netzwerk/`);
		await expect.poll(() => page.locator(visibleNext).getAttribute('datetime')).toBe(first.toISOString());
		// An hour after the meeting began, the reader's day has the next one.
		const later = new Date(first.getTime() + 3_600_000);
		const second = nextOccurrence(rule, later) as Date;
		expect(second.getTime()).toBeGreaterThan(first.getTime());
		await page.clock.setSystemTime(later);
		await page.reload();
		await expect.poll(() => page.locator(visibleNext).getAttribute('datetime')).toBe(second.toISOString());
		expect(await page.locator(`${card} [data-next-meeting]:visible`).count()).toBe(1);
		expect(await page.locator(visibleNext).textContent()).toBe(meetingDate(second));

		await page.goto(`${baseUrl}/netzwerk/${GROUP}/`);
		const dates = () => page.locator('.meeting-dates li:visible time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
		await expect.poll(dates).toEqual(nextOccurrences(rule, later, 3).map((d) => d.toISOString()));
		expect(watched.errors).toEqual([]);
		await watched.context.close();
	});

	test('without JavaScript the date the site was built with is shown', async () => {
		const watched = await watchedContext(chromium.browser, { javaScriptEnabled: false });
		const page = await watched.page();
		await page.clock.install({ time: new Date(first.getTime() + 40 * 86_400_000) });
		await page.goto(`${baseUrl}/netzwerk/`);
		expect(await page.locator(visibleNext).getAttribute('datetime')).toBe(first.toISOString());
		await page.goto(`${baseUrl}/netzwerk/${GROUP}/`);
		expect(await page.locator('.meeting-dates li:visible time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))).toEqual(nextOccurrences(rule, buildTime, 3).map((d) => d.toISOString()));
		await watched.context.close();
	});
});
