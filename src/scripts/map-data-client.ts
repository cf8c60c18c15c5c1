/** Loads the finder and map data once per page; the finder and the map share the requests. */
import { DETAILS_PATH, MAP_DATA_PATH, decodePlaces, withDetails, type DetailsData, type MapData, type MapPlace, type Place } from '../lib/map-data';

const getJson = <T>(path: string, priority: RequestPriority = 'auto') =>
	fetch(path, { priority }).then((response) => {
		if (!response.ok) throw new Error(`${path}: ${response.status}`);
		return response.json() as Promise<T>;
	});

let mapData: Promise<{ data: MapData; places: MapPlace[] }> | undefined;
let details: Promise<Place[]> | undefined;

/**
 * The categories' names in the page's language: karte.json holds the German ones, a page in another language carries
 * its own (`data-category-names`, FacilityFinder.astro).
 */
function inPageLanguage(data: MapData): MapData {
	const json = document.querySelector<HTMLElement>('[data-category-names]')?.dataset.categoryNames;
	if (!json) return data;
	const names = JSON.parse(json) as Record<string, { label: string; plural: string }>;
	return { ...data, categories: data.categories.map((category) => ({ ...category, ...names[category.id] })) };
}

/** Positions and names: what the map needs to start. */
export function loadMapData() {
	mapData ??= getJson<MapData>(MAP_DATA_PATH).then(inPageLanguage).then((data) => ({ data, places: decodePlaces(data) }));
	return mapData;
}

/** Every facility with its details: what the finder needs (after the map's data, which goes first). */
export function loadPlaces() {
	details ??= Promise.all([loadMapData(), getJson<DetailsData>(DETAILS_PATH, 'low')]).then(([{ places }, rows]) => withDetails(places, rows));
	return details;
}
