/**
 * The compact data behind the facility finder and the map, in two files so the map can start before the
 * details have arrived:
 * - `/einrichtungen/karte.json`: every facility's id, name, category and position, plus the projects and
 *   upcoming events that have a place (map layers);
 * - `/einrichtungen/details.json`: address, description, languages, wheelchair access and opening hours, in
 *   the same order (what the finder filters on and shows).
 * The browser filters and draws from these instead of reading thousands of list entries from the page, so the
 * page stays light and a district with thousands of places stays quick on a weak phone.
 */

import { BASEMAP_DATA, FACILITY_DETAILS_DATA, FACILITY_MAP_DATA } from './map-files';

export const MAP_DATA_PATH = FACILITY_MAP_DATA;
export const DETAILS_PATH = FACILITY_DETAILS_DATA;
/** The district's base map, drawn under the markers without consent (src/schemas/basemap.ts). */
export const BASEMAP_PATH = BASEMAP_DATA;

/**
 * Up to this many facilities, `/einrichtungen/` lists every facility itself. Above it, the page lists the
 * categories and each category page lists its facilities in full (no JavaScript needed); with JavaScript the
 * finder shows the matching facilities a few at a time.
 */
export const FULL_LIST_LIMIT = 300;

/** How many matches the finder shows at once when the page does not list every facility. */
export const RESULTS_PAGE = 20;

/** Colour and icon (24 × 24 path) of the markers of projects (p) and events (e): square, unlike facilities. */
export const LAYER_STYLES = {
	p: { color: '#4a3f8c', icon: 'M4 20V9l8-6 8 6v11h-5v-6H9v6z' },
	e: { color: '#8a3b12', icon: 'M6 2h2v2h8V2h2v2h3v17H3V4h3zm-1 7v10h14V9zm2 2h4v4H7z' },
} as const;

/** Map layers a link can switch on: /einrichtungen/?ebene=projekte#karte. */
export const LAYER_PARAMS = { projects: 'projekte', events: 'termine' } as const;

/** The one place a small map shows (a facility's or a project's page), with a link to the full map. */
export interface SinglePlace {
	id: string;
	name: string;
	/** What it is, said with its name: the facility's category, or „Projekt". */
	category: string;
	color: string;
	icon: string;
	lat: number;
	lng: number;
	/** Its own page (where the marker's popup links to). */
	href: string;
	/** Round marker for facilities, square for projects (shape, not colour alone, tells them apart). */
	shape?: 'round' | 'square';
	/** Where the link above the small map leads, and what it says. */
	link: { href: string; text: string };
}

/** Positions are whole steps of 0.00001° (about 1 m) from the district's south-west corner: short numbers. */
const STEP = 1e5;

export interface MapCategory {
	id: string;
	label: string;
	plural: string;
	color: string;
	/** SVG path (24 × 24) of the category icon. */
	icon: string;
}

/** One facility on the map: [id, name, category index, steps north, steps east]. */
export type PlaceRow = [string, string, number, number, number];

/** A project or event on its map layer: [path, title, lat, lng, detail line]. */
export type LayerRow = [string, string, number, number, string];

export interface MapData {
	/** South-west corner [lat, lng] the positions count from. */
	origin: [number, number];
	categories: MapCategory[];
	places: PlaceRow[];
	projects: LayerRow[];
	events: LayerRow[];
}

/** Details of one facility, same order as `places`: [address, description, languages, wheelchair, hours index or -1]. */
export type DetailRow = [string, string, string, string, number];

export interface DetailsData {
	/** Distinct opening hours: [value in OSM syntax, the coming weeks' hours (see today-hours.ts)]. */
	hours: [string, string][];
	rows: DetailRow[];
}

/** A facility as the map uses it. */
export interface MapPlace {
	id: string;
	name: string;
	category: MapCategory;
	lat: number;
	lng: number;
}

/** A facility with the details the finder filters on and shows. */
export interface Place extends MapPlace {
	address: string;
	description: string;
	languages: string[];
	wheelchair: string;
	openingHours: string;
	/** The coming weeks' hours as the build wrote them for <open-today> (see today-hours.ts); '' when no hours are known. */
	calendar: string;
}

export const encodePosition = (origin: [number, number], lat: number, lng: number): [number, number] => [Math.round((lat - origin[0]) * STEP), Math.round((lng - origin[1]) * STEP)];

/** Rows back into objects (in the browser). */
export function decodePlaces(data: MapData): MapPlace[] {
	const [lat0, lng0] = data.origin;
	return data.places.map(([id, name, category, north, east]) => ({
		id,
		name,
		category: data.categories[category] as MapCategory,
		// Rounded to the step again, so 51.34 + 0.00854 does not come back as 51.348540000000004.
		lat: Math.round((lat0 + north / STEP) * STEP) / STEP,
		lng: Math.round((lng0 + east / STEP) * STEP) / STEP,
	}));
}

/** Places with their details (in the browser). */
export function withDetails(places: MapPlace[], details: DetailsData): Place[] {
	const hoursList = details.hours.map(([openingHours, calendar]) => ({ openingHours, calendar }));
	return places.map((place, i) => {
		const [address, description, languages, wheelchair, hours] = details.rows[i] ?? ['', '', '', 'unknown', -1];
		return { ...place, address, description, languages: languages ? languages.split(' ') : [], wheelchair, ...(hoursList[hours] ?? { openingHours: '', calendar: '' }) };
	});
}
