/**
 * The Content-Security-Policy pieces without a build: which inline code gets a hash, the tile server's origin, the
 * page policy, the sandbox rules for uploads, and what Netlify sends per path once the rules of the generated
 * _headers and the project's real netlify.toml meet (tests/helpers/netlify-headers.ts).
 */
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { SANDBOX_POLICY, hashSource, inlineCode, pagePolicy, tileOrigin, tileSources } from '../../src/lib/csp';
import { frameRules, sandboxRules, uploadFolders } from '../../src/integrations/frame-headers';
import { cmsConfig } from '../../cms/config';
import { readSettings } from '../../src/schemas';
import { headersFileRules, headersFor, tomlRules } from '../helpers/netlify-headers';

const settings = readSettings();
const toml = tomlRules(readFileSync('netlify.toml', 'utf8'));
/** The policies in a (possibly joined) Content-Security-Policy header. */
const policies = (header: string | undefined) => (header ?? '').split(/,\s*(?=[a-z-]+[\s;]|sandbox)/).filter(Boolean);

describe('inline code and its hashes', () => {
	const html = `<html><head><style>:root{--a:1}</style><script type="application/ld+json">{"@type":"Thing"}</script></head><body>
<script type="module">customElements.define('x-a', class extends HTMLElement {});</script>
<script type="module" src="/_astro/a.js"></script><script type="application/json" id="cfg">{"a":1}</script>
<script>window.x = 1;</script><svg><style>.b{fill:red}</style></svg></body></html>`;

	test('scripts a browser runs and every style element, not data islands or external scripts', () => {
		expect(inlineCode(html)).toEqual({
			scripts: ["customElements.define('x-a', class extends HTMLElement {});", 'window.x = 1;'],
			styles: [':root{--a:1}', '.b{fill:red}'],
		});
	});

	test('the hash is the base64 SHA-256 a browser computes', async () => {
		const text = "customElements.define('x-a', class extends HTMLElement {});";
		const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('base64');
		expect(hashSource(text)).toBe(`'sha256-${digest}'`);
	});
});

