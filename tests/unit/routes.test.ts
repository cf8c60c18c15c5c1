/** Addresses per language: the prefix, the German address behind it, and the links a page in another language writes. */
import { describe, expect, test } from 'vitest';
import { below, EDITOR_PAGE_ADDRESSES, href, isEditorPath, isNotFound, localePath, localizeLinks, paths, splitLocale } from '../../src/lib/routes';

const LOCALES = ['de', 'en', 'tr', 'ar'];

describe('addresses per language', () => {
	test('German has no prefix, the others have theirs', () => {
		expect(localePath('/kontakt/', 'de')).toBe('/kontakt/');
		expect(localePath('/kontakt/', undefined)).toBe('/kontakt/');
		expect(localePath('/kontakt/', 'ar')).toBe('/ar/kontakt/');
		expect(localePath('/', 'tr')).toBe('/tr/');
	});

	test('an address gives its language and the German address', () => {
		expect(splitLocale('/tr/projekte/muehlenpark/', LOCALES)).toEqual({ locale: 'tr', path: '/projekte/muehlenpark/' });
		expect(splitLocale('/en/', LOCALES)).toEqual({ locale: 'en', path: '/' });
		expect(splitLocale('/kontakt/', LOCALES)).toEqual({ locale: 'de', path: '/kontakt/' });
		// A German page whose name starts like a language is not one.
		expect(splitLocale('/arbeit/', LOCALES)).toEqual({ locale: 'de', path: '/arbeit/' });
		expect(splitLocale('/de/kontakt/', LOCALES)).toEqual({ locale: 'de', path: '/de/kontakt/' });
	});
});

describe('links on a page in another language', () => {
	/** Each tag on a page, with what it becomes on the English page (nothing: it stays as it is). */
	const tags: [string, string?][] = [
		['<a href="/kontakt/">Kontakt</a>', '<a href="/en/kontakt/">Kontakt</a>'],
		['<a class="x" href="/barrierefreiheit/?seite=/projekte/a/#barriere-melden">Melden</a>', '<a class="x" href="/en/barrierefreiheit/?seite=/projekte/a/#barriere-melden">Melden</a>'],
		['<form method="post" action="/danke/">', '<form method="post" action="/en/danke/">'],
		['<a href="/kontakt/" lang="de" hreflang="de">Deutsch</a>'],
		['<a href="/tr/kontakt/">Türkçe</a>'],
		['<a href="/einrichtungen.csv">CSV</a>'],
		['<a href="/dokumente/protokoll.pdf">PDF</a>'],
		['<a href="/uploads/bild.webp">Bild</a>'],
		['<link href="/_astro/Base.css" rel="stylesheet">'],
		['<a href="https://example.org/kontakt/">extern</a>'],
		['<a href="//example.org/x/">extern</a>'],
		['<a href="#inhalt">Zum Inhalt</a>'],
		['<img src="/foerderung/logo.svg" alt="">'],
	];
	const html = tags.map(([tag]) => tag).join('\n');

	test('site pages get the prefix; files, other languages, other hosts and the switcher keep their address', () => {
		expect(localizeLinks(html, 'en', LOCALES).split('\n')).toEqual(tags.map(([tag, english]) => english ?? tag));
	});

	test('German pages stay as they are', () => {
		expect(localizeLinks(html, 'de', LOCALES)).toBe(html);
	});

	test('a link to a page that exists in German only keeps its address and says it is German; other links are localized as before', () => {
		const germanOnly = new Set(['/aktuelles/a/', '/aktuelles/a/aushang/']);
		const page = ['<a class="x" href="/aktuelles/a/">A</a>', '<a href="/aktuelles/a/aushang/#druck">Aushang</a>', '<a href="/aktuelles/b/">B</a>', '<form action="/aktuelles/a/">'].join('\n');
		expect(localizeLinks(page, 'tr', LOCALES, germanOnly).split('\n')).toEqual([
			'<a hreflang="de" class="x" href="/aktuelles/a/">A</a>',
			'<a hreflang="de" href="/aktuelles/a/aushang/#druck">Aushang</a>',
			'<a href="/tr/aktuelles/b/">B</a>',
			'<form action="/aktuelles/a/">',
		]);
		expect(localizeLinks(html, 'en', LOCALES, germanOnly).split('\n')).toEqual(tags.map(([tag, english]) => english ?? tag));
	});
});

describe('addresses the code writes', () => {
	/** Every fixed address, however deep in `paths`. */
	const fixed = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(fixed));

	test('every fixed address is absolute and names a page folder (trailing slash) or a file', () => {
		for (const address of fixed(paths)) expect(address, address).toMatch(/^\/([a-z0-9._-]+\/)*([a-z0-9-]+\.[a-z0-9.]+)?$/);
	});

	test('news pages: the first is the list itself, the others are numbered', () => {
		expect(href.newsPage(1)).toBe(paths.news);
		expect(href.newsPage(0)).toBe(paths.news);
		expect(href.newsPage(3)).toBe('/aktuelles/seite/3/');
	});

	test('an entry in the editor, and the editor\'s own addresses', () => {
		expect(href.editorEntry('einrichtungen', 'kita-sonnenschein')).toBe('/admin/#/collections/einrichtungen/entries/kita-sonnenschein');
		expect(href.editorEntry('aktuelles', 'x').startsWith(paths.editor)).toBe(true);
		expect(EDITOR_PAGE_ADDRESSES).toEqual(['/admin', '/admin/', '/admin/index.html']);
		expect(paths.editorApp.startsWith(paths.editor)).toBe(true);
		expect(isEditorPath('/admin/uebersetzungen/')).toBe(true);
		expect(isEditorPath('/administration/')).toBe(false);
		expect(isEditorPath('/kontakt/')).toBe(false);
	});

	test('the not-found page under each of its names, and no other page', () => {
		for (const address of ['/404/', '/404.html', '/404']) expect(isNotFound(address), address).toBe(true);
		for (const address of ['/4040/', '/404/x/', '/', '/kontakt/']) expect(isNotFound(address), address).toBe(false);
	});

	test('a rule for everything below an address, in every language', () => {
		expect(below(paths.news)).toBe('/aktuelles/*');
		expect(localePath(below('/'), 'tr')).toBe('/tr/*');
	});

	test('the map\'s data files sit beside the facility pages', () => {
		for (const file of [paths.data.facilityMap, paths.data.facilityDetails, paths.data.basemap]) expect(file.startsWith(paths.facilities), file).toBe(true);
	});
});
