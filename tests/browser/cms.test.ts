/**
 * Staff publishing, for real: the dev server serves /admin/, decap-server (on 127.0.0.1) writes into a temporary
 * copy of content/, Chromium clicks through the German CMS. What staff publish passes the schema and appears on
 * a rebuilt site; what the build would reject, the CMS refuses and writes nothing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { describe, expect, inject, test } from 'vitest';
import { watchedContext } from '../helpers/browser';
import { chooseRelation, publish, recordWrites, signIn, useEditor } from '../helpers/cms';
import { readData } from '../helpers/content';
import { runAstro } from '../helpers/run';
import { readSettings } from '../../src/schemas';
import { newsSchema } from '../../src/schemas/news';
import { facilitySchema } from '../../src/schemas/facilities';
import { decisionSchema } from '../../src/schemas/decisions';

const editor = useEditor('cms');
const { openAdmin, validate } = editor;
const files = (folder: string) => readdirSync(path.join(editor.content, folder)).filter((f) => f.endsWith('.md')).sort();

describe('staff publish through /admin/', () => {
	test('the admin loads with the German interface and valid configuration, reported through axe', async () => {
		const page = await editor.watched.page();
		await page.goto(`${editor.site}/admin/`, { timeout: 120_000 });
		await signIn(page).waitFor({ timeout: 120_000 });
		const login = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		await signIn(page).click();
		await page.getByText('Inhaltstypen').waitFor({ timeout: 60_000 });
		for (const label of ['Aktuelles', 'Termine', 'Projekte', 'Einrichtungen', 'Aufrufe', 'Dokumente', 'Team', 'Seiten', 'Einstellungen']) {
			expect(await page.getByRole('link', { name: label, exact: true }).count(), label).toBe(1);
		}
		await page.goto(`${editor.site}/admin/#/collections/aktuelles/new`);
		await page.getByLabel('Titel', { exact: true }).waitFor();
		const entryForm = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		// Decap's own interface is not ours to fix; the figures are reported, not required to be 0.
		console.log(`axe on Decap CMS: login ${login.violations.length} violation types, editor ${entryForm.violations.length} (${entryForm.violations.map((v) => v.id).join(', ')})`);
		expect(editor.watched.errors.filter((e) => e.includes('Config Errors'))).toEqual([]);
		expect(editor.watched.foreign).toEqual([]);
	}, 240_000);

	test('a new news item is written as Markdown that passes the schema and appears on the rebuilt site; its file name spells out umlauts', async () => {
		const page = await openAdmin();
		await page.goto(`${editor.site}/admin/#/collections/aktuelles/new`);
		await page.getByLabel('Titel', { exact: true }).fill('Sitzbänke am Lindenplatz');
		await page.getByLabel('Zusammenfassung', { exact: true }).fill('Am Lindenplatz stehen ab sofort zehn neue Bänke mit Lehne – bezahlt aus dem Aktionsfonds.');
		await chooseRelation(page, 'Themen', 'Beteiligung');
		await page.locator('[data-slate-editor="true"]').click();
		await page.keyboard.type('Die Bänke hat die Jury des Aktionsfonds im Frühjahr bewilligt.');
		await publish(page);
		// ä → ae, as the sample's files and the import tools name them (not „sitzbanke").
		const file = path.join(editor.content, 'aktuelles', 'sitzbaenke-am-lindenplatz.de.md');
		await expect.poll(() => existsSync(file), { timeout: 20_000 }).toBe(true);
		const data = readData(file) as Record<string, unknown>;
		expect(data).toMatchObject({ title: 'Sitzbänke am Lindenplatz', themes: ['beteiligung'], draft: false });
		expect(readFileSync(file, 'utf8')).toContain('Die Bänke hat die Jury des Aktionsfonds im Frühjahr bewilligt.');
		const result = await validate((ctx) => newsSchema(ctx), data);
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);

		const outDir = path.join(editor.work, 'dist');
		const build = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: editor.content});
		expect(build.code, build.output).toBe(0);
		const html = readFileSync(path.join(outDir, 'aktuelles', 'sitzbaenke-am-lindenplatz', 'index.html'), 'utf8');
		expect(html).toContain('<h1>Sitzbänke am Lindenplatz</h1>');
		expect(readFileSync(path.join(outDir, 'aktuelles', 'index.html'), 'utf8')).toContain('Sitzbänke am Lindenplatz');
	}, 240_000);

	test('saving twice while another file changes on disk: the editor never reloads, asks nothing, loses nothing', async () => {
		const page = await openAdmin();
		const writes = recordWrites(page);
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const file = path.join(editor.content, 'aktuelles', 'fruehjahrsputz-2026.de.md');
		await page.goto(`${editor.site}/admin/#/collections/aktuelles/entries/fruehjahrsputz-2026`);
		const summary = page.getByLabel('Zusammenfassung', { exact: true });
		await summary.waitFor();
		// A reload would drop this marker.
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
		await summary.fill('Erste Änderung der Zusammenfassung.');
		await publish(page);
		await expect.poll(() => (readData(file) as Record<string, unknown>).summary, { timeout: 20_000 }).toBe('Erste Änderung der Zusammenfassung.');
		// The recorder the refusal tests below rely on sees a save.
		expect(writes()).toContain('persistEntry');
		// A colleague's save or a git pull changes another editor.content file while this one is being edited.
		await summary.fill('Zweite Änderung, noch nicht gespeichert.');
		const other = path.join(editor.content, 'aktuelles', 'quartiersfest-rueckblick.de.md');
		writeFileSync(other, readFileSync(other, 'utf8').replace(/^summary: (.*)$/m, 'summary: "Von anderer Stelle geändert."'));
		// The dev server notices the change and updates the public pages; the editor must stay as it is. Once the public
		// page shows the change, the dev server has handled it (and told its own pages to update). The editor has no such
		// connection (src/integrations/admin-dev.ts); the short bounded wait only gives a reload, if one were coming
		// after all, the time to start: it proves something does not happen, so no state can end it sooner.
		await expect.poll(async () => (await (await fetch(`${editor.site}/aktuelles/quartiersfest-rueckblick/`)).text()).includes('Von anderer Stelle geändert.'), { timeout: 30_000 }).toBe(true);
		await page.waitForTimeout(500);
		expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
		expect(await summary.inputValue()).toBe('Zweite Änderung, noch nicht gespeichert.');
		await publish(page);
		await expect.poll(() => (readData(file) as Record<string, unknown>).summary, { timeout: 20_000 }).toBe('Zweite Änderung, noch nicht gespeichert.');
		expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
		expect(dialogs).toEqual([]);
		// The colleague's change stays too, and the public page shows it (the dev server still updates the site).
		expect((readData(other) as Record<string, unknown>).summary).toBe('Von anderer Stelle geändert.');
		await expect.poll(async () => (await (await fetch(`${editor.site}/aktuelles/quartiersfest-rueckblick/`)).text()).includes('Von anderer Stelle geändert.'), { timeout: 30_000 }).toBe(true);
	}, 180_000);

	test("editing a facility's opening hours changes only that value; wrong hours are refused", async () => {
		const page = await openAdmin();
		const file = path.join(editor.content, 'einrichtungen', 'kita-sonnenblume.md');
		const before = readData(file) as Record<string, unknown>;
		await page.goto(`${editor.site}/admin/#/collections/einrichtungen/entries/kita-sonnenblume`);
		// The raw OpenStreetMap value sits behind „Für Fachleute" in the hours form (cms/widgets/opening-hours.ts).
		await page.getByText('Für Fachleute: im OpenStreetMap-Format bearbeiten').click();
		const hours = page.getByLabel('Öffnungszeiten (optional)', { exact: true });
		await hours.fill('Mo-Fr 25:00-26:00');
		await publish(page);
		await expect.poll(() => page.getByText(/nicht im OpenStreetMap-Format/).count()).toBeGreaterThan(0);
		expect((readData(file) as Record<string, unknown>).openingHours).toBe(before.openingHours);

		await hours.fill('Mo-Fr 07:00-16:30; PH off');
		await publish(page);
		await expect.poll(() => (readData(file) as Record<string, unknown>).openingHours, { timeout: 20_000 }).toBe('Mo-Fr 07:00-16:30; PH off');
		const after = readData(file) as Record<string, unknown>;
		expect({ ...after, openingHours: before.openingHours }).toEqual(before);
		const result = await validate((ctx) => facilitySchema(ctx, { bounds: readSettings().map.bounds, district: 'Mühlenviertel' }), after);
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
	}, 120_000);

	test('a news item without a title is refused with a German message and nothing is written', async () => {
		const page = await openAdmin();
		const writes = recordWrites(page);
		const before = files('aktuelles');
		await page.goto(`${editor.site}/admin/#/collections/aktuelles/new`);
		await page.getByLabel('Zusammenfassung', { exact: true }).fill('Ohne Titel geht es nicht.');
		await chooseRelation(page, 'Themen', 'Bildung');
		await publish(page);
		await expect.poll(() => page.getByText('Titel: Bitte ausfüllen.').count()).toBe(1);
		expect(await page.getByText('Einige Pflichtfelder sind noch leer. Sie sind rot markiert.').count()).toBe(1);
		// Refused in the browser: no write was asked for, so the files can be checked at once.
		expect(writes()).toEqual([]);
		expect(files('aktuelles')).toEqual(before);
	}, 120_000);

	test('a facility outside the district is refused with a German message and nothing is written', async () => {
		const page = await openAdmin();
		const writes = recordWrites(page);
		const before = files('einrichtungen');
		const { south, north } = readSettings().map.bounds;
		await page.goto(`${editor.site}/admin/#/collections/einrichtungen/new`);
		await page.getByLabel('Name', { exact: true }).fill('Kita am Hauptbahnhof Berlin');
		await chooseRelation(page, 'Kategorie', 'Kita');
		await page.getByLabel('Straße und Hausnummer', { exact: true }).fill('Europaplatz 1');
		await page.getByLabel('Postleitzahl', { exact: true }).fill('10557');
		await page.getByLabel('Ort', { exact: true }).fill('Berlin');
		await page.getByLabel('Breitengrad (lat)', { exact: true }).fill('52.52');
		await page.getByLabel('Längengrad (lng)', { exact: true }).fill('13.37');
		await page.getByLabel('Kurzbeschreibung', { exact: true }).fill('Liegt nicht im Quartier.');
		await publish(page);
		const degrees = (value: number) => value.toLocaleString('de-DE', { maximumFractionDigits: 6 });
		// The map picker says it in the build's own words.
		await expect.poll(() => page.getByText(`Breitengrad muss zwischen ${degrees(south)} und ${degrees(north)} liegen (Gebiet Mühlenviertel) – erhalten 52,52.`).count(), { timeout: 20_000 }).toBeGreaterThan(0);
		// Refused in the browser: no write was asked for, so the files can be checked at once.
		expect(writes()).toEqual([]);
		expect(files('einrichtungen')).toEqual(before);
	}, 120_000);
});

describe('decisions and money', () => {
	test('a decision entered in the CMS passes the schema and appears in its project\'s path on the rebuilt site', async () => {
		const page = await openAdmin();
		await page.goto(`${editor.site}/admin/#/collections/beschluesse/new`);
		await page.getByLabel('Titel', { exact: true }).fill('Votum zum Trinkbrunnen am Lindenplatz');
		await page.getByLabel('Kurzfassung', { exact: true }).fill('Der Quartiersrat unterstützt den Antrag beim Klimaanpassungsprogramm der Stadt.');
		await page.getByLabel('Betrag (optional)', { exact: true }).fill('38000');
		await chooseRelation(page, 'Projekte (optional)', 'Trinkbrunnen');
		// The preview beside the form shows the decision as the site will: title, committee and outcome in words, amount.
		const preview = page.frameLocator('#preview-pane');
		await expect.poll(() => preview.locator('h1').textContent(), { timeout: 20_000 }).toBe('Votum zum Trinkbrunnen am Lindenplatz');
		await expect.poll(async () => (await preview.locator('body').textContent())?.replace(/\s+/g, ' ') ?? '').toMatch(/Quartiersrat[\s\S]*angenommen[\s\S]*38\.000\s€/);
		await publish(page);
		const file = path.join(editor.content, 'beschluesse', 'votum-zum-trinkbrunnen-am-lindenplatz.de.md');
		await expect.poll(() => existsSync(file), { timeout: 20_000 }).toBe(true);
		const data = readData(file) as Record<string, unknown>;
		// The CMS starts a decision as the Quartiersrat's, adopted, today.
		expect(data).toMatchObject({ committee: 'quartiersrat', outcome: 'angenommen', amount: 38000, projects: ['trinkbrunnen-lindenplatz'] });
		const result = await validate((ctx) => decisionSchema(ctx), data);
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);

		const outDir = path.join(editor.work, 'dist-decision');
		const build = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: editor.content });
		expect(build.code, build.output).toBe(0);
		const project = readFileSync(path.join(outDir, 'projekte', 'trinkbrunnen-lindenplatz', 'index.html'), 'utf8');
		expect(project).toContain('href="/beschluesse/votum-zum-trinkbrunnen-am-lindenplatz/"');
		expect(readFileSync(path.join(outDir, 'beschluesse', 'index.html'), 'utf8')).toContain('Votum zum Trinkbrunnen am Lindenplatz');
	}, 240_000);

	test('an idea with granted money is refused with the build\'s own message, and nothing is written', async () => {
		const page = await openAdmin();
		const writes = recordWrites(page);
		const file = path.join(editor.content, 'projekte', 'lernwerkstatt-digital.de.md');
		const before = readFileSync(file, 'utf8');
		await page.goto(`${editor.site}/admin/#/collections/projekte/entries/lernwerkstatt-digital`);
		// The preview tells the project's participation period and where the idea came from, as the project page does.
		const preview = page.frameLocator('#preview-pane');
		await expect.poll(async () => (await preview.locator('body').textContent())?.replace(/\s+/g, ' ') ?? '', { timeout: 20_000 }).toMatch(/Mitreden bis \d+\. \p{L}+ \d{4}[\s\S]*Die Idee kam als Antwort auf den Aufruf: projektfonds-ideen-2027/u);
		await page.getByRole('button', { name: 'Förderjahr hinzufügen' }).click();
		await page.getByLabel('Jahr', { exact: true }).fill('2027');
		await page.getByLabel('Bewilligt', { exact: true }).fill('42000');
		await publish(page);
		await expect.poll(() => page.getByText(/Eine Idee hat noch kein bewilligtes Geld/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
		expect(await page.getByText(/Beitrag speichern fehlgeschlagen: Bitte korrigieren: Förderung: Eine Idee hat noch kein bewilligtes Geld/).count()).toBe(1);
		// Refused in the browser: no write was asked for, so the files can be checked at once.
		expect(writes()).toEqual([]);
		expect(readFileSync(file, 'utf8')).toBe(before);
	}, 120_000);
});

/** A Markdown file's text after its frontmatter. */
const bodyOf = (file: string) => file.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();

