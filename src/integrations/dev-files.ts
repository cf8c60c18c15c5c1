/** Files the dev-server middlewares (admin-dev.ts, search-dev.ts) answer from folders outside the site's sources. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2',
};

/** Whether process `pid` still runs (only „no such process" means gone; EPERM means it runs under another user). */
export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code !== 'ESRCH';
	}
}

/** The file `relative` names inside `root`, or undefined when it leaves the folder or is not a file. */
export function fileIn(root: string, relative: string): string | undefined {
	const file = path.resolve(root, relative);
	const inside = path.relative(root, file);
	if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
	response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
	response.end(body);
}

/** Answers with `file` and the type its extension names. */
export function sendFile(response: ServerResponse, file: string): void {
	send(response, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
}
