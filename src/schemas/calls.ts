import { z } from 'astro/zod';
import { de } from './messages';
import { day, described, euros, group, ref, refs, text, type SchemaContext, type Site } from './fields';
import { fundChoice } from './funds';
import { ways } from './participation';
import { applyRules } from './rules';

/** A call for participation (Aufruf), e.g. „Ideen für den Aktionsfonds gesucht". The body explains it. */
export const callSchema = (ctx: SchemaContext, site: Site) =>
	group('Aufruf', {
		/** Headline. */
		title: text('Titel', { max: 120, help: 'Was wird gesucht? Z. B. „Aktionsfonds 2027: Ideen gesucht".' }),
		/** Teaser for lists and search results. */
		summary: text('Zusammenfassung', { max: 200, long: true, help: 'Ein bis zwei Sätze (höchstens 200 Zeichen).' }),
		/** First day the call is on the site; before it the call is not published (empty: at once). */
		published: day('Erscheint am', { help: 'Leer lassen, dann erscheint der Aufruf sofort. Mit Datum erscheint er erst an diesem Tag – die Website wird jede Nacht neu gebaut.' }).optional(),
		/** Last day to take part; after it the call is closed. */
		deadline: day('Frist', { help: 'Bis zu diesem Tag kann man mitmachen. Danach gilt der Aufruf als abgeschlossen.' }),
		/** The fund the call is for, if any (a call for Quartiersrat candidates has none). */
		fund: fundChoice(site, 'Fonds', { help: 'Aus welchem Fonds es Geld gibt. Leer lassen, wenn es nicht um Geld geht (z. B. Kandidaturen).' }).optional(),
		/** How to take part: in writing, in person, online … */
		ways: ways('Wege zum Mitmachen', { help: 'Wie man sich beteiligen oder bewerben kann – mindestens einen Weg auswählen.' }),
		/** Highest amount per idea, in euros. */
		amountMax: euros('Höchstbetrag', { help: 'Wie viel Geld es höchstens pro Idee gibt, in Euro.' }).optional(),
		/** Steps to apply, one sentence each. */
		steps: described(z.array(text('Schritt', { max: 300 }), de('Schritte')).min(1, de('Schritte')), {
			title: 'Schritte',
			description: 'So bewirbt man sich – ein Satz je Schritt, in der richtigen Reihenfolge.',
		}),
		/** Forms and leaflets (files in content/dokumente). */
		documents: refs(ctx, 'dokumente', 'Dokument', 'Unterlagen', { help: 'Formulare und Flyer, die zum Aufruf gehören.' }),
		/** Contact person (file in content/kontakte). */
		contact: ref(ctx, 'kontakte', 'Ansprechperson'),
	}).superRefine(applyRules('aufrufe'));

export type Call = z.infer<ReturnType<typeof callSchema>>;
