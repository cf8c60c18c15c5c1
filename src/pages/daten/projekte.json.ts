import type { APIRoute } from 'astro';
import { getProjectRecords } from '../../lib/content';

/** All projects as open data (the schema is /daten/projekte.schema.json). */
export const GET: APIRoute = async () => new Response(`${JSON.stringify(await getProjectRecords(), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
