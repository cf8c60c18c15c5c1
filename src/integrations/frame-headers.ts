/**
 * Writes dist/_headers: which pages other sites may show in a frame, the Content-Security-Policy of every page and
 * file (src/lib/csp.ts), and the sandbox for uploaded files.
 *
 * Frames: only the embeddable pages (/einbetten/… and their copies in every language, see src/lib/embed.ts) may be
 * framed, by any site (`frame-ancestors *`); every other page and file says `X-Frame-Options: DENY` and
 * `frame-ancestors 'none'` (no one can put the site, the forms or the CMS inside a frame of theirs).
 *
 * Why a generated file and not one rule for `/*` in netlify.toml: Netlify applies every header rule whose path
 * matches (netlify.toml and _headers alike) and joins the values of the same header from different rules, so a
 * denial for `/*` would also reach /einbetten/… (and a browser obeys the strictest of two frame policies). Netlify
 * has no rule that says „everything but". So the denial is listed per folder and file of the build, leaving the
 * embed folders out: `/` itself, `/aktuelles/*`, `/einrichtungen.csv`, … and the same inside each language's folder.
 * The list follows the build by itself: a new page folder gets its denial without anyone thinking of it. (An address
 * that does not exist gets the 404 page without these headers; it shows nothing worth framing.)
 *
 * The page policy rides in the same rules (one Content-Security-Policy per path, so it is the same whether a host
 * joins or replaces the values of several matching rules). The editor page /admin/ is left out: its own policy,
 * which Decap needs, is in netlify.toml; the other pages in /admin/ are listed one by one. Uploaded files (the CMS's
 * media folders, e.g. /dokumente/*.pdf, /uploads/…) and the pictures of entries in /_astro/ get a rule of their
 * own after the folder rules, with the sandbox policy: joined, both policies hold; replaced, the later one does.
 */
