import type { APIRoute } from 'astro';
import { getProjectRecords } from '../../lib/content';
import { projectsCsv } from '../../lib/open-data';

/** All projects, one row each (src/lib/csv.ts says how the CSV is written). */
export const GET: APIRoute = async () => new Response(projectsCsv(await getProjectRecords()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
