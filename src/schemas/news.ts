import { z } from 'astro/zod';
import { de } from './messages';
import { day, picture, refs, someRefs, text, type SchemaContext } from './fields';

/** A news item (Aktuelles). The file name is the id; the body is the article. */
export const newsSchema = (ctx: SchemaContext) =>
	z
		.object(
			{
				/** Headline. */
				title: text('Titel', { max: 120 }),
				/** Publication date. */
				date: day('Datum'),
				/** Teaser for lists and search results. */
				summary: text('Zusammenfassung', { max: 200 }),
				/** Handlungsfelder the item is about (files in content/themen). */
				themes: someRefs(ctx, 'themen', 'Thema', 'Themen'),
				/** Optional picture with required alternative text. */
				image: picture(ctx, 'Bild').optional(),
				/** Projects the item is about (files in content/projekte). */
				projects: refs(ctx, 'projekte', 'Projekt'),
				/** Who wrote it. */
				author: text('Autorin oder Autor', { max: 80 }).optional(),
				/** Drafts are not published. */
				draft: z.boolean(de('Entwurf')).default(false),
			},
			de('Meldung'),
		)
		.strict();

export type News = z.infer<ReturnType<typeof newsSchema>>;
