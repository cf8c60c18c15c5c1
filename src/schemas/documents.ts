import fs from 'node:fs';
import path from 'node:path';
import { publicDir } from '../lib/paths';
import { z } from 'astro/zod';
import { de } from './messages';
import { day, described, group, oneOf, refs, text, type SchemaContext } from './fields';

/** Kinds of documents. */
export const DOCUMENT_KINDS = ['ihek', 'protokoll', 'flyer', 'bericht', 'satzung', 'sonstiges'] as const;

/** A file in public/ named by its site path, e.g. /dokumente/ihek.pdf; it must exist. */
export function publicFile(label: string) {
	const e = de(label, 'Beispiel: /dokumente/protokoll-2026-10.pdf');
	const checked = z
		.string(e)
		.regex(/^\/dokumente\/[a-z0-9][a-z0-9._-]*\.(pdf|docx?|odt|xlsx?|ods)$/, e)
		.superRefine((file, ctx) => {
			if (!fs.existsSync(path.join(publicDir(), `.${file}`))) {
				ctx.addIssue({ code: 'custom', message: `${label}: Die Datei „public${file}" gibt es nicht. Bitte die Datei hochladen oder den Pfad prüfen.` });
			}
		});
	return described(checked, { title: label, description: 'PDF oder Office-Datei hochladen. Dateiname nur mit Kleinbuchstaben, Ziffern und Bindestrichen.', cms: { widget: 'file' } });
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
		file: publicFile('Datei'),
		/** Teaser for lists and search results. */
		summary: text('Zusammenfassung', { max: 200, long: true, help: 'Ein bis zwei Sätze: Was steht drin?' }),
		/** Handlungsfelder (files in content/themen). */
		themes: refs(ctx, 'themen', 'Thema', 'Themen'),
	});

export type Document = z.infer<ReturnType<typeof documentSchema>>;
