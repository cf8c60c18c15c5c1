/** SVG paths (24 × 24) of the category icons; used by the page icons and the map markers. */
import type { CATEGORY_ICONS } from '../schemas/categories';
import type { PLAIN_ICONS } from '../schemas/plain';

export const ICON_PATHS: Record<(typeof CATEGORY_ICONS)[number], string> = {
	kita: 'M12 3a3 3 0 110 6 3 3 0 010-6zm-6 8h12l-2 5h-2v5h-4v-5H8z',
	schule: 'M12 3l10 5-10 5L2 8zm-6 8l6 3 6-3v5l-6 3-6-3z',
	familie: 'M7 4a2.5 2.5 0 110 5 2.5 2.5 0 010-5zm10 0a2.5 2.5 0 110 5 2.5 2.5 0 010-5zM4 11h6v10H4zm10 0h6v10h-6zm-3 4h2v6h-2z',
	beratung: 'M3 4h14v10H8l-5 4zm16 4h2v12l-4-3h-7v-2h9z',
	jugend: 'M12 2l2.5 6.5L21 9l-5 4.5L17.5 21 12 17l-5.5 4L8 13.5 3 9l6.5-.5z',
	sport: 'M12 2a10 10 0 110 20 10 10 0 010-20zm0 4l-3 2 1 4h4l1-4z',
	spielplatz: 'M4 21V8l4-5 4 5v13h-2v-6H6v6zm10 0l4-12h2l-4 12z',
	bibliothek: 'M4 4h5v16H4zm6 0h4v16h-4zm5 1l4-1 3 15-4 1z',
	gesundheit: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
	treffpunkt: 'M12 2a7 7 0 017 7c0 5-7 13-7 13S5 14 5 9a7 7 0 017-7zm0 4a3 3 0 100 6 3 3 0 000-6z',
	senioren: 'M12 2a3 3 0 110 6 3 3 0 010-6zM8 10h7l1 5-2 1v6h-2v-5h-2v5H8zm10 1h2v11h-2z',
	kultur: 'M3 5l9-3 9 3v4H3zm2 6h3v8H5zm5.5 0h3v8h-3zM16 11h3v8h-3zM3 20h18v2H3z',
};

/** SVG paths (24 × 24, even-odd fill) of the pictures beside the key points of pages in Leichte Sprache. */
export const PLAIN_ICON_PATHS: Record<(typeof PLAIN_ICONS)[number], string> = {
	info: 'M12 2a10 10 0 110 20 10 10 0 010-20zm-1.5 8v8h3v-8zm0-4v2.5h3V6z',
	weg: 'M11 2h2v3h6l3 3-3 3h-6v2H5l-3-3 3-3h6zm0 13h2v7h-2z',
	suche: 'M10 3a7 7 0 015.6 11.2l5.2 5.2-1.4 1.4-5.2-5.2A7 7 0 1110 3zm0 2a5 5 0 100 10 5 5 0 000-10z',
	barrierefrei: 'M12 2a2 2 0 110 4 2 2 0 010-4zm-1 6h2v5h5v2h-7zm-2 3.5v2.2A4 4 0 1015.7 18h2.1A6 6 0 119 11.5z',
	mehr: 'M3 5c3-1 6-1 8 1v14c-2-2-5-2-8-1zm18 0c-3-1-6-1-8 1v14c2-2 5-2 8-1z',
	haus: 'M12 3l9 8h-3v9h-5v-6h-2v6H6v-9H3z',
	mitmachen: 'M4 4h16v11H9l-5 4z',
	telefon: 'M6 2h4l2 5-3 2a11 11 0 006 6l2-3 5 2v4a2 2 0 01-2 2A18 18 0 014 4a2 2 0 012-2z',
	uhr: 'M12 2a10 10 0 110 20 10 10 0 010-20zm0 2a8 8 0 100 16 8 8 0 000-16zm-1 3h2v5l4 2-1 2-5-3z',
	karte: 'M12 2a7 7 0 017 7c0 5-7 13-7 13S5 14 5 9a7 7 0 017-7zm0 4a3 3 0 100 6 3 3 0 000-6z',
};

/** The header's signs for Leichte Sprache (an open book) and Gebärdensprache (a signing hand). */
export const ACCESS_ICON_PATHS = {
	plain: PLAIN_ICON_PATHS.mehr,
	sign: 'M7 3h2v8h1V4h2v7h1V5h2v7h1V8h2v7l-3 7H9l-4-6V9h2z',
};
