import { z } from 'astro/zod';
import { group, text } from './fields';

/** A static page (Über uns, Impressum …): the only collection where MDX is allowed. File name = address. */
export const pageSchema = group('Seite', {
	/** Page heading and title. */
	title: text('Titel', { max: 120, help: 'Überschrift der Seite.' }),
	/** One sentence for search engines and link previews. */
	description: text('Beschreibung', { max: 200, long: true, help: 'Ein Satz, der die Seite beschreibt (für Suchmaschinen und Vorschauen).' }),
});

export type Page = z.infer<typeof pageSchema>;
