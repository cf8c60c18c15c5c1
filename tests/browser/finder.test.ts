/** Finding „die nächste Kita mit Türkisch, jetzt geöffnet" in the facility list, by keyboard, with the URL as state. */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchedContext } from '../helpers/browser';
import { entryFiles, readData } from '../helpers/content';
import { isOpen } from '../../src/lib/hours';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface FacilityData {
	category: string;
	languages: string[];
	openingHours?: string;
}
const facilities = entryFiles('einrichtungen').map((file) => ({ id: file.replace(/^.*\/|\.md$/g, ''), ...(readData(file) as FacilityData) }));

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const visibleIds = (page: import('playwright-core').Page) => page.locator('li[data-facility]:visible').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.facility).sort());

describe('facility filters', () => {
	test('ticking boxes filters the list, updates counts and the URL; the back button undoes a step', async () => {
		const { page, errors, foreign } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/`);
		await expect.poll(() => p.locator('[data-status]').textContent()).toBe(`${facilities.length} Einrichtungen`);
		await p.getByText('Filter: Art, Sprachen, Rollstuhl, jetzt geöffnet').click();
		await p.getByRole('checkbox', { name: /^Kitas/ }).check();
		await expect.poll(() => p.evaluate(() => location.search)).toBe('?kategorie=kita');
		await p.getByRole('checkbox', { name: /^Türkisch/ }).check();
		await expect.poll(() => p.evaluate(() => location.search)).toBe('?kategorie=kita&sprache=tr');
		const expected = facilities.filter((f) => f.category === 'kita' && f.languages.includes('tr')).map((f) => f.id).sort();
		expect(expected.length).toBeGreaterThan(0);
		expect(await visibleIds(p)).toEqual(expected);
		expect(await p.locator('[data-status]').textContent()).toBe(`${expected.length} von ${facilities.length} Einrichtungen`);
		expect(await p.locator('[data-count="kategorie:kita"]').textContent()).toBe(` (${expected.length})`);
		expect(await p.locator('[data-count="offen"]').textContent()).toBe('');
		expect(await p.locator('section[data-category-group="spielplatz"]').isHidden()).toBe(true);
		const axe = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await p.goBack();
		await expect.poll(() => p.evaluate(() => location.search)).toBe('?kategorie=kita');
		expect(await p.getByRole('checkbox', { name: /^Türkisch/ }).isChecked()).toBe(false);
		expect(await visibleIds(p)).toEqual(facilities.filter((f) => f.category === 'kita').map((f) => f.id).sort());
		expect(errors).toEqual([]);
		expect(foreign).toEqual([]);
	});

	test('a shared link with „jetzt geöffnet" shows what is open at the visitor\'s time in Berlin', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		const tuesdayMorning = new Date('2026-12-01T09:00:00Z'); // Tuesday, 10:00 in Berlin
		await p.clock.install({ time: tuesdayMorning });
		await p.goto(`${baseUrl}/einrichtungen/?kategorie=kita&sprache=tr&offen=1`);
		const expected = facilities.filter((f) => f.category === 'kita' && f.languages.includes('tr') && f.openingHours && isOpen(f.openingHours, tuesdayMorning)).map((f) => f.id).sort();
		expect(expected.length).toBeGreaterThan(0);
		await expect.poll(() => visibleIds(p)).toEqual(expected);
		expect(await p.getByRole('checkbox', { name: /^jetzt geöffnet/ }).isChecked()).toBe(true);
		expect(await p.locator('[data-count="offen"]').textContent()).toBe(` (${expected.length})`);
		expect(errors).toEqual([]);
	});

	test('keyboard only: type a name, reach the facility page', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/`);
		// The form appears once the finder has its data.
		await p.getByLabel('Name, Straße oder Stichwort').waitFor();
		await p.getByLabel('Name, Straße oder Stichwort').focus();
		await p.keyboard.type('sonnenblume');
		await expect.poll(() => visibleIds(p)).toEqual(['kita-sonnenblume']);
		expect(await p.evaluate(() => location.search)).toBe('?q=sonnenblume');
		for (let i = 0; i < 60 && !(await p.evaluate(() => document.activeElement?.closest('li[data-facility="kita-sonnenblume"]') !== null)); i++) await p.keyboard.press('Tab');
		await p.keyboard.press('Enter');
		await p.waitForURL(`${baseUrl}/einrichtungen/kita-sonnenblume/`);
	});

	test('without JavaScript the full list shows and the filter form stays hidden', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/?kategorie=kita`);
		expect(await p.locator('form.finder').isHidden()).toBe(true);
		expect(await p.locator('li[data-facility]:visible').count()).toBe(facilities.length);
	});
});
