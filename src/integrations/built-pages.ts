/** The HTML pages of a build, by address: `dist/en/kontakt/index.html` is `/en/kontakt/`. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function htmlPages(root: string): Promise<{ path: string; file: string }[]> {
	const files = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('index.html'));
	return files
		.map((name) => ({ path: `/${name.split(path.sep).join('/').replace(/index\.html$/, '')}`, file: path.join(root, name) }))
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
