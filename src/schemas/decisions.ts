import { z } from 'astro/zod';
import { day, euros, group, integer, oneOf, ref, refs, text, type SchemaContext } from './fields';
import { applyRules } from './rules';

/** Who decides: the residents' council, the jury of the small-projects fund, the steering group, the city. */
export const COMMITTEES = ['quartiersrat', 'aktionsfondsjury', 'steuerungsrunde', 'stadt'] as const;
export type Committee = (typeof COMMITTEES)[number];
/** What came of a vote. */
export const OUTCOMES = ['angenommen', 'geaendert-angenommen', 'abgelehnt', 'vertagt'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A decision (Beschluss) of a body. The file name is its id; the body may explain the reasons. */
export const decisionSchema = (ctx: SchemaContext) =>
	group('Beschluss', {
		/** What was decided, as a headline. */
		title: text('Titel', { max: 160, help: 'Worüber entschieden wurde, z. B. „Votum zum Ausbau der Mieterberatung".' }),
		/** The body that decided. */
		committee: oneOf('Gremium', COMMITTEES),
		/** Day of the sitting or decision. */
		date: day('Datum', { help: 'Tag der Sitzung oder Entscheidung.' }),
		/** adopted, adopted with changes, rejected, or postponed. */
		outcome: oneOf('Ergebnis', OUTCOMES),
		/** What was decided, in one to three plain sentences. */
		summary: text('Kurzfassung', { max: 400, long: true, help: 'Ein bis drei Sätze in einfachen Worten: Was wurde entschieden, und was heißt das?' }),
		/** Amount of money the decision is about, in euros. */
		amount: euros('Betrag', { help: 'Wenn es um Geld geht: der Betrag in Euro, nur die Zahl.' }).optional(),
		/** The vote count, where there was a vote. */
		votes: group('Abstimmung', {
			/** Yes votes. */
			yes: integer('Ja-Stimmen', 0, 999),
			/** No votes. */
			no: integer('Nein-Stimmen', 0, 999),
			/** Abstentions. */
			abstain: integer('Enthaltungen', 0, 999),
		}, { help: 'Nur wenn abgestimmt wurde.' }).optional(),
		/** Projects the decision concerns (files in content/projekte). */
		projects: refs(ctx, 'projekte', 'Projekt', 'Projekte', { help: 'Der Beschluss erscheint im Weg dieser Projekte.' }),
		/** The call the decision concerns (file in content/aufrufe). */
		call: ref(ctx, 'aufrufe', 'Aufruf', { help: 'Wenn der Beschluss einen Aufruf betrifft.' }).optional(),
		/** The minutes that record it (file in content/dokumente). */
		minutes: ref(ctx, 'dokumente', 'Protokoll', { help: 'Das Protokoll der Sitzung, wenn es veröffentlicht ist.' }).optional(),
	}).superRefine(applyRules('beschluesse'));

export type Decision = z.infer<ReturnType<typeof decisionSchema>>;
