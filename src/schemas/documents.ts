import { z } from 'astro/zod';
import { day, group, oneOf, publicAsset, refs, text, type SchemaContext } from './fields';

/** Kinds of documents. */
export const DOCUMENT_KINDS = ['ihek', 'protokoll', 'flyer', 'bericht', 'satzung', 'sonstiges'] as const;

/** A document file in public/dokumente/, named by its site path, e.g. /dokumente/ihek.pdf; it must exist. */
export function publicFile(ctx: SchemaContext, label: string) {
	return publicAsset(ctx, label, {
		folder: 'dokumente',
		extensions: ['pdf', 'docx?', 'odt', 'xlsx?', 'ods'],
		example: '/dokumente/protokoll-2026-10.pdf',
		help: 'PDF oder Office-Datei hochladen. Dateiname nur mit Kleinbuchstaben, Ziffern und Bindestrichen.',
	});
}

/** A document (IHEK, minutes, leaflet, report …) with its own page. The body summarises its content. */
export const documentSchema = (ctx: SchemaContext) =>
	group('Dokument', {
		/** Title of the document. */
		title: text('Titel', { max: 160 }),
		/** Kind of document. */
		kind: oneOf('Art des Dokuments', DOCUMENT_KINDS),
		/** Date of the document. */
		date: day('Datum', { help: 'Datum des Dokuments, z. B. der Sitzung.' }),
		/** The file, in public/dokumente/. */
		file: publicFile(ctx, 'Datei'),
		/** Teaser for lists and search results. */
		summary: text('Zusammenfassung', { max: 200, long: true, help: 'Ein bis zwei Sätze: Was steht drin?' }),
		/** Handlungsfelder (files in content/themen). */
		themes: refs(ctx, 'themen', 'Thema', 'Themen'),
	});

export type Document = z.infer<ReturnType<typeof documentSchema>>;
