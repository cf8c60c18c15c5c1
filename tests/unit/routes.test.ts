/** Addresses per language: the prefix, the German address behind it, and the links a page in another language writes. */
import { describe, expect, test } from 'vitest';
import { localePath, localizeLinks, splitLocale } from '../../src/lib/routes';

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
});
