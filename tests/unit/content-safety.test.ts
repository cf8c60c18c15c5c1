/**
 * What content may not carry: link addresses judged as a browser reads them, no `style` in MDX pages.
 * MDX is compiled by the real MDX compiler with the guard as its remark plugin.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, test } from 'vitest';
import { remarkMdxGuard, sanitizeMarkdown, schemeOf, urlProblem } from '../../src/lib/content-safety';
import { numberFromCsv, parseCsv, toCsv } from '../../src/lib/csv';
import { checkedFiles, fileProblems, folderProblems } from '../../src/lib/file-safety';
import { contentDir, publicDir } from '../../src/lib/paths';
import { fileYamlProblems, frontmatterOf, yamlProblems } from '../../src/lib/yaml-errors';
import { dayNotes, hoursCalendar, hoursNote, weekTable } from '../../src/lib/hours';
import { decodeCalendar, encodeCalendar, todayLine } from '../../src/lib/today-hours';

/** Compiles a page body; resolves to the guard's message, or undefined when the page is accepted. */
async function guard(body: string): Promise<string | undefined> {
	try {
		await compile({ value: body, path: 'content/seiten/test.de.mdx' }, { remarkPlugins: [remarkMdxGuard] });
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

describe('Markdown entries: the fast processor with the cleaning plugin, as astro.config.mjs sets it up', () => {
	const render = async (markdown: string) => {
		const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: [sanitizeMarkdown] });
		return (await processor.render(markdown, { frontmatter: {} })).code;
	};

	test('raw HTML is dropped: no tag, handler, id or name of the editor reaches the page; words between inline tags stay', async () => {
		const html = await render(
			[
				'Vorher <em onclick="x()">nachher</em>, <strong id="inhalt">fett</strong> bleibt.',
				'<script>window.hacked = 1</script>',
				'<img src="/favicon.svg" alt="Logo" onerror="window.hacked = 2" style="position:fixed">',
				'<iframe src="https://example.org">Rahmentext</iframe>',
				'<div id="inhalt"><h2 id="site-search-q">Falsche Ids</h2></div>',
				'<form action="https://example.org"><input name="a"><button formaction="javascript:x()">Senden</button></form>',
				'<svg><a xlink:href="javascript:alert(1)"><text>SVG-Text</text></a></svg>',
				'<style>body { display: none }</style>',
			].join('\n\n'),
		);
		expect(html).not.toMatch(/<script|<style|<iframe|<form|<svg|<img|<div|<input|<strong|<em|onerror|onclick|style=|javascript:|window\.hacked|display: none|id="inhalt"|site-search-q|name="a"/i);
		expect(html).toContain('<p>Vorher nachher, fett bleibt.</p>');
	});

	test('unsafe link addresses lose their href, in every Markdown form; safe ones keep it', async () => {
		const html = await render(
			[
				'[Inline](javascript:alert(1)) [Tab](java&#9;script:alert(1)) [Daten](data:text/html,x) <javascript:alert(1)>',
				'[Verweis][böse] ![Bild](javascript:alert(1))',
				'[böse]: javascript:alert(1)',
				'[Mitmachen](/mitmachen/) [Stadt](https://www.leipzig.de/) [Mail](mailto:info@example.org) [Telefon](tel:+4934112345)',
			].join('\n\n'),
		);
		expect(html).not.toMatch(/(href|src)="[^"]*(javascript|data:)/i);
		// The autolink keeps its words as text, without an address.
		expect(html).toContain('<a>javascript:alert(1)</a>');
		for (const word of ['Inline', 'Tab', 'Daten', 'Verweis']) expect(html).toMatch(new RegExp(`<a>${word}</a>`));
		for (const href of ['/mitmachen/', 'https://www.leipzig.de/', 'mailto:info@example.org', 'tel:+4934112345']) expect(html).toContain(`href="${href}"`);
	});

	test('ordinary Markdown keeps its shape: headings with ids, tables, lists, footnotes, typographic apostrophes', async () => {
		const html = await render('## Wer hilft?\n\n| Tag | Zeit |\n|---|---|\n| Mo | 9–12 |\n\n- eins\n- zwei\n\nText[^1] mit „Zitat" und 1.500 €\'ya.\n\n[^1]: Fußnote');
		expect(html).toMatch(/<h2 id="wer-hilft">Wer hilft\?<\/h2>/);
		expect(html).toMatch(/<table>[\s\S]*<th>Tag<\/th>[\s\S]*<td>9–12<\/td>/);
		expect(html).toMatch(/<li>eins<\/li>\s*<li>zwei<\/li>/);
		expect(html).toMatch(/<a href="#user-content-fn-1" id="user-content-fnref-1"/);
		expect(html).toContain('€’ya');
	});
});

