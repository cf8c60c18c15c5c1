import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../../lib/follow';
import { getEvents } from '../../../lib/content';

/** One event as a calendar file, for „In meinen Kalender" on its page and in lists. */
export const getStaticPaths = (async () => (await getEvents()).map((entry) => ({ params: { slug: entry.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => calendarResponse({ id: params.slug });
