import type { APIRoute } from 'astro';
import { getCategories, getSettings } from '../../lib/content';
import { facilitiesJsonSchema } from '../../lib/facility-export';

/** JSON Schema of /einrichtungen.geojson, generated from the zod schema of the published file. */
export const GET: APIRoute = async () => {
	const settings = await getSettings();
	const categories = (await getCategories()).map((category) => category.id).sort();
	return new Response(`${JSON.stringify(facilitiesJsonSchema(categories, settings.siteUrl), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
