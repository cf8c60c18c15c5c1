import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, feedResponse } from '../../../lib/follow';

/** The decisions as RSS, per language where translations exist (src/lib/follow.ts). */
export const getStaticPaths = (() => feedPaths('decisions')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse('decisions', params.lang ?? 'de', { key: 'follow.name.decisions' });
