import type { APIRoute } from 'astro';
import { getGoalThemes, getProjectRecords } from '../../lib/content';
import { fundingCsv } from '../../lib/open-data';

/** Granted and paid-out money, one row per project and year: the figures /foerderung/ adds up. */
export const GET: APIRoute = async () => new Response(fundingCsv(await getProjectRecords(), await getGoalThemes()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
