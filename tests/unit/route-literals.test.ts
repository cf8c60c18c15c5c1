/**
 * Every site address the code writes comes from src/lib/routes.ts. This scan reads the code in src/ and cms/ (strings,
 * template literals and HTML attribute values, not comments) and fails on an address typed by hand, e.g. '/termine/'
 * or `/projekte/${id}/`, so a renamed page cannot leave a stale link behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { href, paths } from '../../src/lib/routes';

/**
 * Files that may hold addresses as text: routes.ts itself, where they live, and map-files.ts, the map's data files
 * that routes.ts offers too (kept apart so the facilities page needs not load the whole routes module).
 * Page files under src/pages/ are the addresses (Astro makes them from the file names); the scan reads only their code.
 */
const ALLOWED = new Set(['src/lib/routes.ts', 'src/lib/map-files.ts']);

/** The first segments of the site's own addresses, taken from the routes module (aktuelles, termine, kontakt, daten …). */
function routeSegments(): string[] {
	const all: string[] = [];
	const walk = (value: unknown) => {
		if (typeof value === 'string') all.push(value);
		else if (typeof value === 'function') all.push((value as (id: string) => string)('x'));
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	walk(paths);
	walk(href);
	return [...new Set(all.map((address) => /^\/([a-z0-9-]+)/.exec(address)?.[1]).filter((segment): segment is string => !!segment))].sort();
}

/** The string pieces of a source file: quoted strings and template literal text; comments left out. */
export function stringsOf(source: string): { text: string; line: number }[] {
	const found: { text: string; line: number }[] = [];
	const token = /\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->|(?<![:\\])\/\/[^\n]*|(["'`])((?:\\[\s\S]|(?!\1)[^\\])*)\1/g;
	for (const match of source.matchAll(token)) {
		if (match[1] === undefined) continue;
		found.push({ text: match[2] ?? '', line: source.slice(0, match.index).split('\n').length });
	}
	return found;
}

/**
 * A file staff upload to public/ (a document, logo, video), named as an example in a field's help: not an address
 * the code writes, though its folder may share a page's name (/dokumente/ihek.pdf beside /dokumente/ihek/).
 */
const UPLOAD = /^\/[a-z0-9-]+\/[a-z0-9._-]+\.(pdf|docx?|odt|xlsx?|ods|svg|png|jpe?g|webp|mp4|webm|vtt|pmtiles)$/;

/** Addresses of the site typed into a string: at its start, or as the value of an href/src/action inside it. */
export function handTypedRoutes(source: string, segments: readonly string[]): { text: string; line: number }[] {
	const address = new RegExp(`(?:^|(?:href|src|action)=["']?|\\$\\{[^}]*\\})\\/(?:${segments.join('|')})(?=[/?#.]|$)`);
	return stringsOf(source).filter(({ text }) => address.test(text) && !UPLOAD.test(text));
}

function codeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return codeFiles(full);
		return /\.(ts|tsx|mts|js|mjs|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
	});
}

describe('addresses come from the routes module', () => {
	const segments = routeSegments();

	test('the scan knows the site\'s sections', () => {
		expect(segments).toEqual(expect.arrayContaining(['aktuelles', 'projekte', 'termine', 'einrichtungen', 'kontakt', 'daten', 'suche', 'leichte-sprache', 'netzwerk']));
	});

	test('the scan finds addresses in strings and markup, not in comments or file paths', () => {
		const sample = [
			"/** Lists /termine/ and '/projekte/' in a comment. */",
			"// and '/kontakt/' here",
			"const a = '/termine/';",
			'const b = `/projekte/${id}/`;',
			'<a href="/kontakt/">x</a>',
			"const c = 'content/einrichtungen/kita.md';",
			"const d = `${base}/daten/projekte.csv`;",
			"const e = '<a href=\"/suche/\">';",
			"const f = 'https://example.org/aktuelles/';",
			"const g = '/aktuellesx/';",
			"example: '/dokumente/protokoll-2026-10.pdf',",
			"const h = '/daten/projekte.csv';",
		].join('\n');
		expect(handTypedRoutes(sample, segments).map(({ line }) => line)).toEqual([3, 4, 5, 7, 8, 12]);
	});

	test('no file in src/ or cms/ types an address by hand', () => {
		const found = [...codeFiles('src'), ...codeFiles('cms')]
			.map((file) => file.split(path.sep).join('/'))
			.filter((file) => !ALLOWED.has(file))
			.flatMap((file) => handTypedRoutes(readFileSync(file, 'utf8'), segments).map(({ text, line }) => `${file}:${line}: ${text.slice(0, 120)}`));
		expect(found, 'Adressen bitte aus src/lib/routes.ts (href.… oder paths.…) nehmen').toEqual([]);
	});
});
