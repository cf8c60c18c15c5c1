import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** Why a request to the local editing backend is refused, in German, or undefined when it may pass (see cms-guard.mjs). */
export function refusal(headers: Pick<IncomingHttpHeaders, 'host' | 'origin'>, ports: { port: number; sitePort: number }): string | undefined;

/** Middleware answering refused requests with 403 and a German text. */
export function guard(ports: { port: number; sitePort: number }): (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
