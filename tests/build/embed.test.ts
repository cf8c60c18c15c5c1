/**
 * The embeddable facility map in the built sample: a page for every facility and one per category, in every
 * language, without the site's header, footer or navigation, kept out of search engines, the sitemap and the site
 * search; the embed code on /daten/ names these pages; and the headers Netlify would send (netlify.toml and the
 * generated _headers) let other sites frame these pages and nothing else.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { htmlPages } from '../../src/integrations/built-pages';
import { readSettings } from '../../src/schemas';
import { localePath } from '../../src/lib/routes';
import { embedPath, isEmbedPath } from '../../src/lib/embed';
import { entryFiles, idOf, readData } from '../helpers/content';
import { frameableByOthers, headersFor, siteRules } from '../helpers/netlify-headers';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const { languages, siteUrl, office } = readSettings();
const facilities = entryFiles('einrichtungen').map((file) => ({ id: idOf(file), category: (readData(file) as { category: string }).category }));
const categories = [...new Set(facilities.map((f) => f.category))].sort();
/** A category's plural in a language, from its translation file (German where there is none). */
const plural = (id: string, lang: string) => {
	const file = [`content/kategorien/${id}.${lang}.yaml`, `content/kategorien/${id}.de.yaml`].find((f) => existsSync(f)) ?? '';
	return (readData(file) as { plural: string }).plural;
};

const elements = (node: Node): Element[] => {
	const own = 'tagName' in node ? [node] : [];
	const children = 'childNodes' in node ? node.childNodes : [];
	return [...own, ...children.flatMap(elements)];
};
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');
const page = (pathname: string) => elements(parse(readFileSync(path.join('dist', pathname, 'index.html'), 'utf8')));

const pages = await htmlPages('dist');
const embedPages = pages.filter((p) => isEmbedPath(p.path, languages));

