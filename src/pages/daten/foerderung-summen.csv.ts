import type { APIRoute } from 'astro';
import { getFundingOverview } from '../../lib/content';
import { fundingTotalsCsv } from '../../lib/open-data';
import { useTranslations } from '../../i18n';

/** Every total shown on /foerderung/, one number per row. */
export const GET: APIRoute = async () => {
	const t = useTranslations();
	return new Response(fundingTotalsCsv(await getFundingOverview(), (stage) => t(`money.stage.${stage as 'bewilligt'}`)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
