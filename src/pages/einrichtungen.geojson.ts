import type { APIRoute } from 'astro';
import { getFacilities, getSettings } from '../lib/content';
import { facilitiesGeoJSON } from '../lib/facility-export';

/** /einrichtungen.geojson – all facilities as GeoJSON with OpenStreetMap-style properties. */
export const GET: APIRoute = async () => {
	const settings = await getSettings();
	const body = JSON.stringify(facilitiesGeoJSON(await getFacilities(), settings.siteUrl));
	return new Response(body, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
