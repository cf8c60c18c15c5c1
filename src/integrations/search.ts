/**
 * Builds the site search index (Pagefind) after `astro build`, into dist/pagefind/.
 *
 * Only pages whose <main> carries `data-pagefind-body` are indexed (Base.astro sets it for pages that pass
 * `search`); header, footer and everything marked `data-pagefind-ignore` (breadcrumbs) stay out. Before a page is
 * handed to Pagefind, in memory only, its <main> gets the extra words of src/lib/search/terms.ts (compound parts,
 * synonyms, ss for ß) behind a marker with a low weight; the files residents download stay unchanged.
 * Each page's `lang` picks its index, so every language gets its own index once there are several.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readSynonyms } from '../schemas';
import { createSplitter } from '../lib/search/compound';
import { allTerms, extraTerms, words, type ExtraTerms } from '../lib/search/terms';
import { EXTRA_MARKER } from '../lib/search/query';
import { compactIndex, type CompactStats } from './search-compact';

/** Parts of <main> the index leaves out besides `data-pagefind-ignore`: icons (their titles are not content). */
export const EXCLUDE_SELECTORS = ['svg'];

/** Pagefind's ready-made interfaces; Quartier has its own (src/components/SiteSearch.astro, src/pages/suche.astro). */
const UNUSED_FILES = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The text of a page's <main> as the index sees it: without tags, comments, ignored elements and the selectors
 * above (classes and tag names only; that is all EXCLUDE_SELECTORS uses).
 */
export function indexedText(html: string): string {
	const start = html.search(/<main[\s>]/);
	const end = html.lastIndexOf('</main>');
	if (start === -1 || end === -1) return '';
	const main = html.slice(start, end).replace(/<!--[\s\S]*?-->/g, '');
	const excludedClasses = EXCLUDE_SELECTORS.filter((s) => s.startsWith('.')).map((s) => s.slice(1));
	const excludedTags = new Set([...EXCLUDE_SELECTORS.filter((s) => !s.startsWith('.')), 'script', 'style', 'template', 'noscript']);
	const out: string[] = [];
	let skipDepth = 0;
	let depth = 0;
	let last = 0;
	for (const tag of main.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
		if (skipDepth === 0) out.push(main.slice(last, tag.index));
		last = tag.index + tag[0].length;
		const [, closing, rawName = '', attributes = ''] = tag;
		const name = rawName.toLowerCase();
		if (VOID.has(name) || attributes.trimEnd().endsWith('/')) continue;
		if (closing) {
			depth--;
			if (skipDepth && depth < skipDepth) skipDepth = 0;
			continue;
		}
		depth++;
		if (skipDepth) continue;
		const classes = /\bclass="([^"]*)"/.exec(attributes)?.[1]?.split(/\s+/) ?? [];
		const ignored = /\sdata-pagefind-ignore\b/.test(attributes) || excludedTags.has(name) || classes.some((c) => excludedClasses.includes(c));
		if (ignored) skipDepth = depth;
		else if (/^(p|h\d|li|dt|dd|div|section|article|td|th|br)$/.test(name)) out.push(' ');
	}
	if (skipDepth === 0) out.push(main.slice(last));
	return out
		.join(' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&[#\w]+;/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Weights of the extra words (Pagefind: body text 1, h1 7): title parts high, synonyms low. */
const WEIGHTS = { title: 5, text: 1, synonyms: 0.5 } as const;

/** The page's HTML with the extra words added at the end of <main>, behind the marker. */
export function withExtraTerms(html: string, extra: ExtraTerms): string {
	const groups = (Object.keys(WEIGHTS) as (keyof ExtraTerms)[]).filter((name) => extra[name].length > 0);
	if (groups.length === 0) return html;
	const blocks = groups.map((name) => `<div data-pagefind-weight="${WEIGHTS[name]}">${extra[name].join(' ')}</div>`);
	const at = html.lastIndexOf('</main>');
	return `${html.slice(0, at)}<div>${EXTRA_MARKER}</div>${blocks.join('')}${html.slice(at)}`;
}

/** The page title as the index takes it: the first <h1>. */
function titleOf(html: string): string {
	return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
}

/** The day a page is ordered by (Base.astro's `data-search-date`), if it has one. */
function dateOf(html: string): string | undefined {
	return /\sdata-search-date="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
}

/**
 * The order pages enter the index: newest first, then the undated ones by title. Browsing without a query lists
 * in this order (news newest first, facilities alphabetically), and sorting by date is sorting by page number
 * (see pageNumberOf), so the index needs no sort list.
 */
export function indexOrder<T extends { title: string; date?: string | undefined; url: string }>(pages: T[]): T[] {
	const collator = new Intl.Collator('de');
	const byDate = (a: T, b: T) => (a.date === b.date ? 0 : a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? 1 : -1);
	return [...pages].sort((a, b) => byDate(a, b) || collator.compare(a.title, b.title) || (a.url < b.url ? -1 : 1));
}

async function htmlFiles(dir: string, root = dir): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	const nested = await Promise.all(
		entries.map(async (entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return ['admin', 'pagefind', '_astro'].includes(entry.name) && dir === root ? [] : htmlFiles(full, root);
			return entry.name.endsWith('.html') ? [full] : [];
		}),
	);
	return nested.flat();
}