describe('the embeddable map', () => {
	test('exists for every facility and for each category with facilities, in every language', () => {
		expect(categories.length).toBeGreaterThan(3);
		const expected = languages.flatMap((lang) => [embedPath(lang), ...categories.map((c) => embedPath(lang, c))]).sort();
		expect(embedPages.map((p) => p.path).sort()).toEqual(expected);
	});

	test('lists the facilities of its category (all on the page for every facility), headed by the category in the page language', () => {
		for (const lang of languages) {
			const all = page(embedPath(lang));
			expect(all.filter((e) => e.tagName === 'li' && attr(e, 'data-facility')).map((e) => attr(e, 'data-facility')).sort()).toEqual(facilities.map((f) => f.id).sort());
			for (const category of categories) {
				const els = page(embedPath(lang, category));
				const listed = els.filter((e) => e.tagName === 'li' && attr(e, 'data-facility')).map((e) => attr(e, 'data-facility'));
				expect(listed.sort(), `${lang} ${category}`).toEqual(facilities.filter((f) => f.category === category).map((f) => f.id).sort());
				expect(text(els.find((e) => e.tagName === 'h1')!), `${lang} ${category}`).toContain(plural(category, lang));
				expect(attr(els.find((e) => e.tagName === 'facility-finder')!, 'data-only')).toBe(category);
			}
		}
	});

	test('is the page alone: no header, footer, navigation or skip link; one main; the map and its consent; a line to the full site; links open in the top window', () => {
		for (const { path: pathname } of embedPages) {
			const els = page(pathname);
			const lang = languages.find((l) => l !== 'de' && pathname.startsWith(`/${l}/`)) ?? 'de';
			expect(els.filter((e) => ['header', 'footer', 'nav'].includes(e.tagName)), pathname).toEqual([]);
			expect(els.filter((e) => e.tagName === 'main'), pathname).toHaveLength(1);
			expect(els.some((e) => attr(e, 'class') === 'skip-link'), pathname).toBe(false);
			const html = els.find((e) => e.tagName === 'html')!;
			expect(attr(html, 'lang')).toBe(lang);
			expect(attr(html, 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
			expect(els.some((e) => e.tagName === 'title' && text(e).includes(office)), pathname).toBe(true);
			expect(els.filter((e) => e.tagName === 'base').map((e) => attr(e, 'target'))).toEqual(['_top']);
			expect(els.some((e) => e.tagName === 'facility-map'), pathname).toBe(true);
			expect(els.some((e) => attr(e, 'data-consent') !== undefined), pathname).toBe(true);
			const credit = els.find((e) => attr(e, 'class') === 'embed-credit')!;
			expect(text(credit)).toContain(office);
			expect(elements(credit).find((e) => e.tagName === 'a') && attr(elements(credit).find((e) => e.tagName === 'a')!, 'href')).toBe(localePath('/einrichtungen/', lang));
		}
	});

	test('is kept out of search engines, the sitemap and the site search', () => {
		for (const { path: pathname } of embedPages) {
			const robots = page(pathname).find((e) => e.tagName === 'meta' && attr(e, 'name') === 'robots');
			expect(robots && attr(robots, 'content'), pathname).toBe('noindex');
		}
		const sitemap = readFileSync('dist/sitemap.xml', 'utf8');
		expect(sitemap).toContain('/einrichtungen/');
		expect(sitemap).not.toContain('/einbetten/');
		const indexed = readdirSync('dist/pagefind/fragment').map((name) => {
			const raw = gunzipSync(readFileSync(path.join('dist/pagefind/fragment', name))).toString('utf8');
			return (JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string }).url;
		});
		expect(indexed.length).toBeGreaterThan(50);
		expect(indexed.filter((url) => url.includes('/einbetten/'))).toEqual([]);
	});
});

describe('the embed code on /daten/', () => {
	test('shows the code for every facility in the page language and the address of each category, all of them built pages', () => {
		for (const lang of languages) {
			const els = page(localePath('/daten/', lang));
			const field = els.find((e) => e.tagName === 'textarea' && attr(e, 'id') === 'embed-code')!;
			expect(attr(field, 'readonly')).toBe('');
			const code = elements(parse(text(field)));
			const iframe = code.find((e) => e.tagName === 'iframe')!;
			expect(attr(iframe, 'src')).toBe(new URL(embedPath(lang), siteUrl).href);
			expect(attr(iframe, 'title')?.length).toBeGreaterThan(10);
			expect(attr(iframe, 'loading')).toBe('lazy');
			const addresses = els.filter((e) => e.tagName === 'code' && text(e).startsWith(siteUrl)).map((e) => new URL(text(e)).pathname);
			for (const category of categories) expect(addresses, `${lang} ${category}`).toContain(embedPath(lang, category));
			for (const address of addresses) expect(existsSync(path.join('dist', address, 'index.html')), address).toBe(true);
		}
	});
});

describe('frame headers, as Netlify applies netlify.toml and the built _headers', () => {
	const rules = siteRules('dist');

	test('the embed pages may be framed by any site; the home page, the facilities, the CMS may not', () => {
		for (const pathname of ['/einbetten/karte/', '/einbetten/karte/kita/', '/en/einbetten/karte/', '/ar/einbetten/karte/sport/']) expect(frameableByOthers(headersFor(rules, pathname)), pathname).toBe(true);
		for (const pathname of ['/', '/einrichtungen/', '/admin/', '/en/', '/ar/einrichtungen/', '/daten/', '/einrichtungen.csv']) {
			const headers = headersFor(rules, pathname);
			expect(frameableByOthers(headers), pathname).toBe(false);
			expect(headers['x-frame-options'], pathname).toBe('DENY');
			// One policy (the page policy, src/lib/csp.ts, or the editor's), ending in the frame denial.
			expect(headers['content-security-policy'], pathname).toMatch(/^[^,]*frame-ancestors 'none'$/);
		}
	});

	test('every built page is frameable exactly when it is an embed page, and keeps the site-wide headers', () => {
		expect(pages.length).toBeGreaterThan(400);
		for (const { path: pathname } of pages) {
			const headers = headersFor(rules, pathname);
			expect(frameableByOthers(headers), pathname).toBe(isEmbedPath(pathname, languages));
			expect(headers['x-content-type-options'], pathname).toBe('nosniff');
		}
	});
});
