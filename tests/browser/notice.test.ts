/**
 * Printable notices („Aushang") in real Chromium: a handful of notices – the longest event, call and news item of the
 * sample, and the longest entry translated into the second language the settings name – each print on exactly one A4
 * page; their QR code, read back from a screenshot, is the entry page's absolute address; title, date and the office's
 * phone are on the sheet; the type is big in print; axe finds nothing in German and Arabic.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { readSettings } from '../../src/schemas';
import { href, localePath } from '../../src/lib/routes';
import { formatterFor } from '../../src/lib/format';
import { parseBerlinDateTime, parseDay, startOfBerlinDay } from '../../src/lib/time';
import { entryFiles, idOf, readData, translationFiles } from '../helpers/content';
import { useBrowser, watchedContext } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const now = new Date(inject('buildTime'));
const chromium = useBrowser();
const settings = readSettings();
const second = settings.notices?.secondLanguage ?? 'ar';
const isOut = (value: unknown) => value === undefined || startOfBerlinDay(parseDay(value instanceof Date ? value.toISOString().slice(0, 10) : value) as Date) <= now;
const PT = 96 / 72;

interface Sample { folder: 'termine' | 'aufrufe' | 'aktuelles'; id: string; title: string; summary: string; date: string; page: string; notice: string }
const germanDate = formatterFor('de');
function sample(folder: Sample['folder'], file: string): Sample {
	const data = readData(file) as { title: string; summary: string; start?: unknown; end?: unknown; deadline?: unknown; date?: unknown };
	const id = idOf(file);
	const date =
		folder === 'termine'
			? germanDate.span(parseBerlinDateTime(data.start) as Date, parseBerlinDateTime(data.end) as Date)
			: germanDate.day(parseDay(folder === 'aufrufe' ? data.deadline : data.date) as Date);
	const page = folder === 'termine' ? href.event(id) : folder === 'aufrufe' ? href.call(id) : href.news(id);
	return { folder, id, title: data.title, summary: data.summary, date, page, notice: `${page}aushang/` };
}
const FOLDERS = ['termine', 'aufrufe', 'aktuelles'] as const;
const outFiles = (folder: Sample['folder']) =>
	entryFiles(folder).filter((file) => {
		const data = readData(file) as { published?: unknown; date?: unknown; draft?: boolean };
		return folder === 'termine' || (folder === 'aufrufe' ? isOut(data.published) : !data.draft && isOut(data.date));
	});
/** The entry with the most text: the hardest to fit on one page. */
const longest = <T extends { size: number }>(list: T[]) => list.reduce((a, b) => (b.size > a.size ? b : a));
const sized = (s: Sample) => ({ ...s, size: s.title.length + s.summary.length });
const samples = FOLDERS.map((folder) => longest(outFiles(folder).map((file) => sized(sample(folder, file)))));
/** The entry translated into the second language with the most text in both languages. */
const twoLanguages = longest(
	FOLDERS.flatMap((folder) =>
		translationFiles(folder)
			.filter((t) => t.lang === second && outFiles(folder).some((file) => idOf(file) === t.id))
			.map((t) => {
				const german = sized(sample(folder, `content/${folder}/${t.id}.de.md`));
				const own = readData(t.file) as { title: string; summary: string };
				return { ...german, own, size: german.size + own.title.length + own.summary.length };
			}),
	),
);

async function open(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
	const watched = await watchedContext(chromium.browser, { deviceScaleFactor: 2 });
	const page = await watched.page();
	await page.goto(`${baseUrl}${path}`);
	return {
		page,
		close: async () => {
			expect(watched.foreign).toEqual([]);
			expect(watched.errors).toEqual([]);
			await watched.context.close();
		},
	};
}

/** Prints the page as Chromium does for a reader and checks: one page, A4. */
async function expectOneA4Page(page: Page) {
	const pdf = await PDFDocument.load(await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true }));
	expect(pdf.getPageCount()).toBe(1);
	const { width, height } = pdf.getPage(0).getSize();
	expect(Math.round(width)).toBe(595);
	expect(Math.round(height)).toBe(842);
}

/** Reads the QR code on the sheet back from a screenshot of its SVG. */
async function readQr(page: Page): Promise<string | undefined> {
	const png = PNG.sync.read(await page.locator('svg.aushang-qr').screenshot());
	return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data;
}

/**
 * The smallest font size of any text on the sheet and the headline's, in print, in px. The funding notice – the small
 * print the funding body requires – is measured apart: it only has to be there and readable (≥ 9 pt).
 */
