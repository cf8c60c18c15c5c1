/**
 * Property-based tests through the real build (the arbitraries of tests/helpers/arbitraries.ts, few runs – a build
 * takes half a minute): a copy of the sample content with random valid entries added to every folder builds, and
 * each entry's page shows its title; random entries with one broken field stop the build with the German message
 * naming file and field, without a stack trace and without writing any of the site.
 *
 * Replay a failure with the seed in the test's name: QUARTIER_PROPS_SEED=<seed> npx vitest run --project site tests/build/properties.test.ts
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, describe, expect, test } from 'vitest';
import { extensionOf, isTranslated, PATTERNS, readSettings, schemaFactories, SETTINGS_FILE, SOURCE_LANGUAGE, type CollectionName, type FolderCollection } from '../../src/schemas';
import { isPublished } from '../../src/lib/content-logic';
import { parseDay } from '../../src/lib/time';
import { href, paths } from '../../src/lib/routes';
import { runAstro } from '../helpers/run';
import { schemaContext } from '../helpers/content';
import { applyBreakage, breakages, ENGLISH_DEFAULTS, serialise, validEntry } from '../helpers/arbitraries';
import { SAMPLE_NOW } from '../setup/site';

const SEED = Number(process.env.QUARTIER_PROPS_SEED ?? 20261202);
const PER_COLLECTION = 3;
const settings = readSettings();
const schemaOf = (name: CollectionName) => (schemaFactories[name] as (...args: unknown[]) => import('astro/zod').z.ZodType)(schemaContext, settings);
const now = new Date(SAMPLE_NOW);
const works: string[] = [];

afterAll(() => {
	for (const work of works) rmSync(work, { recursive: true, force: true });
}, 60_000);

function copyContent() {
	const work = mkdtempSync(path.join(tmpdir(), 'quartier-props-'));
	works.push(work);
	cpSync('content', path.join(work, 'content'), { recursive: true });
	return { work, content: path.join(work, 'content'), outDir: path.join(work, 'dist') };
}

/** Where a new entry of a folder goes: `<id>.de.md` in translated folders, `<id>.md` or `<id>.yaml` elsewhere. */
function fileName(folder: FolderCollection, id: string) {
	const extension = extensionOf(folder).replace('{md,mdx}', 'md');
	return { name: `${id}${isTranslated(folder) ? `.${SOURCE_LANGUAGE}` : ''}.${extension}`, extension };
}

/** The page that shows an entry, the text it must show, and whether it is out at the build's „now". */
function pageOf(folder: FolderCollection, id: string, data: Record<string, unknown>): { page: string; title: string; out: boolean } | undefined {
	const title = String(data.title ?? data.name ?? '');
	const day = (value: unknown) => parseDay(value) as Date | undefined;
	switch (folder) {
		case 'aktuelles':
			return { page: href.news(id), title, out: data.draft !== true && isPublished(day(data.date), now) };
		case 'aufrufe':
			return { page: href.call(id), title, out: isPublished(day(data.published), now) };
		case 'projekte':
			return { page: href.project(id), title, out: true };
		case 'termine':
			return { page: href.event(id), title, out: true };
		case 'einrichtungen':
			return { page: href.facility(id), title, out: true };
		case 'dokumente':
			return { page: href.document(id), title, out: true };
		case 'beschluesse':
			return { page: href.decision(id), title, out: true };
		case 'ziele':
			return { page: href.goal(id), title, out: true };
		case 'seiten':
			return { page: href.page(id), title, out: true };
		case 'leichte-sprache':
			return { page: href.plain(id), title, out: true };
		case 'netzwerk':
			return { page: href.network(id), title, out: true };
		case 'kontakte':
			return { page: paths.contact, title, out: true };
		case 'gebaerdensprache':
			return { page: paths.signLanguage, title, out: true };
		default:
			return undefined;
	}
}

type Node = DefaultTreeAdapterTypes.Node;
/** The text of an element as a reader gets it (parse5 decodes entities), with white space collapsed. */
function textOf(node: Node): string {
	if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
	if (node.nodeName === 'script' || node.nodeName === 'style' || node.nodeName === 'template') return '';
	return 'childNodes' in node ? node.childNodes.map(textOf).join(' ') : '';
}
function find(node: Node, name: string): Node | undefined {
	if (node.nodeName === name) return node;
	for (const child of 'childNodes' in node ? node.childNodes : []) {
		const found = find(child, name);
		if (found) return found;
	}
	return undefined;
}
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Files under a folder (to tell an untouched output folder from a half-written one). */
function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Stack frames and English headlines from zod, Astro or Node: none may reach staff. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

