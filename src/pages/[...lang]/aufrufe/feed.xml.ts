import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, feedResponse } from '../../../lib/follow';

/** Open calls (deadline not passed) as RSS, per language where translations exist (src/lib/follow.ts). */
export const getStaticPaths = (() => feedPaths('calls')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse('calls', params.lang ?? 'de', { key: 'follow.name.calls' });