async function printSizes(page: Page) {
	await page.emulateMedia({ media: 'print' });
	return page.evaluate(() => {
		const sheet = document.querySelector('.aushang');
		if (!sheet) return { smallest: 0, headline: 0, texts: 0, smallPrint: 0 };
		const sizes: number[] = [];
		const smallPrint: number[] = [];
		const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (!node.textContent?.trim() || !node.parentElement) continue;
			(node.parentElement.closest('.aushang__funding') ? smallPrint : sizes).push(parseFloat(getComputedStyle(node.parentElement).fontSize));
		}
		return { smallest: Math.min(...sizes), headline: parseFloat(getComputedStyle(sheet.querySelector('h1') as Element).fontSize), texts: sizes.length, smallPrint: Math.min(...smallPrint) };
	});
}

describe.each(samples.map((s) => [s.folder, s] as const))('the notice of the longest %s entry', (_folder, s) => {
	test('prints on one A4 page with its title, date, the office phone and a QR code of its address; big type in print', async () => {
		const { page, close } = await open(s.notice);
		const text = await page.locator('.aushang').innerText();
		expect(text).toContain(s.title);
		expect(text).toContain(s.date);
		expect(text).toContain(settings.contact.phone);
		expect(text).toContain('Mehr im Internet:');
		const url = new URL(s.page, settings.siteUrl).href;
		expect(text).toContain(url.replace(/^https?:\/\//, ''));
		expect(await readQr(page)).toBe(url);
		// On screen: the print button (it needs JavaScript) and the way back; neither is printed.
		await expect.poll(() => page.getByRole('button', { name: 'Drucken' }).isVisible(), { timeout: 10_000 }).toBe(true);
		expect(await page.getByRole('link', { name: 'Zurück zur Seite' }).getAttribute('href')).toBe(s.page);
		const sizes = await printSizes(page);
		expect(sizes.texts).toBeGreaterThan(10);
		expect(sizes.smallest).toBeGreaterThanOrEqual(16 * PT - 0.05);
		expect(sizes.headline).toBeGreaterThanOrEqual(32 * PT - 0.05);
		expect(sizes.smallPrint).toBeGreaterThanOrEqual(9 * PT - 0.05);
		expect(text).toContain(settings.funding.notice);
		expect(await page.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(false);
		await expectOneA4Page(page);
		await close();
	});
});

describe('a notice in two languages', () => {
	test(`the German notice of the longest entry translated into „${second}" carries both texts side by side, on one A4 page`, async () => {
		const { page, close } = await open(twoLanguages.notice);
		const column = page.locator(`.aushang__column[lang="${second}"]`);
		expect(await column.getAttribute('dir')).toBe(second === 'ar' ? 'rtl' : 'ltr');
		expect(await column.locator('h2').innerText()).toBe(twoLanguages.own.title);
		expect(await page.locator('h1').innerText()).toBe(twoLanguages.title);
		// The two columns stand side by side.
		const [left, right] = await page.locator('.aushang__column').evaluateAll((columns) => columns.map((c) => c.getBoundingClientRect().top));
		expect(Math.abs((left ?? 0) - (right ?? 1))).toBeLessThan(2);
		expect(await readQr(page)).toBe(new URL(twoLanguages.page, settings.siteUrl).href);
		const sizes = await printSizes(page);
		expect(sizes.smallest).toBeGreaterThanOrEqual(16 * PT - 0.05);
		expect(sizes.headline).toBeGreaterThanOrEqual(32 * PT - 0.05);
		await expectOneA4Page(page);
		await page.emulateMedia({ media: 'screen' });
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await close();
	});

	test(`the ${second} notice is in ${second} only, its QR code leads to the ${second} page, and axe finds nothing`, async () => {
		const { page, close } = await open(localePath(twoLanguages.notice, second));
		expect(await page.locator('html').getAttribute('lang')).toBe(second);
		expect(await page.locator('.aushang__column').count()).toBe(1);
		expect(await page.locator('h1').innerText()).toBe(twoLanguages.own.title);
		expect(await readQr(page)).toBe(new URL(localePath(twoLanguages.page, second), settings.siteUrl).href);
		await expectOneA4Page(page);
		await page.emulateMedia({ media: 'screen' });
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await close();
	});

	test('an entry page leads to its notice with a small link that is not printed', async () => {
		const { page, close } = await open(twoLanguages.page);
		const link = page.getByRole('link', { name: 'Aushang drucken' });
		await page.emulateMedia({ media: 'print' });
		expect(await link.isVisible()).toBe(false);
		await page.emulateMedia({ media: 'screen' });
		await link.click();
		await page.waitForURL(`**${twoLanguages.notice}`);
		expect(await page.locator('h1').innerText()).toBe(twoLanguages.title);
		await close();
	});
});
