import { z } from 'astro/zod';
import { group, oneOf, text, textColor } from './fields';

/** Icons the site ships (one SVG each); categories pick one so colour is never the only cue. */
export const CATEGORY_ICONS = ['kita', 'schule', 'familie', 'beratung', 'jugend', 'sport', 'spielplatz', 'bibliothek', 'gesundheit', 'treffpunkt', 'senioren', 'kultur'] as const;

/** A facility category (Kita, Beratung, Spielplatz …). The file name is its id. */
export const categorySchema = group('Kategorie', {
	/** Singular name, e.g. „Kita". */
	label: text('Bezeichnung', { max: 60, help: 'Einzahl, z. B. „Kita".' }),
	/** Plural name used as a list heading, e.g. „Kitas". */
	plural: text('Mehrzahl', { max: 60, help: 'Mehrzahl für Überschriften, z. B. „Kitas".' }),
	/** Icon shown with the category. */
	icon: oneOf('Symbol', CATEGORY_ICONS, { help: 'Das Symbol erscheint neben dem Namen der Kategorie.' }),
	/** Category colour; must carry white text (contrast ≥ 4.5:1). */
	color: textColor('Farbe'),
});

export type Category = z.infer<typeof categorySchema>;
