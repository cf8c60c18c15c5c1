/** The embed code for partners' sites (src/lib/embed.ts), the frame rules the build writes, and how Netlify reads them. */
import { describe, expect, test } from 'vitest';
import { parse } from 'parse5';
import { embedHeight, embedPath, embedSnippet, embedUrl, isEmbedPath, EMBED_HEIGHT } from '../../src/lib/embed';
import { frameRules } from '../../src/integrations/frame-headers';
import { frameableByOthers, headersFileRules, headersFor, matches, tomlRules } from '../helpers/netlify-headers';

const LOCALES = ['de', 'en', 'tr', 'ar'];
const SITE = 'https://muehlenviertel.example.org';

/** The attributes of the one element a snippet holds, as a real HTML parser reads them. */
function iframeOf(html: string): Record<string, string> {
	type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
	const found: Node[] = [];
	const walk = (node: Node) => {
		if (node.nodeName === 'iframe') found.push(node);
		node.childNodes?.forEach(walk);
	};
	walk(parse(html) as unknown as Node);
	expect(found).toHaveLength(1);
	return Object.fromEntries((found[0]?.attrs ?? []).map((a) => [a.name, a.value]));
}

describe('the embed code', () => {
	test('names the page of the chosen language and category', () => {
		expect(embedPath('de')).toBe('/einbetten/karte/');
		expect(embedPath('ar', 'kita')).toBe('/ar/einbetten/karte/kita/');
		expect(embedUrl({ site: SITE, locale: 'tr', category: 'sport' })).toBe(`${SITE}/tr/einbetten/karte/sport/`);
		expect(embedUrl({ site: `${SITE}/`, locale: 'de' })).toBe(`${SITE}/einbetten/karte/`);
	});

	test('is one <iframe> with src, a title in the chosen language, lazy loading and no referrer', () => {
		const title = 'Karte und Liste: Kitas im Mühlenviertel';
		const attrs = iframeOf(embedSnippet({ site: SITE, locale: 'de', category: 'kita', height: 450, title }));
		expect(attrs).toMatchObject({ src: `${SITE}/einbetten/karte/kita/`, title, height: '450', loading: 'lazy', referrerpolicy: 'no-referrer', width: '100%' });
		expect(attrs.allow).toBeUndefined();
	});

	test('a title with quotes or angle brackets stays one attribute', () => {
		const title = 'Map "A" <b> & B';
		const attrs = iframeOf(embedSnippet({ site: SITE, locale: 'en', title }));
		expect(attrs.title).toBe(title);
		expect(attrs.src).toBe(`${SITE}/en/einbetten/karte/`);
	});

	test('heights are whole pixels within the offered range; anything else is the default', () => {
		expect(embedHeight(450)).toBe(450);
		expect(embedHeight('480.6')).toBe(481);
		expect(embedHeight(10)).toBe(EMBED_HEIGHT.min);
		expect(embedHeight('99999')).toBe(EMBED_HEIGHT.max);
		for (const odd of ['', 'hoch', null, undefined, Number.NaN, {}]) expect(embedHeight(odd)).toBe(EMBED_HEIGHT.default);
		expect(iframeOf(embedSnippet({ site: SITE, locale: 'de', height: 'x', title: 't' })).height).toBe(String(EMBED_HEIGHT.default));
	});

	test('knows the embeddable pages in every language, and only them', () => {
		for (const path of ['/einbetten/karte/', '/einbetten/karte/kita/', '/en/einbetten/karte/', '/ar/einbetten/karte/sport/']) expect(isEmbedPath(path, LOCALES), path).toBe(true);
		for (const path of ['/', '/einrichtungen/', '/en/einrichtungen/', '/admin/', '/de/einbetten/karte/', '/einbettenx/']) expect(isEmbedPath(path, LOCALES), path).toBe(false);
	});
});

describe('frame rules and how Netlify applies them', () => {
	const top = [
		{ name: 'index.html', folder: false },
		{ name: 'einrichtungen', folder: true },
		{ name: 'einbetten', folder: true },
		{ name: 'admin', folder: true },
		{ name: 'einrichtungen.csv', folder: false },
		{ name: 'en', folder: true },
		{ name: '_redirects', folder: false },
	];
	const en = [
		{ name: 'index.html', folder: false },
		{ name: 'einrichtungen', folder: true },
		{ name: 'einbetten', folder: true },
	];
	const rules = headersFileRules(frameRules(top, { en }));
	const toml = tomlRules('[[headers]]\n  for = "/*"\n  [headers.values]\n    X-Content-Type-Options = "nosniff"\n');

	test('path patterns match as Netlify matches them', () => {
		expect(matches('/*', '/')).toBe(true);
		expect(matches('/einbetten/*', '/einbetten/karte/kita/')).toBe(true);
		expect(matches('/einbetten/*', '/einbettenx/')).toBe(false);
		expect(matches('/', '/kontakt/')).toBe(false);
		expect(matches('/:lang/einbetten/*', '/en/einbetten/karte/')).toBe(true);
		expect(matches('/einrichtungen.csv', '/einrichtungenXcsv')).toBe(false);
	});

	test('only the embed folders may be framed, in every language; everything else is denied', () => {
		for (const path of ['/einbetten/karte/', '/einbetten/karte/kita/', '/en/einbetten/karte/']) {
			const headers = headersFor([...rules, ...toml], path);
			expect(frameableByOthers(headers), path).toBe(true);
			expect(headers['content-security-policy']).toBe('frame-ancestors *');
			expect(headers['x-content-type-options']).toBe('nosniff');
		}
		for (const path of ['/', '/einrichtungen/', '/einrichtungen/kita-sonnenblume/', '/admin/', '/einrichtungen.csv', '/en/', '/en/einrichtungen/']) {
			const headers = headersFor([...rules, ...toml], path);
			expect(frameableByOthers(headers), path).toBe(false);
			expect(headers['x-frame-options'], path).toBe('DENY');
		}
		// The language folder itself is not denied as a whole (its embed folder would be hit) and Netlify's own files are left alone.
		expect(rules.map((r) => r.for)).not.toContain('/en/*');
		expect(rules.map((r) => r.for)).not.toContain('/_redirects');
	});

	test('a denial for everything would also reach the embed pages (why the build lists folders)', () => {
		const everything = tomlRules('[[headers]]\n  for = "/*"\n  [headers.values]\n    X-Frame-Options = "DENY"\n    Content-Security-Policy = "frame-ancestors \'none\'"\n');
		expect(frameableByOthers(headersFor([...rules, ...everything], '/einbetten/karte/'))).toBe(false);
		expect(frameableByOthers({ 'content-security-policy': "frame-ancestors *, frame-ancestors 'none'" })).toBe(false);
		expect(frameableByOthers({})).toBe(true);
	});
});
