import type { APIRoute } from 'astro';
import { buildTime, getCategories, getEvents, getFacilities, getProjects, getSettings, splitEvents } from '../../lib/content';
import { buildMapData } from '../../lib/map-data-build';

/** /einrichtungen/karte.json – positions and names for the map, plus its layers (see lib/map-data.ts). */
export const GET: APIRoute = async () => {
	const { bounds } = (await getSettings()).map;
	const data = buildMapData({
		origin: [bounds.south, bounds.west],
		facilities: await getFacilities(),
		categories: await getCategories(),
		projects: await getProjects(),
		events: splitEvents(await getEvents(), buildTime).upcoming,
	});
	return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
