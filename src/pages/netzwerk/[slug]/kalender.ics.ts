import type { APIRoute, GetStaticPaths } from 'astro';
import { networkCalendarResponse } from '../../../lib/follow';
import { getNetwork } from '../../../lib/content';

/** One group's regular meeting as a repeating calendar event („In meinen Kalender" on its page). */
export const getStaticPaths = (async () => (await getNetwork()).filter((entry) => entry.data.meeting).map((entry) => ({ params: { slug: entry.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => networkCalendarResponse(params.slug);
