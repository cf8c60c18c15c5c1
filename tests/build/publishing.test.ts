/**
 * Items dated in the future wait for their day: the sample site is built for 1 December 2026, and news dated later
 * and calls whose „Erscheint am" is later appear nowhere – no page, no list, no feed, no sitemap entry, no search result –
 * while everything dated up to that day is there. (The nightly function that rebuilds the site is tested in
 * tests/unit/nightly-build.test.ts.)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { describe, expect, inject, test } from 'vitest';
import { htmlPages } from '../../src/integrations/built-pages';
import { startOfBerlinDay } from '../../src/lib/time';
import { parseDay } from '../../src/lib/time';
import { entryFiles, idOf, readData } from '../helpers/content';

const now = new Date(inject('buildTime'));
const { languages } = readData('content/settings/quartier.yaml') as { languages: string[] };
const dayOf = (value: unknown) => parseDay(value instanceof Date ? value.toISOString().slice(0, 10) : value) as Date;
const isLater = (value: unknown) => value !== undefined && startOfBerlinDay(dayOf(value)) > now;

interface Item { id: string; title: string; folder: 'aktuelles' | 'aufrufe'; later: boolean }
const items: Item[] = [
	...entryFiles('aktuelles').map((file) => {
		const data = readData(file) as { title: string; date: unknown; draft?: boolean };
		return { id: idOf(file), title: data.title, folder: 'aktuelles' as const, later: isLater(data.date), draft: data.draft };
	}).filter((item) => !item.draft),
	...entryFiles('aufrufe').map((file) => {
		const data = readData(file) as { title: string; published?: unknown };
		return { id: idOf(file), title: data.title, folder: 'aufrufe' as const, later: isLater(data.published) };
	}),
];
const later = items.filter((item) => item.later);
const out = items.filter((item) => !item.later);

const pages = await htmlPages('dist');
const sitemap = readdirSync('dist').filter((name) => /^sitemap.*\.xml$/.test(name)).map((name) => readFileSync(path.join('dist', name), 'utf8')).join('\n');
/** Every page the search index knows, with its text (Pagefind's fragments: gzip, a signature, then JSON). */
const fragments = readdirSync('dist/pagefind/fragment').map((name) => {
	const raw = gunzipSync(readFileSync(path.join('dist/pagefind/fragment', name))).toString('utf8');
	return JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; meta: { title?: string } };
});

/** Every feed of the build (all languages), read by a real feed parser: the link of each item. */
const feedFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? feedFiles(full) : entry.name.endsWith('.xml') && full.includes(`feed`) ? [full] : [];
	});
const parser = new Parser();
const feeds = await Promise.all(
	feedFiles('dist').map(async (file) => ({ file, links: (await parser.parseString(readFileSync(file, 'utf8'))).items.map((item) => item.link ?? '') })),
);

describe('an item dated in the future waits for its day', () => {
	test('the sample has news and a call dated after the build, and items dated before it', () => {
		expect(later.filter((item) => item.folder === 'aktuelles').length).toBeGreaterThan(0);
		expect(later.filter((item) => item.folder === 'aufrufe').length).toBeGreaterThan(0);
		expect(out.filter((item) => item.folder === 'aufrufe').length).toBeGreaterThan(0);
	});

	test('it has no page in any language, and no page names it (not even the staff\'s translation overview)', () => {
		for (const item of later) {
			for (const prefix of languages.map((lang, i) => (i === 0 ? '' : lang))) expect(existsSync(path.join('dist', prefix, item.folder, item.id)), `${prefix}/${item.id}`).toBe(false);
		}
		const titles = later.map((item) => item.title);
		for (const { path: page, file } of pages) {
			const html = readFileSync(file, 'utf8');
			for (const title of titles) expect(html.includes(title) || html.includes(title.replace(/"/g, '&quot;')), `${page} names „${title}"`).toBe(false);
		}
	});

	test('it is in no feed of any language; everything out is in the all-news or the calls feed', () => {
		expect(feeds.length).toBeGreaterThan(4);
		const linked = feeds.flatMap((feed) => feed.links.map((link) => new URL(link).pathname));
		for (const item of later) expect(linked.filter((link) => link.endsWith(`/${item.folder}/${item.id}/`)), item.id).toEqual([]);
		const german = (name: string) => feeds.find((feed) => feed.file === path.join('dist', name))?.links.map((link) => new URL(link).pathname) ?? [];
		for (const item of out.filter((item) => item.folder === 'aktuelles')) expect(german('aktuelles/feed.xml'), item.id).toContain(`/aktuelles/${item.id}/`);
	});

	test('it is in no sitemap and in no search result', () => {
		for (const item of later) {
			expect(sitemap).not.toContain(`/${item.folder}/${item.id}/`);
			expect(fragments.filter((f) => f.url.includes(`/${item.folder}/${item.id}/`) || f.content.includes(item.title))).toEqual([]);
		}
	});

	test('everything dated up to the build is published: page, sitemap, search', () => {
		for (const item of out) {
			expect(existsSync(path.join('dist', item.folder, item.id, 'index.html')), item.id).toBe(true);
			expect(sitemap).toContain(`/${item.folder}/${item.id}/`);
			expect(fragments.some((f) => f.url === `/${item.folder}/${item.id}/`), item.id).toBe(true);
		}
	});
});