describe('the page policy', () => {
	test('the tile server of a template is its origin; a placeholder in the host becomes a wildcard', () => {
		expect(tileOrigin('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
		expect(tileOrigin('https://{s}.tile.example.org:8443/{z}/{x}/{y}.png?key=1')).toBe('https://*.tile.example.org:8443');
		expect(() => tileOrigin('https://tiles.{s}.example.org/{z}/{x}/{y}.png')).toThrow(/Platzhalter/);
	});

	test('inline code only by hash, no inline anything else, no plugins, no <base>, the tile server for images', () => {
		const policy = pagePolicy({ scripts: ["'sha256-AAA='"], styles: ["'sha256-BBB='"], tiles: 'https://tile.openstreetmap.org' });
		const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
		expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='"]);
		expect(directives['style-src']).toEqual(["'self'", "'sha256-BBB='"]);
		expect(directives['img-src']).toEqual(["'self'", 'data:', 'https://tile.openstreetmap.org']);
		expect(directives['object-src']).toEqual(["'none'"]);
		expect(directives['base-uri']).toEqual(["'none'"]);
		expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
		expect(pagePolicy({ scripts: [], styles: [] })).toContain("img-src 'self' data:;");
		// The office's own PMTiles file: raster tiles reach their <img> as blob: addresses; no tile server.
		expect(tileSources({ pmtiles: '/karte/quartier.pmtiles', tiles: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' } })).toBe('blob:');
		expect(tileSources({ tiles: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' } })).toBe('https://tile.openstreetmap.org');
	});
});

describe('the rules Netlify gets', () => {
	const top = [
		{ name: 'index.html', folder: false },
		{ name: 'admin', folder: true },
		{ name: 'dokumente', folder: true },
		{ name: 'einbetten', folder: true },
		{ name: 'uploads', folder: true },
		{ name: '_astro', folder: true },
		{ name: 'en', folder: true },
	];
	const en = [
		{ name: 'index.html', folder: false },
		{ name: 'einbetten', folder: true },
	];
	const editor = [
		{ name: 'index.html', folder: false },
		{ name: 'uebersetzungen', folder: true },
	];
	const policy = pagePolicy({ scripts: ["'sha256-AAA='"], styles: [], tiles: tileOrigin(settings.map.tiles.url) });
	const uploads = ['/uploads/plan.svg', '/_astro/bild.Ab12.svg'];
	const rules = [...headersFileRules(frameRules(top, { en }, { policy, editor }) + sandboxRules(uploads)), ...toml];

	test('each page gets the page policy once, with its frame rule; the embed pages may be framed', () => {
		for (const path of ['/', '/dokumente/', '/dokumente/ihek/', '/admin/uebersetzungen/', '/en/']) {
			const csp = headersFor(rules, path)['content-security-policy'];
			expect(policies(csp), path).toEqual([`${policy}; frame-ancestors 'none'`]);
			expect(headersFor(rules, path)['x-frame-options'], path).toBe('DENY');
		}
		for (const path of ['/einbetten/karte/', '/en/einbetten/karte/']) expect(policies(headersFor(rules, path)['content-security-policy']), path).toEqual([`${policy}; frame-ancestors *`]);
	});

	test('a page Netlify also serves without „.html" (the 404 page) has its rule at both addresses', () => {
		const withNotFound = [...headersFileRules(frameRules([...top, { name: '404.html', folder: false }], { en: [...en, { name: '404.html', folder: false }] }, { policy, editor })), ...toml];
		for (const path of ['/404.html', '/404', '/en/404.html', '/en/404']) {
			expect(policies(headersFor(withNotFound, path)['content-security-policy']), path).toEqual([`${policy}; frame-ancestors 'none'`]);
			expect(headersFor(withNotFound, path)['x-frame-options'], path).toBe('DENY');
		}
	});

	test("the editor's page at both its addresses (/admin/ and /admin/index.html) gets netlify.toml's policy and may not be framed", () => {
		for (const path of ['/admin/', '/admin/index.html']) {
			const [only = '', ...more] = policies(headersFor(rules, path)['content-security-policy']);
			expect(more, path).toEqual([]);
			expect(only, path).toContain("frame-ancestors 'none'");
			expect(headersFor(rules, path)['x-frame-options'], path).toBe('DENY');
		}
	});

	test("the editor's page gets netlify.toml's policy alone: what Decap needs, not the page policy", () => {
		const headers = headersFor(rules, '/admin/');
		const [only = '', ...more] = policies(headers['content-security-policy']);
		expect(more).toEqual([]);
		expect(only).toContain("frame-ancestors 'none'");
		expect(only).toContain("object-src 'none'");
		expect(only).toContain("base-uri 'none'");
		expect(only).toContain("style-src 'self' 'unsafe-inline'");
		// Scripts from the site only (with eval, which Decap's configuration check needs): nothing inline, nothing from elsewhere.
		expect(/script-src ([^;]*)/.exec(only)?.[1]?.split(' ')).toEqual(["'self'", "'unsafe-eval'"]);
		expect(headers['x-frame-options']).toBe('DENY');
		expect(headers['x-robots-tag']).toBe('noindex, nofollow');
	});

	test('uploaded files get the sandbox, joined with their folder policy (both hold) and after it (it would win alone)', () => {
		for (const path of uploads) {
			const found = policies(headersFor(rules, path)['content-security-policy']);
			expect(found, path).toContain(SANDBOX_POLICY);
			expect(found.every((p) => p.includes("frame-ancestors 'none'")), path).toBe(true);
		}
		const order = rules.map((r) => r.for);
		expect(order.indexOf('/uploads/plan.svg')).toBeGreaterThan(order.indexOf('/uploads/*'));
		expect(SANDBOX_POLICY).toMatch(/^sandbox;/);
		expect(SANDBOX_POLICY).not.toMatch(/allow-scripts|script-src/);
	});

	test('every response: HSTS, nosniff, and no CSP or frame denial from the catch-all rule', () => {
		const everywhere = toml.find((r) => r.for === '/*')?.values ?? {};
		expect(everywhere['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
		expect(everywhere['X-Content-Type-Options']).toBe('nosniff');
		expect(everywhere['Permissions-Policy']).not.toContain('interest-cohort');
		expect(Object.keys(everywhere)).not.toContain('Content-Security-Policy');
		expect(Object.keys(everywhere)).not.toContain('X-Frame-Options');
	});

	test('the same path in netlify.toml and _headers: netlify.toml wins, nothing is joined (as Netlify merges them)', () => {
		const same = [...headersFileRules('/a/*\n  X-Test: file\n'), ...tomlRules('[[headers]]\n  for = "/a/*"\n  [headers.values]\n    X-Test = "toml"\n')];
		expect(headersFor(same, '/a/b')['x-test']).toBe('toml');
		const different = [...headersFileRules('/a/*\n  X-Test: file\n'), ...tomlRules('[[headers]]\n  for = "/*"\n  [headers.values]\n    X-Test = "toml"\n')];
		expect(headersFor(different, '/a/b')['x-test']).toBe('file, toml');
	});

	test("the upload folders are the CMS's media folders", () => {
		const config = cmsConfig(settings, { local: false });
		const folders = uploadFolders(settings);
		expect(folders).toContain(config.media_folder.replace(/^public\//, ''));
		const fileFields = JSON.stringify(config).match(/"media_folder":"\/public\/[^"]+"/g) ?? [];
		expect(fileFields.length).toBeGreaterThan(0);
		for (const field of fileFields) expect(folders).toContain(field.replace(/^"media_folder":"\/public\//, '').replace(/"$/, ''));
	});
});
