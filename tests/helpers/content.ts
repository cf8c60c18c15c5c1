/** Reads the sample content the way Astro's loaders do (frontmatter or YAML), for schema tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { plainContext } from '../../src/schemas/context';

/** The schema context outside Astro (src/schemas/context.ts): references as `{ collection, id }`, image paths as strings. */
export const schemaContext = plainContext();

/** Data of a Markdown (frontmatter) or YAML file. */
export function readData(file: string): unknown {
	const text = readFileSync(file, 'utf8');
	if (/\.ya?ml$/.test(file)) return parse(text);
	const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (!match) throw new Error(`${file}: no frontmatter`);
	return parse(match[1] ?? '');
}

/** All entry files of a content folder: the German entries, not their translations (`kita.en.md`). */
export function entryFiles(folder: string, root = 'content'): string[] {
	return readdirSync(path.join(root, folder))
		.filter((name) => /\.(md|mdx|ya?ml)$/.test(name) && !/\.(?!de\.)[a-z]{2}\.(md|mdx|ya?ml)$/.test(name))
		.map((name) => path.join(root, folder, name));
}

/** Translation files of a content folder (`kita.en.md`), with their language. */
export function translationFiles(folder: string, root = 'content'): { file: string; id: string; lang: string }[] {
	return readdirSync(path.join(root, folder)).flatMap((name) => {
		const match = /^(.*)\.((?!de)[a-z]{2})\.(md|mdx|ya?ml)$/.exec(name);
		return match ? [{ file: path.join(root, folder, name), id: match[1] ?? '', lang: match[2] ?? '' }] : [];
	});
}

/** The languages an entry of a content folder is translated into (its translation files; German not counted). */
export function translatedInto(folder: string, id: string, root = 'content'): string[] {
	return translationFiles(folder, root)
		.filter((translation) => translation.id === id)
		.map((translation) => translation.lang);
}

/** The id of an entry file: its name without language code and extension. */
export const idOf = (file: string) => path.basename(file).replace(/(\.[a-z]{2})?\.(md|mdx|ya?ml)$/, '');
