/**
 * One content folder at a time in `.astro/`. Astro keeps the dev server's content store (`data-store.json`) and the
 * list of content images (`content-assets.mjs`, with absolute paths into the content folder) in the project's
 * `.astro/` folder, whichever content folder the process reads (QUARTIER_CONTENT_DIR: tests, handbook screenshots).
 * A store left by a process that read another folder looks unchanged (same entries, same digests), so Astro would
 * keep image paths into that other folder – often a temporary copy that no longer exists – and every page with an
 * image would fail („ImageNotFound"). This integration notes which folder `.astro/` was made from and, when a
 * process starts with another one, removes those two files so Astro makes them again from the right folder.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/paths';

const MARKER = 'quartier-content-dir.txt';

/** Removes the store and image list in `dotAstro` when they were made from another content folder than `content`. */
export function claimContentStore(dotAstro: string, content: string): boolean {
	const marker = path.join(dotAstro, MARKER);
	const previous = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
	if (previous === content) return false;
	for (const file of ['data-store.json', 'content-assets.mjs', 'content-modules.mjs']) rmSync(path.join(dotAstro, file), { force: true });
	writeFileSync(marker, content);
	return true;
}

export function contentStore(): AstroIntegration {
	return {
		name: 'quartier-content-store',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const dotAstro = fileURLToPath(new URL('.astro/', config.root));
				if (existsSync(dotAstro)) claimContentStore(dotAstro, contentDir());
			},
		},
	};
}
