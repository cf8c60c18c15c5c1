/**
 * German-aware search at build time: the compound splitter, synonyms, ASCII spellings, the text the index sees,
 * and the query helpers the browser uses. Pure functions; the browser tests check the built index.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createSplitter } from '../../src/lib/search/compound';
import { allTerms, extraTerms as weighted, matchKey } from '../../src/lib/search/terms';
import { EXTRA_MARKER, excerpt, queryVariants, visibleText } from '../../src/lib/search/query';
import { buildSearchIndex, indexedText, withExtraTerms } from '../../src/integrations/search';
import { synonymGroups, synonymsSchema } from '../../src/schemas/synonyms';
import { titleFirst } from '../../src/lib/search/client';
import { readSynonyms } from '../../src/schemas';

/** Only the shipped word list: what the splitter knows before it has seen any page. */
const listOnly = createSplitter();

describe('compound splitter', () => {
	const cases: [string, string[]][] = [
		['Spielplatz', ['spiel', 'platz']],
		['Familienzentrum', ['familien', 'zentrum']],
		['Nachbarschaftstreff', ['nachbarschaft', 'treff']],
		['Stadtteilbüro', ['stadtteil', 'stadt', 'teil', 'büro']],
		['Mieterberatung', ['mieter', 'beratung']],
		['Arbeitsgelegenheiten', ['arbeit', 'gelegenheit', 'gelegenheiten']],
		['Kinderspielplatz', ['kinder', 'spiel', 'platz', 'spielplatz']],
		['Quartiersrat', ['quartier', 'rat']],
		['Sprechstunde', ['sprech', 'stunde']],
		['Beratungsstelle', ['beratung', 'stelle']],
		['Seniorentreff', ['senioren', 'treff']],
		['Hofbegrünung', ['hof', 'begrünung']],
		['Kinderarztpraxis', ['kinder', 'arzt', 'praxis', 'arztpraxis']],
		['Jugendfreizeiteinrichtung', ['jugend', 'freizeit', 'einrichtung']],
		['Spielplätze', ['spiel', 'plätze']],
	];
	for (const [word, parts] of cases) {
		test(`${word} → ${parts.join(' + ')}`, () => {
			expect(listOnly.split(word)).toEqual(expect.arrayContaining(parts));
			expect(listOnly.split(word)).not.toContain(word.toLowerCase());
		});
	}

	const whole = ['Verein', 'Beratung', 'Gebäude', 'Einrichtung', 'Bürgerinnen', 'Beirat', 'Samstag', 'Dienstag', 'Nachmittag', 'Apotheke', 'Veranstaltung', 'Termine', 'Gesundheit', 'Direktor', 'Kita', 'Leipzig'];
	for (const word of whole) {
		test(`${word} stays whole`, () => {
			expect(listOnly.split(word)).toEqual([]);
		});
	}

	test('words of the site count as parts; function words and endings never do', () => {
		const site = createSplitter(['Sonnenblume', 'Weberei', 'innen', 'eine', 'richtung']);
		expect(site.split('Sonnenblumenwiese')).toEqual(expect.arrayContaining(['sonnenblumen', 'wiese']));
		expect(listOnly.split('Sonnenblumenwiese')).toEqual([]);
		expect(site.split('Bürgerinnen')).toEqual([]);
		expect(site.split('Einrichtung')).toEqual([]);
		expect(site.split('Webereifest')).toEqual(expect.arrayContaining(['weberei', 'fest']));
	});

	test('the head of a compound is its last piece and the tail after the first', () => {
		expect(listOnly.heads('Kinderarztpraxis')).toEqual(expect.arrayContaining(['praxis', 'arztpraxis']));
		expect(listOnly.heads('Kinderarztpraxis')).not.toContain('arzt');
		expect(listOnly.heads('Spielplätze')).toEqual(expect.arrayContaining(['plätze', 'plätz']));
		expect(listOnly.heads('Verein')).toEqual([]);
	});

	test('short site words are not parts (only the shipped list may have three-letter words)', () => {
		const site = createSplitter(['ver', 'ein', 'ger']);
		expect(site.split('Verein')).toEqual([]);
		expect(site.split('Gebäude')).toEqual([]);
	});
});

