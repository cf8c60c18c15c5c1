import type { APIRoute } from 'astro';
import { networkCalendarResponse } from '../../lib/follow';

/** The regular meetings of every working group and round table as one calendar to subscribe to. */
export const GET: APIRoute = () => networkCalendarResponse();
