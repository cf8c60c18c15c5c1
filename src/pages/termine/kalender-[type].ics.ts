import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../lib/follow';
import { EVENT_TYPES } from '../../schemas/events';

/** One calendar per kind of event (e.g. only the Quartiersrat's sittings). */
export const getStaticPaths = (() => EVENT_TYPES.map((type) => ({ params: { type } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => calendarResponse({ type: params.type as (typeof EVENT_TYPES)[number] });
