/**
 * What a first visit of a built page downloads, in brotli-compressed bytes (quality 11, as a CDN serves static
 * files), and the budget it has to keep (../../README.md, „Zahlen"). One module for `npm run bench` (prints the
 * figures) and tests/build/budgets.test.ts (fails when a page is over). Pure: it reads files below `dist` only.
 *
 * Before interaction a page loads its HTML (inline styles and scripts included), its stylesheets, its module
 * scripts with everything they import statically and what it preloads. Dynamic imports (`import(…)`) are not
 * followed: lazy code arrives after the page. On a page with a map that lazy code is the map (Leaflet, the map's
 * code and styles), which has a budget of its own; the map's data (base map, places) is reported beside it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const KB = 1024;

/**
 * Budgets in bytes. A text page (every page that is not the big map or the search, facility pages included):
 * HTML + CSS 14 KB (one round trip), JavaScript before interaction 5 KB. The facility list and the embeddable map (a
 * big map with the list's filter, which filters up to 5,000 places in the browser): 20 KB / 8 KB. The search page
 * (its results are written in the browser; what a search fetches is measured by scripts/bench-search.mjs): 14 KB /
 * 8 KB. Whatever a map loads after the page (Leaflet, the map's code and styles): 60 KB.
 */
export const BUDGETS = {
	text: { htmlCss: 14 * KB, js: 5 * KB },
	mapList: { htmlCss: 20 * KB, js: 8 * KB },
	search: { htmlCss: 14 * KB, js: 8 * KB },
	map: 60 * KB,
};

/** Brotli size of a text or buffer (quality 11, as a static host compresses ahead of time; lower is quicker and larger). */
export function brotliSize(content, quality = 11) {
	const buffer = typeof content === 'string' ? Buffer.from(content) : content;
	if (buffer.length === 0) return 0;
	return brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length;
}

/**
 * Quality for a first, quick weighing of HTML (`weigh(page, { quick: true })`): it compresses text less well than
 * quality 11, so a page within its budget at this quality is within it at 11 too; a page over it is weighed again
 * at 11 (tests/build/budgets.test.ts checks that on pages of every kind).
 */
export const QUICK_QUALITY = 5;

/** Every HTML file below `dir`, as paths relative to it with forward slashes. */
export function htmlPages(dir) {
	return readdirSync(dir, { recursive: true })
		.map((name) => String(name).split(path.sep).join('/'))
		.filter((name) => name.endsWith('.html'))
		.sort();
}

/** A page of the staff editor (never loaded by residents; no budget, and the only place admin code may appear). */
export const isAdminPage = (page) => page === 'admin/index.html' || page.startsWith('admin/');

/** The pages residents can open: every HTML file below `dir` but the staff editor's (/admin/…). */
export const publicPages = (dir) => htmlPages(dir).filter((page) => !isAdminPage(page));

/** Which budget a page has: the big map with the list's filter (a map of no single place), the search, or a text page. */
export function budgetOf(html) {
	const kind = /<facility-map(?![^>]*\bdata-single=)[\s>]/.test(html) ? 'mapList' : html.includes('<search-page') ? 'search' : 'text';
	return { kind, ...BUDGETS[kind], map: html.includes('<facility-map') ? BUDGETS.map : undefined };
}

