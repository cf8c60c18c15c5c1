/**
 * The bench counts the pages residents can open: the staff editor (/admin/ and its pages) is not among them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { htmlPages, publicPages } from '../../scripts/lib/weights.mjs';

describe('pages the bench counts', () => {
	const dist = mkdtempSync(path.join(tmpdir(), 'quartier-pages-'));
	for (const page of ['index.html', '404.html', 'projekte/index.html', 'ar/index.html', 'admin/index.html', 'admin/uebersetzungen/index.html', 'administration/index.html']) {
		mkdirSync(path.dirname(path.join(dist, page)), { recursive: true });
		writeFileSync(path.join(dist, page), '<!doctype html>');
	}
	writeFileSync(path.join(dist, 'admin', 'config.yml'), '');
	afterAll(() => rmSync(dist, { recursive: true, force: true }));

	test('public pages leave out the editor under /admin/, and only it', () => {
		expect(htmlPages(dist)).toHaveLength(7);
		expect(publicPages(dist)).toEqual(['404.html', 'administration/index.html', 'ar/index.html', 'index.html', 'projekte/index.html']);
	});
});
