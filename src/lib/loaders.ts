/**
 * Loaders that report bad content in German, naming the file, the field and what is expected.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { file, glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { contentDir } from './paths';
import { fileYamlProblems, YAML_ADVICE } from './yaml-errors';
import { unreadableImages } from './image-check';
import { germanContentError } from './content-error';

export { germanContentError };

/** Stops at the first of `files` whose YAML (data file or frontmatter) cannot be read, with a German message and the line. */
export function checkYamlSyntax(files: readonly string[]): void {
	for (const file of files) {
		const problems = fileYamlProblems(file);
		if (problems.length > 0) throw germanContentError(file, new Error(`${problems.map((p) => `  • ${p}`).join('\n')}\n  ${YAML_ADVICE}`));
	}
}

/** The entry files directly in `folder` (Markdown, MDX, YAML), as absolute paths. */
function entryFilesIn(folder: string): string[] {
	return existsSync(folder) ? readdirSync(folder).filter((name) => /\.(md|mdx|ya?ml)$/.test(name)).map((name) => path.join(folder, name)) : [];
}

/**
 * Astro's own message when it cannot read a file (YAML it reads differently from the check above), in German with
 * the file and line; any other error unchanged.
 */
function germanParseError(error: unknown): unknown {
	const loc = (error as { loc?: { file?: string; line?: number } }).loc;
	const text = error instanceof Error ? error.message : '';
	if (!(error instanceof Error) || !(/ParseError$/.test(error.name) || /failed to parse/.test(text))) return error;
	const file = loc?.file ?? /(\S+\.(?:md|mdx|ya?ml)) failed to parse/.exec(text)?.[1] ?? 'einer Datei';
	return germanContentError(file, new Error(`  • ${loc?.line ? `Zeile ${loc.line}: ` : ''}Die YAML-Schreibweise stimmt hier nicht – bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen.\n  ${YAML_ADVICE}`));
}

function withGermanErrors(inner: Loader, folder: string): Loader {
	return {
		...inner,
		load: (context: LoaderContext) =>
			inner.load({
				...context,
				parseData: async (props) => {
					const where = props.filePath ? path.resolve(props.filePath) : path.join(contentDir(), folder, props.id);
					const data = await context.parseData(props).catch((error: unknown) => {
						throw germanContentError(where, error);
					});
					// A picture that cannot be read would become a grey one: named here instead (src/lib/image-check.ts).
					const broken = await unreadableImages(data, where);
					if (broken.length > 0) throw germanContentError(where, new Error(broken.map((b) => `  • Feld „${b.field}": ${b.message}`).join('\n')));
					return data;
				},
			}),
	};
}

/**
 * One entry per file in content/<folder>/, named after the file: `kita.md` and `kita.de.md` are „kita" (in lower case,
 * as references are checked: src/schemas/context.ts, entryIds).
 * `languageCodes`: in a folder with translations, every file must carry one of these codes (`kita.de.md`,
 * `kita.en.md`) – a file without one stops the build, as it would be missed silently.
 */
