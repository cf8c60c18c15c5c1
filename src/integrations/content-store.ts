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
import { alive } from './dev-files';

const MARKER = 'quartier-content-dir.json';

interface Owner {
	content: string;
	pid: number;
}


/**
 * Removes the store and image list in `dotAstro` when they were made from another content folder than `content`.
 * Returns what was done, and the process id of a still running process that read the other folder (its images may
 * go missing until it is restarted: Astro keeps one `.astro/` per project).
 */
export function claimContentStore(dotAstro: string, content: string, pid = process.pid): { removed: boolean; otherRunning?: number } {
	const marker = path.join(dotAstro, MARKER);
	let previous: Owner | undefined;
	try {
		previous = JSON.parse(readFileSync(marker, 'utf8')) as Owner;
	} catch {
		previous = undefined;
	}
	// The same folder again (a restart, or the background build of the search under `npm start`): nothing to do, and
	// the marker keeps naming the process that claimed it.
	if (previous?.content === content) return { removed: false };
	writeFileSync(marker, JSON.stringify({ content, pid } satisfies Owner));
	for (const file of ['data-store.json', 'content-assets.mjs', 'content-modules.mjs']) rmSync(path.join(dotAstro, file), { force: true });
	const otherRunning = previous && previous.pid !== pid && alive(previous.pid) ? previous.pid : undefined;
	return { removed: true, otherRunning };
}

export function contentStore(): AstroIntegration {
	return {
		name: 'quartier-content-store',
		hooks: {
			'astro:config:setup': ({ config, logger }) => {
				const dotAstro = fileURLToPath(new URL('.astro/', config.root));
				if (!existsSync(dotAstro)) return;
				const { otherRunning } = claimContentStore(dotAstro, contentDir());
				if (otherRunning) {
					logger.warn(
						`Ein anderer Astro-Prozess (PID ${otherRunning}) liest einen anderen Inhaltsordner. Astro hat nur einen .astro/-Ordner je Projekt: Fehlen dort danach Bilder, starten Sie ihn neu.`,
					);
				}
			},
		},
	};
}
