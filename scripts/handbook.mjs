#!/usr/bin/env node
/**
 * `npm run handbook`: takes the screenshots of the staff handbook (docs/redaktion/bilder/) from the real
 * /admin/, against a temporary git copy of content/ with the review steps switched on. Needs Chromium.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const SITE_PORT = 4397;
const CMS_PORT = 8097;
const site = `http://127.0.0.1:${SITE_PORT}`;
const out = path.resolve('docs/redaktion/bilder');
mkdirSync(out, { recursive: true });

// decap-server works in a git copy (drafts are branches it checks out); the dev server reads another copy, so
// those checkouts do not make it reload the editor.
const work = mkdtempSync(path.join(tmpdir(), 'quartier-handbook-'));
const siteContent = mkdtempSync(path.join(tmpdir(), 'quartier-handbook-site-'));
cpSync('content', path.join(work, 'content'), { recursive: true });
cpSync('content', path.join(siteContent, 'content'), { recursive: true });
const git = (...args) => execFileSync('git', args, { cwd: work, stdio: 'ignore' });
git('init', '-q', '-b', 'main');
git('-c', 'user.name=Redaktion', '-c', 'user.email=redaktion@example.org', 'add', '.');
git('-c', 'user.name=Redaktion', '-c', 'user.email=redaktion@example.org', 'commit', '-q', '-m', 'Beispielinhalte');

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
delete env.NODE_ENV;
const servers = [
	spawn(process.execPath, ['scripts/cms-server.mjs'], {
		env: { ...env, PORT: String(CMS_PORT), QUARTIER_SITE_PORT: String(SITE_PORT), BIND_HOST: '127.0.0.1', MODE: 'git', GIT_REPO_DIRECTORY: work, LOG_LEVEL: 'error', GIT_AUTHOR_NAME: 'Redaktion', GIT_AUTHOR_EMAIL: 'redaktion@example.org', GIT_COMMITTER_NAME: 'Redaktion', GIT_COMMITTER_EMAIL: 'redaktion@example.org' },
		stdio: 'ignore',
	}),
	spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(SITE_PORT)], {
		env: { ...env, QUARTIER_CMS_PORT: String(CMS_PORT), QUARTIER_CMS_WORKFLOW: '1', QUARTIER_CONTENT_DIR: path.join(siteContent, 'content') },
		stdio: 'ignore',
	}),
];

const portOpen = (port) =>
	new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.end(), resolve(true)));
		socket.once('error', () => (socket.destroy(), resolve(false)));
	});
for (const port of [CMS_PORT, SITE_PORT]) {
	for (let i = 0; i < 300 && !(await portOpen(port)); i++) await new Promise((r) => setTimeout(r, 200));
}

const browser = await chromium.launch({
	// Time fields show a 24-hour clock only when the browser's own language is German.
	env: { ...process.env, LANG: 'de_DE.UTF-8', LANGUAGE: 'de' },
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--lang=de-DE', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
let page;
/** Each view in a fresh tab, so no unsaved form carries over. */
const open = async (hash) => {
	await page?.close();
	page = await context.newPage();
	page.on('dialog', (dialog) => dialog.accept());
	await page.goto(`${site}/admin/${hash}`, { timeout: 120_000 });
};
const shot = async (name) => {
	await page.waitForTimeout(800);
	await page.screenshot({ path: path.join(out, `${name}.png`) });
	console.log(`docs/redaktion/bilder/${name}.png`);
};
const relation = async (label, search) => {
	await page.getByLabel(label, { exact: true }).click();
	await page.keyboard.type(search);
	await page.getByRole('option', { name: new RegExp(search) }).first().click();
};

