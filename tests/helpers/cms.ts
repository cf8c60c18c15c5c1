/**
 * The staff editor for real, as `npm start` runs it: the dev server answers /admin/ (src/integrations/admin-dev.ts)
 * and decap-server (on 127.0.0.1, behind the Host/Origin check of scripts/cms-server.mjs) writes into a temporary
 * copy of content/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useBrowser, watchedContext, type Watched } from './browser';
import { ASTRO_CLI, cleanEnv } from './run';
import { freePort, waitForPort } from './ports';
import { plainContext, type SchemaContext } from '../../src/schemas/context';

/** The guarded local editing backend, as `npm start` runs it. */
export const CMS_SERVER = fileURLToPath(new URL('../../scripts/cms-server.mjs', import.meta.url));

export interface Editor {
	/** The dev server, e.g. http://127.0.0.1:40123 */
	site: string;
	/** The temporary folder holding `content/`. */
	work: string;
	/** The temporary copy of content/ the editor writes into. */
	content: string;
	stop: () => void;
}

/** Starts decap-server and the dev server on a fresh copy of content/. */
export async function startEditor(name: string): Promise<Editor> {
	const [sitePort, cmsPort] = [await freePort(), await freePort()];
	const work = mkdtempSync(path.join(tmpdir(), `quartier-${name}-`));
	const content = path.join(work, 'content');
	cpSync('content', content, { recursive: true });
	const servers: ChildProcess[] = [
		spawn(process.execPath, [CMS_SERVER], {
			env: cleanEnv({ PORT: String(cmsPort), QUARTIER_SITE_PORT: String(sitePort), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: work, LOG_LEVEL: 'error' }),
			stdio: 'ignore',
		}),
		// --ignore-lock: Astro allows one dev server per project otherwise, and someone may be editing with `npm start`.
		spawn(process.execPath, [ASTRO_CLI, 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(sitePort)], {
			env: cleanEnv({ QUARTIER_CMS_PORT: String(cmsPort), QUARTIER_CONTENT_DIR: content }),
			stdio: 'ignore',
		}),
	];
	await Promise.all([waitForPort(cmsPort, 30_000), waitForPort(sitePort, 60_000)]);
	return {
		site: `http://127.0.0.1:${sitePort}`,
		work,
		content,
		stop: () => {
			for (const server of servers) server.kill();
			rmSync(work, { recursive: true, force: true });
		},
	};
}

/** A schema made for a context: built again for the editor's own copy of the content. */
type Schema = (ctx: SchemaContext) => { safeParseAsync: (d: unknown) => Promise<{ success: boolean; error?: { issues: { message: string }[] } }> };

/** An editor for a test file, with a browser on it: started before its tests, stopped after them. */
export interface EditorSession extends Editor {
	browser: Browser;
	/** A 1280 × 900 context that records console errors and requests to other hosts. */
	watched: Watched;
	/** Opens the admin and signs in (see `openAdmin`). */
	openAdmin: () => Promise<Page>;
	/** Validates data with this editor's content as the set of existing entries. */
	validate: (schema: Schema, data: unknown) => ReturnType<typeof validateIn>;
}

/** Registers the hooks that start an editor (`startEditor`) and Chromium (`useBrowser`) for the calling test file. */
export function useEditor(name: string): EditorSession {
	let editor: Editor | undefined;
	const chromium = useBrowser();
	const session = {
		openAdmin: () => openAdmin(session.watched, session.site),
		validate: (schema: Schema, data: unknown) => validateIn(session.content, schema, data),
	} as EditorSession;
	beforeAll(async () => {
		editor = await startEditor(name);
		const { browser } = chromium;
		Object.assign(session, editor, { browser, watched: await watchedContext(browser, { viewport: { width: 1280, height: 900 } }) });
	}, 180_000);
	afterAll(() => editor?.stop());
	return session;
}

/** The sign-in button of the local backend (no account needed). */
export const signIn = (page: Page) => page.getByRole('button', { name: 'Anmelden' });

/** Opens the admin, signs in if needed and waits for the collection list. */
export async function openAdmin(watched: Watched, site: string): Promise<Page> {
	const page = await watched.page();
	await page.goto(`${site}/admin/`, { timeout: 120_000 });
	const login = signIn(page);
	await login.or(page.getByText('Inhaltstypen')).first().waitFor({ timeout: 120_000 });
	if (await login.isVisible()) await login.click();
	await page.getByText('Inhaltstypen').waitFor({ timeout: 60_000 });
	return page;
}

/** Picks an entry in a relation field by typing part of its name. */
export async function chooseRelation(page: Page, label: string, search: string) {
	await page.getByLabel(label, { exact: true }).click();
	await page.keyboard.type(search);
	await page.getByRole('option', { name: new RegExp(search) }).first().click();
}

/** Saves the entry: „Veröffentlichen" → „Jetzt veröffentlichen" (chosen by keyboard, as the menu allows). */
export async function publish(page: Page) {
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await page.getByRole('menuitem', { name: 'Jetzt veröffentlichen' }).press('Enter');
}

/** What decap-server's API does to files (its other actions only read). */
const WRITING_ACTIONS = /^(persist|delete|publish|update)/;

/**
 * Records the writes the page asks the local backend for (`persistEntry`, `deleteFile`, …), from now on. A refused
 * save is decided in the browser before any request: once its message shows, no write was asked for and none follows,
 * so a test can check the files at once instead of waiting a while for a write that must not come.
 */
export function recordWrites(page: Page): () => string[] {
	const writes: string[] = [];
	page.on('request', (request) => {
		if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/api/v1')) return;
		const action = String((request.postDataJSON() as { action?: unknown } | null)?.action ?? '');
		if (WRITING_ACTIONS.test(action)) writes.push(action);
	});
	return () => [...writes];
}

/** Validates data against a schema made for a context on the temporary content (its entries are the ones that exist). */
export async function validateIn(content: string, schema: Schema, data: unknown) {
	return schema(plainContext({ contentRoot: content })).safeParseAsync(data);
}
