/**
 * The schema context: what a collection schema needs from outside itself. Astro's `image()` and `reference()` in a
 * build (plain stand-ins elsewhere), and the look-ups on disk – which entries a folder holds, which files public/ holds –
 * that field builders ask for instead of reading the disk themselves.
 *
 * Two ways to make one: `astroContext` (src/content.config.ts hands it Astro's helpers) and `plainContext` (the CMS
 * config, open data, tests and the import tool; no Astro internals).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { contentDir, publicDir } from '../lib/paths';

export interface SchemaContext {
	/** A local image next to the entry (Astro's `image()`; a plain path outside a build). */
	image: () => z.ZodType<ImageMetadata, unknown>;
	/** A link to an entry of `collection`, as Astro's `{ collection, id }`. */
	reference: (collection: string) => z.ZodType<{ id: string; collection: string }, unknown>;
	/** The folder with the editor-owned content (`QUARTIER_CONTENT_DIR` or content/). */
	contentRoot: string;
	/** The folder with the site's static files (`QUARTIER_PUBLIC_DIR` or public/). */
	publicRoot: string;
	/** Ids of the entries in a content folder: file names without extension and language code, sorted; translations left out. */
	entryIds: (collection: string) => readonly string[];
	/** Whether a site path such as /dokumente/ihek.pdf names a file in public/. */
	hasPublicFile: (sitePath: string) => boolean;
}

/** Where the context looks; by default the folders of `src/lib/paths.ts` (which honour the test variables). */
export interface Roots {
	contentRoot?: string;
	publicRoot?: string;
}

type DiskLookups = Pick<SchemaContext, 'contentRoot' | 'publicRoot' | 'entryIds' | 'hasPublicFile'>;

const ENTRY_EXTENSIONS = /\.(md|mdx|ya?ml|json)$/i;

/**
 * A folder's file names, read once and kept while the folder's modification time stays the same. Adding, removing
 * or renaming a file changes it, so a running `npm start` (where staff add entries and uploads) sees the new state
 * while a build reads each folder once; a missing folder counts as empty.
 */
function folderReader() {
	const cache = new Map<string, { mtime: number; names: readonly string[] }>();
	return (dir: string): readonly string[] => {
		let stat: fs.Stats;
		try {
			stat = fs.statSync(dir);
		} catch {
			cache.delete(dir);
			return [];
		}
		if (!stat.isDirectory()) return [];
		const cached = cache.get(dir);
		if (cached && cached.mtime === stat.mtimeMs) return cached.names;
		const names = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
		cache.set(dir, { mtime: stat.mtimeMs, names });
		return names;
	};
}

/** Entry ids from a folder's file names: `kita.de.md` is the entry „kita", its translations `kita.en.md` are not entries. */
export function idsOf(names: readonly string[]): string[] {
	return names
		.filter((name) => ENTRY_EXTENSIONS.test(name))
		.map((name) => name.replace(ENTRY_EXTENSIONS, '').toLowerCase())
		.filter((name) => !/\.[a-z]{2}$/.test(name) || name.endsWith('.de'))
		.map((name) => name.replace(/\.de$/, ''))
		.sort();
}

const lookupsByRoots = new Map<string, DiskLookups>();

/** The disk look-ups for one pair of folders, made once per process and shared by every context for them. */
function diskLookups(roots: Roots): DiskLookups {
	const contentRoot = path.resolve(roots.contentRoot ?? contentDir());
	const publicRoot = path.resolve(roots.publicRoot ?? publicDir());
	const key = `${contentRoot}\n${publicRoot}`;
	const known = lookupsByRoots.get(key);
	if (known) return known;
	const filesIn = folderReader();
	const ids = new Map<string, { names: readonly string[]; ids: readonly string[] }>();
	const lookups: DiskLookups = {
		contentRoot,
		publicRoot,
		entryIds(collection) {
			const names = filesIn(path.join(contentRoot, collection));
			const cached = ids.get(collection);
			if (cached && cached.names === names) return cached.ids;
			const found = idsOf(names);
			ids.set(collection, { names, ids: found });
			return found;
		},
		hasPublicFile(sitePath) {
			const file = path.join(publicRoot, path.posix.normalize(`/${sitePath}`));
			return filesIn(path.dirname(file)).includes(path.basename(file));
		},
	};
	lookupsByRoots.set(key, lookups);
	return lookups;
}

/** The context in a build or `npm start`: Astro's `image()` for the entry and Astro's `reference()`. */
export function astroContext(astro: { image: () => unknown; reference: unknown }, roots: Roots = {}): SchemaContext {
	return { ...diskLookups(roots), image: astro.image as SchemaContext['image'], reference: astro.reference as SchemaContext['reference'] };
}

/**
 * The context outside Astro (CMS config, open data, tests, import tool): image paths stay strings, and a reference
 * becomes `{ collection, id }` as Astro's does – no Astro internals needed.
 */
export function plainContext(roots: Roots = {}): SchemaContext {
	return {
		...diskLookups(roots),
		image: () => z.string() as unknown as ReturnType<SchemaContext['image']>,
		reference: (collection) =>
			z
				.union([z.string(), z.object({ id: z.string(), collection: z.literal(collection) })])
				.transform((lookup) => (typeof lookup === 'string' ? { id: lookup, collection } : lookup)) as unknown as ReturnType<SchemaContext['reference']>,
	};
}
