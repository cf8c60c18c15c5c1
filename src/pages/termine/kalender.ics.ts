import type { APIRoute } from 'astro';
import { calendarResponse } from '../../lib/follow';

/** All events as one calendar to subscribe to (src/lib/follow.ts: which past events it keeps). */
export const GET: APIRoute = () => calendarResponse({});
