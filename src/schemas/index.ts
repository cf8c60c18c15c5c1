/**
 * The content model: every collection's schema, keyed by the folder in content/ it validates.
 * `src/content.config.ts` wires these to loaders; the CMS config and the tests read them from here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../lib/paths';
import { YAML_ADVICE, yamlProblems } from '../lib/yaml-errors';
import { germanContentError } from '../lib/content-error';
import { SOURCE_LOCALE } from '../lib/routes';
import type { Site } from './fields';
import { plainContext, type SchemaContext } from './context';
import { settingsSchema, type Settings } from './settings';
import { themeSchema } from './themes';
import { categorySchema } from './categories';
import { contactSchema } from './contacts';
import { facilitySchema } from './facilities';
import { newsSchema } from './news';
import { projectSchema } from './projects';
import { eventSchema } from './events';
import { callSchema } from './calls';
import { documentSchema } from './documents';
import { pageSchema } from './pages';
import { plainPageSchema } from './plain';
import { signVideoSchema } from './signlanguage';
import { goalSchema } from './goals';
import { decisionSchema } from './decisions';
import { synonymsSchema, synonymGroups } from './synonyms';
import { networkSchema } from './network';

/** Collections kept in one file each instead of a folder of entries (path inside content/). */
export const SINGLE_FILES = {
	settings: 'settings/quartier.yaml',
	synonyme: 'suche/synonyme.yaml',
} as const;

/** Path of the single settings file. */
export const SETTINGS_FILE = SINGLE_FILES.settings;
/** Path of the search words (synonyms) file. */
export const SYNONYMS_FILE = SINGLE_FILES.synonyme;

/** Reads and validates one single-file collection, with a German message naming the file and field. */
function readSingleFile<T>(relative: string, schema: { safeParse: (data: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T {
	const file = path.join(contentDir(), relative);
	const text = readFileSync(file, 'utf8');
	const syntax = yamlProblems(text);
	if (syntax.length > 0) throw germanContentError(file, new Error(`${syntax.map((p) => `  • ${p}`).join('\n')}\n  ${YAML_ADVICE}`));
	const result = schema.safeParse(parse(text) ?? {});
	// As the loaders word it: the file as found, each field as „Feld", and no stack trace.
	if (!result.success) throw germanContentError(file, new Error(result.error.issues.map((issue) => `  • Feld „${issue.path.map(String).join('.') || '(Datei)'}": ${issue.message}`).join('\n')));
	return result.data;
}

/** Reads and validates the settings file (used at config time, where the schemas need the district frame). */
export function readSettings(ctx: SchemaContext = plainContext()): Settings {
	return readSingleFile(SETTINGS_FILE, settingsSchema(ctx));
}

/** Reads and validates the search words file: the groups of words that mean the same. */
export function readSynonyms(): string[][] {
	return synonymGroups(readSingleFile(SYNONYMS_FILE, synonymsSchema));
}

/** What the schemas need from the settings: district frame and funds. */
export function siteOf(settings: Settings): Site {
	return { bounds: settings.map.bounds, district: settings.district, funds: settings.funds.map(({ id, label }) => ({ id, label })) };
}

/** Each collection's schema, built for a schema context (src/schemas/context.ts) and the settings. */
export const schemaFactories = {
	settings: (ctx: SchemaContext) => settingsSchema(ctx),
	themen: () => themeSchema,
	kategorien: () => categorySchema,
	kontakte: (ctx: SchemaContext) => contactSchema(ctx),
	einrichtungen: (ctx: SchemaContext, settings: Settings) => facilitySchema(ctx, siteOf(settings)),
	aktuelles: (ctx: SchemaContext) => newsSchema(ctx),
	projekte: (ctx: SchemaContext, settings: Settings) => projectSchema(ctx, siteOf(settings)),
	termine: (ctx: SchemaContext) => eventSchema(ctx),
	aufrufe: (ctx: SchemaContext, settings: Settings) => callSchema(ctx, siteOf(settings)),
	dokumente: (ctx: SchemaContext) => documentSchema(ctx),
	beschluesse: (ctx: SchemaContext) => decisionSchema(ctx),
	ziele: (ctx: SchemaContext) => goalSchema(ctx),
	seiten: () => pageSchema,
	'leichte-sprache': () => plainPageSchema,
	gebaerdensprache: (ctx: SchemaContext) => signVideoSchema(ctx),
	synonyme: () => synonymsSchema,
	netzwerk: (ctx: SchemaContext) => networkSchema(ctx),
} as const;

export type CollectionName = keyof typeof schemaFactories;
/** Collections with one file per entry. */
export type FolderCollection = Exclude<CollectionName, keyof typeof SINGLE_FILES>;

/**
 * Collections whose entries staff can translate, and the fields a translation carries (`body`: the Markdown text).
 * Everything else – dates, amounts, places, references, choices, lists – is kept once, in the German entry, and a
 * translation inherits it. Decap stores one file per language beside the German one (`<id>.de.md`, `<id>.en.md`):
 * see src/lib/translations.ts.
 */
export const TRANSLATED = {
	aktuelles: ['title', 'summary', 'body'],
	projekte: ['title', 'summary', 'body'],
	termine: ['title', 'summary', 'accessibility', 'body'],
	aufrufe: ['title', 'summary', 'body'],
	beschluesse: ['title', 'summary', 'body'],
	dokumente: ['title', 'summary', 'body'],
	ziele: ['title', 'summary', 'body'],
	seiten: ['title', 'description', 'body'],
	themen: ['label', 'description'],
	kategorien: ['label', 'plural'],
	netzwerk: ['name', 'summary', 'body'],
} as const satisfies Partial<Record<FolderCollection, readonly string[]>>;

export type TranslatedCollection = keyof typeof TRANSLATED;
export const isTranslated = (name: string): name is TranslatedCollection => name in TRANSLATED;

/** The language every entry is written in first; its file carries the code too (`<id>.de.md`) where others may follow. */
export const SOURCE_LANGUAGE = SOURCE_LOCALE;

const EXTENSIONS: Record<FolderCollection, string> = {
	themen: 'yaml',
	kategorien: 'yaml',
	kontakte: 'yaml',
	einrichtungen: 'md',
	aktuelles: 'md',
	projekte: 'md',
	termine: 'md',
	aufrufe: 'md',
	dokumente: 'md',
	beschluesse: 'md',
	ziele: 'md',
	seiten: '{md,mdx}',
	'leichte-sprache': 'yaml',
	gebaerdensprache: 'md',
	netzwerk: 'md',
};

/** File patterns of the German entries per collection folder (translated collections: `*.de.md`). MDX only for static pages. */
export const PATTERNS = Object.fromEntries(
	(Object.keys(EXTENSIONS) as FolderCollection[]).map((name) => [name, `*${isTranslated(name) ? `.${SOURCE_LANGUAGE}` : ''}.${EXTENSIONS[name]}`]),
) as Record<FolderCollection, string>;

/** The file extension(s) of a collection's entries: „md", „yaml" or „{md,mdx}". */
export const extensionOf = (name: FolderCollection) => EXTENSIONS[name];