export interface IndexStats {
	pages: number;
	extraWords: number;
	seconds: number;
	compacted: CompactStats[];
}

/** Indexes the built site in `dist` and writes dist/pagefind/. */
export async function buildSearchIndex(dist: string, { compact = true } = {}): Promise<IndexStats> {
	const started = performance.now();
	const files = await htmlFiles(dist);
	const pages: { url: string; html: string; text: string }[] = [];
	for (const file of files) {
		const html = await readFile(file, 'utf8');
		if (!/<main[^>]*\sdata-pagefind-body/.test(html)) continue;
		const relative = path.relative(dist, file).split(path.sep).join('/');
		pages.push({ url: `/${relative.replace(/(^|\/)index\.html$/, '$1')}`, html, text: indexedText(html) });
	}
	const titled = indexOrder(pages.map((page) => ({ ...page, title: titleOf(page.html), date: dateOf(page.html) })));
	const siteWords = new Set(titled.flatMap((page) => words(page.text)));
	const splitter = createSplitter(siteWords);
	const synonyms = readSynonyms();

	const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
	if (!index) throw new Error(`Suchindex konnte nicht angelegt werden: ${errors.join('; ')}`);
	let extraWords = 0;
	for (const page of titled) {
		const extra = extraTerms(page.text, splitter, synonyms, page.title);
		extraWords += allTerms(extra).length;
		const added = await index.addHTMLFile({ url: page.url, content: withExtraTerms(page.html, extra) });
		if (added.errors.length) throw new Error(`Suchindex: ${page.url}: ${added.errors.join('; ')}`);
	}
	const output = path.join(dist, 'pagefind');
	const written = await index.writeFiles({ outputPath: output });
	if (written.errors.length) throw new Error(`Suchindex konnte nicht geschrieben werden: ${written.errors.join('; ')}`);
	await pagefind.close();
	await Promise.all(UNUSED_FILES.map((name) => rm(path.join(output, name), { force: true })));
	const compacted = compact ? await compactIndex(output) : [];
	return { pages: pages.length, extraWords, seconds: (performance.now() - started) / 1000, compacted };
}

export function search(): AstroIntegration {
	return {
		name: 'quartier-search',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const stats = await buildSearchIndex(fileURLToPath(dir));
				const start = stats.compacted.map((c) => `${(c.metaAfter / 1024).toFixed(1)} KB (vorher ${(c.metaBefore / 1024).toFixed(1)} KB), ${c.chunksAfter} Wortdateien`).join('; ');
				logger.info(`Suchindex: ${stats.pages} Seiten, ${stats.extraWords} zusätzliche Suchwörter, ${stats.seconds.toFixed(1)} s; Startdatei ${start}`);
			},
		},
	};
}
