/**
 * The incremental build (astro.config.mjs: experimental.incrementalBuild, keys from src/lib/page-cache.ts): a rebuild
 * copies the pages of unchanged news from the last build, renders the edited entry's pages again, and never shows a
 * stale page when something a news page shows (a theme's name) changes. Real builds of a copy of the sample, with
 * Astro's cache kept beside the copy, as Netlify keeps it between builds.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAstro } from '../helpers/run';
import { entryFiles, idOf, readData, translatedInto } from '../helpers/content';

const NOW = '2026-12-01T09:00:00.000Z';
let work = '';
let content = '';
let outDir = '';

async function build(): Promise<string> {
	const { code, output } = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: content, QUARTIER_NOW: NOW });
	expect(code, output.slice(-3000)).toBe(0);
	return output;
}

/**
 * The news pages (page and notice, every language) a build log says were copied from the cache, and those rendered
 * into a file. Astro renders four pages at once (astro.config.mjs): it writes „├─ <page>" when it starts one and the
 * time when it is done, so one log line may hold several pages; „(cached)"/„(restored)" follow their page at once.
 * Copies of untranslated items in other languages are asked for and answered without a file
 * (src/lib/page-languages.ts): a page counts as rendered only when its file is there.
 */
function newsPages(log: string) {
	const parts = log
		.split('├─ ')
		.slice(1)
		.map((part) => ({ page: /^\S+/.exec(part)?.[0] ?? '', copied: /^\S+\s+\((cached|restored)\)/.test(part) }))
		.filter(({ page }) => /^\/(?:[a-z]{2}\/)?aktuelles\/(?!seite\/|thema\/)[^/]+\/(?:aushang\/)?index\.html$/.test(page));
	return {
		copied: parts.filter((part) => part.copied).map((part) => part.page),
		rendered: parts.filter((part) => !part.copied && existsSync(path.join(outDir, part.page))).map((part) => part.page),
	};
}

const read = (address: string) => readFileSync(path.join(outDir, address, 'index.html'), 'utf8');

/** Published news of the sample (not drafts, not before their day). */
const news = entryFiles('aktuelles')
	.map((file) => ({ file, id: idOf(file), data: readData(file) as { draft?: boolean; date: string | Date; themes: string[] } }))
	.filter(({ data }) => !data.draft && new Date(data.date) <= new Date(NOW));
/** Languages of each news item: German and those it is translated into. */
const languagesOf = (id: string) => 1 + translatedInto('aktuelles', id).length;
const edited = news[0]!;
const other = news.find((item) => item.id !== edited.id && item.data.themes.length > 0)!;

let first = '';
let unchanged = '';
const before = new Map<string, string>();

beforeAll(async () => {
	work = mkdtempSync(path.join(tmpdir(), 'quartier-incremental-'));
	content = path.join(work, 'content');
	outDir = path.join(work, 'dist');
	cpSync('content', content, { recursive: true });
	first = await build();
	const translated = news.find((item) => existsSync(path.join(content, 'aktuelles', `${item.id}.en.md`)))!;
	for (const address of [`/aktuelles/${other.id}/`, `/en/aktuelles/${translated.id}/`, `/aktuelles/${other.id}/aushang/`]) before.set(address, read(address));
	unchanged = await build();
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a rebuild copies unchanged news pages and renders what changed', () => {
	test('the first build renders every news page (German, and each translation); an unchanged rebuild copies all of them, byte for byte', () => {
		expect(newsPages(first).copied).toEqual([]);
		expect(newsPages(first).rendered).toHaveLength(news.reduce((sum, item) => sum + languagesOf(item.id) * 2, 0));
		expect(newsPages(unchanged).rendered).toEqual([]);
		expect(newsPages(unchanged).copied.sort()).toEqual(newsPages(first).rendered.sort());
		for (const [address, html] of before) expect(read(address), address).toBe(html);
	});

	test('after one edited news item only its pages are rendered again, and they show the edit', async () => {
		const file = path.join(content, path.relative('content', edited.file));
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (["']?)/m, 'title: $1Geändert: '));
		const log = await build();
		const { copied, rendered } = newsPages(log);
		expect(rendered.length).toBeGreaterThan(0);
		for (const page of rendered) expect(page).toContain(`/aktuelles/${edited.id}/`);
		expect(copied.some((page) => page.includes(`/aktuelles/${other.id}/`))).toBe(true);
		expect(read(`/aktuelles/${edited.id}/`)).toContain('Geändert: ');
		expect(read(`/aktuelles/${edited.id}/aushang/`)).toContain('Geändert: ');
	}, 300_000);

	test('when the last Turkish news translation goes, the Turkish news pages go (no stale copy stays) and the German pages lose the Turkish feed', async () => {
		const translated = news.filter((item) => existsSync(path.join(content, 'aktuelles', `${item.id}.tr.md`)));
		expect(translated.length).toBeGreaterThan(0);
		const feed = /<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/tr\/aktuelles\/feed\.xml"/;
		for (const item of translated) expect(read(`/tr/aktuelles/${item.id}/`)).toMatch(feed);
		for (const name of readdirSync(path.join(content, 'aktuelles')).filter((file) => file.endsWith('.tr.md'))) rmSync(path.join(content, 'aktuelles', name));
		const log = await build();
		for (const item of translated) {
			expect(existsSync(path.join(outDir, 'tr', 'aktuelles', item.id)), item.id).toBe(false);
			expect(newsPages(log).rendered).toContain(`/aktuelles/${item.id}/index.html`);
			// The German page's switcher now leads to the Turkish news list.
			expect(read(`/aktuelles/${item.id}/`)).toContain('<a href="/tr/aktuelles/" lang="tr"');
		}
		expect(read('/tr/aktuelles/')).not.toMatch(feed);
	}, 300_000);

	test('when a theme is renamed, news pages that name it are rendered again (no stale page)', async () => {
		const theme = other.data.themes[0]!;
		const file = readdirSync(path.join(content, 'themen')).find((name) => name.startsWith(`${theme}.de.`))!;
		const themeFile = path.join(content, 'themen', file);
		writeFileSync(themeFile, readFileSync(themeFile, 'utf8').replace(/^label: (["']?)/m, 'label: $1Umbenannt '));
		const log = await build();
		expect(newsPages(log).copied).toEqual([]);
		expect(read(`/aktuelles/${other.id}/`)).toContain('Umbenannt ');
	}, 300_000);
});
