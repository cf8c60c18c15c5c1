/**
 * The content model: every collection's schema, keyed by the folder in content/ it validates.
 * `src/content.config.ts` wires these to loaders; the CMS config and the tests read them from here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../lib/paths';
import type { SchemaContext } from './fields';
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

/** Path of the single settings file. */
export const SETTINGS_FILE = 'settings/quartier.yaml';

/** Reads and validates the settings file (used at config time, where the schemas need the district frame). */
export function readSettings(): Settings {
	const file = path.join(contentDir(), SETTINGS_FILE);
	const result = settingsSchema.safeParse(parse(readFileSync(file, 'utf8')));
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  • ${issue.path.join('.') || '(Datei)'}: ${issue.message}`);
		throw new Error(`Inhalt fehlerhaft in content/${SETTINGS_FILE}:\n${lines.join('\n')}`);
	}
	return result.data;
}

type Frame = { bounds: Settings['map']['bounds']; district: string };
const frameOf = (settings: Settings): Frame => ({ bounds: settings.map.bounds, district: settings.district });

/** Each collection's schema, built for a schema context (Astro's image/reference) and the settings. */
export const schemaFactories = {
	settings: () => settingsSchema,
	themen: () => themeSchema,
	kategorien: () => categorySchema,
	kontakte: (ctx: SchemaContext) => contactSchema(ctx),
	einrichtungen: (ctx: SchemaContext, settings: Settings) => facilitySchema(ctx, frameOf(settings)),
	aktuelles: (ctx: SchemaContext) => newsSchema(ctx),
	projekte: (ctx: SchemaContext, settings: Settings) => projectSchema(ctx, frameOf(settings)),
	termine: (ctx: SchemaContext) => eventSchema(ctx),
	aufrufe: (ctx: SchemaContext) => callSchema(ctx),
	dokumente: (ctx: SchemaContext) => documentSchema(ctx),
	seiten: () => pageSchema,
} as const;

export type CollectionName = keyof typeof schemaFactories;

/** File patterns per collection folder. MDX only for static pages. */
export const PATTERNS: Record<Exclude<CollectionName, 'settings'>, string> = {
	themen: '*.yaml',
	kategorien: '*.yaml',
	kontakte: '*.yaml',
	einrichtungen: '*.md',
	aktuelles: '*.md',
	projekte: '*.md',
	termine: '*.md',
	aufrufe: '*.md',
	dokumente: '*.md',
	seiten: '*.{md,mdx}',
};
