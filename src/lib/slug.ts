/**
 * File names from titles, the German way: „Sitzbänke am Lindenplatz" → „sitzbaenke-am-lindenplatz" (ä → ae,
 * ö → oe, ü → ue, ß → ss), as the sample's files are named. Used by the import tools and, through the CMS's
 * accent removal (cms/slug.ts), for entries staff create.
 */
import { fold } from './facility-filter';

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

/**
 * Umlauts and ß spelled out; everything else unchanged. Composed first, so an „a" with a separate diaeresis (text
 * pasted from some Mac programs) is spelled out too.
 */
export const transliterateGerman = (text: string) => text.normalize('NFC').replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN[c] ?? c);

/** File-name id from a name: lowercase ASCII with hyphens. */
export function slugify(text: string): string {
	return fold(text)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
