/**
 * No broken internal link or fragment anchor anywhere on the built sample, in any language: linkinator checks
 * every link of every public page of dist/ (the editor under /admin/ aside; tests/helpers/links.ts), and
 * tests/unit/links.test.ts shows that it catches both kinds.
 */
import { describe, expect, test } from 'vitest';
import { brokenLinks } from '../helpers/links';
import { readSettings } from '../../src/schemas';

const { languages } = readSettings();

describe('links', () => {
	test('no broken internal link or #fragment on any page of any language', async () => {
		const { broken, ok, pages } = await brokenLinks('dist', { only: (page) => !page.startsWith('admin/') });
		const list = broken.map((b) => `${b.on} → ${b.url} (${b.status ?? 'kein Status'})`);
		expect(list, `Broken links:\n${list.join('\n')}`).toEqual([]);
		// Every public page of every language was a starting point and was found (the checker is on, see tests/unit/links.test.ts).
		expect(pages.length).toBeGreaterThan(languages.length * 150);
		const reached = new Set(ok);
		expect(pages.filter((page) => !reached.has(page))).toEqual([]);
	}, 180_000);
});
