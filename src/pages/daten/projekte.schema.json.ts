import type { APIRoute } from 'astro';
import { getSettings } from '../../lib/content';
import { projectsJsonSchema } from '../../lib/open-data';
import { siteOf } from '../../schemas';

/** JSON Schema of /daten/projekte.json, generated from the content model's zod schemas. */
export const GET: APIRoute = async () => {
	const settings = await getSettings();
	return new Response(`${JSON.stringify(projectsJsonSchema(siteOf(settings), settings.siteUrl), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