describe('extra index words of a page', () => {
	const splitter = createSplitter(['Sonnenblume']);
	const extraTerms = (text: string, s: typeof splitter, groups: string[][]) => allTerms(weighted(text, s, groups));
	const synonyms = [
		['Kita', 'Kindertagesstätte', 'Kindergarten'],
		['Arzt', 'Ärztin', 'Praxis'],
		['Jugendclub', 'Jugendfreizeiteinrichtung'],
	];

	test('compound parts, never the compound itself', () => {
		const extra = extraTerms('Der Spielplatz am Familienzentrum. Platz für alle.', splitter, synonyms);
		expect(extra).toEqual(expect.arrayContaining(['spiel', 'platz', 'zentrum', 'familien']));
		expect(extra).not.toContain('spielplatz');
		expect(extra).not.toContain('familienzentrum');
	});

	test('a synonym group applies when the page uses one of its words, also in plural or inside a compound', () => {
		expect(extraTerms('Unsere Kita hat Plätze frei.', splitter, synonyms)).toEqual(expect.arrayContaining(['kindertagesstätte', 'kindergarten']));
		expect(extraTerms('Alle Kitas im Viertel', splitter, synonyms)).toContain('kindertagesstätte');
		expect(extraTerms('Kinderarztpraxis Dr. Wagner', splitter, synonyms)).toEqual(expect.arrayContaining(['ärztin', 'arzt', 'praxis']));
		expect(extraTerms('Jugendfreizeiteinrichtung Kiste', splitter, synonyms)).toContain('jugendclub');
		expect(extraTerms('Ein Fest im Park', splitter, synonyms)).not.toContain('kindertagesstätte');
		// Only a compound's head carries its meaning: „Praxistage" are days, not a doctor's practice.
		expect(extraTerms('Praxistage in Betrieben', splitter, synonyms)).not.toContain('ärztin');
	});

	test('words with ß also get their ss spelling (ae/oe/ue are handled in the query)', () => {
		const extra = extraTerms('Neue Spielplätze an der Mühlenstraße', splitter, synonyms);
		expect(extra).toEqual(expect.arrayContaining(['mühlenstrasse', 'strasse']));
		expect(extra).not.toContain('spielplaetze');
	});

	test('title parts weigh most, parts of frequent words repeat (up to three times), synonyms stay apart', () => {
		const extra = weighted('Spielplatz Weberhof. Der Spielplatz hat zwei Spielplätze, Spielplatz, Spielplatz. Kita nebenan.', splitter, synonyms, 'Spielplatz Weberhof');
		expect(extra.title).toEqual(expect.arrayContaining(['spiel', 'platz']));
		expect(extra.text.filter((word) => word === 'platz')).toHaveLength(3);
		expect(extra.text.filter((word) => word === 'plätze')).toHaveLength(1);
		expect(extra.synonyms).toEqual(expect.arrayContaining(['kindertagesstätte', 'kindergarten']));
		expect(extra.synonyms).not.toContain('kita');
	});

	test('matching ignores case, umlauts and plural endings', () => {
		expect(matchKey('Kitas')).toBe(matchKey('Kita'));
		expect(matchKey('Ärztinnen')).toBe(matchKey('Arzt'));
		expect(matchKey('Treffen')).toBe(matchKey('Treff'));
	});
});

describe('the text the index sees', () => {
	const html = `<html lang="de"><body><header><nav>Aktuelles Projekte</nav></header>
		<main id="inhalt" data-pagefind-body><div hidden><span data-pagefind-filter="typ:Seite"></span></div>
		<div class="container"><nav class="breadcrumbs" data-pagefind-ignore><ol><li><a href="/">Startseite</a></li></ol></nav>
		<h1>Spielplatz im Mühlenpark</h1><p>Mit Sand&amp;Wasser<br>und Schaukel.</p><svg><title>Symbol Spielplatz</title><path d="M0"/></svg>
		<script>const geheim = 1;</script><img src="x.png" alt=""><p>Ende</p></div></main>
		<footer>Impressum Datenschutz</footer></body></html>`;

	test('only <main>, without ignored elements, icons and scripts', () => {
		const text = indexedText(html);
		expect(text).toContain('Spielplatz im Mühlenpark');
		expect(text).toContain('Sand&Wasser und Schaukel');
		expect(text).toContain('Ende');
		for (const outside of ['Startseite', 'Aktuelles', 'Impressum', 'Symbol', 'geheim']) expect(text).not.toContain(outside);
	});

	test('extra words go to the end of <main>, behind the marker, weighted by group', () => {
		const out = withExtraTerms(html, { title: ['spiel', 'platz'], text: ['sand', 'sand'], synonyms: [] });
		expect(out).toContain(`<div>${EXTRA_MARKER}</div><div data-pagefind-weight="5">spiel platz</div><div data-pagefind-weight="1">sand sand</div></main>`);
		expect(withExtraTerms(html, { title: [], text: [], synonyms: [] })).toBe(html);
	});
});