import { readdir, appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { paths } from '../lib/routes';
import { SANDBOX_POLICY, hashSource, inlineCode, pagePolicy, tileSources } from '../lib/csp';
import type { Settings } from '../schemas/settings';
import { cmsConfig } from '../../cms/config';

/** `policy` with the frame directive appended (only the frame directive without one). */
const withFrames = (policy: string | undefined, ancestors: string) => `${policy ? `${policy}; ` : ''}frame-ancestors ${ancestors}`;
/** Headers for pages others may frame; `policy`: the page policy that goes with them (src/lib/csp.ts). */
export const frameAllowed = (policy?: string) => ({ 'Content-Security-Policy': withFrames(policy, '*') });
/** Headers for everything else. */
export const frameDenied = (policy?: string) => ({ 'X-Frame-Options': 'DENY', 'Content-Security-Policy': withFrames(policy, "'none'") });

/** Files Netlify reads and never serves. */
const NETLIFY_FILES = new Set(['_headers', '_redirects']);
/** The embed folder's name (`einbetten`). */
const EMBED_FOLDER = paths.embed.split('/')[1] ?? '';
/** The editor's folder (`admin`): its page has its own policy in netlify.toml. */
const EDITOR_FOLDER = paths.editor.split('/')[1] ?? '';

interface Entry {
	name: string;
	folder: boolean;
}

function block(pattern: string, values: Record<string, string>): string {
	return `${pattern}\n${Object.entries(values).map(([name, value]) => `  ${name}: ${value}\n`).join('')}`;
}

export interface RuleOptions {
	/** The page policy every rule carries beside its frame directive (src/lib/csp.ts); without it, frames only. */
	policy?: string;
	/**
	 * The entries of the editor's folder: listed one by one, without its page (index.html), whose headers are in
	 * netlify.toml. Without them, the folder is denied as a whole like any other.
	 */
	editor?: Entry[];
}

/**
 * The rules of the _headers file. `top`: the build's top level; `inLanguage`: each other language's folder with
 * its entries (German has no prefix: its pages are in the top level).
 */
export function frameRules(top: Entry[], inLanguage: Record<string, Entry[]>, { policy, editor }: RuleOptions = {}): string {
	const rules: string[] = [];
	const denied = frameDenied(policy);
	const rule = (prefix: string, { name, folder }: Entry) => {
		rules.push(block(folder ? `${prefix}/${name}/*` : `${prefix}/${name}`, denied));
		// Netlify also serves `404.html` at `/404`: that address gets the same rule.
		if (!folder && name.endsWith('.html') && name !== 'index.html') rules.push(block(`${prefix}/${name.slice(0, -'.html'.length)}`, denied));
	};
	const deny = (prefix: string, entries: Entry[]) => {
		rules.push(block(`${prefix}/`, denied));
		for (const entry of entries) {
			const { name } = entry;
			if (name === EMBED_FOLDER || NETLIFY_FILES.has(name) || (prefix === '' && name in inLanguage)) continue;
			if (prefix === '' && name === EDITOR_FOLDER && editor) {
				for (const inner of editor) if (inner.name !== 'index.html') rule(`/${EDITOR_FOLDER}`, inner);
				continue;
			}
			rule(prefix, entry);
		}
		rules.push(block(`${prefix}/${EMBED_FOLDER}/*`, frameAllowed(policy)));
	};
	deny('', top);
	for (const [locale, entries] of Object.entries(inLanguage)) deny(`/${locale}`, entries);
	return `# Written by the build (src/integrations/frame-headers.ts): only /${EMBED_FOLDER}/ may be shown in other sites' frames.\n${rules.join('')}`;
}

/** Rules that put uploaded files (site paths) into the sandbox; they come after the folder rules. */
export function sandboxRules(files: readonly string[]): string {
	return files.length ? `# Uploaded files and pictures of entries: no script, nothing loaded (src/lib/csp.ts).\n${files.map((file) => block(file, { 'Content-Security-Policy': SANDBOX_POLICY })).join('')}` : '';
}

/** The site folders the CMS uploads into (`uploads`, `dokumente`, …): every `media_folder` of its configuration. */
export function uploadFolders(settings: Settings): string[] {
	const found = new Set<string>();
	const walk = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object')
			for (const [key, inner] of Object.entries(value)) {
				if (key === 'media_folder' && typeof inner === 'string' && /^\/?public\//.test(inner)) found.add(inner.replace(/^\/?public\//, '').replace(/\/+$/, ''));
				else walk(inner);
			}
	};
	walk(cmsConfig(settings, { local: false }));
	return [...found].sort();
}

/** Files in /_astro/ that are code the pages load (everything else there is a picture of an entry). */
const CODE = /\.(js|mjs|css|wasm|woff2?)$/;
/**
 * PDFs stay out of the sandbox: Chromium's PDF viewer shows nothing in a sandboxed document. A PDF runs no script
 * on the site's origin (the viewer is the browser's own), and `nosniff` keeps it from being read as anything else.
 */
const UNSANDBOXED = /\.pdf$/i;

/** Every file below `dir` (recursively), as paths relative to it with forward slashes. */
async function filesBelow(dir: string): Promise<string[]> {
	try {
		return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
	} catch {
		return [];
	}
}

async function entries(dir: string): Promise<Entry[]> {
	return (await readdir(dir, { withFileTypes: true })).map((d) => ({ name: d.name, folder: d.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Appends the rules for the built site in `dir` (its top folder, as a file: URL ending in a slash) to its _headers.
 * `settings`: the site's settings (languages, German first; the map's tiles; the CMS's upload folders).
 */
export async function writeHeaders(dir: URL, settings: Settings): Promise<void> {
	const root = fileURLToPath(dir);
	const top = await entries(root);
	const present = new Set(top.filter((e) => e.folder).map((e) => e.name));
	const inLanguage: Record<string, Entry[]> = {};
	for (const locale of settings.languages.slice(1)) if (present.has(locale)) inLanguage[locale] = await entries(fileURLToPath(new URL(`${locale}/`, dir)));
	// The hashes of every inline script and style the build wrote into a page.
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const all = await filesBelow(root);
	for (const file of all.filter((f) => f.endsWith('.html'))) {
		const code = inlineCode(await readFile(path.join(root, file), 'utf8'));
		for (const text of code.scripts) scripts.add(hashSource(text));
		for (const text of code.styles) styles.add(hashSource(text));
	}
	const policy = pagePolicy({ scripts: [...scripts].sort(), styles: [...styles].sort(), tiles: tileSources(settings.map) });
	const editor = present.has(EDITOR_FOLDER) ? await entries(path.join(root, EDITOR_FOLDER)) : undefined;
	const folders = uploadFolders(settings);
	const uploaded = all.filter((file) => !UNSANDBOXED.test(file) && ((folders.some((folder) => file.startsWith(`${folder}/`)) && !file.endsWith('.html')) || (file.startsWith('_astro/') && !CODE.test(file))));
	await appendFile(new URL('_headers', dir), frameRules(top, inLanguage, { policy, editor }) + sandboxRules(uploaded.sort().map((file) => `/${file}`)));
}

/** `settings`: the site's settings (see writeHeaders). */
export function frameHeaders(settings: Settings): AstroIntegration {
	return {
		name: 'quartier-frame-headers',
		hooks: {
			'astro:build:done': ({ dir }) => writeHeaders(dir, settings),
		},
	};
}
