/**
 * The real build on a temporary copy of content/: bad content stops it with a German message naming the file
 * and the field, and nothing reaches the output folder; raw HTML in Markdown cannot run script.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { PNG } from 'pngjs';
import { runAstro } from '../helpers/run';
import { fileProblems } from '../../src/lib/file-safety';
import { applyCase, invalidCases } from '../fixtures/invalid-entries';

let work = '';

function copyContent() {
	work = mkdtempSync(path.join(tmpdir(), 'quartier-build-'));
	cpSync('content', path.join(work, 'content'), { recursive: true });
	return path.join(work, 'content');
}

afterEach(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

/** Writes `case` into the copy: YAML files whole, Markdown files' frontmatter (the body stays). */
function writeCase(contentCopy: string, file: string, change: Parameters<typeof applyCase>[1]) {
	const target = path.join(contentCopy, path.relative('content', file));
	const text = readFileSync(file, 'utf8');
	if (file.endsWith('.yaml')) {
		writeFileSync(target, stringify(applyCase(parse(text), change)));
		return target;
	}
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
	if (!match) throw new Error(`${file} has no frontmatter`);
	writeFileSync(target, `---\n${stringify(applyCase(parse(match[1] ?? ''), change))}---\n${match[2]}`);
	return target;
}

async function build(contentCopy: string, env: Record<string, string> = {}) {
	const outDir = path.join(work, 'dist');
	const result = await runAstro(['build', '--outDir', outDir], { QUARTIER_CONTENT_DIR: contentCopy, ...env });
	return { ...result, outDir };
}

