import { z } from 'astro/zod';
import { de } from './messages';
import { FUNDS } from './projects';
import { day, euros, oneOf, ref, refs, text, type SchemaContext } from './fields';

/** A call for participation (Aufruf), e.g. „Ideen für den Aktionsfonds gesucht". The body explains it. */
export const callSchema = (ctx: SchemaContext) =>
	z
		.object(
			{
				/** Headline. */
				title: text('Titel', { max: 120 }),
				/** Teaser for lists and search results. */
				summary: text('Zusammenfassung', { max: 200 }),
				/** Last day to take part; after it the call is closed. */
				deadline: day('Frist'),
				/** The fund the call is for. */
				fund: oneOf('Fonds', FUNDS),
				/** Highest amount per idea, in euros. */
				amountMax: euros('Höchstbetrag').optional(),
				/** Steps to apply, one sentence each. */
				steps: z.array(text('Schritt', { max: 300 }), de('Schritte')).min(1, de('Schritte')),
				/** Forms and leaflets (files in content/dokumente). */
				documents: refs(ctx, 'dokumente', 'Dokument'),
				/** Contact person (file in content/kontakte). */
				contact: ref(ctx, 'kontakte', 'Ansprechperson'),
			},
			de('Aufruf'),
		)
		.strict();

export type Call = z.infer<ReturnType<typeof callSchema>>;
