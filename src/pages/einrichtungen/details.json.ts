import type { APIRoute } from 'astro';
import { getFacilities } from '../../lib/content';
import { buildDetails } from '../../lib/map-data-build';

/** /einrichtungen/details.json – what the finder filters on and shows, in the order of karte.json (see lib/map-data.ts). */
export const GET: APIRoute = async () => new Response(JSON.stringify(buildDetails(await getFacilities())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
