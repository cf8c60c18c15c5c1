/** Small HTTP servers on 127.0.0.1 for tests: a static file server for a build, and a map tile stub. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.xml': 'application/xml',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.csv': 'text/csv',
	'.pdf': 'application/pdf',
	'.pmtiles': 'application/octet-stream',
};

export interface Running {
	url: string;
	close: () => Promise<void>;
}

async function listen(server: http.Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closer = (server: http.Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

/** A form as it reached the stand-in for Netlify Forms. */
export interface Submission {
	/** Path the form posted to (its action). */
	path: string;
	/** Posted fields in order, as name/value pairs. */
	fields: [string, string][];
}

/**
 * Serves a built site folder like a static host (directory → index.html, unknown → 404.html, byte ranges as
 * PMTiles readers ask for them) and records each request as „path" or „path bytes=a-b". Form posts are taken as
 * Netlify Forms takes them: recorded, then answered with the page of the form's action (303 See Other).
 * `headersFor` adds response headers per path (as Netlify's header rules would, see netlify-headers.ts).
 */
export async function serveStatic(root: string, headersFor: (pathname: string) => Record<string, string> = () => ({})): Promise<Running & { requests: string[]; submissions: Submission[] }> {
	const requests: string[] = [];
	const submissions: Submission[] = [];
	const server = http.createServer((request, response) => {
		if (request.method === 'POST') {
			let body = '';
			request.setEncoding('utf8');
			request.on('data', (chunk: string) => (body += chunk));
			request.on('end', () => {
				const path = new URL(request.url ?? '/', 'http://x').pathname;
				submissions.push({ path, fields: [...new URLSearchParams(body).entries()] });
				response.writeHead(303, { Location: path }).end();
			});
			return;
		}
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
		requests.push(range ? `${pathname} ${range[0]}` : pathname);
		let file = path.join(root, pathname);
		if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		const found = file.startsWith(root) && existsSync(file);
		const type = TYPES[path.extname(found ? file : '.html')] ?? 'application/octet-stream';
		if (found && range) {
			const size = statSync(file).size;
			const start = Number(range[1]);
			const end = Math.min(Number(range[2]), size - 1);
			response.writeHead(206, { ...headersFor(pathname), 'Content-Type': type, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1, 'Accept-Ranges': 'bytes' });
			createReadStream(file, { start, end }).pipe(response);
			return;
		}
		response.writeHead(found ? 200 : 404, { ...headersFor(pathname), 'Content-Type': type });
		createReadStream(found ? file : path.join(root, '404.html')).pipe(response);
	});
	return { url: await listen(server), close: closer(server), requests, submissions };
}

/** A 1×1 grey PNG. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');

/** Answers every /{z}/{x}/{y}.png with a tile and records the request paths. */
export async function serveTiles(): Promise<Running & { requests: string[] }> {
	const requests: string[] = [];
	const server = http.createServer((request, response) => {
		requests.push(request.url ?? '');
		response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
		response.end(TILE);
	});
	return { url: await listen(server), close: closer(server), requests };
}
