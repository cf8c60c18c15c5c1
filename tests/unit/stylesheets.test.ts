/**
 * The stylesheets stay readable and take their colours from the tokens: every stylesheet in src/ (the `.css` files
 * and the `<style>` blocks of components, layouts and pages) has each declaration on a line of its own, and no colour
 * is written out anywhere but in the one tokens file (src/styles/tokens.css). The office's brand colours come from the
 * settings as custom properties (src/lib/brand.ts) and override the tokens of the same name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import { describe, expect, test } from 'vitest';

const SRC = 'src';
const TOKENS = 'src/styles/tokens.css';

/** Every file under `dir` whose name ends with `ext`, as a path from the project folder. */
function filesUnder(dir: string, ext: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.posix.join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(full, ext);
		return entry.name.endsWith(ext) ? [full] : [];
	});
}

interface Sheet {
	/** File, and for a `<style>` block the line it starts on. */
	name: string;
	css: string;
	/** Line of the file the sheet's first line is on, so findings name the file's own line. */
	firstLine: number;
}

/** The `.css` files and the `<style>` blocks of the `.astro` files (a block filled from code, `set:html`, has none). */
function stylesheets(): Sheet[] {
	const css = filesUnder(SRC, '.css').map((file) => ({ name: file, css: readFileSync(file, 'utf8'), firstLine: 1 }));
	const blocks = filesUnder(SRC, '.astro').flatMap((file) => {
		const text = readFileSync(file, 'utf8');
		return [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => {
			const firstLine = text.slice(0, match.index + match[0].indexOf('>') + 1).split('\n').length;
			return { name: file, css: match[1] ?? '', firstLine };
		});
	});
	return [...css, ...blocks];
}

/** CSS's named colours (CSS Color Module Level 4). `transparent` and `currentColor` are no colour of their own. */
const NAMED_COLOURS = new Set(
	`aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue
	chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey
	darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray
	darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen
	fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
	lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen
	lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
	limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
	mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive
	olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
	powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver
	skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white
	whitesmoke yellow yellowgreen`.split(/\s+/),
);

/**
 * The colours written out in a declaration's value: hex colours, colour functions and named colours. System colours
 * (`Canvas`, `CanvasText`, … in forced-colours styles) are the reader's own and are not listed here. Strings and the
 * names inside `var()` are left out first, so `'Segoe UI'` or `var(--color-white)` never count.
 */
function colourLiterals(value: string): string[] {
	const bare = value.replace(/'[^']*'|"[^"]*"/g, '""').replace(/--[\w-]+/g, '--');
	const found = [...bare.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\(/gi)].map((m) => m[0]);
	const words = [...bare.matchAll(/(?<![\w-])[a-z]+(?![\w-])/gi)].map((m) => m[0]).filter((word) => NAMED_COLOURS.has(word.toLowerCase()));
	return [...found, ...words];
}

interface Finding {
	where: string;
	text: string;
}

/** Declarations that share their line with another declaration or with their rule's selector or braces. */
function crowdedLines(sheet: Sheet): Finding[] {
	const findings: Finding[] = [];
	postcss.parse(sheet.css).walkDecls((decl) => {
		const line = sheet.firstLine + (decl.source?.start?.line ?? 1) - 1;
		if (!(decl.raws.before ?? '').includes('\n')) findings.push({ where: `${sheet.name}:${line}`, text: decl.toString() });
	});
	return findings;
}

/** Declarations outside the tokens file that write a colour out instead of taking it from a token. */
function colourFindings(sheet: Sheet): Finding[] {
	if (sheet.name === TOKENS) return [];
	const findings: Finding[] = [];
	postcss.parse(sheet.css).walkDecls((decl) => {
		const line = sheet.firstLine + (decl.source?.start?.line ?? 1) - 1;
		for (const colour of colourLiterals(decl.value)) findings.push({ where: `${sheet.name}:${line}`, text: `${decl.prop}: ${colour}` });
	});
	return findings;
}

describe('stylesheets', () => {
	const sheets = stylesheets();

	test('are all found: the files in src/styles and the style blocks of components', () => {
		const names = new Set(sheets.map((sheet) => sheet.name));
		expect(names).toContain(TOKENS);
		expect(names).toContain('src/styles/components.css');
		expect(names).toContain('src/components/SearchPage.astro');
	});

	test('have one declaration per line', () => {
		expect(sheets.flatMap(crowdedLines)).toEqual([]);
	});

	test('take every colour from a token in src/styles/tokens.css', () => {
		expect(sheets.flatMap(colourFindings)).toEqual([]);
	});

	test('the tokens file defines the colours the other stylesheets use', () => {
		const defined = new Set<string>();
		postcss.parse(readFileSync(TOKENS, 'utf8')).walkDecls(/^--/, (decl) => void defined.add(decl.prop));
		const used = new Set(sheets.flatMap((sheet) => [...sheet.css.matchAll(/var\((--color-[\w-]+)/g)].map((m) => m[1] ?? '')));
		expect([...used].filter((name) => !defined.has(name))).toEqual([]);
	});

	test('the checks see what they look for', () => {
		const sheet = { name: 'probe.css', firstLine: 10, css: '.a { color: red; margin: 0; }\n.b {\n\tbackground: #fff;\n\tborder: 1px solid rgb(0 0 0 / 0.5);\n}\n' };
		expect(crowdedLines(sheet).map((f) => f.where)).toEqual(['probe.css:10', 'probe.css:10']);
		expect(colourFindings(sheet).map((f) => f.text)).toEqual(['color: red', 'background: #fff', 'border: rgb(']);
		// Not colours: keywords, system colours, fonts, token names, property-like words.
		expect(colourLiterals("transparent currentColor inherit Canvas CanvasText 'Segoe UI' var(--color-white) white-space tan-x")).toEqual([]);
		expect(colourLiterals('0 0 2px #0003, 0 1px black')).toEqual(['#0003', 'black']);
	});
});
