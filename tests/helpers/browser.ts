/** Debian's Chromium driven by Playwright, with a record of every request that leaves 127.0.0.1. */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

/** Registers hooks that launch Chromium before the calling test file's tests and close it after them. */
export function useBrowser(): { readonly browser: Browser } {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return {
		get browser() {
			if (!browser) throw new Error('useBrowser(): Chromium is launched in beforeAll; use it inside tests.');
			return browser;
		},
	};
}

export interface Watched {
	context: BrowserContext;
	/** URLs requested from any host but 127.0.0.1 (they are blocked). */
	foreign: string[];
	/** Console errors and uncaught exceptions, with the page they happened on. */
	errors: string[];
	page: () => Promise<Page>;
}

/** A context that blocks and records foreign requests and collects console errors. */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
	const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
	const foreign: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
		foreign.push(url.href);
		return route.abort('blockedbyclient');
	});
	const page = async () => {
		const p = await context.newPage();
		p.on('console', (message) => {
			if (message.type() === 'error') errors.push(`${p.url()}: ${message.text()}`);
		});
		p.on('pageerror', (error) => errors.push(`${p.url()}: ${error.message}`));
		return p;
	};
	return { context, foreign, errors, page };
}

/** Every page URL in the built sitemap, as paths. */
export async function sitemapPaths(baseUrl: string): Promise<string[]> {
	const xml = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname);
}
