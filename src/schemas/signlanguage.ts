import { z } from 'astro/zod';
import { flag, group, integer, publicAsset, text, type SchemaContext } from './fields';

/**
 * A video in German Sign Language (content/gebaerdensprache/): self-hosted file, poster, captions and the German
 * transcript (the entry's text). BITV 2.0 Anlage 2 Teil 1 asks for at least 320 × 240 pixels and 25 frames per
 * second, and for the film as a download with its size (worked out from the file) and playing time.
 */
export const signVideoSchema = (ctx: SchemaContext) => group('Video in Gebärdensprache', {
	/** What the video explains: a few words. */
	title: text('Titel', { max: 80, help: 'Z. B. „Was steht auf dieser Website?".' }),
	/** Position on /gebaerdensprache/ (1 comes first). */
	order: integer('Reihenfolge', 0, 999, { help: 'Kleinere Zahlen stehen weiter vorn.' }).default(100),
	/** The film (WebM or MP4) in public/gebaerdensprache/. */
	video: publicAsset(ctx, 'Videodatei', { folder: 'gebaerdensprache', extensions: ['webm', 'mp4'], example: '/gebaerdensprache/inhalt.mp4', help: 'Die Datei liegt auf dieser Website, nie bei einer Videoplattform.' }),
	/** A still shown before the film plays. */
	poster: publicAsset(ctx, 'Standbild', { folder: 'gebaerdensprache', extensions: ['jpg', 'png', 'webp'], example: '/gebaerdensprache/inhalt.jpg' }),
	/** German captions (WebVTT). */
	captions: publicAsset(ctx, 'Untertitel (WebVTT)', { folder: 'gebaerdensprache', extensions: ['vtt'], example: '/gebaerdensprache/inhalt.vtt' }),
	/** Playing time in seconds. */
	duration: integer('Spieldauer in Sekunden', 1, 3600, { help: 'Z. B. 95 für 1 Minute 35 Sekunden.' }),
	/** Picture width in pixels (at least 320). */
	width: integer('Bildbreite in Pixeln', 320, 7680, { help: 'Mindestens 320 Pixel (BITV 2.0).' }),
	/** Picture height in pixels (at least 240). */
	height: integer('Bildhöhe in Pixeln', 240, 4320, { help: 'Mindestens 240 Pixel (BITV 2.0).' }),
	/** Frames per second (at least 25). */
	fps: integer('Bilder je Sekunde', 25, 120, { help: 'Mindestens 25 (BITV 2.0).' }),
	/** A stand-in until the office has a real film: the page says so. */
	placeholder: flag('Platzhalter', { help: 'Anhaken, solange hier noch kein echtes Gebärdensprach-Video liegt.' }).default(false),
});

export type SignVideo = z.infer<ReturnType<typeof signVideoSchema>>;
