/**
 * Pictures of entries that cannot be read stop the build. Astro's image pipeline reads a picture with `failOn: "none"`:
 * a broken or cut-off JPEG or PNG (an upload that stopped halfway) would become a grey or empty picture on the site,
 * with at most a warning. So every raster picture an entry names is decoded once when the entry is loaded
 * (src/lib/loaders.ts), and one that cannot be read is named with its field and file, in German.
 */
import path from 'node:path';

/** What Astro's `image()` leaves in an entry's data during loading: this prefix, then the path as written. */
const IMAGE_PREFIX = '__ASTRO_IMAGE_';
/** Pictures the check decodes (SVG is text, checked by src/lib/file-safety.ts). */
const RASTER = /\.(jpe?g|png|webp|gif|avif|tiff?)$/i;

export interface UnreadableImage {
	/** Dotted path of the field, e.g. „image.src". */
	field: string;
	/** The file as the entry names it. */
	file: string;
	/** The German message. */
	message: string;
}

/** Every picture path in `data` (as Astro's `image()` marked it), with its field path. */
export function imagePaths(data: unknown, at: string[] = []): { field: string; file: string }[] {
	if (typeof data === 'string') return data.startsWith(IMAGE_PREFIX) ? [{ field: at.join('.'), file: data.slice(IMAGE_PREFIX.length) }] : [];
	if (Array.isArray(data)) return data.flatMap((item, i) => imagePaths(item, [...at, String(i)]));
	if (data !== null && typeof data === 'object' && !(data instanceof Date)) return Object.entries(data).flatMap(([key, value]) => imagePaths(value, [...at, key]));
	return [];
}

/** The raster pictures of an entry (data as loaded from `entryFile`) that cannot be decoded. */
export async function unreadableImages(data: unknown, entryFile: string): Promise<UnreadableImage[]> {
	const pictures = imagePaths(data).filter(({ file }) => RASTER.test(file) && !file.includes('://'));
	if (pictures.length === 0) return [];
	const { default: sharp } = await import('sharp');
	const found: UnreadableImage[] = [];
	for (const { field, file } of pictures) {
		const full = path.resolve(path.dirname(entryFile), file.replace(/^\/+/, ''));
		try {
			// Decodes every pixel; a cut-off or damaged file fails here instead of becoming a grey picture.
			await sharp(full, { failOn: 'error' }).stats();
		} catch (error) {
			const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
			const missing = /missing|no such file/i.test(reason);
			found.push({
				field,
				file,
				message: missing
					? `Die Bilddatei „${file}" gibt es nicht. Bitte das Bild hochladen oder den Pfad prüfen.`
					: `Die Bilddatei „${file}" lässt sich nicht lesen – sie ist beschädigt oder unvollständig (${reason}). Bitte das Bild im Bildprogramm neu speichern (z. B. als JPG) und noch einmal hochladen.`,
			});
		}
	}
	return found;
}
