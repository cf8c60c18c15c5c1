/** Loads the finder and map data once per page; the finder and the map share the requests. */
import { DETAILS_PATH, MAP_DATA_PATH, decodePlaces, withDetails, type DetailsData, type MapData, type MapPlace, type Place } from '../lib/map-data';

const getJson = <T>(path: string, priority: RequestPriority = 'auto') =>
	fetch(path, { priority }).then((response) => {
		if (!response.ok) throw new Error(`${path}: ${response.status}`);
		return response.json() as Promise<T>;
	});

let mapData: Promise<{ data: MapData; places: MapPlace[] }> | undefined;
let details: Promise<Place[]> | undefined;

/** Positions and names: what the map needs to start. */
export function loadMapData() {
	mapData ??= getJson<MapData>(MAP_DATA_PATH).then((data) => ({ data, places: decodePlaces(data) }));
	return mapData;
}

/** Every facility with its details: what the finder needs (after the map's data, which goes first). */
export function loadPlaces() {
	details ??= Promise.all([loadMapData(), getJson<DetailsData>(DETAILS_PATH, 'low')]).then(([{ places }, rows]) => withDetails(places, rows));
	return details;
}
