/**
 * A static host for the benchmarks, like a CDN: directories serve index.html, text is sent gzip-compressed,
 * other files (images, Pagefind's already-compressed index) as they are. Listens on a free port of 127.0.0.1.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** Resolves to the running server; its port is `server.address().port`. */
export function serveDist(root) {
	const server = http.createServer((req, res) => {
		let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
		if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!existsSync(file)) return res.writeHead(404).end();
		const type = TYPES[path.extname(file)];
		if (type && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
			res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip' });
			createReadStream(file).pipe(createGzip({ level: 9 })).pipe(res);
		} else {
			res.writeHead(200, { 'Content-Type': type ?? 'application/octet-stream' });
			createReadStream(file).pipe(res);
		}
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