describe(`random valid entries build (seed ${SEED}, ${PER_COLLECTION} per folder)`, () => {
	test('every folder gets random entries; the site builds and each entry\'s page shows its title', async () => {
		const { content, outDir } = copyContent();
		const written: { folder: FolderCollection; id: string; data: Record<string, unknown> }[] = [];
		for (const folder of Object.keys(PATTERNS) as FolderCollection[]) {
			const entries = fc.sample(validEntry(schemaOf(folder), { folder }), { numRuns: PER_COLLECTION, seed: SEED });
			entries.forEach((data, i) => {
				const id = `zufall-${i + 1}`;
				const { name, extension } = fileName(folder, id);
				writeFileSync(path.join(content, folder, name), serialise(data, extension, 'Ein Absatz mit **fett** und einem [Link](/kontakt/).\n'));
				written.push({ folder, id, data });
			});
		}
		const { code, output } = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: content, QUARTIER_NOW: SAMPLE_NOW });
		expect(code, `seed ${SEED}\n${output.slice(-4000)}`).toBe(0);
		for (const { folder, id, data } of written) {
			const shown = pageOf(folder, id, data);
			if (!shown) continue;
			const file = path.join(outDir, shown.page, 'index.html');
			const where = `${folder}/${id} (seed ${SEED}): ${JSON.stringify(data).slice(0, 400)}`;
			if (!shown.out) {
				expect(existsSync(file), `${where}\n${existsSync(file) ? readFileSync(file, 'utf8').slice(0, 1500) : ''}`).toBe(false);
				continue;
			}
			expect(existsSync(file), where).toBe(true);
			const main = find(parse(readFileSync(file, 'utf8')), 'main');
			expect(main, where).toBeDefined();
			expect(squash(textOf(main!)), where).toContain(squash(shown.title));
		}
	}, 480_000);
});

describe(`one broken field stops the build (seed ${SEED})`, () => {
	// A Markdown folder, a YAML folder and the settings file, each with a random entry broken in one random field.
	const cases: { folder: CollectionName; file: (content: string) => string }[] = [
		{ folder: 'projekte', file: (content) => path.join(content, 'projekte', 'zufall-kaputt.de.md') },
		{ folder: 'kontakte', file: (content) => path.join(content, 'kontakte', 'zufall-kaputt.yaml') },
		{ folder: 'settings', file: (content) => path.join(content, SETTINGS_FILE) },
	];
	cases.forEach(({ folder, file }, n) => {
		test(`${folder}`, async () => {
			const schema = schemaOf(folder);
			const [[entry, pick]] = fc.sample(fc.tuple(validEntry(schema, { folder: folder === 'settings' ? 'settings' : folder }), fc.nat()), { numRuns: 1, seed: SEED + n }) as [[Record<string, unknown>, number]];
			const all = breakages(schema, entry);
			const breakage = all[pick % all.length]!;
			const { content, outDir } = copyContent();
			const target = file(content);
			writeFileSync(target, serialise(applyBreakage(entry, breakage), target.endsWith('.yaml') ? 'yaml' : 'md', 'Text.\n'));
			const { code, output } = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: content, QUARTIER_NOW: SAMPLE_NOW });
			const where = `seed ${SEED + n}, ${breakage.kind} at ${breakage.path.join('.')}\n${output.slice(-3000)}`;
			expect(code, where).not.toBe(0);
			expect(output, where).toContain(`Inhalt fehlerhaft in ${path.relative(process.cwd(), target)}`);
			expect(output, where).toContain(`Feld „${breakage.path.join('.')}": `);
			if (breakage.label) expect(output, where).toContain(breakage.label);
			expect(output, where).not.toMatch(STACK);
			for (const english of ENGLISH_DEFAULTS) expect(output, where).not.toMatch(english);
			// Astro writes pages only after all content is read: the output folder was never made.
			expect(filesUnder(outDir), where).toEqual([]);
		}, 120_000);
	});
});
