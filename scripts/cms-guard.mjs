/**
 * Who may talk to the local editing backend (scripts/cms-server.mjs): only this computer's /admin/.
 *
 * - `Host` must name the server as the editor reaches it, 127.0.0.1 or localhost on its port. A page on
 *   evil.example that makes its name resolve to 127.0.0.1 (DNS rebinding) sends `Host: evil.example:8081`.
 * - `Origin`, when the browser sends one, must be the site under `npm start` (http://127.0.0.1:4321 or
 *   http://localhost:4321): the editor at /admin/ calls the backend from there (cross-origin, so decap-server
 *   answers with CORS headers for it). Any other page in the same browser sends its own origin.
 * Requests without `Origin` (tools on this computer, like curl) pass the Host check alone.
 */

/** The names this computer's server answers to. */
const LOCAL_NAMES = ['127.0.0.1', 'localhost'];

/**
 * Why a request is refused, in German, or undefined when it may pass.
 * @param {{ host?: string | string[]; origin?: string | string[] }} headers
 * @param {{ port: number; sitePort: number }} ports
 * @returns {string | undefined}
 */
export function refusal(headers, { port, sitePort }) {
	const host = typeof headers.host === 'string' ? headers.host.toLowerCase() : '';
	if (!LOCAL_NAMES.some((name) => host === `${name}:${port}`)) return `Unbekannte Adresse „${host}": Der Redaktions-Server antwortet nur unter http://127.0.0.1:${port}.`;
	if (headers.origin === undefined) return undefined;
	const origin = typeof headers.origin === 'string' ? headers.origin.toLowerCase() : '';
	if (!LOCAL_NAMES.some((name) => origin === `http://${name}:${sitePort}`)) return `Fremde Seite „${origin}": Der Redaktions-Server antwortet nur der Redaktion unter http://127.0.0.1:${sitePort}/admin/.`;
	return undefined;
}

/**
 * Connect-style middleware: refused requests get 403 and a short German text; the rest go on.
 * @param {{ port: number; sitePort: number }} ports
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, next: () => void) => void}
 */
export function guard(ports) {
	return (request, response, next) => {
		const reason = refusal(request.headers, ports);
		if (!reason) return next();
		response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
		response.end(`Zugriff verweigert. ${reason}\n`);
	};
}
