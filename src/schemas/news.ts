import { z } from 'astro/zod';
import { day, flag, group, picture, refs, someRefs, text, type SchemaContext } from './fields';

/** A news item (Aktuelles). The file name is the id; the body is the article. */
export const newsSchema = (ctx: SchemaContext) =>
	group('Meldung', {
		/** Headline. */
		title: text('Titel', { max: 120, help: 'Kurz und klar, höchstens 120 Zeichen.' }),
		/** Publication date: the item is out from this day on (Berlin), not before. */
		date: day('Datum', { help: 'Das Datum, das über der Meldung steht. Liegt es in der Zukunft, erscheint die Meldung erst an diesem Tag (die Website wird jede Nacht neu gebaut).' }),
		/** Teaser for lists and search results. */
		summary: text('Zusammenfassung', { max: 200, long: true, help: 'Ein bis zwei Sätze für Listen und die Suche (höchstens 200 Zeichen).' }),
		/** Handlungsfelder the item is about (files in content/themen). */
		themes: someRefs(ctx, 'themen', 'Thema', 'Themen', { help: 'Mindestens ein Handlungsfeld, zu dem die Meldung gehört.' }),
		/** Optional picture with required alternative text. */
		image: picture(ctx, 'Bild', { help: 'Freiwillig. Wenn ein Bild da ist, ist der Alternativtext Pflicht.' }).optional(),
		/** Projects the item is about (files in content/projekte). */
		projects: refs(ctx, 'projekte', 'Projekt', 'Projekte', { help: 'Die Meldung erscheint auch auf der Seite dieser Projekte.' }),
		/** Who wrote it. */
		author: text('Autorin oder Autor', { max: 80 }).optional(),
		/** Drafts are not published. */
		draft: flag('Entwurf', { help: 'Eingeschaltet: Die Meldung erscheint noch nicht auf der Website.' }).default(false),
	});

export type News = z.infer<ReturnType<typeof newsSchema>>;
