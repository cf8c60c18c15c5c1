/**
 * The residents' forms, for real: Chromium fills them in with the keyboard only, with JavaScript on and off, and
 * posts to a small local server that stands in for Netlify Forms (it records the fields and answers with the
 * form's action page, as Netlify does). Each form sends exactly its own fields, `form-name` and an empty honeypot,
 * and lands on /danke/. With JavaScript, problems appear in German under the fields and focus moves to the first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedContext } from '../helpers/browser';
import { serveStatic, type Submission } from '../helpers/servers';
import { FORMS, HONEYPOT, postedFields, type FormName } from '../../src/lib/forms';
import { de } from '../../src/i18n/de';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
	site = await serveStatic(path.resolve('dist'));
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

/** Presses Tab until the focused element matches `selector` (keyboard only, like a resident without a mouse). */
async function tabTo(page: Page, selector: string, limit = 80) {
	for (let i = 0; i < limit; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

/** What a resident types into each field, by field name. */
const typed: Record<string, string> = {
	idee: 'Bänke mit Lehne am Lindenplatz',
	beschreibung: 'Ältere Nachbarn brauchen Bänke mit Lehne.\nAm besten vier Stück im Schatten.',
	ort: 'Lindenplatz',
	betreff: 'Frage zum Quartiersrat',
	nachricht: 'Wann ist die nächste Sitzung?',
	problem: 'Der Knopf „Menü" ist mit dem Screenreader stumm.',
	hilfsmittel: 'NVDA',
	name: 'Ayşe Yılmaz',
	email: 'ayse@example.org',
	telefon: '0341 1234567',
};

/** Fills a form with the keyboard: text by typing, the first real choice of a select, „Ja, per E-Mail" as answer. */
async function fillByKeyboard(page: Page, formSelector: string, name: FormName) {
	for (const field of FORMS[name].fields) {
		const control = `${formSelector} [name="${field.name}"]`;
		if (!(await page.locator(control).first().isVisible())) continue;
		if (field.kind === 'radio') {
			await tabTo(page, `${control}:checked`);
			await page.keyboard.press('ArrowDown'); // keine → email
			continue;
		}
		// A field the page already filled in (the page of a barrier report) is left as it is.
		if (field.kind !== 'select' && (await page.locator(control).inputValue())) continue;
		await tabTo(page, control);
		if (field.kind === 'select') await page.keyboard.press('ArrowDown');
		else await page.keyboard.type(typed[field.name] ?? 'Test');
	}
}

async function submitByKeyboard(page: Page, formSelector: string) {
	await tabTo(page, `${formSelector} button[type="submit"]`);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/danke\/$/);
}

const names = (submission: Submission | undefined) => submission?.fields.map(([name]) => name) ?? [];
const value = (submission: Submission | undefined, name: string) => submission?.fields.find(([n]) => n === name)?.[1];

const cases: { name: FormName; page: string; form: string; page_field?: string }[] = [
	{ name: 'idee', page: '/mitmachen/idee/', form: 'main form[name="idee"]' },
	{ name: 'kontakt', page: '/kontakt/', form: 'main form[name="kontakt"]' },
	{ name: 'barriere', page: '/barrierefreiheit/', form: 'main form[name="barriere"]' },
];

describe('each form posts exactly its fields and lands on /danke/', () => {
	for (const javaScriptEnabled of [true, false]) {
		for (const { name, page: address, form } of cases) {
			test(`${name} on ${address}, keyboard only, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
				const { page, errors, foreign } = await watchedContext(browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled });
				const p = await page();
				await p.goto(`${site.url}${address}`);
				const before = site.submissions.length;
				await fillByKeyboard(p, form, name);
				await submitByKeyboard(p, form);
				expect(site.submissions.length).toBe(before + 1);
				const sent = site.submissions.at(-1);
				expect(sent?.path).toBe('/danke/');
				expect(names(sent)).toEqual(postedFields(FORMS[name]));
				expect(value(sent, 'form-name')).toBe(name);
				expect(value(sent, HONEYPOT)).toBe('');
				expect(value(sent, 'email')).toBe('ayse@example.org');
				expect(value(sent, 'name')).toBe('Ayşe Yılmaz');
				expect(value(sent, 'antwort')).toBe('email');
				if (name === 'idee') {
					// Browsers send line breaks in a text area as CRLF.
					expect(value(sent, 'beschreibung')).toBe(typed.beschreibung?.replace(/\n/g, '\r\n'));
					expect(value(sent, 'handlungsfeld')).not.toBe('');
				}
				expect(await p.locator('h1').textContent()).toBe('Vielen Dank!');
				expect(errors).toEqual([]);
				expect(foreign).toEqual([]);
			}, 60_000);
		}
	}

	test('„Barriere melden" at the foot of a page leads to the report form with that page filled in (JavaScript on)', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${site.url}/projekte/muehlenpark-neugestaltung/`);
		await tabTo(p, 'footer a[href^="/barrierefreiheit/?seite="]', 200);
		await p.keyboard.press('Enter');
		await p.waitForURL(/\/barrierefreiheit\/\?seite=\/projekte\/muehlenpark-neugestaltung\/#barriere-melden$/);
		const form = 'main form[name="barriere"]';
		expect(await p.locator(`${form} [name="seite"]`).inputValue()).toBe('/projekte/muehlenpark-neugestaltung/');
		await fillByKeyboard(p, form, 'barriere');
		await submitByKeyboard(p, form);
		const sent = site.submissions.at(-1);
		expect(names(sent)).toEqual(postedFields(FORMS.barriere));
		expect(value(sent, 'seite')).toBe('/projekte/muehlenpark-neugestaltung/');
		expect(value(sent, 'problem')).toBe(typed.problem);
		// Only a path of this site is taken from the address.
		await p.goto(`${site.url}/barrierefreiheit/?seite=https%3A%2F%2Fboese.example%2F#barriere-melden`);
		expect(await p.locator(`${form} [name="seite"]`).inputValue()).toBe('');
		expect(errors).toEqual([]);
	}, 90_000);

	test('without JavaScript the report form has its page field to fill in', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${site.url}/barrierefreiheit/?seite=%2Fkontakt%2F#barriere-melden`);
		const field = p.locator('main form[name="barriere"] [name="seite"]');
		expect(await field.inputValue()).toBe('');
		expect(await p.getByLabel('Auf welcher Seite? (freiwillig)').count()).toBe(1);
	});
});

describe('problems are shown, not sent', () => {
	test('with JavaScript: German messages under the fields, linked to them, focus on the first; fixed problems go away', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site.url}/mitmachen/idee/`);
		const before = site.submissions.length;
		const form = 'main form[name="idee"]';
		await tabTo(p, `${form} [name="antwort"]:checked`);
		await p.keyboard.press('ArrowDown'); // answer by e-mail, but no address given
		await tabTo(p, `${form} button[type="submit"]`);
		await p.keyboard.press('Enter');
		const idea = p.locator(`${form} [name="idee"]`);
		await expect.poll(() => idea.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await idea.getAttribute('aria-invalid')).toBe('true');
		const describedBy = (await idea.getAttribute('aria-describedby')) ?? '';
		const error = p.locator(`#${describedBy.split(' ')[0]}`);
		expect(await error.textContent()).toBe('Bitte füllen Sie „Ihre Idee in einem Satz" aus.');
		expect(describedBy.split(' ')).toContain('idee-idee-hint');
		expect(await p.locator(`${form} .field__error:not([hidden])`).allTextContents()).toEqual([
			'Bitte füllen Sie „Ihre Idee in einem Satz" aus.',
			'Bitte füllen Sie „Beschreiben Sie Ihre Idee" aus.',
			'Für eine Antwort brauchen wir „E-Mail-Adresse".',
		]);
		const axe = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		// Typing the idea and leaving the field clears its message at once.
		await p.keyboard.type('Ein Trinkbrunnen');
		await p.keyboard.press('Tab');
		expect(await idea.getAttribute('aria-invalid')).toBeNull();
		expect(await idea.getAttribute('aria-describedby')).toBe('idee-idee-hint');
		expect(await p.locator(`${form} .field__error:not([hidden])`).count()).toBe(2);
		expect(site.submissions.length).toBe(before);
		expect(errors).toEqual([]);
	}, 60_000);

	test('without JavaScript the browser refuses an empty required field, and nothing is sent', async () => {
		const { page } = await watchedContext(browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${site.url}/kontakt/`);
		const before = site.submissions.length;
		const posts: string[] = [];
		p.on('request', (request) => void (request.method() === 'POST' && posts.push(request.url())));
		await tabTo(p, 'main form[name="kontakt"] button[type="submit"]');
		await p.keyboard.press('Enter');
		// The browser refuses the form by moving the focus to its first empty required field, in the same task as the
		// Enter: from then on no request can follow.
		await expect.poll(() => p.evaluate(() => document.activeElement?.matches('main form[name="kontakt"] :invalid') ?? false)).toBe(true);
		expect(posts).toEqual([]);
		expect(p.url()).toBe(`${site.url}/kontakt/`);
		expect(site.submissions.length).toBe(before);
		expect(await p.locator('main form [name="betreff"]').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
	});
});

describe('the idea form stays right as time passes', () => {
	test('a call whose deadline passed after the build is no longer offered', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.clock.install({ time: new Date(inject('buildTime')) });
		await p.goto(`${site.url}/mitmachen/idee/`);
		const calls = p.locator('main select[name="fonds"] option[data-until]');
		const count = await calls.count();
		expect(count).toBeGreaterThan(0);
		const first = calls.first();
		const value = await first.getAttribute('value');
		const until = Date.parse((await first.getAttribute('data-until')) ?? '');
		await p.clock.setSystemTime(new Date(until + 60_000));
		await p.reload();
		expect(await p.locator(`main select[name="fonds"] option[value="${value}"]`).count()).toBe(0);
		expect(await calls.count()).toBeLessThan(count);
		// The funds stay.
		expect(await p.locator('main select[name="fonds"] option[value^="fonds:"]').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});
});

describe('what Netlify reads, and the thank-you page', () => {
	test('the hidden copy for Netlify names the same fields the pages post, with the honeypot', () => {
		const html = readFileSync('dist/netlify-formulare.html', 'utf8');
		for (const form of Object.values(FORMS)) {
			const block = new RegExp(`<form name="${form.name}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
			expect(block?.[0], form.name).toContain(`netlify-honeypot="${HONEYPOT}"`);
			expect(block?.[0]).toContain('data-netlify="true"');
			const fields = [...(block?.[1] ?? '').matchAll(/name="([^"]+)"/g)].map((m) => m[1]);
			expect(['form-name', ...fields]).toEqual(postedFields(form));
			const page = readFileSync(`dist/${form.name === 'idee' ? 'mitmachen/idee' : form.name === 'kontakt' ? 'kontakt' : 'barrierefreiheit'}/index.html`, 'utf8');
			const rendered = new RegExp(`<form[^>]*name="${form.name}"[^>]*>([\\s\\S]*?)</form>`).exec(page)?.[1] ?? '';
			expect([...new Set([...rendered.matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]))]).toEqual(postedFields(form));
		}
		// No proprietary attribute reaches a page residents read.
		expect(readFileSync('dist/kontakt/index.html', 'utf8')).not.toMatch(/netlify-honeypot|data-netlify/);
	});

	test('limits and the consent sentence are in the HTML; the Datenschutz page lists what each form sends', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const p = await page();
		for (const { name, page: address, form } of cases) {
			await p.goto(`${site.url}${address}`);
			for (const field of FORMS[name].fields.filter((f) => f.kind !== 'radio' && f.kind !== 'select')) {
				const control = p.locator(`${form} [name="${field.name}"]`);
				expect(await control.getAttribute('maxlength'), `${name}.${field.name}`).toBe(field.maxLength === undefined ? null : String(field.maxLength));
				expect(await control.getAttribute('required'), `${name}.${field.name}`).toBe(field.required ? '' : null);
			}
			const consent = p.locator(form).getByRole('link', { name: de['form.consentLink'] });
			expect(await consent.getAttribute('href'), name).toBe('/datenschutz/');
		}
		await p.goto(`${site.url}/datenschutz/`);
		const items = await p.locator('section[aria-labelledby="privacy-forms"] li').allTextContents();
		expect(items).toHaveLength(Object.keys(FORMS).length);
		for (const form of Object.values(FORMS)) {
			const item = items.find((text) => text.startsWith(`${de[form.title]}:`)) ?? '';
			for (const field of form.fields) expect(item, `${form.name}: ${field.name}`).toContain(de[field.label]);
		}
		expect(errors).toEqual([]);
	});

	test('/danke/ is accessible, not indexed and not in the sitemap', async () => {
		const { page, errors } = await watchedContext(browser, { viewport: { width: 360, height: 740 } });
		const p = await page();
		await p.goto(`${site.url}/danke/`);
		expect(await p.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
		const axe = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		expect(readFileSync('dist/sitemap.xml', 'utf8')).not.toContain('/danke/');
		expect(errors).toEqual([]);
	});
});