describe('queries and excerpts in the browser', () => {
	test('ae/oe/ue are also searched as umlauts', () => {
		expect(queryVariants('Spielplaetze')).toEqual(['Spielplaetze', 'Spielplätze']);
		expect(queryVariants('  Buero   Oeffnungszeiten ')).toEqual(['Buero Oeffnungszeiten', 'Büro Öffnungszeiten']);
		expect(queryVariants('Kita')).toEqual(['Kita']);
		expect(queryVariants('Quelle')).toEqual(['Quelle']);
		expect(queryVariants('   ')).toEqual([]);
	});

	test('the excerpt shows visible text only, marks words containing the query and escapes HTML', () => {
		const content = `Spielplatz im Mühlenpark. Großer Spielplatz mit <Sand>. ${EXTRA_MARKER} platz spiel`;
		expect(visibleText(content)).toBe('Spielplatz im Mühlenpark. Großer Spielplatz mit <Sand>.');
		const html = excerpt(content, 'platz', { skip: 'Spielplatz im Mühlenpark' });
		expect(html).toBe('Großer <mark>Spielplatz</mark> mit &lt;Sand&gt;.');
		expect(excerpt(content, 'Spielplätze')).toContain('<mark>Spielplatz</mark>');
		expect(excerpt(content, 'Kindertagesstätte')).not.toContain('<mark>');
	});

	test('a title that is the query, or begins with it, moves to the front; the rest keeps its order', () => {
		const hits = ['Umbau an der Grundschule am Mühlgraben beginnt', 'Sporthalle', 'Grundschule am Mühlgraben', 'Grundschule am Mühlgraben: Hort'].map((title) => ({ title }));
		expect(titleFirst(hits, 'grundschule am  Mühlgraben').map((h) => h.title)).toEqual([
			'Grundschule am Mühlgraben',
			'Grundschule am Mühlgraben: Hort',
			'Umbau an der Grundschule am Mühlgraben beginnt',
			'Sporthalle',
		]);
		expect(titleFirst(hits, 'Muehlgraben').map((h) => h.title)).toEqual(hits.map((h) => h.title));
	});

	test('long texts are cut around the first match', () => {
		const words = Array.from({ length: 100 }, (_, i) => `Wort${i}`);
		words[60] = 'Mieterberatung';
		const html = excerpt(words.join(' '), 'beratung', { length: 10 });
		expect(html.startsWith('… ')).toBe(true);
		expect(html.endsWith(' …')).toBe(true);
		expect(html).toContain('<mark>Mieterberatung</mark>');
	});
});

describe('the synonyms file', () => {
	test('the sample file has the groups the issue names', () => {
		const groups = readSynonyms();
		expect(groups).toContainEqual(expect.arrayContaining(['Kita', 'Kindertagesstätte']));
		expect(groups).toContainEqual(expect.arrayContaining(['Jugendclub', 'Jugendfreizeiteinrichtung']));
		expect(groups).toContainEqual(expect.arrayContaining(['Arzt', 'Ärztin', 'Praxis']));
	});

	test('a group with one word is refused with a German message naming the field', () => {
		const result = synonymsSchema.safeParse({ groups: ['Kita, Kindergarten', 'Kita'] });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['groups', 1]);
		expect(result.error?.issues[0]?.message).toContain('Gruppe');
		expect(result.error?.issues[0]?.message).toContain('Mindestens zwei Wörter, mit Komma getrennt');
	});

	test('groups are split at commas and trimmed', () => {
		expect(synonymGroups({ groups: [' Kita ,Kindergarten,, Krippe '] })).toEqual([['Kita', 'Kindergarten', 'Krippe']]);
	});
});

describe('the index builder', () => {
	test("each page goes into the index of its language; pages without data-pagefind-body and /admin/ stay out", async () => {
		const dist = mkdtempSync(path.join(tmpdir(), 'quartier-search-index-'));
		try {
			const page = (lang: string, text: string, body = true) =>
				`<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><main${body ? ' data-pagefind-body' : ''}><h1>${text}</h1><p>${text} im Viertel.</p></main></body></html>`;
			const write = (file: string, html: string) => {
				mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
				writeFileSync(path.join(dist, file), html);
			};
			write('spielplatz/index.html', page('de', 'Spielplatz'));
			write('en/playground/index.html', page('en', 'Playground'));
			write('tr/oyun-parki/index.html', page('tr', 'Oyun parkı'));
			write('aktuelles/index.html', page('de', 'Liste', false));
			write('admin/index.html', page('de', 'Redaktion'));
			const stats = await buildSearchIndex(dist);
			expect(stats.pages).toBe(3);
			const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
			expect(Object.keys(entry.languages).sort()).toEqual(['de', 'en', 'tr']);
			expect(entry.languages.de?.page_count).toBe(1);
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});
});
