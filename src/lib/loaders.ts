/**
 * Loaders that report bad content in German, naming the file, the field and what is expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { file, glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { contentDir } from './paths';

/** Turns Astro's schema error into one German message per field. */
export function germanContentError(filePath: string, error: unknown): Error {
	const text = error instanceof Error ? error.message : String(error);
	const fields = [...text.matchAll(/^\s*\*\*([^*]*)\*\*:?\s*(.*)$/gm)]
		.filter((m) => !m[2]?.startsWith('data does not match'))
		.map((m) => `  • Feld „${m[1] || '(Datei)'}": ${m[2]}`);
	const relative = path.relative(process.cwd(), filePath) || filePath;
	const detail = fields.length > 0 ? fields.join('\n') : `  • ${text}`;
	const message = `Inhalt fehlerhaft in ${relative}:\n${detail}\nBitte die Datei korrigieren. Die Website wird erst gebaut, wenn alle Inhalte stimmen.`;
	const germanError = new Error(message);
	germanError.name = 'Inhaltsfehler';
	return germanError;
}

function withGermanErrors(inner: Loader, folder: string): Loader {
	return {
		...inner,
		load: (context: LoaderContext) =>
			inner.load({
				...context,
				parseData: async (props) => {
					try {
						return await context.parseData(props);
					} catch (error) {
						const where = props.filePath ? path.resolve(props.filePath) : path.join(contentDir(), folder, props.id);
						throw germanContentError(where, error);
					}
				},
			}),
	};
}

/** One entry per file in content/<folder>/. */
export function folderLoader(folder: string, pattern: string): Loader {
	return withGermanErrors(glob({ base: path.join(contentDir(), folder), pattern }), folder);
}

/** One YAML file in content/ as a collection with a single entry. */
export function singleFileLoader(relativePath: string): Loader {
	const full = path.join(contentDir(), relativePath);
	return withGermanErrors(
		file(full, {
			parser: (text) => {
				// file() expects a list or map of entries; the settings file is one entry called after the file.
				return { [path.basename(relativePath).replace(/\.ya?ml$/, '')]: parseYaml(text) };
			},
		}),
		path.dirname(relativePath),
	);
}

/**
 * One optional JSON file in content/ (e.g. the base map, content/karte/grundkarte.geojson) as a collection with a
 * single entry named after the file. Without the file the collection is empty and the build says so once.
 */
export function optionalJsonLoader(relativePath: string, missingNote: string): Loader {
	const full = path.join(contentDir(), relativePath);
	const id = path.basename(relativePath).replace(/\.[^.]+$/, '');
	return withGermanErrors({
		name: 'optional-json',
		load: async ({ store, parseData, logger, watcher }) => {
			watcher?.add(full);
			const load = async () => {
				store.clear();
				if (!existsSync(full)) {
					logger.info(missingNote);
					return;
				}
				let raw: unknown;
				try {
					raw = JSON.parse(readFileSync(full, 'utf8'));
				} catch (error) {
					throw germanContentError(full, new Error(`Die Datei ist kein gültiges JSON: ${error instanceof Error ? error.message : String(error)}`));
				}
				store.set({ id, data: await parseData({ id, data: raw as Record<string, unknown>, filePath: full }) });
			};
			// Made (npm run import:grundkarte), changed or removed while the dev server runs.
			for (const event of ['add', 'change', 'unlink'] as const) {
				watcher?.on(event, (changed) => {
					if (path.resolve(changed) === full) void load();
				});
			}
			await load();
		},
	}, path.dirname(relativePath));
}
