/**
 * The addresses of the map's data files, apart from the routes module (src/lib/routes.ts, which offers them as
 * `paths.data`): the facilities page loads them before any interaction, and importing the whole routes module there
 * would put all of it into the page's JavaScript (its budget is 8 KB, tests/build/budgets.test.ts).
 */

/** Every facility's id, name, category and position, plus the map's layers (src/lib/map-data.ts). */
export const FACILITY_MAP_DATA = '/einrichtungen/karte.json';
/** What the finder filters on and shows, in the order of the map file. */
export const FACILITY_DETAILS_DATA = '/einrichtungen/details.json';
/** The district's own base map for the maps. */
export const BASEMAP_DATA = '/einrichtungen/grundkarte.json';
