import type { APIRoute } from 'astro';
import { getGoals, getProjectRecords } from '../../lib/content';
import { fundingCsv } from '../../lib/open-data';

/** Granted and paid-out money, one row per project and year: the figures /foerderung/ adds up. */
export const GET: APIRoute = async () => {
	const themeOfGoal = new Map((await getGoals()).map((goal) => [goal.id, goal.data.theme.id]));
	return new Response(fundingCsv(await getProjectRecords(), themeOfGoal), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