export function folderLoader(folder: string, pattern: string, languageCodes?: readonly string[]): Loader {
	const base = path.join(contentDir(), folder);
	const globbed = glob({ base, pattern, generateId: ({ entry }) => entry.replace(/\.[^.]+$/, '').replace(/\.[a-z]{2}$/, '').toLowerCase() });
	// Every file's YAML is read first, so a syntax error is said in German with its line (not in the parser's English).
	const inner: Loader = {
		...globbed,
		load: async (context) => {
			checkYamlSyntax(entryFilesIn(base));
			try {
				return await globbed.load(context);
			} catch (error) {
				throw germanParseError(error);
			}
		},
	};
	if (!languageCodes) return withGermanErrors(inner, folder);
	return withGermanErrors({ ...inner, load: async (context) => {
		const files = existsSync(base) ? readdirSync(base).filter((name) => /\.(md|mdx|ya?ml)$/.test(name)) : [];
		const codeOf = (name: string) => /\.([a-z]{2})\.(md|mdx|ya?ml)$/.exec(name)?.[1];
		const stray = files.find((name) => codeOf(name) === undefined);
		if (stray) {
			throw germanContentError(path.join(base, stray), new Error(`Der Dateiname nennt keine Sprache. Deutsche Einträge heißen „${stray.replace(/\.([^.]+)$/, '.de.$1')}", Übersetzungen z. B. „${stray.replace(/\.([^.]+)$/, '.en.$1')}" (Sprachen: ${languageCodes.join(', ')}).`));
		}
		// Translations into a language the settings do not offer (any more) stay in the folder, unused: the office may
		// offer it again. The log says so once per folder.
		const unused = [...new Set(files.map(codeOf).filter((code): code is string => code !== undefined && !languageCodes.includes(code)))];
		if (unused.length > 0) context.logger.info(`${folder}: Übersetzungen in ${unused.join(', ')} werden nicht gezeigt – diese Sprachen stehen nicht in den Einstellungen (languages).`);
		return inner.load(context);
	} }, folder);
}

/**
 * All translations (`content/aktuelles/kita.en.md` is the entry „aktuelles/en/kita") in one collection, each checked
 * by `check` – the German schema's rules for the translated fields of its folder – with a German message naming the
 * file and the field. `folders`: the translated folders; `languages`: the site's languages besides German.
 */
export function translationsLoader(folders: readonly string[], languages: readonly string[], check: (folder: string, data: unknown) => { data?: Record<string, unknown>; problems: string[] }): Loader {
	const codes = languages.length === 1 ? languages[0] : `{${languages.join(',')}}`;
	// Without other languages there is nothing to load (a pattern no file matches).
	const pattern = languages.length === 0 ? '.ohne-uebersetzungen/*' : `{${folders.join(',')}}/*.${codes}.{md,mdx,yaml}`;
	const inner = glob({ base: contentDir(), pattern, generateId: ({ entry }) => {
		const [, folder, id, code] = /^([^/]+)\/(.*)\.([a-z]{2})\.[^.]+$/.exec(entry) ?? [];
		return `${folder}/${code}/${id?.toLowerCase()}`;
	} });
	return {
		...inner,
		load: async (context: LoaderContext) => {
			const { logger } = context;
			const quiet = Object.assign(Object.create(logger) as typeof logger, { warn: (message: string) => { if (!message.startsWith('No files found')) logger.warn(message); } });
			const translation = new RegExp(`\\.(${languages.join('|')})\\.(md|mdx|yaml)$`);
			checkYamlSyntax(languages.length === 0 ? [] : folders.flatMap((folder) => entryFilesIn(path.join(contentDir(), folder))).filter((file) => translation.test(file)));
			return inner.load({
				...context,
				logger: quiet,
				parseData: async (props) => {
					const where = props.filePath ? path.resolve(props.filePath) : path.join(contentDir(), props.id);
					const german = where.replace(/\.[a-z]{2}(\.[^.]+)$/, '.de$1');
					if (!existsSync(german)) throw germanContentError(where, new Error(`  • Zu dieser Übersetzung fehlt der deutsche Eintrag „${path.basename(german)}". Übersetzungen heißen wie ihr deutscher Eintrag, nur mit anderem Sprachkürzel.`));
					// An empty file (Decap's copy of an entry nobody translated) has no data: it counts as no translation.
					const { data, problems } = check(props.id.split('/')[0] ?? '', props.data ?? {});
					if (problems.length > 0) throw germanContentError(where, new Error(problems.join('\n')));
					return context.parseData({ ...props, data: (data ?? {}) as typeof props.data });
				},
			}).catch((error: unknown) => {
				throw germanParseError(error);
			});
		},
	};
}

/** One YAML file in content/ as a collection with a single entry. */
export function singleFileLoader(relativePath: string): Loader {
	const full = path.join(contentDir(), relativePath);
	return withGermanErrors(
		file(full, {
			parser: (text) => {
				checkYamlSyntax([full]);
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