describe('staff translate an entry', () => {
	test('the English text is written beside the German entry with the translated fields only, and the English page shows it', async () => {
		const page = await openAdmin();
		const german = path.join(editor.content, 'aktuelles', 'hitze-kuehle-orte.de.md');
		const english = path.join(editor.content, 'aktuelles', 'hitze-kuehle-orte.en.md');
		const before = readFileSync(german, 'utf8');
		const beforeData = readData(german);
		expect(existsSync(english)).toBe(false);
		await page.goto(`${editor.site}/admin/#/collections/aktuelles/entries/hitze-kuehle-orte`);
		await page.getByRole('button', { name: 'Aktuelle Sprache: DE' }).click();
		await page.getByRole('menuitem', { name: 'EN' }).click();
		// Only the translated fields: no date, no themes, no draft switch in English.
		await page.getByLabel('Titel', { exact: true }).fill('Hot days: where it is cool in the neighbourhood');
		expect(await page.getByLabel('Datum', { exact: true }).isVisible()).toBe(false);
		await page.getByLabel('Zusammenfassung', { exact: true }).fill('Libraries, churches and the family centre open their cool rooms to everyone.');
		await page.locator('[data-slate-editor="true"]').click();
		await page.keyboard.type('On hot days these places are open to everyone.');
		await publish(page);
		await expect.poll(() => existsSync(english) && readFileSync(english, 'utf8').includes('On hot days'), { timeout: 20_000 }).toBe(true);
		const { title, summary, ...copies } = readData(english) as Record<string, unknown>;
		expect({ title, summary }).toEqual({ title: 'Hot days: where it is cool in the neighbourhood', summary: 'Libraries, churches and the family centre open their cool rooms to everyone.' });
		// Fields kept once are not in the translation; what Decap copies besides (references) is the German value, which the build ignores.
		expect(Object.keys(copies)).not.toContain('date');
		const germanData = readData(german) as Record<string, unknown>;
		for (const [key, value] of Object.entries(copies)) expect(value, key).toEqual(germanData[key]);
		expect(readFileSync(english, 'utf8')).toContain('On hot days these places are open to everyone.');
		// Decap writes the German file again beside the English one: the same entry (it may wrap lines differently).
		expect(readData(german)).toEqual(beforeData);
		expect(bodyOf(readFileSync(german, 'utf8'))).toBe(bodyOf(before));
		// Decap may write the other languages' files too, as copies without a translated field: they stay German.
		for (const other of ['tr', 'ar']) {
			const copy = path.join(editor.content, 'aktuelles', `hitze-kuehle-orte.${other}.md`);
			if (!existsSync(copy)) continue;
			const text = readFileSync(copy, 'utf8');
			expect(text, other).not.toMatch(/^(title|summary):/m);
			expect(text.replace(/^---[\s\S]*?---\s*/, '').trim(), other).toBe('');
		}

		const outDir = path.join(editor.work, 'dist-en');
		const build = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: editor.content });
		expect(build.code, build.output).toBe(0);
		const html = readFileSync(path.join(outDir, 'en', 'aktuelles', 'hitze-kuehle-orte', 'index.html'), 'utf8');
		expect(html).toContain('<h1>Hot days: where it is cool in the neighbourhood</h1>');
		expect(html).not.toContain('class="translation-notice"');
		expect(html).toContain('hreflang="en"');
		// Not translated into Turkish: a news item then exists in German only (src/lib/page-languages.ts).
		expect(existsSync(path.join(outDir, 'tr', 'aktuelles', 'hitze-kuehle-orte'))).toBe(false);
	}, 240_000);

	test('half a translation is refused before saving, and nothing is written', async () => {
		const page = await openAdmin();
		const writes = recordWrites(page);
		// An earlier save of the German entry may have left Decap's empty Turkish copy: it must stay as it is.
		const turkish = path.join(editor.content, 'aktuelles', 'fruehjahrsputz-2026.tr.md');
		const state = () => (existsSync(turkish) ? readFileSync(turkish, 'utf8') : 'no file');
		const before = state();
		await page.goto(`${editor.site}/admin/#/collections/aktuelles/entries/fruehjahrsputz-2026`);
		await page.getByRole('button', { name: 'Aktuelle Sprache: DE' }).click();
		await page.getByRole('menuitem', { name: 'TR' }).click();
		await page.getByLabel('Titel', { exact: true }).fill('Bahar temizliği');
		await publish(page);
		await expect.poll(() => page.getByText(/Übersetzung Türkisch: Bitte auch „Zusammenfassung" übersetzen/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
		// Refused in the browser: no write was asked for, so the files can be checked at once.
		expect(writes()).toEqual([]);
		expect(state()).toBe(before);
		expect(before).not.toContain('Bahar');
	}, 120_000);
});

