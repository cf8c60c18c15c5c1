import type { APIRoute } from 'astro';
import { getDecisions, getSettings } from '../../lib/content';
import { decisionsCsv } from '../../lib/open-data';

/** All decisions, newest first. */
export const GET: APIRoute = async () => new Response(decisionsCsv(await getDecisions(), (await getSettings()).siteUrl), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
