/**
 * The link checker behind tests/build/links.test.ts is on: over a tiny folder with a missing page, a missing
 * fragment on another page and one on the same page it reports exactly these three, and passes the links that work
 * (pages, fragments, the page's own top) without asking any other host.
 */
import { describe, expect, test } from 'vitest';
import { brokenLinks } from '../helpers/links';

describe('link checker', () => {
	test('reports broken links and broken #fragments, and nothing else', async () => {
		const { broken, ok } = await brokenLinks('tests/fixtures/links');
		expect(broken.map(({ url, on }) => `${on} -> ${url}`).sort()).toEqual(['/ -> /fehlt/', '/ -> /seite/#kein-abschnitt', '/seite/ -> /seite/#auch-nicht-da'].sort());
		expect(broken.find((b) => b.url === '/fehlt/')?.status).toBe(404);
		// The start page and the page that exists were fetched and found.
		expect(ok).toEqual(expect.arrayContaining(['/', '/seite/']));
	});
});
