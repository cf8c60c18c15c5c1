import path from 'node:path';

/**
 * The folder with the editor-owned content. Tests point `QUARTIER_CONTENT_DIR` at a temporary copy;
 * everything else uses `content/` in the project.
 */
export function contentDir(): string {
	return path.resolve(process.env.QUARTIER_CONTENT_DIR ?? 'content');
}

/** The folder with the site's static files (documents, map files). Tests may point `QUARTIER_PUBLIC_DIR` elsewhere. */
export function publicDir(): string {
	return path.resolve(process.env.QUARTIER_PUBLIC_DIR ?? 'public');
}
