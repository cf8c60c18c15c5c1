/**
 * The built site in every language (settings.languages): each page exists under each prefix with `<html lang dir>`
 * (untranslated news aside: German only, src/lib/page-languages.ts); its links stay in its language; `hreflang`
 * alternates are reciprocal and name only real translations; a page whose content is not translated yet says so and
 * marks the German text; the sitemap lists every page with the same alternates the page names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { htmlPages } from '../../src/integrations/built-pages';
import { alternatesOf } from '../../src/integrations/sitemap';
import { readSettings } from '../../src/schemas';
import { splitLocale } from '../../src/lib/routes';
import { entryFiles, idOf, readData, translatedInto } from '../helpers/content';
import { escapeHtml } from '../../src/lib/escape';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

/** Text as Astro writes it into HTML (apostrophes too). */
const asHtml = (text: string) => escapeHtml(text).replace(/'/g, '&#39;');

const { languages, siteUrl } = readSettings();
const others = languages.slice(1);
const pages = await htmlPages('dist');
const html = new Map(pages.map(({ path, file }) => [path, readFileSync(file, 'utf8')]));
const german = pages.map((p) => p.path).filter((path) => splitLocale(path, languages).locale === 'de' && !path.startsWith('/admin/'));
const fileOf = (url: string) => `dist${new URL(url).pathname}index.html`;
/** Published news items (German addresses of their page and notice) without a translation, per language. */
const untranslated = new Map<string, string[]>(
	others.map((locale) => [
		locale,
		entryFiles('aktuelles')
			.map(idOf)
			.filter((id) => html.has(`/aktuelles/${id}/`) && !translatedInto('aktuelles', id).includes(locale))
			.flatMap((id) => [`/aktuelles/${id}/`, `/aktuelles/${id}/aushang/`]),
	]),
);
const untranslatedNews = (locale: string) => untranslated.get(locale) ?? [];

describe('every page in every language', () => {
	test('the sample offers German, English, Turkish and Arabic', () => {
		expect(languages).toEqual(['de', 'en', 'tr', 'ar']);
		expect(german.length).toBeGreaterThan(100);
	});

	test('each German page exists under each prefix, in that language and direction (untranslated news not); the CMS only once', () => {
		for (const path of german) {
			expect(html.get(path), path).toMatch(/^<!DOCTYPE html><html lang="de" dir="ltr"/);
			for (const locale of others) {
				const page = html.get(`/${locale}${path}`);
				if (untranslatedNews(locale).includes(path)) {
					expect(page, `/${locale}${path}`).toBeUndefined();
					continue;
				}
				expect(page, `/${locale}${path}`).toBeDefined();
				expect(page).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`));
			}
		}
		for (const locale of others) expect(existsSync(`dist/${locale}/admin`), locale).toBe(false);
	});

	test('untranslated news items exist in German only: every language but German lacks some, and lacks their notices too', () => {
		for (const locale of others) {
			const missing = untranslatedNews(locale);
			expect(missing.length, locale).toBeGreaterThan(10);
			for (const path of missing) {
				expect(html.has(path), path).toBe(true);
				expect(html.has(`/${locale}${path}`), `/${locale}${path}`).toBe(false);
				expect(existsSync(`dist/${locale}${path}`), `/${locale}${path}`).toBe(false);
			}
		}
	});

	test('links to a news item that exists in German only keep the German address and say so (hreflang="de")', () => {
		let seen = 0;
		for (const { path } of pages) {
			const { locale } = splitLocale(path, languages);
			if (locale === 'de') continue;
			const missing = new Set(untranslatedNews(locale));
			for (const [tag, target = ''] of (html.get(path) ?? '').matchAll(/<a\b[^>]*\shref="([^"#?]*)[^"]*"[^>]*>/g)) {
				const germanTarget = splitLocale(target, languages).path;
				if (!missing.has(germanTarget)) continue;
				expect(target, `${path}: ${tag}`).toBe(germanTarget);
				expect(tag, path).toMatch(/\shreflang="de"/);
				seen++;
			}
		}
		expect(seen).toBeGreaterThan(50);
	});

	test('old language addresses of untranslated news lead to the German page and notice (_redirects, before the 404 rule)', () => {
		const rules = readFileSync('dist/_redirects', 'utf8')
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => line.trim().split(/\s+/));
		for (const locale of others) {
			expect(rules.filter(([from]) => from?.startsWith(`/${locale}/`))).toEqual([
				[`/${locale}/aktuelles/:slug/`, '/aktuelles/:slug/', '302'],
				[`/${locale}/aktuelles/:slug/aushang/`, '/aktuelles/:slug/aushang/', '302'],
				[`/${locale}/*`, `/${locale}/404/`, '404'],
			]);
		}
	});

	test('on the German page of an untranslated news item, the switcher leads to the news list in the other languages', () => {
		const [path] = untranslatedNews('en');
		const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(html.get(path ?? '') ?? '')?.[0] ?? '';
		expect([...switcher.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([path, '/en/aktuelles/', '/tr/aktuelles/', '/ar/aktuelles/']);
	});

	test('a page in another language links to pages in its own language (files, the language switcher and German-only news aside)', () => {
		for (const { path } of pages) {
			const { locale } = splitLocale(path, languages);
			if (locale === 'de' || path.startsWith('/admin/')) continue;
			const tags = [...(html.get(path) ?? '').matchAll(/<(?:a|form)\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\shreflang=/.test(tag));
			for (const tag of tags) {
				const target = /\s(?:href|action)="(\/[^/"][^"]*|\/)"/.exec(tag)?.[1];
				if (!target || /^\/(_astro|pagefind|uploads)\//.test(target) || /\.[a-z0-9]+$/i.test(target.split(/[?#]/)[0] ?? '')) continue;
				expect(target.startsWith(`/${locale}/`), `${path}: ${tag}`).toBe(true);
			}
		}
	});

	test('the switcher on each page leads to the same page in each language, named in that language and its direction', () => {
		const names: Record<string, string> = { de: 'Deutsch', en: 'English', tr: 'Türkçe', ar: 'العربية' };
		for (const path of ['/projekte/muehlenpark-neugestaltung/', '/tr/kontakt/', '/ar/']) {
			const german = splitLocale(path, languages).path;
			const links = [...(html.get(path) ?? '').matchAll(/<a href="([^"]+)" lang="([^"]+)" dir="([^"]+)" hreflang="[^"]+"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2], m[3], m[4]]);
			expect(links, path).toEqual(languages.map((code) => [code === 'de' ? german : `/${code}${german}`, code, code === 'ar' ? 'rtl' : 'ltr', names[code]]));
		}
	});
});

describe('translations and fallbacks', () => {
	test('alternates are reciprocal, include the page itself and x-default (German), and point to real pages', () => {
		let withAlternates = 0;
		for (const [path, page] of html) {
			const alternates = alternatesOf(page);
			if (!alternates.length) continue;
			withAlternates++;
			const map = new Map(alternates);
			expect(map.get(splitLocale(path, languages).locale), path).toBe(new URL(path, siteUrl).href);
			expect(map.get('x-default'), path).toBe(new URL(splitLocale(path, languages).path, siteUrl).href);
			for (const [, url] of alternates) {
				expect(existsSync(fileOf(url)), url).toBe(true);
				expect(alternatesOf(readFileSync(fileOf(url), 'utf8')), `${path} ↔ ${url}`).toEqual(alternates);
			}
		}
		expect(withAlternates).toBeGreaterThan(40);
	});

	test('a page whose content is not translated: frame in the reader\'s language, a notice, the German text marked; no alternates', () => {
		const id = 'hofbegruenung-weberstrasse';
		expect(existsSync(`content/projekte/${id}.tr.md`)).toBe(false);
		const title = (readData(`content/projekte/${id}.de.md`) as { title: string }).title;
		const page = html.get(`/tr/projekte/${id}/`) ?? '';
		expect(page).toContain('<nav id="site-nav" class="site-nav" aria-label="Ana menü"');
		expect(page).toMatch(new RegExp(`<p class="translation-notice"[^>]*>Bu sayfa henüz Türkçe olarak mevcut değil\\. [^<]*<a href="/projekte/${id}/" hreflang="de">Almanca sayfaya git</a>`));
		expect(page).toContain(`<h1 lang="de" dir="ltr">${title}</h1>`);
		expect(page).toMatch(/<div class="prose" lang="de" dir="ltr">/);
		expect(alternatesOf(page)).toEqual([]);
		// The German page has neither the notice nor marks of its own.
		const source = html.get(`/projekte/${id}/`) ?? '';
		expect(source).not.toContain('class="translation-notice"');
		expect(source).toContain(`<h1>${title}</h1>`);
	});

	test('a translated entry: its text in the reader\'s language, unmarked, alternates between its real translations only', () => {
		const id = 'muehlenpark-neugestaltung';
		for (const locale of others) {
			const { title } = readData(`content/projekte/${id}.${locale}.md`) as { title: string };
			const page = html.get(`/${locale}/projekte/${id}/`) ?? '';
			expect(page).not.toContain('class="translation-notice"');
			expect(page).toContain(`<h1>${asHtml(title)}</h1>`);
			expect(page).toMatch(/<div class="prose">/);
			expect(alternatesOf(page).map(([code]) => code)).toEqual([...languages, 'x-default']);
			// What is kept once in German (the steps of the project) stays marked German.
			const { phases } = readData(`content/projekte/${id}.de.md`) as { phases: { title: string }[] };
			for (const phase of phases) expect(page, phase.title).toContain(`<h3 lang="de" dir="ltr">${asHtml(phase.title)}</h3>`);
		}
		// Listed under its translated title, in the reader's language.
		const { title } = readData(`content/projekte/${id}.ar.md`) as { title: string };
		expect(html.get('/ar/projekte/') ?? '').toContain(`>${asHtml(title)}</a>`);
	});

	test('pages made of interface texts are real translations: no notice, alternates in every language', () => {
		for (const locale of others) {
			const page = html.get(`/${locale}/kontakt/`) ?? '';
			expect(page).not.toContain('class="translation-notice"');
			expect(alternatesOf(page).map(([code]) => code)).toEqual([...languages, 'x-default']);
		}
	});

	test('on a page in another language, German cards are marked German and translated ones are not', () => {
		const page = html.get('/ar/aktuelles/') ?? '';
		const cards = [...page.matchAll(/<article class="card">\s*(?:<[^>]+>\s*)*?<h([23])([^>]*)><a( hreflang="de")? href="\/(?:ar\/)?aktuelles\/([^/]+)\/">/g)];
		expect(cards.length).toBeGreaterThan(5);
		const translated = cards.filter((card) => existsSync(`content/aktuelles/${card[4]}.ar.md`));
		expect(translated.length).toBe(3);
		for (const card of cards) {
			expect(card[2], card[4]).toBe(translated.includes(card) ? '' : ' lang="de" dir="ltr"');
			// A translated item's link leads to its Arabic page, an untranslated one's to the German page, marked so.
			expect(card[0], card[4]).toContain(translated.includes(card) ? `href="/ar/aktuelles/${card[4]}/"` : `hreflang="de" href="/aktuelles/${card[4]}/"`);
		}
		// …and an untranslated card says, in Arabic, that the item is German only.
		expect(page.split(' · بالألمانية فقط</p>').length - 1).toBe(cards.length - translated.length);
	});

	test('on Arabic pages every German text – untranslated fields, settings, names of places – is marked German and left to right', () => {
		type Node = DefaultTreeAdapterMap['node'];
		// Three Latin-script words in a row with no Arabic letter beside them: German (or English) the page reads as Arabic.
		const latinRun = /[a-zäöüß]{3,}[,:]?\s+(?:–\s+)?[a-zäöüß]{2,}[,:]?\s+(?:–\s+)?[a-zäöüß]{2,}/i;
		const unmarked: string[] = [];
		let marked = 0;
		for (const [path, page] of html) {
			if (!path.startsWith('/ar/')) continue;
			const walk = (node: Node, lang: string): void => {
				if (node.nodeName === 'head' || node.nodeName === 'script' || node.nodeName === 'style') return;
				if (node.nodeName === '#text' && 'value' in node) {
					const text = node.value.trim();
					if (lang === 'ar' && latinRun.test(text) && !/[\u0600-\u06FF]/.test(text)) unmarked.push(`${path}: ${text.slice(0, 60)}`);
					return;
				}
				const attrs = 'attrs' in node ? node.attrs : [];
				const own = attrs.find((a) => a.name === 'lang')?.value;
				if (own && own !== lang) {
					expect(attrs.find((a) => a.name === 'dir')?.value, `${path}: <${node.nodeName} lang="${own}">`).toBe(own === 'ar' ? 'rtl' : 'ltr');
					if (own === 'de') marked++;
				}
				for (const child of 'childNodes' in node ? node.childNodes : []) walk(child, own ?? lang);
				if (node.nodeName === 'template' && 'content' in node) walk(node.content, own ?? lang);
			};
			walk(parse(page), 'ar');
		}
		expect(unmarked).toEqual([]);
		expect(marked).toBeGreaterThan(500);
	});

	test('on Arabic pages the German texts the content keeps once – steps, places, untranslated titles, picture descriptions – never stand unmarked, not even inside an Arabic sentence', () => {
		type Node = DefaultTreeAdapterMap['node'];
		const german = new Set<string>();
		for (const file of entryFiles('projekte')) for (const phase of (readData(file) as { phases: { title: string }[] }).phases) german.add(phase.title);
		for (const file of entryFiles('termine')) {
			const { place } = readData(file) as { place: { label?: string; address?: string } };
			if (place.address) german.add(place.address);
		}
		for (const folder of ['aktuelles', 'projekte', 'termine', 'aufrufe', 'beschluesse', 'dokumente', 'ziele']) {
			for (const file of entryFiles(folder)) {
				if (existsSync(file.replace(/\.de\.md$/, '.ar.md'))) continue;
				const { title, image } = readData(file) as { title: string; image?: { alt?: string } };
				german.add(title);
				if (image?.alt) german.add(image.alt);
			}
		}
		// Single words are left out: a translation may name a German term in brackets („(Beteiligungsforum)").
		const needles = [...german].filter((text) => text.length >= 12 && text.includes(' ')).map(asHtml);
		expect(needles.length).toBeGreaterThan(80);
		const unmarked: string[] = [];
		for (const [path, page] of html) {
			if (!path.startsWith('/ar/')) continue;
			const walk = (node: Node, lang: string): void => {
				if (node.nodeName === 'head' || node.nodeName === 'script' || node.nodeName === 'style') return;
				if (node.nodeName === '#text' && 'value' in node) {
					if (lang !== 'de') for (const needle of needles) if (asHtml(node.value).includes(needle)) unmarked.push(`${path}: ${needle}`);
					return;
				}
				const attrs = 'attrs' in node ? node.attrs : [];
				const own = attrs.find((a) => a.name === 'lang')?.value ?? lang;
				const alt = attrs.find((a) => a.name === 'alt')?.value;
				if (alt && own !== 'de' && needles.includes(asHtml(alt))) unmarked.push(`${path}: alt ${alt}`);
				for (const child of 'childNodes' in node ? node.childNodes : []) walk(child, own);
			};
			walk(parse(page), 'ar');
		}
		expect(unmarked).toEqual([]);
	});

	test('phone numbers read left to right on Arabic pages, digits in the order they are dialled', () => {
		const links = [...(html.get('/ar/kontakt/') ?? '').matchAll(/<a class="phone"([^>]*)>/g)].map((m) => m[1] ?? '');
		expect(links.length).toBeGreaterThan(0);
		for (const attributes of links) expect(attributes).toContain('dir="ltr"');
	});
	test('charts read from the right in Arabic: labels at the right edge, bars growing from it', () => {
		const labels = (path: string) => [...(html.get(path) ?? '').matchAll(/<text x="([^"]+)"[^>]*class="chart__label"/g)].map((m) => m[1]);
		expect(labels('/foerderung/').length).toBeGreaterThan(4);
		expect(new Set(labels('/foerderung/'))).toEqual(new Set(['0']));
		expect(new Set(labels('/ar/foerderung/'))).toEqual(new Set(['100%']));
		// A bar that is paid in full ends at the right edge: it starts at 100 % minus its width.
		const parts = [...(html.get('/ar/foerderung/') ?? '').matchAll(/<rect class="chart__part" x="([\d.]+)%"[^>]*width="([\d.]+)%"/g)];
		expect(parts.length).toBeGreaterThan(4);
		for (const [, x = '', width = ''] of parts) expect(Number(x) + Number(width)).toBeCloseTo(100, 5);
	});

	test('staff see which entry lacks which translation (German only, not indexed)', () => {
		const page = html.get('/admin/uebersetzungen/') ?? '';
		expect(page).toContain('<meta name="robots" content="noindex"');
		for (const locale of others) expect(html.has(`/${locale}/admin/uebersetzungen/`)).toBe(false);
		const rows = [...page.matchAll(/<tr data-entry="([^"]+)">([\s\S]*?)<\/tr>/g)];
		expect(rows.length).toBeGreaterThan(60);
		for (const [, entry = '', row = ''] of rows) {
			const [folder, id] = entry.split('/');
			for (const locale of others) {
				const exists = existsSync(`content/${folder}/${id}.${locale}.md`) || existsSync(`content/${folder}/${id}.${locale}.yaml`);
				expect(row, `${entry} ${locale}`).toContain(exists ? `<td data-lang="${locale}">übersetzt</td>` : `<td data-lang="${locale}" data-missing>`);
			}
		}
		expect(rows.some(([, entry]) => entry === 'seiten/mitmachen')).toBe(true);
	});
});

describe('the sitemap', () => {
	const xml = readFileSync('dist/sitemap.xml', 'utf8');
	const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g)].map((m) => ({ loc: m[1] ?? '', alternates: [...(m[2] ?? '').matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => [a[1], a[2]]) }));

	test('lists every page in every language (not the 404 pages, the thank-you pages, the CMS, the pages for other sites\' frames, the printable notices)', () => {
		const paths = entries.map((e) => new URL(e.loc).pathname);
		expect(paths.length).toBe(new Set(paths).size);
		expect(paths.filter((p) => splitLocale(p, languages).locale === 'de').length).toBe(german.filter((p) => p !== '/404/' && p !== '/danke/' && !p.startsWith('/einbetten/') && !p.endsWith('/aushang/')).length);
		const listedGerman = paths.filter((p) => splitLocale(p, languages).locale === 'de');
		for (const locale of others) {
			const missing = new Set(untranslatedNews(locale));
			expect(paths.filter((p) => splitLocale(p, languages).locale === locale).sort(), locale).toEqual(listedGerman.filter((p) => !missing.has(p)).map((p) => `/${locale}${p}`).sort());
		}
		expect(paths.some((p) => /\/(404|danke|admin|einbetten|aushang)\//.test(p))).toBe(false);
	});

	test('with the alternates each page names itself', () => {
		for (const { loc, alternates } of entries) expect(alternates, loc).toEqual(alternatesOf(html.get(new URL(loc).pathname) ?? ''));
		expect(entries.filter((e) => e.alternates.length).length).toBeGreaterThan(40);
	});
});
