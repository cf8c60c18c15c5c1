/** What residents do with keyboard, small screens, no JavaScript and an old page: it all still works. */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../helpers/axe';
import { describe, expect, inject, test } from 'vitest';
import { sitemapPaths, watchedContext, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('keyboard', () => {
	test('the skip link comes first and moves focus to the main content', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/`);
		await p.keyboard.press('Tab');
		expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
		expect(await p.locator('.skip-link').boundingBox()).not.toBeNull();
		await p.keyboard.press('Enter');
		expect(await p.evaluate(() => document.activeElement?.id)).toBe('inhalt');
		await p.keyboard.press('Tab');
		expect(await p.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
		expect(errors).toEqual([]);
	});

	test('on a phone the menu opens with Enter, closes with Escape and returns focus', async () => {
		const { page, errors } = await watchedContext(chromium.browser, phone);
		const p = await page();
		await p.goto(`${baseUrl}/`);
		const button = p.getByRole('button', { name: 'Menü' });
		const newsLink = p.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aktuelles' });
		expect(await button.isVisible()).toBe(true);
		expect(await newsLink.isVisible()).toBe(false);
		// Tab order: skip link, Leichte Sprache, Gebärdensprache, the four languages, brand, menu button (then
		// „Suchen": the order on screen).
		for (let i = 0; i < 9; i++) await p.keyboard.press('Tab');
		expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
		await p.keyboard.press('Enter');
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		expect(await newsLink.isVisible()).toBe(true);
		const axe = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await p.keyboard.press('Tab');
		expect(await newsLink.evaluate((el) => el === document.activeElement)).toBe(true);
		await p.keyboard.press('Escape');
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		expect(await newsLink.isVisible()).toBe(false);
		expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
		await p.keyboard.press('Space');
		await newsLink.click();
		await p.waitForURL(`${baseUrl}/aktuelles/`);
		expect(await p.locator('h1').textContent()).toBe('Aktuelles');
		expect(errors).toEqual([]);
	});

	test('every page fits a 320 px screen without sideways scrolling', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 320, height: 640 } });
		const p = await page();
		for (const path of await sitemapPaths(baseUrl)) {
			await p.goto(`${baseUrl}${path}`);
			const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
	}, 600_000);
});

describe('without JavaScript', () => {
	test('navigation, lists and details are all there', async () => {
		const { page } = await watchedContext(chromium.browser, { ...phone, javaScriptEnabled: false });
		const p = await page();
		await p.goto(`${baseUrl}/`);
		expect(await p.getByRole('button', { name: 'Menü' }).isVisible()).toBe(false);
		expect(await p.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Termine' }).isVisible()).toBe(true);
		await p.goto(`${baseUrl}/termine/`);
		expect(await p.locator('time-list li[data-until]').count()).toBeGreaterThan(0);
		await p.goto(`${baseUrl}/aktuelles/thema/beteiligung/`);
		expect(await p.locator('main .grid > li').count()).toBeGreaterThan(0);
		expect(await p.locator('.filter-nav [aria-current="page"]').textContent()).toBe('Beteiligung');
	});
});

describe('time passes without a rebuild', () => {
	test('events whose end has passed move to the past list in the browser', async () => {
		const { page, errors } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		// The visitor comes when the site was built; then time moves on.
		await p.clock.install({ time: new Date(inject('buildTime')) });
		await p.goto(`${baseUrl}/termine/`);
		const upcoming = await p.locator('time-list li[data-until]').count();
		const past = await p.locator('#past-events > li').count();
		expect(upcoming).toBeGreaterThan(1);
		// The first upcoming event ends at some moment; a visitor comes back one minute after it.
		const firstEnd = await p.locator('time-list li[data-until]').first().getAttribute('data-until');
		await p.clock.setSystemTime(new Date(Date.parse(firstEnd ?? '') + 60_000));
		await p.reload();
		expect(await p.locator('time-list li[data-until]').count()).toBe(upcoming - 1);
		expect(await p.locator('#past-events > li').count()).toBe(past + 1);
		// Far in the future everything is past and the empty text shows.
		await p.clock.setSystemTime(new Date('2099-01-01T00:00:00Z'));
		await p.reload();
		expect(await p.locator('time-list li[data-until]').count()).toBe(0);
		expect(await p.getByText('Zurzeit sind keine Termine geplant.').isVisible()).toBe(true);
		expect(await p.locator('#past-events > li').count()).toBe(upcoming + past);
		await p.goto(`${baseUrl}/`);
		expect(await p.getByText('Zurzeit sind keine Termine geplant.').isVisible()).toBe(true);
		expect(errors).toEqual([]);
	});
});

describe('print', () => {
	test('the print stylesheet hides navigation and keeps the funding notice', async () => {
		const { page } = await watchedContext(chromium.browser, { viewport: { width: 1280, height: 900 } });
		const p = await page();
		await p.goto(`${baseUrl}/projekte/muehlenpark-neugestaltung/`);
		await p.emulateMedia({ media: 'print' });
		expect(await p.locator('#site-nav').isVisible()).toBe(false);
		expect(await p.locator('.funding-notice').isVisible()).toBe(true);
		expect(await p.locator('.timeline').isVisible()).toBe(true);
	});
});
