/**
 * New entries get German file names: Decap removes accents before it builds a file name from the title
 * („clean_accents" in the slug settings, cms/config.ts), and would turn „Sitzbänke" into „sitzbanke". Decap
 * calls that removal through the `diacritics` module each time, so spelling out umlauts and ß first
 * (src/lib/slug.ts) gives „sitzbaenke", as the sample's files and the import tools name them.
 */
import diacritics from 'diacritics';
import { transliterateGerman } from '../src/lib/slug';

export function useGermanFileNames() {
	const remove = diacritics.remove;
	if ((remove as { german?: true }).german) return;
	diacritics.remove = Object.assign((text: string) => remove(transliterateGerman(text)), { german: true as const });
}