describe('a link address is judged as a browser reads it', () => {
	const refused: [string, string][] = [
		['java&#9;script:alert(1)', 'javascript'],
		['java&Tab;script:alert(1)', 'javascript'],
		['\u0001javascript:alert(1)', 'javascript'],
		[' JaVaScRiPt:alert(1)', 'javascript'],
		['javascript&colon;alert(1)', 'javascript'],
		['&#106;avascript:alert(1)', 'javascript'],
		['java\nscript:alert(1)', 'javascript'],
		['data:text/html,<script>alert(1)</script>', 'data'],
		['vbscript:msgbox(1)', 'vbscript'],
		['file:///etc/passwd', 'file'],
	];
	for (const [address, scheme] of refused) {
		test(`refused: ${JSON.stringify(address)}`, () => {
			expect(schemeOf(address)).toBe(scheme);
			expect(urlProblem(address)).toContain(`Links mit „${scheme}:" sind nicht erlaubt`);
		});
	}
	const allowed = ['/projekte/', 'projekte/muehlenpark/', '../kontakt/', '#anker', '?seite=2', 'mailto:team@muehlenviertel.example.org', 'tel:+4934123456780', 'https://www.leipzig.de/', 'HTTP://example.org/', './seite:2/'];
	for (const address of allowed) {
		test(`allowed: ${address}`, () => expect(urlProblem(address)).toBeUndefined());
	}
});

describe('MDX pages', () => {
	test('each bypass is named with its line, and the file', async () => {
		const message = await guard(
			[
				'Hallo',
				'',
				'<a href="java&#9;script:alert(1)">eins</a>',
				'',
				'<a href="\u0001javascript:alert(1)">zwei</a>',
				'',
				'<a href=" JaVaScRiPt:alert(1)">drei</a>',
				'',
				'[vier](javascript&colon;alert(1))',
				'',
				'<span style="position:fixed;inset:0">fünf</span>',
				'',
				'![sechs](data:image/svg+xml,x)',
				'',
			].join('\n'),
		);
		expect(message).toContain('Inhalt fehlerhaft in content/seiten/test.de.mdx');
		for (const line of [3, 5, 7, 9]) expect(message).toContain(`Zeile ${line}: Links mit „javascript:" sind nicht erlaubt`);
		expect(message).toContain('Zeile 11: Das Attribut „style" an <span> ist nicht erlaubt');
		expect(message).toContain('Zeile 13: Links mit „data:" sind nicht erlaubt');
	});

	test('ordinary links pass', async () => {
		expect(await guard('[Kontakt](/kontakt/) und [Stadt](https://www.leipzig.de/), <a href="mailto:team@muehlenviertel.example.org">Mail</a>, <a href="tel:+4934123456780">Telefon</a>, [oben](#anfang)\n')).toBeUndefined();
	});
});

