/**
 * Printable notices („Aushang"): every event, every call and every news item that is out has one under its page, in
 * every language (a news item: in German and the languages it is translated into, src/lib/page-languages.ts);
 * nothing dated in the future has one. German notices of entries translated into the settings' second language
 * carry both texts; notices stay out of the sitemap and the search index.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { readSettings } from '../../src/schemas';
import { href, localePath } from '../../src/lib/routes';
import { escapeHtml } from '../../src/lib/escape';
import { parseDay, startOfBerlinDay } from '../../src/lib/time';
import { entryFiles, idOf, readData, translatedInto, translationFiles } from '../helpers/content';

const now = new Date(inject('buildTime'));
const { languages, notices } = readSettings();
const second = notices?.secondLanguage;
const asHtml = (text: string) => escapeHtml(text).replace(/'/g, '&#39;');
const dayOf = (value: unknown) => parseDay(value instanceof Date ? value.toISOString().slice(0, 10) : value) as Date;
const isLater = (value: unknown) => value !== undefined && startOfBerlinDay(dayOf(value)) > now;
const fileOf = (page: string) => path.join('dist', page, 'index.html');

interface Item { id: string; folder: 'termine' | 'aufrufe' | 'aktuelles'; notice: string; title: string; later: boolean }
/** The languages an item's pages exist in: all for events and calls; German and its translations for a news item. */
const languagesOf = (item: Item) => languages.filter((locale, i) => i === 0 || item.folder !== 'aktuelles' || translatedInto('aktuelles', item.id).includes(locale));
const items: Item[] = [
	...entryFiles('termine').map((file) => ({ id: idOf(file), folder: 'termine' as const, notice: href.eventNotice(idOf(file)), title: (readData(file) as { title: string }).title, later: false })),
	...entryFiles('aufrufe').map((file) => {
		const data = readData(file) as { title: string; published?: unknown };
		return { id: idOf(file), folder: 'aufrufe' as const, notice: href.callNotice(idOf(file)), title: data.title, later: isLater(data.published) };
	}),
	...entryFiles('aktuelles').flatMap((file) => {
		const data = readData(file) as { title: string; date: unknown; draft?: boolean };
		// A draft is never out, whatever its date.
		return data.draft ? [] : [{ id: idOf(file), folder: 'aktuelles' as const, notice: href.newsNotice(idOf(file)), title: data.title, later: isLater(data.date) }];
	}),
];
const out = items.filter((item) => !item.later);
const later = items.filter((item) => item.later);

describe('printable notices', () => {
	test('every event, call and news item that is out has a notice in each language of its pages, with its title', () => {
		expect(out.filter((item) => item.folder === 'termine').length).toBeGreaterThan(5);
		expect(out.filter((item) => item.folder === 'aufrufe').length).toBeGreaterThan(0);
		expect(out.filter((item) => item.folder === 'aktuelles').length).toBeGreaterThan(5);
		expect(out.filter((item) => languagesOf(item).length === languages.length && item.folder === 'aktuelles').length, 'fully translated news').toBeGreaterThan(0);
		for (const item of out) {
			for (const locale of languages) {
				const file = fileOf(localePath(item.notice, locale));
				expect(existsSync(file), file).toBe(languagesOf(item).includes(locale));
				if (!languagesOf(item).includes(locale)) continue;
				const page = readFileSync(file, 'utf8');
				expect(page, file).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`));
				expect(page, file).toContain('<meta name="robots" content="noindex">');
			}
			expect(readFileSync(fileOf(item.notice), 'utf8')).toContain(`${asHtml(item.title)}</h1>`);
		}
	});

	test('nothing dated in the future has a notice, in any language; an entry\'s page links to its notice', () => {
		expect(later.length).toBeGreaterThan(0);
		for (const item of later) for (const locale of languages) expect(existsSync(fileOf(localePath(item.notice, locale))), item.notice).toBe(false);
		for (const item of out) {
			const entryPage = item.notice.replace(/aushang\/$/, '');
			expect(readFileSync(fileOf(entryPage), 'utf8'), entryPage).toContain(`<a href="${item.notice}"`);
			if (languagesOf(item).includes('tr')) expect(readFileSync(fileOf(localePath(entryPage, 'tr')), 'utf8'), entryPage).toContain(`<a href="${localePath(item.notice, 'tr')}"`);
		}
	});

	test('a translated entry: its notice in that language carries the translation only; the German one has both where the second language is set', () => {
		expect(second, 'the sample sets a second language for notices').toBeDefined();
		const translated = (['termine', 'aufrufe', 'aktuelles'] as const).flatMap((folder) => translationFiles(folder).map((t) => ({ ...t, folder })));
		const withSecond = translated.filter((t) => t.lang === second && out.some((item) => item.id === t.id && item.folder === t.folder));
		expect(withSecond.length).toBeGreaterThan(1);
		for (const t of translated) {
			const item = out.find((i) => i.id === t.id && i.folder === t.folder);
			if (!item) continue;
			const { title } = readData(t.file) as { title: string };
			const own = readFileSync(fileOf(localePath(item.notice, t.lang)), 'utf8');
			expect(own, t.file).toContain(`<h1 class="aushang__title">${asHtml(title)}</h1>`);
			expect(own, t.file).toContain('data-columns="1"');
		}
		for (const t of withSecond) {
			const item = out.find((i) => i.id === t.id && i.folder === t.folder);
			const german = readFileSync(fileOf(item?.notice ?? ''), 'utf8');
			const { title } = readData(t.file) as { title: string };
			expect(german, t.file).toContain('data-columns="2"');
			expect(german, t.file).toContain(`<div class="aushang__column" lang="${second}" dir="${second === 'ar' ? 'rtl' : 'ltr'}">`);
			expect(german, t.file).toContain(`<h2 class="aushang__title">${asHtml(title)}</h2>`);
		}
		// An entry without that translation: German only.
		const plain = out.find((item) => !translated.some((t) => t.id === item.id && t.folder === item.folder && t.lang === second));
		expect(readFileSync(fileOf(plain?.notice ?? ''), 'utf8')).toContain('data-columns="1"');
	});

	test('notices are in neither the sitemap nor the search index', () => {
		const sitemap = readdirSync('dist').filter((name) => /^sitemap.*\.xml$/.test(name)).map((name) => readFileSync(path.join('dist', name), 'utf8')).join('\n');
		expect(sitemap).toContain('/termine/');
		expect(sitemap).not.toContain('/aushang/');
		const urls = readdirSync('dist/pagefind/fragment').map((name) => {
			const raw = gunzipSync(readFileSync(path.join('dist/pagefind/fragment', name))).toString('utf8');
			return (JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string }).url;
		});
		expect(urls.length).toBeGreaterThan(50);
		expect(urls.filter((url) => url.includes('/aushang/'))).toEqual([]);
	});
});
