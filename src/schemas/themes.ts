import { z } from 'astro/zod';
import { group, integer, text } from './fields';

/** A Handlungsfeld (field of action of the IHEK), e.g. Bildung or Wohnumfeld. The file name is its id. */
export const themeSchema = group('Thema', {
	/** Name as residents read it. */
	label: text('Bezeichnung', { max: 60, help: 'So heißt das Handlungsfeld auf der Website, z. B. „Bildung".' }),
	/** One sentence on what the field covers. */
	description: text('Beschreibung', { max: 200, help: 'Ein Satz: Worum geht es in diesem Handlungsfeld?' }),
	/** Position in lists (1 comes first). */
	order: integer('Reihenfolge', 0, 999, { help: 'Kleinere Zahlen stehen in Listen weiter vorn.' }).default(100),
});

export type Theme = z.infer<typeof themeSchema>;