describe('a bad file stops the build', () => {
	const chosen = ['missing required title', 'coordinates outside the district', 'dangling reference to a theme', 'unknown project status', 'an idea with granted money', 'an IHEK goal that does not exist', 'a right-to-left override in a title'];
	for (const bad of invalidCases.filter((c) => chosen.includes(c.name))) {
		test(bad.name, async () => {
			const copy = copyContent();
			writeCase(copy, bad.file, bad);
			const { code, output, outDir } = await build(copy);
			expect(code).not.toBe(0);
			expect(output).toContain(`Inhalt fehlerhaft in ${path.relative(process.cwd(), path.join(copy, path.relative('content', bad.file)))}`);
			expect(output).toContain(`Feld „${bad.field}": `);
			expect(output).toContain(bad.message);
			expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
		});
	}

	test('an MDX page with script is refused', async () => {
		const copy = copyContent();
		// Line 7 a script, then the ways past a guard that compares text instead of reading the address as a browser does.
		writeFileSync(
			path.join(copy, 'seiten', 'test-skript.de.mdx'),
			'---\ntitle: Test\ndescription: Test\n---\n\nHallo\n\n<script>alert(1)</script>\n\n<a href="javascript:alert(1)">Klick</a>\n\n<a href="java&#9;script:alert(1)">Tab</a>\n\n<a href="\u0001javascript:alert(1)">Steuerzeichen</a>\n\n<a href=" JaVaScRiPt:alert(1)">Großbuchstaben</a>\n\n[Entität](javascript&colon;alert(1))\n\n<span style="position:fixed;inset:0">Überdeckt alles</span>\n',
		);
		const { code, output, outDir } = await build(copy);
		expect(code).not.toBe(0);
		expect(output).toContain('test-skript.de.mdx');
		expect(output).toContain('Das Element <script> ist nicht erlaubt');
		// The plain link and each of the four disguises, each on a line of its own.
		const lines = new Set([...output.matchAll(/Zeile (\d+): Links mit „javascript:" sind nicht erlaubt/g)].map((m) => m[1]));
		expect(lines.size).toBe(5);
		expect(output).toContain('Das Attribut „style" an <span> ist nicht erlaubt');
		expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
	});
});

describe('translations stop the build like any other content', () => {
	test('an entry without its language in the file name, a half translation and a translation without German entry are named', async () => {
		const copy = copyContent();
		writeFileSync(path.join(copy, 'aktuelles', 'ohne-sprache.md'), '---\ntitle: Test\n---\n');
		const first = await build(copy);
		expect(first.code).not.toBe(0);
		expect(first.output).toContain('Inhalt fehlerhaft in');
		expect(first.output).toContain('ohne-sprache.md');
		expect(first.output).toContain('Deutsche Einträge heißen „ohne-sprache.de.md"');
		rmSync(path.join(copy, 'aktuelles', 'ohne-sprache.md'));
		writeFileSync(path.join(copy, 'aktuelles', 'hitze-kuehle-orte.en.md'), '---\ntitle: "Hot days"\n---\n\nText.\n');
		const half = await build(copy);
		expect(half.code).not.toBe(0);
		expect(half.output).toContain('hitze-kuehle-orte.en.md');
		expect(half.output).toContain('Feld „summary": Zusammenfassung fehlt in der Übersetzung.');
		rmSync(path.join(copy, 'aktuelles', 'hitze-kuehle-orte.en.md'));
		writeFileSync(path.join(copy, 'aktuelles', 'gibt-es-nicht.tr.md'), '---\ntitle: "Yok"\nsummary: "Yok."\n---\n\nMetin.\n');
		const orphan = await build(copy);
		expect(orphan.code).not.toBe(0);
		expect(orphan.output).toContain('Zu dieser Übersetzung fehlt der deutsche Eintrag „gibt-es-nicht.de.md"');
		expect(existsSync(path.join(orphan.outDir, 'index.html'))).toBe(false);
	}, 120_000);
});

describe('translations that are fine', () => {
	test('an office in German only: the translations in the folders stay unused, the site builds without language prefixes and the log says why', async () => {
		const copy = copyContent();
		writeCase(copy, 'content/settings/quartier.yaml', { set: { languages: ['de'] } });
		const { code, output, outDir } = await build(copy);
		expect(code, output).toBe(0);
		expect(output).toMatch(/aktuelles: Übersetzungen in [a-z, ]+ werden nicht gezeigt/);
		expect(existsSync(path.join(outDir, 'projekte', 'muehlenpark-neugestaltung', 'index.html'))).toBe(true);
		for (const code of ['en', 'tr', 'ar']) expect(existsSync(path.join(outDir, code)), code).toBe(false);
	}, 180_000);

	test('a decision without text is translated by its title and summary; an empty translation file counts as none', async () => {
		const copy = copyContent();
		writeFileSync(path.join(copy, 'beschluesse', '2025-11-19-hofbegruenung-votum.en.md'), '---\ntitle: "Vote for the courtyard greening"\nsummary: "The council supports greening the courtyards of Weberstraße."\n---\n');
		writeFileSync(path.join(copy, 'kategorien', 'kita.en.yaml'), '');
		const { code, output, outDir } = await build(copy);
		expect(code, output).toBe(0);
		const decision = readFileSync(path.join(outDir, 'en', 'beschluesse', '2025-11-19-hofbegruenung-votum', 'index.html'), 'utf8');
		expect(decision).toContain('<h1>Vote for the courtyard greening</h1>');
		expect(decision).not.toContain('class="translation-notice"');
		// No English name for Kitas any more: the German one.
		const kitas = readFileSync(path.join(outDir, 'en', 'einrichtungen', 'kategorie', 'kita', 'index.html'), 'utf8');
		expect(kitas).toContain('Kitas');
		expect(kitas).not.toContain('Day nurser');
	}, 180_000);
});

describe('settings switch the forms off for an office on another host', () => {
	test('pages show the office e-mail and phone instead; no form posts; no hidden copy for Netlify', async () => {
		const copy = copyContent();
		writeCase(copy, 'content/settings/quartier.yaml', { set: { 'forms.enabled': false } });
		const { code, output, outDir } = await build(copy);
		expect(code, output).toBe(0);
		expect(existsSync(path.join(outDir, 'netlify-formulare.html'))).toBe(false);
		for (const page of ['mitmachen/idee', 'kontakt', 'barrierefreiheit', 'projekte/muehlenpark-neugestaltung']) {
			const html = readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
			expect(html, page).not.toMatch(/<form[^>]*method="post"/);
			expect(html, page).toContain('href="tel:034123456780"');
		}
		expect(readFileSync(path.join(outDir, 'kontakt', 'index.html'), 'utf8')).toContain('mailto:team@muehlenviertel.example.org');
		expect(readFileSync(path.join(outDir, 'barrierefreiheit', 'index.html'), 'utf8')).toContain('mailto:barrierefrei@muehlenviertel.example.org');
		// The report at the foot of a page still names the page it came from.
		expect(readFileSync(path.join(outDir, 'projekte', 'muehlenpark-neugestaltung', 'index.html'), 'utf8')).toContain(`mailto:barrierefrei@muehlenviertel.example.org?subject=${encodeURIComponent('Barriere auf /projekte/muehlenpark-neugestaltung/')}`);
		expect(readFileSync(path.join(outDir, 'datenschutz', 'index.html'), 'utf8')).toContain('Diese Website hat keine Formulare.');
	}, 180_000);
});

describe('a deploy preview shows staff what is not out yet', () => {
	test('news dated later and a call with a later „Erscheint am" have their pages in the preview of a change', async () => {
		const copy = copyContent();
		// The sample's items that wait for their day (21 December 2026, 11 January 2027), built on the sample's day.
		const { code, output, outDir } = await build(copy, { CONTEXT: 'deploy-preview', QUARTIER_NOW: '2026-12-01T09:00:00.000Z' });
		expect(code, output).toBe(0);
		expect(existsSync(path.join(outDir, 'aktuelles', 'stadtteilbuero-zwischen-den-jahren', 'index.html'))).toBe(true);
		expect(existsSync(path.join(outDir, 'aufrufe', 'fotowettbewerb-mein-muehlenviertel', 'index.html'))).toBe(true);
	}, 180_000);
});

describe('raw HTML in Markdown cannot run script', () => {
	test('script, event handlers, frames and javascript: links are removed; the text stays', async () => {
		const copy = copyContent();
		const source = readFileSync('content/aktuelles/aktionsfonds-2027-start.de.md', 'utf8');
		// A picture as the CMS writes its path (media folder „bilder" next to the entry, no „./").
		cpSync('content/aktuelles/bilder/quartiersfest.svg', path.join(copy, 'aktuelles', 'bilder', 'cms-upload.svg'));
		writeFileSync(
			path.join(copy, 'aktuelles', 'aktionsfonds-2027-start.de.md'),
			`${source.replace('\ndraft: false', '\ndraft: false\nimage:\n  src: bilder/cms-upload.svg\n  alt: Hochgeladenes Bild')}\n\n<script>window.hacked = 1</script>\n\n<img src="/favicon.svg" alt="Logo" onerror="window.hacked = 2">\n\n[Klick](javascript:alert(1))\n\n<iframe src="https://example.org"></iframe>\n\n<strong>fett bleibt</strong>\n`,
		);
		const { code, output, outDir } = await build(copy);
		expect(code, output).toBe(0);
		const html = readFileSync(path.join(outDir, 'aktuelles', 'aktionsfonds-2027-start', 'index.html'), 'utf8');
		const article = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
		expect(article).toContain('fett bleibt');
		expect(article).toMatch(/<img[^>]+alt="Hochgeladenes Bild"/);
		expect(article).toContain('<a>Klick</a>');
		expect(article).not.toMatch(/window\.hacked|onerror|javascript:|<iframe/i);
		// Only the site's own bundled module scripts remain anywhere on the page.
		const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
		for (const tag of scripts) expect(tag).toMatch(/type="module"/);
		expect(readdirSync(outDir)).toContain('sitemap.xml');
	}, 180_000);
});

describe('files and text that could hurt stop the build, named in German', () => {
	test('hostile SVG and HTML files in public/ (the CMS uploads) and next to entries: every file and problem is named', async () => {
		const copy = copyContent();
		const publicCopy = path.join(work, 'public');
		cpSync('public', publicCopy, { recursive: true });
		const hostile = readdirSync('tests/fixtures/hostile', { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== 'harmless.svg').map((entry) => entry.name);
		for (const name of hostile) cpSync(path.join('tests/fixtures/hostile', name), path.join(publicCopy, 'uploads', name));
		cpSync('tests/fixtures/hostile/onload.svg', path.join(copy, 'aktuelles', 'bilder', 'hochgeladen.svg'));
		cpSync('tests/fixtures/hostile/harmless.svg', path.join(publicCopy, 'uploads', 'harmlos.svg'));
		const { code, output, outDir } = await build(copy, { QUARTIER_PUBLIC_DIR: publicCopy });
		expect(code).not.toBe(0);
		for (const name of hostile) {
			const file = path.join(publicCopy, 'uploads', name);
			expect(output).toContain(`Inhalt fehlerhaft in ${path.relative(process.cwd(), file)}:`);
			for (const problem of fileProblems(readFileSync(file), file)) expect(output).toContain(`  • ${problem}`);
		}
		expect(output).toContain(`Inhalt fehlerhaft in ${path.relative(process.cwd(), path.join(copy, 'aktuelles', 'bilder', 'hochgeladen.svg'))}:`);
		expect(output).not.toContain('harmlos.svg');
		expect(output).toContain('SVG- und HTML-Dateien dürfen keinen Programmcode enthalten');
		expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
	}, 180_000);

	test('YAML that cannot be read: the settings and an entry\'s frontmatter are named with the line, in German', async () => {
		const copy = copyContent();
		const settingsFile = path.join(copy, 'settings', 'quartier.yaml');
		const settings = readFileSync(settingsFile, 'utf8');
		// A tab before a field (line 2) in the settings, read before anything else is built.
		writeFileSync(settingsFile, settings.replace(/\n/, '\n\tkaputt: ja\n'));
		const first = await build(copy);
		expect(first.code).not.toBe(0);
		// The settings file as found (the copy), and no stack trace.
		expect(first.output).toContain(`Inhalt fehlerhaft in ${path.relative(process.cwd(), settingsFile)}:`);
		expect(first.output).toContain('Zeile 2, Spalte 1: Eingerückt wird mit Leerzeichen, nicht mit Tabulatoren.');
		expect(first.output).not.toMatch(/^\s+at /m);
		writeFileSync(settingsFile, settings);
		// A summary with „: " and no quotes (file line 4: the frontmatter starts on line 2).
		const news = path.join(copy, 'aktuelles', 'aktionsfonds-2027-start.de.md');
		const source = readFileSync(news, 'utf8').split('\n');
		writeFileSync(news, [source[0], source[1], 'summary: Neu: der Aktionsfonds', ...source.slice(2).filter((line) => !line.startsWith('summary:'))].join('\n'));
		const second = await build(copy);
		expect(second.code).not.toBe(0);
		expect(second.output).toContain(`Inhalt fehlerhaft in ${path.relative(process.cwd(), news)}:`);
		expect(second.output).toMatch(/Zeile 3, Spalte \d+: Hier steht ein zweiter Doppelpunkt/);
		expect(second.output).toContain('Tipp: Texte mit Doppelpunkt');
		expect(second.output).not.toMatch(/YAMLException|failed to parse|unexpected end/);
		expect(existsSync(path.join(second.outDir, 'index.html'))).toBe(false);
	}, 180_000);

	test('a picture cut off halfway stops the build, naming the entry, the field and the file', async () => {
		const copy = copyContent();
		const png = new PNG({ width: 64, height: 64 });
		for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 7919) % 251;
		const whole = PNG.sync.write(png);
		writeFileSync(path.join(copy, 'aktuelles', 'bilder', 'abgebrochen.png'), whole.subarray(0, Math.floor(whole.length / 2)));
		const news = path.join(copy, 'aktuelles', 'hofbegruenung-bewilligt.de.md');
		writeFileSync(news, readFileSync(news, 'utf8').replace(/src: \.\/bilder\/[^\n]+/, 'src: ./bilder/abgebrochen.png'));
		const { code, output, outDir } = await build(copy);
		expect(code).not.toBe(0);
		expect(output).toContain(`Inhalt fehlerhaft in ${path.relative(process.cwd(), news)}:`);
		expect(output).toContain('Feld „image.src": Die Bilddatei „./bilder/abgebrochen.png" lässt sich nicht lesen – sie ist beschädigt oder unvollständig');
		expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
	}, 180_000);
});
