import { z } from 'astro/zod';
import { de } from './messages';
import { described, group } from './fields';

const GROUP_HINT = 'Mindestens zwei Wörter, mit Komma getrennt, z. B. „Kita, Kindertagesstätte, Kindergarten".';

/**
 * Words that mean the same to residents searching the site (content/suche/synonyme.yaml). Whoever searches for
 * one word of a group also finds pages that use another; the search index learns them when the site is built.
 */
export const synonymsSchema = group('Suchwörter', {
	/** Groups of words with the same meaning, each written as one line: „Kita, Kindertagesstätte". */
	groups: described(
		z
			.array(
				described(z.string(de('Gruppe', GROUP_HINT)).trim().regex(/^[^,]+(,[^,]+)+$/, de('Gruppe', GROUP_HINT)), {
					title: 'Gruppe',
					description: GROUP_HINT,
				}),
				de('Gruppen gleichbedeutender Wörter'),
			)
			.default([]),
		{
			title: 'Gruppen gleichbedeutender Wörter',
			description: 'Je Zeile eine Gruppe. Wer eines der Wörter sucht, findet auch Seiten mit den anderen.',
		},
	),
});

export type Synonyms = z.infer<typeof synonymsSchema>;

/** The words of each group, trimmed, without empty entries. */
export function synonymGroups(synonyms: Synonyms): string[][] {
	return synonyms.groups.map((line) => line.split(',').map((word) => word.trim()).filter(Boolean));
}
