import type { APIRoute } from 'astro';
import { getFacilities } from '../lib/content';
import { facilitiesCSV } from '../lib/facility-export';

/** /einrichtungen.csv – all facilities as CSV (column layout in src/lib/osm.ts). */
export const GET: APIRoute = async () => new Response(facilitiesCSV(await getFacilities()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
