/**
 * `npm start` as a newcomer runs it (scripts/start.mjs): the site, the editor at /admin/ as a finished bundle
 * without a reload connection, and the site search, whose index is built in the background and announced in the
 * console.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchedContext } from '../helpers/browser';
import { cleanEnv } from '../helpers/run';
import { freePort } from '../helpers/ports';

let start: ChildProcess | undefined;
let site = '';
let console_ = '';
let browser: Browser;

/** Resolves when the console has shown `text` (or rejects after `ms`). */
function consoleShows(text: string, ms: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const stop = () => {
			clearTimeout(timer);
			start?.stdout?.off('data', check);
			start?.stderr?.off('data', check);
		};
		const timer = setTimeout(() => (stop(), reject(new Error(`„${text}" did not appear within ${ms} ms:\n${console_.slice(-3000)}`))), ms);
		function check() {
			if (!console_.includes(text)) return;
			stop();
			resolve();
		}
		start?.stdout?.on('data', check);
		start?.stderr?.on('data', check);
		check();
	});
}

beforeAll(async () => {
	const [sitePort, cmsPort] = [await freePort(), await freePort()];
	site = `http://127.0.0.1:${sitePort}`;
	start = spawn(process.execPath, ['scripts/start.mjs'], { env: cleanEnv({ PORT: String(sitePort), QUARTIER_CMS_PORT: String(cmsPort), QUARTIER_IGNORE_LOCK: '1' }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	start.stdout?.on('data', (chunk: Buffer) => (console_ += chunk.toString()));
	start.stderr?.on('data', (chunk: Buffer) => (console_ += chunk.toString()));
	browser = await launch();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	// The start script and its servers form one process group.
	if (start?.pid) process.kill(-start.pid, 'SIGTERM');
});

describe('npm start', () => {
	test('serves the editor as a finished bundle: no dev-server reload connection, local links', async () => {
		await consoleShows(' ready in ', 120_000);
		const html = await (await fetch(`${site}/admin/`)).text();
		expect(html).not.toContain('@vite/client');
		expect(html).toMatch(/<script type="module" src="\/admin\/_app\/admin-[\w-]+\.js"><\/script>/);
		const config = JSON.parse(/<script type="application\/json" id="cms-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as { site_url?: string; backend?: { name?: string } };
		expect(config).toMatchObject({ site_url: site, backend: { name: 'proxy' } });
	}, 150_000);

	test('the search works: the console says when the index is ready, and the search page finds the sample', async () => {
		await consoleShows('Suche bereit', 240_000);
		const { page, foreign } = await watchedContext(browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${site}/suche/?q=Sonnenblume`);
		await p.locator('.search-result h2 a', { hasText: 'Kita Sonnenblume' }).first().waitFor({ timeout: 30_000 });
		expect(await p.getByText('Die Suche ist gerade nicht erreichbar').count()).toBe(0);
		expect(foreign).toEqual([]);
	}, 300_000);
});
