/** Finding „die nächste Kita mit Türkisch, jetzt geöffnet" in the facility list, by keyboard, with the URL as state. */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchedContext } from '../helpers/browser';
import { entryFiles, readData } from '../helpers/content';
import { isOpen } from '../../src/lib/hours';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface FacilityData {
	name: string;
	coordinates: { lat: number; lng: number };
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

/**
 * Waits until what the page shows has come to the expected state. The finder waits for its data and the map's, and
 * with both cores busy that takes longer than a poll's default second: the state is awaited, not a time.
 */
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

const visibleIds = (page: import('playwright-core').Page) => page.locator('li[data-facility]:visible').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.facility).sort());

describe('facility filters', () => {
	test('ticking boxes filters the list, updates counts and the URL; the back button undoes a step', async () => {
		const { page, errors, foreign } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/`);
		// On a wide screen the filters are open from the start (the form appears once the finder has its data).
		await p.locator('.finder').waitFor();
		expect(await p.locator('[data-status]').textContent()).toBe(`${facilities.length} Einrichtungen`);
		expect(await p.locator('.finder details').getAttribute('open')).toBe('');
		await p.getByRole('checkbox', { name: /^Kitas/ }).check();
		await until(() => p.evaluate(() => location.search)).toBe('?kategorie=kita');
		await p.getByRole('checkbox', { name: /^Türkisch/ }).check();
		await until(() => p.evaluate(() => location.search)).toBe('?kategorie=kita&sprache=tr');
		const expected = facilities.filter((f) => f.category === 'kita' && f.languages.includes('tr')).map((f) => f.id).sort();
		expect(expected.length).toBeGreaterThan(0);
		expect(await visibleIds(p)).toEqual(expected);
		expect(await p.locator('[data-status]').textContent()).toBe(`${expected.length} von ${facilities.length} Einrichtungen`);
		expect(await p.locator('[data-count="kategorie:kita"]').textContent()).toBe(` (${expected.length})`);
		expect(await p.locator('[data-count="offen"]').textContent()).toBe('');
		expect(await p.locator('section[data-category-group="spielplatz"]').isHidden()).toBe(true);
		// The category links count what passes: „(1 von 4)", „(0 von 4)".
		const kitas = facilities.filter((f) => f.category === 'kita').length;
		const playgrounds = facilities.filter((f) => f.category === 'spielplatz').length;
		expect(await p.locator('[data-group-count="kita"]').textContent()).toBe(`(${expected.length} von ${kitas})`);
		expect(await p.locator('[data-group-count="spielplatz"]').textContent()).toBe(`(0 von ${playgrounds})`);
		const axe = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await p.goBack();
		await until(() => p.evaluate(() => location.search)).toBe('?kategorie=kita');
		await until(() => visibleIds(p)).toEqual(facilities.filter((f) => f.category === 'kita').map((f) => f.id).sort());
		expect(await p.getByRole('checkbox', { name: /^Türkisch/ }).isChecked()).toBe(false);
		expect(errors).toEqual([]);
		expect(foreign).toEqual([]);
	});

	test('on a phone the filters start closed; each entry says today\'s hours for the day the visitor reads it', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		// Sunday 6 December 2026, 11:00 in Berlin – the site was built on a Tuesday.
		await p.clock.install({ time: new Date('2026-12-06T10:00:00Z') });
		await p.goto(`${baseUrl}/einrichtungen/`);
		await p.locator('.finder').waitFor();
		expect(await p.locator('.finder details').getAttribute('open')).toBeNull();
		const kita = p.locator('li[data-facility="kita-sonnenblume"]');
		// Mo-Fr 06:30-17:00: closed on Sundays (the build wrote Tuesday's line; the page writes the visitor's day).
		await until(() => kita.locator('.open-today').textContent()).toBe('Heute (So): geschlossen');
		// An entry is compact: name, street with the map button beside it, today – no description, no list of facts.
		await kita.getByRole('button', { name: 'Auf der Karte zeigen: Kita Sonnenblume' }).waitFor();
		expect(await kita.locator('dl, .facts').count()).toBe(0);
		expect((await kita.innerText()).replace(/\s+/g, ' ')).toBe('Kita Sonnenblume Lindenhofstraße 7 Auf der Karte zeigen: Kita Sonnenblume Heute (So): geschlossen');
		expect(errors).toEqual([]);
	});

	test('a shared link with „jetzt geöffnet" shows what is open at the visitor\'s time in Berlin', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		const tuesdayMorning = new Date('2026-12-01T09:00:00Z'); // Tuesday, 10:00 in Berlin
		await p.clock.install({ time: tuesdayMorning });
		await p.goto(`${baseUrl}/einrichtungen/?kategorie=kita&sprache=tr&offen=1`);
		const expected = facilities.filter((f) => f.category === 'kita' && f.languages.includes('tr') && f.openingHours && isOpen(f.openingHours, tuesdayMorning)).map((f) => f.id).sort();
		expect(expected.length).toBeGreaterThan(0);
		await until(() => visibleIds(p)).toEqual(expected);
		expect(await p.getByRole('checkbox', { name: /^jetzt geöffnet/ }).isChecked()).toBe(true);
		expect(await p.locator('[data-count="offen"]').textContent()).toBe(` (${expected.length})`);
		expect(errors).toEqual([]);
	});

	test('„die nächste Kita mit Türkisch, jetzt geöffnet": the nearest first, from the position the visitor allows', async () => {
		const kitas = facilities.filter((f) => f.category === 'kita');
		expect(kitas.length).toBeGreaterThan(2);
		// Standing at the Kita that comes last by name: it must come first now.
		const here = [...kitas].sort((a, b) => b.name.localeCompare(a.name, 'de'))[0]!;
		const { page, errors, foreign, context } = await watchedContext(browser, { viewport: { width: 360, height: 740 }, geolocation: { latitude: here.coordinates.lat, longitude: here.coordinates.lng }, permissions: ['geolocation'] });
		const p = await page();
		await p.clock.install({ time: new Date('2026-12-01T09:00:00Z') }); // Tuesday, 10:00 in Berlin
		await p.goto(`${baseUrl}/einrichtungen/?kategorie=kita&offen=1`);
		await p.getByRole('button', { name: 'Nächste zuerst: meinen Standort verwenden' }).click();
		await until(() => p.locator('[data-status]').textContent()).toMatch(/, die nächsten zuerst$/);
		const distance = (f: FacilityData) => Math.hypot(f.coordinates.lat - here.coordinates.lat, (f.coordinates.lng - here.coordinates.lng) * Math.cos((here.coordinates.lat * Math.PI) / 180));
		const open = kitas.filter((f) => f.openingHours && isOpen(f.openingHours, new Date('2026-12-01T09:00:00Z')));
		const inOrder = await p.locator('li[data-facility]:visible').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.facility));
		expect(inOrder).toEqual([...open].sort((a, b) => distance(a) - distance(b)).map((f) => f.id));
		expect(inOrder[0]).toBe(here.id);
		expect(await p.locator(`li[data-facility="${here.id}"] [data-distance]`).textContent()).toBe('etwa 50 m entfernt');
		// Adding Türkisch keeps the order by distance (the filters are open: the link had some); the position never
		// appears in the address.
		await p.getByRole('checkbox', { name: /^Türkisch/ }).check();
		const turkish = open.filter((f) => f.languages.includes('tr'));
		expect(turkish.length).toBeGreaterThan(0);
		await until(() => p.locator('li[data-facility]:visible').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.facility))).toEqual([...turkish].sort((a, b) => distance(a) - distance(b)).map((f) => f.id));
		expect(await p.locator(`li[data-facility="${turkish[0]!.id}"] [data-distance]`).textContent()).toMatch(/^etwa \d+(,\d)? k?m entfernt$/);
		expect(p.url()).not.toMatch(/51\.|12\./);
		await context.close();
		expect(errors).toEqual([]);
		expect(foreign).toEqual([]);
	});

	test('a visitor who does not share the position keeps the list as it was, with a note', async () => {
		const { page, context } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/`);
		await p.getByRole('button', { name: 'Nächste zuerst: meinen Standort verwenden' }).click();
		await until(() => p.locator('[data-status]').textContent()).toBe('Ihr Standort ließ sich nicht ermitteln. Die Liste bleibt nach Art und Name geordnet.');
		expect(await p.locator('[data-distance]').count()).toBe(0);
		await context.close();
	});

	test('keyboard only: type a name, reach the facility page', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/einrichtungen/`);
		// The form appears once the finder has its data.
		await p.getByLabel('Name, Straße oder Stichwort').waitFor();
		await p.getByLabel('Name, Straße oder Stichwort').focus();
		// Two words: the space typed after the first one stays in the field.
		await p.keyboard.type('kita sonnenblume');
		await until(() => visibleIds(p)).toEqual(['kita-sonnenblume']);
		expect(await p.getByLabel('Name, Straße oder Stichwort').inputValue()).toBe('kita sonnenblume');
		await until(() => p.evaluate(() => location.search)).toBe('?q=kita+sonnenblume');
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
