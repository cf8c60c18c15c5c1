/**
 * Budgets residents feel, over every page of the built sample in every language (scripts/lib/weights.mjs, the
 * module `npm run bench` prints from): a text page brings at most 14 KB of HTML + CSS and 5 KB of JavaScript before
 * interaction (brotli), the facility list and the embeddable map 20 KB / 8 KB, the search page 14 KB / 8 KB; a map
 * loads at most 60 KB after the page; and no public page reaches the editor's code (Decap CMS, identity widget).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUDGETS, QUICK_QUALITY, brotliSize, createWeigher, htmlPages, isAdminPage, type Weights } from '../../scripts/lib/weights.mjs';
import { readSettings } from '../../src/schemas';

const DIST = 'dist';
const { languages } = readSettings();
const weigher = createWeigher(DIST);
const pages = htmlPages(DIST).filter((page) => !isAdminPage(page));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('page budgets (brotli)', () => {
	let weights: Weights[] = [];

	test('every page of every language is weighed', () => {
		// Quick first: pages within budget at a lower brotli quality are within it at 11 (see the next test).
		weights = pages.map((page) => weigher.weigh(page, { quick: true }));
		// Every language has its copy of the site (German at the root).
		for (const lang of languages.filter((code) => code !== 'de')) expect(pages.filter((page) => page.startsWith(`${lang}/`)).length, lang).toBeGreaterThan(50);
		expect(weights.every((w) => w.htmlCss > 0)).toBe(true);
		// The categories are recognised: the list and the embeddable map, the search, map pages.
		expect(weights.find((w) => w.page === 'einrichtungen/index.html')?.budget.kind).toBe('mapList');
		expect(weights.find((w) => w.page === 'suche/index.html')?.budget.kind).toBe('search');
		expect(weights.filter((w) => w.budget.map !== undefined && w.map > 0).length).toBeGreaterThan(languages.length * 2);
	});

	test('the quick weighing is an upper bound: quality 11 compresses pages of every kind and language better', () => {
		const sample = ['index.html', 'einrichtungen/index.html', 'suche/index.html', 'projekte/muehlenpark-neugestaltung/index.html', 'einrichtungen/kita-sonnenblume/index.html'];
		for (const page of languages.flatMap((lang) => sample.map((p) => (lang === 'de' ? p : `${lang}/${p}`)))) {
			const html = readFileSync(`${DIST}/${page}`);
			expect(brotliSize(html), page).toBeLessThan(brotliSize(html, QUICK_QUALITY));
		}
	});

	test('HTML + CSS within the budget of each page', () => {
		const over = weights.filter((w) => w.htmlCss > w.budget.htmlCss).map((w) => `${w.page}: ${kb(w.htmlCss)} > ${kb(w.budget.htmlCss)} (${w.budget.kind})`);
		expect(over, `HTML + CSS over budget:\n${over.join('\n')}`).toEqual([]);
	});

	test('JavaScript before interaction within the budget of each page', () => {
		const over = weights
			.filter((w) => w.js > w.budget.js)
			.map((w) => `${w.page}: ${kb(w.js)} > ${kb(w.budget.js)} (${w.budget.kind}; ${[...w.modules].map((href) => `${href.replace('/_astro/', '')} ${kb(weigher.size(href))}`).join(', ')})`);
		expect(over, `JavaScript over budget:\n${over.join('\n')}`).toEqual([]);
	});

	test('what a map loads after the page within the map budget', () => {
		const maps = weights.filter((w) => w.budget.map !== undefined);
		// The map code is there to weigh (Leaflet alone is tens of KB): a page with a map that loads nothing lazily would be a measuring error.
		expect(maps.every((w) => w.map > 10 * 1024), maps.filter((w) => w.map <= 10 * 1024).map((w) => w.page).join(', ')).toBe(true);
		const over = maps.filter((w) => w.map > BUDGETS.map).map((w) => `${w.page}: ${kb(w.map)} > ${kb(BUDGETS.map)}`);
		expect(over, `Map over budget:\n${over.join('\n')}`).toEqual([]);
	});

	test('lazy code is not counted before interaction: the map code is not among the first load', () => {
		for (const w of weights.filter((x) => x.map > 0)) {
			for (const href of w.lazy) expect(w.modules.has(href), `${w.page} ${href}`).toBe(false);
		}
	});
});

describe('admin code stays in /admin/', () => {
	const admin = weigher.adminCode();

	test('the editor code is found (its entry and the identity widget)', () => {
		expect(admin.size).toBeGreaterThanOrEqual(2);
		const text = [...admin].map((href) => weigher.read(href)).join('\n');
		expect(text).toMatch(/decap-cms|DECAP_CMS/);
		expect([...admin].some((href) => /netlifyIdentity|netlify-identity/.test(weigher.read(href)) && !readFileSync('dist/admin/index.html', 'utf8').includes(href))).toBe(true);
	});

	test('no public page loads or imports it, now or on demand', () => {
		const offending: string[] = [];
		for (const page of pages) {
			const html = readFileSync(`${DIST}/${page}`, 'utf8');
			const reached = [...weigher.reachable(page)].filter((href) => admin.has(href));
			const named = [...admin].filter((href) => html.includes(href));
			if (reached.length || named.length) offending.push(`${page}: ${[...new Set([...reached, ...named])].join(', ')}`);
		}
		expect(offending, `Public pages with admin code:\n${offending.join('\n')}`).toEqual([]);
	});
});
