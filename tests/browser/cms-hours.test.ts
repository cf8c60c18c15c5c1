/**
 * Opening hours in the CMS, for real: the dev server serves /admin/, decap-server (on 127.0.0.1) writes into a
 * temporary copy of content/, Chromium uses the opening-hours form. Staff see a facility's hours as a week with a
 * plain-German preview, change a day with the form alone, and the file gets the OSM value; a wrong value typed in
 * the expert field is refused with a German „Sie" message; a value too special for the form is kept as it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { publish, recordWrites, useEditor } from '../helpers/cms';
import { readData } from '../helpers/content';
import { readSettings } from '../../src/schemas';
import { facilitySchema } from '../../src/schemas/facilities';

const editor = useEditor('cms-hours');
const { openAdmin, validate } = editor;

const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'];
const preview = (page: Page) => page.locator('.quartier-hours__preview');
const day = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

describe('opening hours in the CMS form', () => {
	test('the form shows a facility\'s week; changing Saturday with the form alone writes the OSM value', async () => {
		const page = await openAdmin();
		const file = path.join(editor.content, 'einrichtungen', 'kita-sonnenblume.md');
		const before = readData(file) as Record<string, unknown>;
		expect(before.openingHours).toBe('Mo-Fr 06:30-17:00; PH off');
		await page.goto(`${editor.site}/admin/#/collections/einrichtungen/entries/kita-sonnenblume`);
		await day(page, 'Montag').waitFor({ timeout: 60_000 });

		for (const name of WEEKDAYS) {
			expect(await day(page, name).getByLabel('geschlossen').isChecked(), name).toBe(false);
			expect(await day(page, name).getByLabel('von').inputValue(), name).toBe('06:30');
			expect(await day(page, name).getByLabel('bis').inputValue(), name).toBe('17:00');
		}
		for (const name of ['Samstag', 'Sonntag']) {
			expect(await day(page, name).getByLabel('geschlossen').isChecked(), name).toBe(true);
			expect(await day(page, name).getByLabel('von').count(), name).toBe(0);
		}
		const holidays = page.getByRole('group', { name: 'Feiertage', exact: true });
		expect(await holidays.getByLabel('geschlossen', { exact: true }).isChecked()).toBe(true);
		expect(await page.getByLabel('ganzjährig').isChecked()).toBe(true);
		expect(await preview(page).getAttribute('aria-live')).toBe('polite');
		expect(await preview(page).innerText()).toBe('Vorschau: Mo–Fr 6:30–17 Uhr, Sa und So geschlossen, an Feiertagen geschlossen');
		// The expert field is there, closed, with the same value.
		expect(await page.getByLabel('Öffnungszeiten im OpenStreetMap-Format').isVisible()).toBe(false);

		// Every control of the form has its label; axe finds nothing in it.
		const axe = await new AxeBuilder({ page }).include('.quartier-hours').withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

		const saturday = day(page, 'Samstag');
		await saturday.getByLabel('geschlossen').uncheck();
		await saturday.getByLabel('von').fill('09:00');
		await saturday.getByLabel('bis').fill('12:00');
		await expect.poll(() => preview(page).innerText()).toBe('Vorschau: Mo–Fr 6:30–17 Uhr, Sa 9–12 Uhr, So geschlossen, an Feiertagen geschlossen');
		await page.getByText('Für Fachleute: im OpenStreetMap-Format bearbeiten').click();
		expect(await page.getByLabel('Öffnungszeiten im OpenStreetMap-Format').inputValue()).toBe('Mo-Fr 06:30-17:00; Sa 09:00-12:00; PH off');

		await publish(page);
		await expect.poll(() => (readData(file) as Record<string, unknown>).openingHours, { timeout: 20_000 }).toBe('Mo-Fr 06:30-17:00; Sa 09:00-12:00; PH off');
		expect(readFileSync(file, 'utf8')).toMatch(/^openingHours: "?Mo-Fr 06:30-17:00; Sa 09:00-12:00; PH off"?$/m);
		const after = readData(file) as Record<string, unknown>;
		expect({ ...after, openingHours: before.openingHours }).toEqual(before);
		const result = await validate((ctx) => facilitySchema(ctx, { bounds: readSettings().map.bounds, district: 'Mühlenviertel' }), after);
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
	}, 240_000);

	test('a wrong value in the expert field is refused with a German „Sie" message, and nothing is written', async () => {
		const page = await openAdmin();
		const writes = recordWrites(page);
		const file = path.join(editor.content, 'einrichtungen', 'kita-sonnenblume.md');
		const before = readFileSync(file, 'utf8');
		await page.goto(`${editor.site}/admin/#/collections/einrichtungen/entries/kita-sonnenblume`);
		await day(page, 'Montag').waitFor({ timeout: 60_000 });
		await page.getByText('Für Fachleute: im OpenStreetMap-Format bearbeiten').click();
		const expert = page.getByLabel('Öffnungszeiten im OpenStreetMap-Format');

		// A valid value typed there shows in the form at once.
		await expert.fill('Mo-Fr 06:30-17:00; Sa,Su 09:00-12:00; PH off');
		expect(await day(page, 'Sonntag').getByLabel('von').inputValue()).toBe('09:00');
		expect(await preview(page).innerText()).toBe('Vorschau: Mo–Fr 6:30–17 Uhr, Sa und So 9–12 Uhr, an Feiertagen geschlossen');

		// German day names are wrong: the form stops following, the preview and the save say why.
		await expert.fill('Mo-Fr 06:30-17:00; Sa,So 09:00-12:00; PH off');
		expect(await day(page, 'Montag').getByLabel('geschlossen').isDisabled()).toBe(true);
		expect(await preview(page).innerText()).toContain('Noch nicht gültig.');
		await publish(page);
		const error = page.getByText(/Öffnungszeiten sind nicht im OpenStreetMap-Format/);
		await expect.poll(() => error.count(), { timeout: 20_000 }).toBeGreaterThan(0);
		const message = (await error.first().textContent()) ?? '';
		expect(message).toContain('Bitte schreiben Sie „Su" statt „So".');
		expect(message).toContain('Mo Tu We Th Fr Sa Su');
		expect(message).not.toContain('<---');
		expect(message).not.toMatch(/\b[Dd]u\b/);
		// Refused in the browser: no write was asked for, so the file can be checked at once.
		expect(writes()).toEqual([]);
		expect(readFileSync(file, 'utf8')).toBe(before);
	}, 120_000);

	test('a value too special for the form stays as it is, editable in the expert field', async () => {
		const file = path.join(editor.content, 'einrichtungen', 'stadtteilbibliothek-muehlenviertel.md');
		const special = 'Mo,Tu,Th 11:00-19:00; Fr 10:00-14:00; Sa 10:00-13:00; Dec 24-26 off; PH off';
		const original = readFileSync(file, 'utf8');
		writeFileSync(file, original.replace(/^openingHours: .*$/m, `openingHours: "${special}"`));
		const page = await openAdmin();
		await page.goto(`${editor.site}/admin/#/collections/einrichtungen/entries/stadtteilbibliothek-muehlenviertel`);
		await page.getByText('Diese Öffnungszeiten sind zu besonders für das Formular. Sie können sie hier im OpenStreetMap-Format bearbeiten.').waitFor({ timeout: 60_000 });
		expect(await page.getByLabel('Öffnungszeiten im OpenStreetMap-Format').inputValue()).toBe(special);
		expect(await day(page, 'Montag').count()).toBe(0);

		const description = 'Bücher, Zeitschriften und Lernplätze – mit Vorlesestunden für Kinder.';
		await page.getByLabel('Kurzbeschreibung', { exact: true }).fill(description);
		await publish(page);
		await expect.poll(() => (readData(file) as Record<string, unknown>).description, { timeout: 20_000 }).toBe(description);
		expect((readData(file) as Record<string, unknown>).openingHours).toBe(special);
	}, 120_000);
});
