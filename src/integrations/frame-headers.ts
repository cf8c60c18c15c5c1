/**
 * Writes dist/_headers: which pages other sites may show in a frame. Only the embeddable pages (/einbetten/… and
 * their copies in every language, see src/lib/embed.ts) may be framed, by any site (`frame-ancestors *`); every other
 * page and file says `X-Frame-Options: DENY` and `frame-ancestors 'none'` (no one can put the site, the forms or
 * the CMS inside a frame of theirs).
 *
 * Why a generated file and not one rule for `/*` in netlify.toml: Netlify applies every header rule whose path
 * matches (netlify.toml and _headers alike) and joins the values of the same header from different rules, so a
 * denial for `/*` would also reach /einbetten/… (and a browser obeys the strictest of two frame policies). Netlify
 * has no rule that says „everything but". So the denial is listed per folder and file of the build, leaving the
 * embed folders out: `/` itself, `/aktuelles/*`, `/einrichtungen.csv`, … and the same inside each language's folder.
 * The list follows the build by itself: a new page folder gets its denial without anyone thinking of it. (An address
 * that does not exist gets the 404 page without these headers; it shows nothing worth framing.)
 */
import { readdir, appendFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { paths } from '../lib/routes';

/** Headers for pages others may frame. */
export const FRAME_ALLOWED = { 'Content-Security-Policy': 'frame-ancestors *' } as const;
/** Headers for everything else. */
export const FRAME_DENIED = { 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'" } as const;

/** Files Netlify reads and never serves. */
const NETLIFY_FILES = new Set(['_headers', '_redirects']);
/** The embed folder's name (`einbetten`). */
const EMBED_FOLDER = paths.embed.split('/')[1] ?? '';

interface Entry {
	name: string;
	folder: boolean;
}

function block(pattern: string, values: Record<string, string>): string {
	return `${pattern}\n${Object.entries(values).map(([name, value]) => `  ${name}: ${value}\n`).join('')}`;
}

/**
 * The rules of the _headers file. `top`: the build's top level; `inLanguage`: each other language's folder with
 * its entries (German has no prefix: its pages are in the top level).
 */
export function frameRules(top: Entry[], inLanguage: Record<string, Entry[]>): string {
	const rules: string[] = [];
	const deny = (prefix: string, entries: Entry[]) => {
		rules.push(block(`${prefix}/`, FRAME_DENIED));
		for (const { name, folder } of entries) {
			if (name === EMBED_FOLDER || NETLIFY_FILES.has(name) || (prefix === '' && name in inLanguage)) continue;
			rules.push(block(folder ? `${prefix}/${name}/*` : `${prefix}/${name}`, FRAME_DENIED));
		}
		rules.push(block(`${prefix}/${EMBED_FOLDER}/*`, FRAME_ALLOWED));
	};
	deny('', top);
	for (const [locale, entries] of Object.entries(inLanguage)) deny(`/${locale}`, entries);
	return `# Written by the build (src/integrations/frame-headers.ts): only /${EMBED_FOLDER}/ may be shown in other sites' frames.\n${rules.join('')}`;
}

async function entries(dir: string): Promise<Entry[]> {
	return (await readdir(dir, { withFileTypes: true })).map((d) => ({ name: d.name, folder: d.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** `languages`: the site's languages, German first (settings.languages). */
export function frameHeaders(languages: readonly string[]): AstroIntegration {
	return {
		name: 'quartier-frame-headers',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const root = fileURLToPath(dir);
				const top = await entries(root);
				const present = new Set(top.filter((e) => e.folder).map((e) => e.name));
				const inLanguage: Record<string, Entry[]> = {};
				for (const locale of languages.slice(1)) if (present.has(locale)) inLanguage[locale] = await entries(fileURLToPath(new URL(`${locale}/`, dir)));
				await appendFile(new URL('_headers', dir), frameRules(top, inLanguage));
			},
		},
	};
}