try {
	await open('');
	await page.getByRole('button', { name: 'Anmelden' }).waitFor({ timeout: 120_000 });
	await shot('01-anmelden');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.getByText('Inhaltstypen').waitFor();
	await shot('02-uebersicht');

	await open('#/collections/aktuelles/new');
	await page.getByLabel('Titel', { exact: true }).fill('Neue Bänke im Mühlenpark');
	await page.getByLabel('Zusammenfassung', { exact: true }).fill('Im Mühlenpark stehen ab sofort zehn neue Bänke mit Lehne – bezahlt aus dem Aktionsfonds.');
	await relation('Themen', 'Öffentlicher Raum');
	await page.locator('[data-slate-editor="true"]').click();
	await page.keyboard.type('Die Bänke hat die Jury des Aktionsfonds im Frühjahr bewilligt. Sie stehen entlang des Hauptwegs.');
	await page.evaluate(() => window.scrollTo(0, 0));
	await shot('03-meldung-schreiben');
	await page.getByRole('button', { name: 'Speichern' }).click();
	await page.getByText('Beitrag gespeichert').or(page.getByRole('button', { name: /Status/ })).first().waitFor({ timeout: 30_000 });
	await open('#/collections/aktuelles/entries/neue-baenke-im-muehlenpark');
	await page.getByRole('button', { name: /Status/ }).waitFor({ timeout: 60_000 });
	await page.getByRole('button', { name: /Status/ }).click();
	await shot('04-status-setzen');

	await open('#/workflow');
	await page.getByText('Neue Bänke im Mühlenpark').first().waitFor({ timeout: 60_000 });
	await shot('05-arbeitsablauf');

	await open('#/collections/termine/new');
	await page.getByLabel('Titel', { exact: true }).fill('Sprechstunde Quartiersrat');
	await page.getByLabel('Zusammenfassung', { exact: true }).fill('Mitglieder des Quartiersrats beantworten Fragen zu Projekten und Fonds.');
	await shot('06-termin-anlegen');

	await open('#/collections/projekte/entries/muehlenpark-neugestaltung');
	await page.getByText('Beteiligungsforen zum Entwurf').first().waitFor({ timeout: 60_000 });
	await page.getByText('Beteiligungsforen zum Entwurf').first().scrollIntoViewIfNeeded();
	await shot('07-projekt-schritte');

	await open('#/collections/einrichtungen/new');
	await page.getByLabel('Name', { exact: true }).fill('Kita Löwenzahn');
	await relation('Kategorie', 'Kita');
	await page.locator('.quartier-point__map').scrollIntoViewIfNeeded();
	// The district's base layer has been drawn once its street names are on the map.
	await page.locator('.quartier-point__map .base-label').first().waitFor({ state: 'attached', timeout: 60_000 });
	const map = await page.locator('.quartier-point__map').boundingBox();
	if (map) await page.mouse.click(map.x + map.width * 0.45, map.y + map.height * 0.55);
	await page.locator('.quartier-point').evaluate((element) => element.scrollIntoView({ block: 'center' }));
	await shot('08-einrichtung-anlegen');

	await open('#/collections/einrichtungen/entries/familienzentrum-lindenhof');
	await page.locator('.quartier-hours').first().waitFor({ timeout: 60_000 });
	await page.locator('.quartier-hours').first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
	await shot('12-oeffnungszeiten');

	await open('#/collections/beschluesse/new');
	await page.getByLabel('Titel', { exact: true }).fill('Votum zum Trinkbrunnen am Lindenplatz');
	await page.getByLabel('Kurzfassung', { exact: true }).fill('Der Quartiersrat unterstützt den Antrag beim Klimaanpassungsprogramm der Stadt.');
	await page.getByLabel('Betrag (optional)', { exact: true }).fill('38000');
	await page.getByLabel('Ja-Stimmen (optional)', { exact: true }).fill('12');
	await page.getByLabel('Nein-Stimmen (optional)', { exact: true }).fill('1');
	await page.getByLabel('Enthaltungen (optional)', { exact: true }).fill('2');
	await relation('Projekte (optional)', 'Trinkbrunnen');
	await page.getByLabel('Titel', { exact: true }).scrollIntoViewIfNeeded();
	await shot('09-beschluss-eintragen');

	await open('#/collections/projekte/entries/trinkbrunnen-lindenplatz');
	await page.getByText('Beteiligungszeitraum').first().waitFor({ timeout: 60_000 });
	await page.getByText('Beteiligungszeitraum').first().scrollIntoViewIfNeeded();
	await page.getByLabel('Mitreden bis (optional)', { exact: true }).scrollIntoViewIfNeeded();
	await shot('10-projekt-beteiligung');

	await open('#/collections/projekte/entries/lernwerkstatt-digital');
	await page.getByRole('button', { name: 'Förderjahr hinzufügen' }).click();
	await page.getByLabel('Jahr', { exact: true }).fill('2027');
	await page.getByLabel('Bewilligt', { exact: true }).fill('42000');
	await page.getByRole('button', { name: 'Speichern' }).click();
	await page.getByText(/Eine Idee hat noch kein bewilligtes Geld/).first().waitFor({ timeout: 30_000 });
	await page.getByLabel('Bewilligt', { exact: true }).scrollIntoViewIfNeeded();
	await shot('11-regel-pruefen');
} finally {
	await browser.close();
	for (const server of servers) server.kill();
	rmSync(work, { recursive: true, force: true });
	rmSync(siteContent, { recursive: true, force: true });
}
