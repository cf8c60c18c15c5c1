/**
 * The local editing backend answers only this computer's /admin/: the real server of `npm start`
 * (scripts/cms-server.mjs, decap-server's handlers behind the check of scripts/cms-guard.mjs) on a temporary
 * folder, asked with the headers a DNS-rebinding page, a foreign page and the editor itself would send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../../scripts/cms-guard.mjs';
import { CMS_SERVER } from '../helpers/cms';
import { cleanEnv } from '../helpers/run';
import { freePort, waitForPort } from '../helpers/ports';

let server: ChildProcess;
let work: string;
let port: number;
let sitePort: number;

beforeAll(async () => {
	[port, sitePort] = [await freePort(), await freePort()];
	work = mkdtempSync(path.join(tmpdir(), 'quartier-cms-guard-'));
	mkdirSync(path.join(work, 'content', 'aktuelles'), { recursive: true });
	server = spawn(process.execPath, [CMS_SERVER], {
		env: cleanEnv({ PORT: String(port), QUARTIER_SITE_PORT: String(sitePort), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: work, LOG_LEVEL: 'error' }),
		stdio: 'ignore',
	});
	await waitForPort(port, 30_000);
});

afterAll(() => {
	server?.kill();
	if (work) rmSync(work, { recursive: true, force: true });
});

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** A request to the server on 127.0.0.1 with the given headers (Host among them, as a browser would send it). */
function ask(method: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
	const data = body === undefined ? undefined : JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const request = http.request({ host: '127.0.0.1', port, path: '/api/v1', method, headers: { ...(data ? { 'Content-Type': 'application/json' } : {}), ...headers } }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
		});
		request.on('error', reject);
		request.end(data);
	});
}

/** decap-server's request to write one entry file (as the editor sends it when staff publish). */
const persist = (name: string) => ({
	action: 'persistEntry',
	params: { branch: 'main', entry: { slug: name, path: `content/aktuelles/${name}.de.md`, raw: `---\ntitle: ${name}\n---\n` }, assets: [], options: { commitMessage: `Create ${name}`, useWorkflow: false, status: 'draft' } },
});

const own = () => ({ host: `127.0.0.1:${port}`, editor: `http://127.0.0.1:${sitePort}` });

describe('the check by itself', () => {
	const ports = { port: 8081, sitePort: 4321 };
	test('this computer under its two names passes, with the site as origin or none', () => {
		for (const host of ['127.0.0.1:8081', 'localhost:8081', 'LOCALHOST:8081']) {
			expect(refusal({ host }, ports), host).toBeUndefined();
			for (const origin of ['http://127.0.0.1:4321', 'http://localhost:4321']) expect(refusal({ host, origin }, ports), `${host} ${origin}`).toBeUndefined();
		}
	});
	test('other names, other ports, other origins are refused in German', () => {
		for (const host of ['evil.example:8081', 'evil.example', '127.0.0.1', '127.0.0.1:8082', '127.0.0.1.evil.example:8081', '0.0.0.0:8081', '[::1]:8081', ''])
			expect(refusal({ host }, ports), host).toMatch(/^Unbekannte Adresse/);
		for (const origin of ['https://evil.example', 'http://127.0.0.1:8081', 'http://127.0.0.1:4322', 'https://127.0.0.1:4321', 'null', 'http://localhost:4321.evil.example'])
			expect(refusal({ host: '127.0.0.1:8081', origin }, ports), origin).toMatch(/^Fremde Seite/);
	});
});

describe('the real server', () => {
	test('the editor gets in: decap-server answers, with CORS for the site under npm start', async () => {
		const { host, editor } = own();
		const info = await ask('POST', { Host: host, Origin: editor }, { action: 'info' });
		expect(info.status).toBe(200);
		expect(JSON.parse(info.body)).toMatchObject({ type: 'local_fs', repo: path.basename(work) });
		expect(info.headers['access-control-allow-origin']).toBe(editor);
		// The browser's preflight for the JSON request.
		const preflight = await ask('OPTIONS', { Host: host, Origin: editor, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' });
		expect(preflight.status).toBe(204);
		expect(preflight.headers['access-control-allow-origin']).toBe(editor);
		// And it writes.
		const written = await ask('POST', { Host: `localhost:${port}`, Origin: editor }, persist('erlaubt'));
		expect(written.status, written.body).toBe(200);
		expect(readFileSync(path.join(work, 'content/aktuelles/erlaubt.de.md'), 'utf8')).toContain('title: erlaubt');
	});

	test('a foreign Host (DNS rebinding) is refused before decap-server: 403, nothing written', async () => {
		const { editor } = own();
		for (const headers of [{ Host: `evil.example:${port}` }, { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }, { Host: `evil.example:${port}`, Origin: editor }] as Record<string, string>[]) {
			const answer = await ask('POST', headers, persist('rebinding'));
			expect(answer.status, JSON.stringify(headers)).toBe(403);
			expect(answer.body).toContain(`Unbekannte Adresse „evil.example:${port}"`);
			// decap-server's own middleware (CORS) never ran.
			expect(answer.headers.vary).toBeUndefined();
		}
		expect(existsSync(path.join(work, 'content/aktuelles/rebinding.de.md'))).toBe(false);
		expect((await ask('POST', { Host: `evil.example:${port}` }, { action: 'info' })).status).toBe(403);
	});

	test('a foreign page in the same browser (Origin) is refused: 403, nothing written, also the preflight', async () => {
		const { host } = own();
		const answer = await ask('POST', { Host: host, Origin: 'https://evil.example' }, persist('fremd'));
		expect(answer.status).toBe(403);
		expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(answer.body).toBe(`Zugriff verweigert. Fremde Seite „https://evil.example": Der Redaktions-Server antwortet nur der Redaktion unter http://127.0.0.1:${sitePort}/admin/.\n`);
		expect(existsSync(path.join(work, 'content/aktuelles/fremd.de.md'))).toBe(false);
		const preflight = await ask('OPTIONS', { Host: host, Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' });
		expect(preflight.status).toBe(403);
		expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
	});
});