describe('pictures need their alternative text', () => {
	test('removing the alt text of a news picture is refused and the file stays as it was', async () => {
		const page = await openAdmin();
		const writes = recordWrites(page);
		const file = path.join(editor.content, 'aktuelles', 'hofbegruenung-bewilligt.de.md');
		const before = readFileSync(file, 'utf8');
		await page.goto(`${editor.site}/admin/#/collections/aktuelles/entries/hofbegruenung-bewilligt`);
		await page.getByLabel('Alternativtext zu Bild (optional)', { exact: true }).fill('');
		await publish(page);
		await expect.poll(() => page.getByText('Alternativtext fehlt: Bitte beschreiben Sie kurz, was auf dem Bild zu sehen ist.').count()).toBe(1);
		// Refused in the browser: no write was asked for, so the files can be checked at once.
		expect(writes()).toEqual([]);
		expect(readFileSync(file, 'utf8')).toBe(before);
	}, 120_000);
});

describe('the production build of the editor', () => {
	const baseUrl = inject('baseUrl');

	test('uses git-gateway with review, validates in Decap, loads nothing from other hosts', async () => {
		const context = await watchedContext(editor.browser, { viewport: { width: 1280, height: 900 } });
		const page = await context.page();
		await page.goto(`${baseUrl}/admin/`);
		const config = JSON.parse((await page.locator('#cms-config').textContent()) ?? '{}') as { backend: { name: string }; publish_mode?: string };
		expect(config.backend.name).toBe('git-gateway');
		expect(config.publish_mode).toBe('editorial_workflow');
		await page.getByRole('button', { name: /Netlify Identity/ }).waitFor({ timeout: 60_000 });
		expect(context.errors.filter((e) => e.includes('Config Errors'))).toEqual([]);
		expect(context.foreign).toEqual([]);
		await context.context.close();
	}, 120_000);

	test('the CMS code is loaded only by /admin/', () => {
		const admin = readFileSync('dist/admin/index.html', 'utf8');
		const adminScripts = [...admin.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
		expect(adminScripts.length).toBeGreaterThan(0);
		const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('admin'));
		expect(pages.length).toBeGreaterThan(100);
		for (const file of pages) {
			const html = readFileSync(path.join('dist', file), 'utf8');
			for (const src of adminScripts) expect(html, file).not.toContain(src);
			expect(html, file).not.toMatch(/decap|netlify-identity/i);
		}
		expect(readFileSync('dist/sitemap.xml', 'utf8')).not.toContain('/admin/');
	});
});
