import { z } from 'astro/zod';
import { de } from './messages';
import { integer, text } from './fields';

/** A Handlungsfeld (field of action of the IHEK), e.g. Bildung or Wohnumfeld. The file name is its id. */
export const themeSchema = z
	.object(
		{
			/** Name as residents read it. */
			label: text('Bezeichnung', { max: 60 }),
			/** One sentence on what the field covers. */
			description: text('Beschreibung', { max: 200 }),
			/** Position in lists (1 comes first). */
			order: integer('Reihenfolge', 0, 999).default(100),
		},
		de('Thema'),
	)
	.strict();

export type Theme = z.infer<typeof themeSchema>;