const attr = (tag, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * A reader over one built site. Assets are read and compressed once, however many pages load them, so all
 * pages of the site (about a thousand) are weighed in seconds.
 */
export function createWeigher(dist) {
	const texts = new Map();
	const sizes = new Map();
	const closures = new Map();

	/** `/_astro/a.js` (the page's own href; query and fragment dropped) as the file below dist, or undefined. */
	const fileOf = (href) => {
		const clean = href.split(/[?#]/)[0];
		if (!clean.startsWith('/') || clean.startsWith('//')) return undefined;
		const file = path.join(dist, clean);
		return existsSync(file) ? file : undefined;
	};
	const read = (href) => {
		if (!texts.has(href)) {
			const file = fileOf(href);
			texts.set(href, file ? readFileSync(file, 'utf8') : '');
		}
		return texts.get(href);
	};
	/** Compressed size of one asset (each file travels on its own, so each is compressed on its own). */
	const size = (href) => {
		if (!sizes.has(href)) sizes.set(href, brotliSize(read(href)));
		return sizes.get(href);
	};

	/** Static imports of a module (`import … from "./x.js"`, `import "./x.js"`, `export … from`), as site paths. */
	const staticImports = (href) => {
		const code = read(href);
		const found = [];
		for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) found.push(m[1]);
		return found.map((target) => (target.startsWith('/') ? target : path.posix.join(path.posix.dirname(href), target))).filter((target) => fileOf(target));
	};
	/** Dynamic imports of a module: `import("./x.js")` and Vite's list of what they preload (`m.f=["_astro/…"]`). */
	const dynamicImports = (href) => {
		const code = read(href);
		const found = [];
		for (const m of code.matchAll(/\bimport\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)) found.push(m[1].startsWith('/') ? m[1] : path.posix.join(path.posix.dirname(href), m[1]));
		for (const list of code.matchAll(/m\.f=\[([^\]]*)\]/g)) for (const m of list[1].matchAll(/"([^"]+\.(?:js|css))"/g)) found.push(`/${m[1]}`);
		return found.filter((target) => fileOf(target));
	};
	/** A module and everything it imports statically. */
	const closure = (href, into = new Set()) => {
		if (into.has(href)) return into;
		into.add(href);
		if (!closures.has(href)) closures.set(href, staticImports(href));
		for (const target of closures.get(href)) closure(target, into);
		return into;
	};
	/** Modules (and stylesheets) reachable from `start` through static and dynamic imports alike. */
	const everything = (start) => {
		const seen = new Set();
		const queue = [...start];
		while (queue.length) {
			const href = queue.pop();
			if (seen.has(href)) continue;
			seen.add(href);
			if (href.endsWith('.js')) queue.push(...closure(href), ...dynamicImports(href));
		}
		return seen;
	};

	/** What the HTML of a page refers to before interaction. */
	function firstLoad(html) {
		const tags = [...html.matchAll(/<(?:link|script)\b[^>]*>/g)].map((m) => m[0]);
		const stylesheets = tags.filter((tag) => tag.startsWith('<link') && /\brel="stylesheet"/.test(tag)).map((tag) => attr(tag, 'href')).filter(Boolean);
		const entries = tags
			.filter((tag) => (tag.startsWith('<script') && attr(tag, 'src')) || (tag.startsWith('<link') && /\brel="modulepreload"/.test(tag)))
			.map((tag) => attr(tag, 'src') ?? attr(tag, 'href'))
			.filter((href) => href && fileOf(href));
		const modules = new Set();
		for (const href of entries) closure(href, modules);
		const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/type="application\/(?:ld\+)?json"/.test(m[1])).map((m) => m[2]);
		// Inline module scripts may import too.
		for (const code of inlineScripts) for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["'](\/[^"']+\.js)["']/g)) if (fileOf(m[1])) closure(m[1], modules);
		return { stylesheets, modules, inlineScripts };
	}

	/**
	 * The weights of one page (`page` relative to dist, e.g. `einrichtungen/index.html`), in compressed bytes:
	 * `htmlCss` the HTML with its stylesheets (with `quick`, an upper bound for pages within budget, see
	 * QUICK_QUALITY; `exact` says which), `js` the JavaScript before interaction (module files and inline scripts),
	 * `map` and `data` what a map loads after the page, and the files behind them.
	 */
	function weigh(page, { quick = false } = {}) {
		const html = readFileSync(path.join(dist, page), 'utf8');
		const budget = budgetOf(html);
		const { stylesheets, modules, inlineScripts } = firstLoad(html);
		const inlineJs = inlineScripts.join('\n');
		const css = stylesheets.reduce((sum, href) => sum + size(href), 0);
		let htmlCss = quick ? brotliSize(html, QUICK_QUALITY) + css : 0;
		const exact = !quick || htmlCss > budget.htmlCss;
		if (exact) htmlCss = brotliSize(html) + css;
		const js = [...modules].reduce((sum, href) => sum + size(href), 0) + (inlineJs.trim() ? brotliSize(inlineJs) : 0);
		// Lazy: everything the page's modules import dynamically, without what the page loaded already. The
		// opening-hours library is not the map's: it loads when someone asks what is open on another day.
		const lazy = new Set();
		if (html.includes('<facility-map')) {
			const sources = [...modules].map((href) => ({ href, code: read(href) }));
			for (const { href } of sources) {
				for (const target of dynamicImports(href)) {
					if (/opening-hours|hours\./.test(target)) continue;
					if (target.endsWith('.css')) lazy.add(target);
					else closure(target, lazy);
				}
			}
			for (const known of modules) lazy.delete(known);
			// Stylesheets the map code loads itself (map-styles.ts adds <link> elements).
			for (const href of [...lazy]) for (const m of read(href).matchAll(/["'](\/_astro\/[^"']+\.css)["']/g)) if (fileOf(m[1])) lazy.add(m[1]);
		}
		const map = [...lazy].reduce((sum, href) => sum + size(href), 0);
		const dataFiles = [];
		if (html.includes('<facility-map')) {
			const basemap = /data-basemap="([^"]+)"/.exec(html)?.[1];
			if (basemap) dataFiles.push(basemap);
			for (const tag of html.matchAll(/<link\b[^>]*\brel="preload"[^>]*>/g)) {
				const href = attr(tag[0], 'href');
				if (href?.endsWith('.json')) dataFiles.push(href);
			}
			if (html.includes('<facility-finder')) dataFiles.push('/einrichtungen/details.json');
		}
		const data = dataFiles.filter((href) => fileOf(href)).reduce((sum, href) => sum + size(href), 0);
		return { page, htmlCss, exact, js, map, data, stylesheets, modules, lazy, budget };
	}

	/**
	 * Admin code: the scripts the editor page (/admin/) loads itself and every module it reaches (statically or on
	 * demand) that carries Decap CMS or the Netlify identity widget. Public pages must reach none of them.
	 */
	function adminCode() {
		const html = readFileSync(path.join(dist, 'admin/index.html'), 'utf8');
		const entries = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]).filter((href) => fileOf(href));
		const marked = [...everything(entries)].filter((href) => /decap-cms|DECAP_CMS|netlify-identity|netlifyIdentity/.test(read(href)));
		return new Set([...entries, ...marked]);
	}

	/** Everything a page may load at any time: its first load and what that imports on demand. */
	const reachable = (page) => {
		const html = readFileSync(path.join(dist, page), 'utf8');
		const { stylesheets, modules } = firstLoad(html);
		return everything([...stylesheets, ...modules]);
	};

	return { weigh, adminCode, reachable, size, read };
}
