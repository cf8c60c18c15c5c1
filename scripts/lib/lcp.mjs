/**
 * Largest Contentful Paint of built pages on an emulated phone: Chromium (Playwright) at 360 × 640, slow 4G
 * (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up) and a CPU four times slower, cold cache for every load, the
 * site served from 127.0.0.1 (scripts/serve-dist.mjs). LCP is read after `load` from a buffered
 * PerformanceObserver; each figure is the median of a few loads (a throttled CPU varies).
 */
import { chromium } from 'playwright-core';
import { serveDist } from '../serve-dist.mjs';

export const PHONE = { width: 360, height: 640 };
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** LCP in milliseconds per path (e.g. `/projekte/x/`) of the site in `root`: the median of `runs` cold loads. */
export async function measureLcp(root, paths, { runs = 3 } = {}) {
	const server = await serveDist(root);
	const base = `http://127.0.0.1:${server.address().port}`;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const results = new Map();
	try {
		for (const pathname of paths) {
			const loads = [];
			for (let run = 0; run < runs; run++) {
				// A new context each time: nothing cached from the load before.
				const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'de-DE' });
				const page = await context.newPage();
				const cdp = await context.newCDPSession(page);
				await cdp.send('Network.enable');
				await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
				await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
				await page.goto(`${base}${pathname}`, { waitUntil: 'load', timeout: 120_000 });
				const lcp = await page.evaluate(
					() =>
						new Promise((resolve) => {
							new PerformanceObserver((list) => {
								const entries = list.getEntries();
								resolve(entries[entries.length - 1]?.startTime ?? 0);
							}).observe({ type: 'largest-contentful-paint', buffered: true });
							// A page without any contentful paint would otherwise never answer.
							setTimeout(() => resolve(0), 5000);
						}),
				);
				loads.push(lcp);
				await context.close();
			}
			results.set(pathname, median(loads));
		}
	} finally {
		await browser.close();
		server.close();
	}
	return results;
}
