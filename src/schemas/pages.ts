import { z } from 'astro/zod';
import { de } from './messages';
import { text } from './fields';

/** A static page (Über uns, Impressum …): the only collection where MDX is allowed. File name = address. */
export const pageSchema = z
	.object(
		{
			/** Page heading and title. */
			title: text('Titel', { max: 120 }),
			/** One sentence for search engines and link previews. */
			description: text('Beschreibung', { max: 200 }),
		},
		de('Seite'),
	)
	.strict();

export type Page = z.infer<typeof pageSchema>;
