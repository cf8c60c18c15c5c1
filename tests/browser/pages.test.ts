/**
 * The built site in Chromium: every page in the sitemap loads without console errors, without any request
 * leaving 127.0.0.1, and with no axe violations (WCAG 2.0/2.1/2.2 A and AA); every template shows its content.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkAxe, loadAxe, WCAG_TAGS } from '../helpers/axe';
import { launch, sitemapPaths, watchedContext, type Watched } from '../helpers/browser';
import { readData } from '../helpers/content';

const baseUrl = inject('baseUrl');
let browser: Browser;
let watched: Watched;
/** A context of its own for the sweep: axe-core is in every document there, the other tests see pages as visitors do. */
let audited: Watched;

beforeAll(async () => {
	browser = await launch();
	watched = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
	audited = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
	await loadAxe(audited.context);
});
afterAll(async () => {
	await browser?.close();
});

describe('every page in the sitemap', () => {
	test('is accessible (axe), error-free and requests nothing from other hosts', async () => {
		const paths = await sitemapPaths(baseUrl);
		expect(paths.length).toBeGreaterThan(400);
		const violations: string[] = [];
		let passes = 0;
		// Every language multiplies the pages: three tabs share the work (the machine has two cores; while one tab
		// waits for its page, another runs axe; two or four tabs were no faster). 3 to 4 minutes for 750 pages here.
		const queue = [...paths];
		await Promise.all(
			Array.from({ length: 3 }, async () => {
				const page = await audited.page();
				for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
					const response = await page.goto(`${baseUrl}${path}`);
					expect(response?.status(), path).toBe(200);
					const result = await checkAxe(page);
					passes += result.passes;
					for (const v of result.violations) violations.push(`${path}: ${v}`);
				}
				await page.close();
			}),
		);
		expect(violations).toEqual([]);
		expect(passes).toBeGreaterThan(paths.length * 10);
		expect(audited.errors).toEqual([]);
		expect(audited.foreign).toEqual([]);
	}, 1_200_000);

	test('the sweep finds what AxeBuilder finds: a planted violation, and the same rules passed', async () => {
		// A page with faults served at a 127.0.0.1 address only this test answers: an image without a text
		// alternative, a field without a label, grey on white.
		const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gepflanzt</title>
			<style>.faint { color: #bbb; background: #fff; }</style></head>
			<body><main><h1>Gepflanzt</h1><img src="/favicon.svg"><input type="text"><p class="faint">Kaum lesbar</p></main></body></html>`;
		const planted = `${baseUrl}/axe-gepflanzt/`;
		const open = async (context: Watched) => {
			const page = await context.page();
			await page.route(planted, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
			await page.goto(planted);
			return page;
		};
		const fast = await checkAxe(await open(audited));
		const builder = await new AxeBuilder({ page: await open(watched) }).withTags(WCAG_TAGS).analyze();
		expect(fast.violations.map((v) => v.split(' ')[0]).sort()).toEqual(['color-contrast', 'image-alt', 'label']);
		expect(fast.violations.find((v) => v.startsWith('image-alt'))).toContain('(img)');
		expect(builder.violations.map((v) => v.id).sort()).toEqual(['color-contrast', 'image-alt', 'label']);
		expect(fast.passes).toBe(builder.passes.length);
	});
});

describe('templates render their content', () => {
	const titleOf = (file: string, key = 'title') => (readData(file) as Record<string, string>)[key];

	test('home: chances to have a say, news, events, projects, office hours', async () => {
		const page = await watched.page();
		await page.goto(`${baseUrl}/`);
		for (const heading of ['Jetzt mitreden', 'Neues aus dem Quartier', 'Die nächsten Termine', 'Projekte in Umsetzung', 'Das Stadtteilbüro']) {
			await expect.poll(() => page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
		}
		expect(await page.locator('.hours tr').count()).toBe(7);
		expect(await page.locator('.hours tr[data-today]').count()).toBe(1);
		expect(await page.getByText('Beispielquartier:').count()).toBe(1);
	});

	test('news item', async () => {
		const page = await watched.page();
		await page.goto(`${baseUrl}/aktuelles/aktionsfonds-2027-start/`);
		expect(await page.locator('h1').textContent()).toBe(titleOf('content/aktuelles/aktionsfonds-2027-start.de.md'));
		expect(await page.locator('.breadcrumbs a').allTextContents()).toEqual(['Startseite', 'Aktuelles']);
	});

	test('draft news are not published', async () => {
		const response = await (await watched.page()).goto(`${baseUrl}/aktuelles/lernwerkstatt-raumsuche/`);
		expect(response?.status()).toBe(404);
	});

	test('project: timeline with the current step marked, funding box, contact', async () => {
		const page = await watched.page();
		await page.goto(`${baseUrl}/projekte/muehlenpark-neugestaltung/`);
		expect(await page.locator('h1').textContent()).toBe(titleOf('content/projekte/muehlenpark-neugestaltung.de.md'));
		const current = page.locator('.timeline [aria-current="step"]');
		expect(await current.count()).toBe(1);
		expect(await current.locator('h3').textContent()).toBe('Beteiligungsforen zum Entwurf');
		expect(await page.getByRole('heading', { name: 'Förderung' }).count()).toBeGreaterThan(0);
		expect(await page.locator('#funding-heading + dl').textContent()).toContain('640.000');
		expect(await page.getByRole('heading', { name: 'So können Sie mitmachen' }).count()).toBe(1);
	});

	test('event, facility, call, document and static page', async () => {
		const page = await watched.page();
		const cases: [string, string][] = [
			['/termine/beteiligungsforum-muehlenpark/', titleOf('content/termine/beteiligungsforum-muehlenpark.de.md') ?? ''],
			['/einrichtungen/kita-sonnenblume/', titleOf('content/einrichtungen/kita-sonnenblume.md', 'name') ?? ''],
			['/aufrufe/aktionsfonds-2027/', titleOf('content/aufrufe/aktionsfonds-2027.de.md') ?? ''],
			['/dokumente/jahresbericht-2025/', titleOf('content/dokumente/jahresbericht-2025.de.md') ?? ''],
			['/impressum/', titleOf('content/seiten/impressum.de.md') ?? ''],
		];
		for (const [path, title] of cases) {
			await page.goto(`${baseUrl}${path}`);
			expect(await page.locator('h1').textContent(), path).toBe(title);
		}
		await page.goto(`${baseUrl}/dokumente/jahresbericht-2025/`);
		const download = await page.locator('a[download]').getAttribute('href');
		expect((await fetch(`${baseUrl}${download}`)).headers.get('content-type')).toContain('pdf');
	});

	test('facilities are listed by category with address and hours', async () => {
		const page = await watched.page();
		await page.goto(`${baseUrl}/einrichtungen/`);
		expect(await page.locator('li[data-facility]').count()).toBeGreaterThanOrEqual(40);
		expect(await page.locator('main section h2').count()).toBeGreaterThanOrEqual(8);
	});

	test('accessibility statement: the parts of the model statement in its order, filled from the settings', async () => {
		const page = await watched.page();
		await page.goto(`${baseUrl}/barrierefreiheit/`);
		const settings = readData('content/settings/quartier.yaml') as { accessibility: { barriers: { title: string; alternative: string }[]; enforcement: { name: string; url: string } } };
		const { barriers, enforcement } = settings.accessibility;
		expect(await page.locator('main h2').allTextContents()).toEqual(['Stand der Vereinbarkeit mit den Anforderungen', 'Nicht barrierefreie Inhalte', 'Erstellung dieser Erklärung', 'Feedback und Kontaktangaben', 'Durchsetzungsverfahren']);
		expect(await page.locator('#statement-status + p').textContent()).toBe('Diese Website ist wegen der folgenden Unvereinbarkeiten und Ausnahmen teilweise mit den Anforderungen vereinbar (maßgeblich: Barrierefreie-Websites-Gesetz des Freistaats Sachsen und BITV 2.0).');
		// Grouped by cause as in the model statement; every barrier the office keeps in the CMS, with what it offers instead.
		expect(await page.locator('section[aria-labelledby="statement-barriers"] h3').allTextContents()).toEqual(['Unvereinbarkeit mit den Anforderungen', 'Unverhältnismäßige Belastung', 'Inhalte, die nicht unter die Vorschriften fallen']);
		expect((await page.locator('.statement__barrier h4').allTextContents()).sort()).toEqual(barriers.map((b) => b.title).sort());
		expect(await page.locator('.statement__barrier', { hasText: barriers[0]?.title ?? '' }).textContent()).toContain(barriers[0]?.alternative.slice(0, 40));
		expect(await page.locator('section[aria-labelledby="statement-made"] p').first().textContent()).toBe('Diese Erklärung wurde am 27. November 2026 erstellt. Zuletzt überprüft wurde sie am 30. November 2026.');
		// Feedback: the form and the ways without it; then the body of the Land, linked.
		expect(await page.locator('section[aria-labelledby="statement-feedback"] form[name="barriere"]').count()).toBe(1);
		expect(await page.locator('section[aria-labelledby="statement-feedback"] a[href^="mailto:"]').count()).toBe(1);
		expect(await page.locator(`section[aria-labelledby="statement-enforcement"] a[href="${enforcement.url}"]`).textContent()).toBe(enforcement.name);
	});

	test('404 page', async () => {
		const page = await watched.page();
		const response = await page.goto(`${baseUrl}/gibt-es-nicht/`);
		expect(response?.status()).toBe(404);
		expect(await page.locator('h1').textContent()).toBe('Seite nicht gefunden');
	});
});
