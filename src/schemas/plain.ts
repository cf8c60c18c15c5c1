import { z } from 'astro/zod';
import { described, group, integer, oneOf, text } from './fields';
import { de } from './messages';

/** Pictures beside the key points of a page in Leichte Sprache (src/lib/icons.ts draws them). */
export const PLAIN_ICONS = ['info', 'weg', 'suche', 'barrierefrei', 'mehr', 'haus', 'mitmachen', 'telefon', 'uhr', 'karte'] as const;

/** Leichte Sprache keeps sentences short (BITV 2.0 Anlage 2 Teil 2): at most this many words in one. */
export const PLAIN_WORDS_PER_SENTENCE = 15;

/** The sentences of a text that are longer than Leichte Sprache allows. */
export function longSentences(value: string): string[] {
	return value
		.split(/(?<=[.!?:])\s+|\n+/)
		.map((sentence) => sentence.trim())
		.filter((sentence) => sentence.split(/\s+/).filter((word) => /\p{L}|\d/u.test(word)).length > PLAIN_WORDS_PER_SENTENCE);
}

/** A text in Leichte Sprache: one statement per sentence, every sentence short. */
function plainText(label: string, options: { max: number; help: string }) {
	return text(label, { max: options.max, long: true, help: options.help }).superRefine((value, ctx) => {
		for (const sentence of longSentences(value)) {
			ctx.addIssue({ code: 'custom', message: `${label}: Dieser Satz ist zu lang für Leichte Sprache (höchstens ${PLAIN_WORDS_PER_SENTENCE} Wörter): „${sentence}". Bitte in kürzere Sätze teilen.` });
		}
	});
}

/**
 * A page in Leichte Sprache (content/leichte-sprache/): key points, each with a picture, a short heading and a few
 * short sentences. The file `start` is /leichte-sprache/, the others /leichte-sprache/<file name>/.
 */
export const plainPageSchema = group('Seite in Leichter Sprache', {
	/** Page heading: a few words. */
	title: text('Titel', { max: 60, help: 'Wenige Wörter, z. B. „Mitmachen".' }),
	/** One short sentence: what the page is about (lists and search show it). */
	summary: plainText('Worum geht es?', { max: 160, help: 'Ein kurzer Satz.' }),
	/** Position in the list of pages (1 comes first). */
	order: integer('Reihenfolge', 0, 999, { help: 'Kleinere Zahlen stehen weiter vorn.' }).default(100),
	/** The key points, in reading order. */
	sections: described(
		z
			.array(
				group(
					'Abschnitt',
					{
						/** The picture beside the point. */
						icon: oneOf('Bild', PLAIN_ICONS, {
							labels: { info: 'i (Information)', weg: 'Wegweiser', suche: 'Lupe (Suche)', barrierefrei: 'Rollstuhl (Barrierefreiheit)', mehr: 'Buch (mehr lesen)', haus: 'Haus (Büro)', mitmachen: 'Hand (mitmachen)', telefon: 'Telefon', uhr: 'Uhr (Zeiten)', karte: 'Stecknadel (Ort)' },
						}),
						/** A short heading. */
						title: text('Überschrift', { max: 60 }),
						/** Short sentences; an empty line starts a new paragraph. */
						text: plainText('Text', { max: 1200, help: `Kurze Sätze mit höchstens ${PLAIN_WORDS_PER_SENTENCE} Wörtern. Ein Satz – eine Aussage. Schwere Wörter erklären.` }),
					},
					{ summary: '{{fields.title}}' },
				),
				de('Abschnitte'),
			)
			.min(1, de('Abschnitte', 'Mindestens ein Abschnitt.')),
		{ title: 'Abschnitte', description: 'Jeder Abschnitt: ein Bild, eine Überschrift, kurze Sätze.' },
	),
});

export type PlainPage = z.infer<typeof plainPageSchema>;