describe('CSV cells cannot become formulas', () => {
	const hostile = ['=HYPERLINK("https://example.org","Klick")', '+49 341 1234567', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', "'=schon mit Apostroph"];
	const text = toCsv(['text', 'zahl'], [...hostile.map((value) => [value, -5]), ['Mühlenpark', 1280.5]]);
	const rows = parseCsv(text);

	test('a text cell starting with =, +, -, @, tab or carriage return gets an apostrophe before it', () => {
		const written = text.split('\r\n').slice(1, -1);
		expect(written).toHaveLength(hostile.length + 1);
		for (const line of written.slice(0, -1)) expect(line.replace(/^"/, '')).toMatch(/^'/);
		expect(written.at(-1)).toBe('Mühlenpark;1280,5');
	});
	test('numbers are numbers: a negative amount stays „-5" and sums', () => {
		expect(rows.slice(1).map((row) => row[1])).toEqual([...hostile.map(() => '-5'), '1280,5']);
		expect(rows.slice(1).reduce((sum, row) => sum + Number(numberFromCsv(row[1])), 0)).toBe(-5 * hostile.length + 1280.5);
	});
	test('the same parser reads every text back exactly as it was', () => {
		expect(rows.slice(1).map((row) => row[0])).toEqual([...hostile, 'Mühlenpark']);
	});
});

describe('SVG and HTML files cannot run script', () => {
	const hostile = 'tests/fixtures/hostile';
	const problemsOf = (name: string) => fileProblems(readFileSync(path.join(hostile, name)), name);
	const script = 'Das Element <script> ist nicht erlaubt';
	const cases: [string, string[]][] = [
		['script.svg', ['Zeile 4: Das Element <script> ist nicht erlaubt']],
		['prefixed-script.svg', ['Zeile 2: Das Element <s:script> ist nicht erlaubt']],
		['onload.svg', ['Zeile 1: Das Attribut „onload" an <svg> ist nicht erlaubt', 'Zeile 2: Das Attribut „ONMOUSEOVER" an <circle> ist nicht erlaubt']],
		['javascript-link.svg', ['Zeile 2: „xlink:href" an <a> verweist auf Programmcode („javascript:")', 'Zeile 3: „href" an <a> verweist auf Programmcode („data:text/html")', 'Zeile 4: Eine Animation von „href" an <set> ist nicht erlaubt', 'Zeile 4: „to" an <set> verweist auf Programmcode („javascript:")']],
		['foreign-object.svg', ['Zeile 2: Das Element <foreignObject> ist nicht erlaubt', 'Zeile 2: Das Element <iframe> ist nicht erlaubt']],
		['external-use.svg', ['Zeile 2: <use> lädt „https://evil.example/sprite.svg#icon" von einer fremden Adresse', 'Zeile 3: <image> lädt „//evil.example/pixel.png" von einer fremden Adresse', 'Zeile 4: Das Element <style> lädt etwas von einer fremden Adresse']],
		['entity.svg', ['Zeile 2: Eigene Entitäten (<!ENTITY …>) sind nicht erlaubt.']],
		['stylesheet.svg', ['Zeile 2: Ein eingebundenes Stylesheet (<?xml-stylesheet?>) ist nicht erlaubt']],
		['page.html', ['Zeile 3: Das Attribut „onerror" an <img> ist nicht erlaubt']],
		// Raw text in HTML, real child elements in XML: an SVG is read as a browser reads it.
		['textarea-script.svg', [`Zeile 1: ${script}`]],
		['textarea-script-root.xhtml', [`Zeile 1: ${script}`]],
		['textarea-prefixed-script.svg', ['Zeile 1: Das Element <x:script> ist nicht erlaubt']],
		['transform-script.xsl', [`Zeile 2: ${script}`]],
		['javascript-link.mml', ['Zeile 2: „href" an <maction> verweist auf Programmcode („javascript:")']],
		['.well-known/onload.xht', ['Zeile 1: Das Attribut „onload" an <body> ist nicht erlaubt']],
		['not-well-formed.svg', ['Die Datei ist kein gültiges XML: unexpected close tag (Zeile 1).']],
		['compressed.svgz', ['Komprimierte SVG-Dateien (.svgz) können nicht geprüft werden']],
		// What a browser could decode other than as UTF-8.
		['utf16le-script.svg', ['Die Datei ist in UTF-16 oder UTF-32 gespeichert']],
		['nul-byte.svg', ['Zeile 2: Die Datei enthält Null-Bytes']],
		['utf7-declaration.svg', ['Zeile 1: Die Zeichenkodierung „UTF-7" ist nicht erlaubt']],
		['meta-refresh-base.html', ['Zeile 2: <meta http-equiv="refresh"> ist nicht erlaubt', 'Zeile 3: Das Element <base> ist nicht erlaubt', 'Zeile 3: <base> lädt „https://evil.example/" von einer fremden Adresse']],
	];
	for (const [name, expected] of cases) {
		test(`${name} is refused, each problem named with its line`, () => {
			const problems = problemsOf(name);
			expect(problems).toHaveLength(expected.length);
			for (const [i, start] of expected.entries()) expect(problems[i]).toContain(start);
		});
	}
	test('every hostile fixture is in the table above, and a harmless drawing (gradient, in-file use, link out, animation) passes', () => {
		const files = checkedFiles(hostile).map((file) => path.relative(hostile, file)).sort();
		expect(files).toEqual([...cases.map(([name]) => name), 'harmless.svg'].sort());
		expect(problemsOf('harmless.svg')).toEqual([]);
	});
	test('the UTF-16 fixture really is UTF-16LE with a byte order mark (a browser reads its script)', () => {
		const bytes = readFileSync(path.join(hostile, 'utf16le-script.svg'));
		expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
		expect(new TextDecoder('utf-16le').decode(bytes)).toContain('<script>alert(document.domain)</script>');
	});
	test('UTF-8 declared as „UTF-8" or „utf8", with or without a byte order mark, passes; an HTML charset other than UTF-8 does not', () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>';
		expect(fileProblems(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 'a.svg')).toEqual([]);
		expect(fileProblems(`<?xml version='1.0' encoding='utf8'?>\n${svg}`, 'a.svg')).toEqual([]);
		expect(fileProblems(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(svg)]), 'a.svg')).toEqual([]);
		expect(fileProblems('<?xml version="1.0" encoding="ISO-8859-1"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'a.svg')[0]).toContain('Die Zeichenkodierung „ISO-8859-1" ist nicht erlaubt');
		expect(fileProblems('<!doctype html><meta charset="iso-2022-jp"><p>x</p>', 'a.html')[0]).toContain('Die Zeichenkodierung „iso-2022-jp" ist nicht erlaubt');
		expect(fileProblems(new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0x3c, 0x2f, 0x70, 0x3e]), 'a.html')[0]).toContain('nicht in UTF-8 gespeichert');
	});
	test('.well-known is checked, .git and node_modules are not', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'quartier-files-'));
		for (const sub of ['.well-known', '.git', 'node_modules', 'uploads']) {
			mkdirSync(path.join(folder, sub));
			writeFileSync(path.join(folder, sub, 'x.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		}
		try {
			expect(checkedFiles(folder).map((file) => path.relative(folder, file)).sort()).toEqual([path.join('.well-known', 'x.svg'), path.join('uploads', 'x.svg')]);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
	test('the sample site\'s own SVG files and pictures pass', () => {
		expect(checkedFiles(publicDir()).length + checkedFiles(contentDir()).length).toBeGreaterThan(0);
		expect(folderProblems([publicDir(), contentDir()])).toEqual([]);
	});
});

describe('YAML that cannot be read is said in German, with the line', () => {
	test('a text with a colon, a tab, a field twice, a missing quote', () => {
		expect(yamlProblems('name: Anna\ntitle: Sprechstunde: jeden Dienstag\n')).toEqual(['Zeile 2, Spalte 8: Hier steht ein zweiter Doppelpunkt oder ein Feldname, wo ein Wert erwartet wird – Texte mit „: " bitte in Anführungszeichen setzen, sonst Einrückung prüfen.']);
		expect(yamlProblems('name: Anna\n\trole: Team\n')[0]).toBe('Zeile 2, Spalte 1: Eingerückt wird mit Leerzeichen, nicht mit Tabulatoren.');
		expect(yamlProblems('name: Anna\nrole: Team\nname: Lena\n')[0]).toBe('Zeile 3, Spalte 1: Ein Feld steht zweimal in der Datei – bitte eines davon löschen.');
		expect(yamlProblems('name: "Anna\nrole: Team\n')[0]).toMatch(/^Zeile \d, Spalte \d+: Ein schließendes Zeichen fehlt/);
	});
	test('frontmatter lines are counted from the top of the file', () => {
		const front = frontmatterOf('---\ntitle: Test\nsummary: Ein Satz: mit Doppelpunkt\n---\n\nText: hier egal\n');
		expect(front?.firstLine).toBe(2);
		expect(yamlProblems(front?.yaml ?? '', front?.firstLine)[0]).toMatch(/^Zeile 3, Spalte 10: /);
	});
	test('every sample file reads', () => {
		const files = (function all(dir: string): string[] {
			return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : /\.(md|mdx|ya?ml)$/.test(e.name) ? [path.join(dir, e.name)] : []));
		})(contentDir());
		expect(files.length).toBeGreaterThan(50);
		for (const file of files) expect(fileYamlProblems(file), file).toEqual([]);
	});
});

describe('a note for whole days in opening hours stands on its days', () => {
	const value = 'Mo-Fr 09:00-12:00; Sa "nach Vereinbarung"; PH off';
	const words = { today: 'Heute', closed: 'geschlossen', weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] };
	test('the week table and the line for today say it on Saturday; Sunday stays closed; not repeated under the table', () => {
		expect(dayNotes(value)).toEqual(new Set(['nach Vereinbarung']));
		expect(weekTable(value).map((row) => row.spans)).toEqual([...Array(5).fill(['09:00–12:00']), ['nach Vereinbarung'], []]);
		expect(hoursNote(value)).toBeUndefined();
		const calendar = hoursCalendar(value, new Date('2026-12-01T09:00:00Z'));
		// Through the encoding the page carries for the browser.
		const carried = decodeCalendar(encodeCalendar(calendar));
		expect(todayLine(carried, new Date('2026-12-05T11:00:00Z'), words)).toBe('Heute (Sa): nach Vereinbarung');
		expect(todayLine(carried, new Date('2026-12-06T11:00:00Z'), words)).toBe('Heute (So): geschlossen');
	});
	test('a note for the whole value (after „||") and a note beside times stay notes under the table', () => {
		for (const other of ['Mo-Fr 08:00-16:00; PH off || "nach Vereinbarung"', 'Tu 10:00-12:00 "nur mit Termin"', 'Sa off "wegen Umbau"']) {
			expect(dayNotes(other), other).toEqual(new Set());
			expect(hoursNote(other), other).toBeDefined();
		}
	});
	test('characters that separate days in the carried hours are left out of the note', () => {
		const calendar = hoursCalendar('Mo 09:00-12:00; Sa "Termine | Anmeldung = nötig"', new Date('2026-12-01T09:00:00Z'));
		expect(decodeCalendar(encodeCalendar(calendar)).week[5]).toBe('Termine Anmeldung nötig');
	});
});
