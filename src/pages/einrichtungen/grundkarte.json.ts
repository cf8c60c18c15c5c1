import type { APIRoute } from 'astro';
import { getBasemap } from '../../lib/content';
import type { BasemapGeometry } from '../../schemas/basemap';

/** Degrees to 5 decimals (about 1 m): plenty for a street plan, and a third shorter. */
const round = (value: number) => Math.round(value * 1e5) / 1e5;
const roundDeep = (value: unknown): unknown => (typeof value === 'number' ? round(value) : Array.isArray(value) ? value.map(roundDeep) : value);

/** /einrichtungen/grundkarte.json – the district's base map for the maps (empty when the office has none). */
export const GET: APIRoute = async () => {
	const basemap = await getBasemap();
	const body = {
		type: 'FeatureCollection',
		attribution: basemap?.attribution ?? '',
		features: (basemap?.features ?? []).map(({ properties, geometry }) => ({
			type: 'Feature',
			properties,
			geometry: { type: geometry.type, coordinates: roundDeep(geometry.coordinates) } as BasemapGeometry,
		})),
	};
	return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
