import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, feedResponse } from '../../../../../lib/follow';
import { getThemes } from '../../../../../lib/content';

/** The news of one Handlungsfeld as RSS, per language where translations exist (src/lib/follow.ts). */
export const getStaticPaths = (async () => {
	const paths = [];
	for (const theme of await getThemes()) {
		for (const { params } of await feedPaths(`theme:${theme.id}`)) paths.push({ params: { ...params, theme: theme.id } });
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const locale = params.lang ?? 'de';
	const theme = (await getThemes()).find((entry) => entry.id === params.theme);
	return feedResponse(`theme:${params.theme}`, locale, { key: 'follow.name.theme', params: { theme: theme?.data.label ?? String(params.theme) } });
};
