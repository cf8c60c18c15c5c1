/**
 * The sign-in chosen in the settings, in the built editor: the sample build's /admin/ (Netlify Identity) and the
 * same page with the configuration generated for sign-in through GitHub (`cms` in the settings). The built editor
 * code is the same for both; only the configuration in the page differs, so the page is served with the other
 * configuration put in, instead of building the whole site a second time.
 */
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { cmsConfig, cmsConfigJson } from '../../cms/config';
import { readSettings } from '../../src/schemas';
import { settingsSchema } from '../../src/schemas/settings';
import { plainContext } from '../../src/schemas/context';
import { useBrowser, watchedContext } from '../helpers/browser';

const CONFIG = /(<script type="application\/json" id="cms-config">)[\s\S]*?(<\/script>)/;
const github = settingsSchema(plainContext()).parse({ ...readSettings(), cms: { backend: 'github', repo: 'qm-muehlenviertel/website' } });

describe('signing in to the built editor', () => {
	const baseUrl = inject('baseUrl');
	const chromium = useBrowser();

	/** Opens /admin/ (with the configuration for `settings` put in, if given) and lists the scripts it loaded. */
	async function openAdmin(settings?: typeof github) {
		const context = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const scripts: string[] = [];
		context.context.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});
		if (settings) {
			await context.context.route(`${baseUrl}/admin/`, async (route) => {
				const built = await route.fetch();
				const html = await built.text();
				expect(html).toMatch(CONFIG);
				await route.fulfill({ response: built, body: html.replace(CONFIG, (_all, open: string, close: string) => `${open}${cmsConfigJson(settings, { local: false })}${close}`) });
			});
		}
		const page = await context.page();
		await page.goto(`${baseUrl}/admin/`);
		return { context, page, scripts };
	}

	test('Netlify Identity (the sample): the Identity widget is loaded', async () => {
		const { context, page, scripts } = await openAdmin();
		await page.getByRole('button', { name: /Netlify Identity/ }).waitFor({ timeout: 60_000 });
		expect(scripts.filter((script) => script.includes('netlify-identity-widget'))).toHaveLength(1);
		await context.context.close();
	}, 120_000);

	test('GitHub accounts: the GitHub sign-in, a configuration Decap accepts, no Identity widget, nothing from other hosts', async () => {
		expect(cmsConfig(github, { local: false }).backend).toMatchObject({ name: 'github', repo: 'qm-muehlenviertel/website' });
		const { context, page, scripts } = await openAdmin(github);
		const config = JSON.parse((await page.locator('#cms-config').textContent()) ?? '{}') as { backend: { name: string } };
		expect(config.backend.name).toBe('github');
		await page.getByRole('button', { name: /GitHub/ }).waitFor({ timeout: 60_000 });
		expect(await page.getByRole('button', { name: /Netlify Identity/ }).count()).toBe(0);
		expect(scripts.some((script) => script.startsWith('/_astro/'))).toBe(true);
		expect(scripts.filter((script) => script.includes('netlify-identity-widget'))).toEqual([]);
		expect(context.errors.filter((error) => error.includes('Config Errors'))).toEqual([]);
		// Signing in opens GitHub's page only when staff click; until then nothing leaves the site.
		expect(context.foreign).toEqual([]);
		await context.context.close();
	}, 120_000);
});
