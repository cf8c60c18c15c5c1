import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, feedResponse } from '../../../lib/follow';

/** All news as RSS, per language where translations exist (src/lib/follow.ts). */
export const getStaticPaths = (() => feedPaths('news')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse('news', params.lang ?? 'de', { key: 'follow.name.news' });
