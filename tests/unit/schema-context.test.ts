/** The schema context (src/schemas/context.ts): the disk look-ups field builders ask for, and the plain context's references. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroContext, idsOf, plainContext, type SchemaContext } from '../../src/schemas/context';
import { ref, publicAsset } from '../../src/schemas/fields';
import { documentSchema } from '../../src/schemas/documents';

let work: string;
let ctx: SchemaContext;

beforeAll(() => {
	work = mkdtempSync(path.join(os.tmpdir(), 'quartier-context-'));
	mkdirSync(path.join(work, 'content', 'themen'), { recursive: true });
	mkdirSync(path.join(work, 'content', 'kontakte'), { recursive: true });
	mkdirSync(path.join(work, 'public', 'dokumente'), { recursive: true });
	for (const name of ['umwelt.de.yaml', 'umwelt.en.yaml', 'umwelt.ar.yaml', 'arbeit.de.yaml', 'arbeit.tr.yaml', 'notiz.txt']) writeFileSync(path.join(work, 'content', 'themen', name), 'label: x\n');
	writeFileSync(path.join(work, 'content', 'kontakte', 'anna-schulz.yaml'), 'name: Anna\n');
	writeFileSync(path.join(work, 'public', 'dokumente', 'ihek.pdf'), '%PDF');
	ctx = plainContext({ contentRoot: path.join(work, 'content'), publicRoot: path.join(work, 'public') });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('entry ids', () => {
	test('the German entries of a folder, translations and other files left out', () => {
		expect(ctx.entryIds('themen')).toEqual(['arbeit', 'umwelt']);
		expect(ctx.entryIds('kontakte')).toEqual(['anna-schulz']);
	});

	test('a missing folder has no entries', () => {
		expect(ctx.entryIds('gibt-es-nicht')).toEqual([]);
	});

	test('file names alone: upper case is read as lower case, only the German file of a translated entry counts', () => {
		expect(idsOf(['Kita.de.md', 'kita.en.md', 'seite.mdx', 'daten.json', 'bild.jpg'])).toEqual(['daten', 'kita', 'seite']);
	});

	test('read once: the same answer until the folder changes, then the new entry is there (live editing)', () => {
		const first = ctx.entryIds('kontakte');
		expect(ctx.entryIds('kontakte')).toBe(first);
		const folder = path.join(work, 'content', 'kontakte');
		writeFileSync(path.join(folder, 'lena-hoffmann.yaml'), 'name: Lena\n');
		expect(ctx.entryIds('kontakte')).toEqual(['anna-schulz', 'lena-hoffmann']);
		rmSync(path.join(folder, 'lena-hoffmann.yaml'));
		expect(ctx.entryIds('kontakte')).toEqual(['anna-schulz']);
	});

	test('contexts for the same folders share what they read; the roots are the ones asked for', () => {
		const again = plainContext({ contentRoot: path.join(work, 'content'), publicRoot: path.join(work, 'public') });
		expect(again.entryIds('themen')).toBe(ctx.entryIds('themen'));
		expect(again.contentRoot).toBe(path.join(work, 'content'));
		expect(again.publicRoot).toBe(path.join(work, 'public'));
	});
});

describe('files in public/', () => {
	test('a file is found by its site path, a missing one is not', () => {
		expect(ctx.hasPublicFile('/dokumente/ihek.pdf')).toBe(true);
		expect(ctx.hasPublicFile('/dokumente/fehlt.pdf')).toBe(false);
		expect(ctx.hasPublicFile('/dokumente')).toBe(false);
		expect(ctx.hasPublicFile('/anderswo/ihek.pdf')).toBe(false);
	});

	test('an upload shows up without a restart', () => {
		expect(ctx.hasPublicFile('/dokumente/neu.pdf')).toBe(false);
		writeFileSync(path.join(work, 'public', 'dokumente', 'neu.pdf'), '%PDF');
		expect(ctx.hasPublicFile('/dokumente/neu.pdf')).toBe(true);
	});

	test('the file field asks the context and says in German what is missing', () => {
		const field = publicAsset(ctx, 'Datei', { folder: 'dokumente', extensions: ['pdf'], example: '/dokumente/ihek.pdf' });
		expect(field.safeParse('/dokumente/ihek.pdf').success).toBe(true);
		const missing = field.safeParse('/dokumente/fehlt.pdf');
		expect(missing.success).toBe(false);
		expect(missing.error?.issues[0]?.message).toBe('Datei: Die Datei „public/dokumente/fehlt.pdf" gibt es nicht. Bitte die Datei hochladen oder den Pfad prüfen.');
	});
});

describe('references', () => {
	test('a known id becomes Astro\'s { collection, id }', () => {
		expect(ref(ctx, 'themen', 'Thema').parse('umwelt')).toEqual({ collection: 'themen', id: 'umwelt' });
	});

	test('a missing id gets the German message listing what exists', () => {
		const result = ref(ctx, 'themen', 'Thema').safeParse('klima');
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Thema: „klima" gibt es nicht in content/themen/ – vorhanden sind: arbeit, umwelt.']);
		expect(ref(ctx, 'kontakte', 'Ansprechperson').safeParse('otto').error?.issues[0]?.message).toBe('Ansprechperson: „otto" gibt es nicht in content/kontakte/ – vorhanden ist: anna-schulz.');
	});

	test('a whole schema built for the context checks against its folders', () => {
		const schema = documentSchema(ctx);
		const base = { title: 'IHEK', kind: 'ihek', date: '2026-01-05', file: '/dokumente/ihek.pdf', summary: 'Das Konzept.' };
		expect(schema.safeParse({ ...base, themes: ['arbeit'] }).success).toBe(true);
		const wrong = schema.safeParse({ ...base, themes: ['verkehr'] });
		expect(wrong.error?.issues[0]?.path).toEqual(['themes', 0]);
	});

	test('the Astro context keeps Astro\'s helpers and adds the same look-ups', () => {
		const image = () => 'image';
		const reference = () => 'reference';
		const astro = astroContext({ image, reference }, { contentRoot: path.join(work, 'content'), publicRoot: path.join(work, 'public') });
		expect(astro.image).toBe(image);
		expect(astro.reference).toBe(reference);
		expect(astro.entryIds('themen')).toBe(ctx.entryIds('themen'));
	});
});

test('the context, the test helper and the import tool need no Astro internals', () => {
	for (const file of ['src/schemas/context.ts', 'tests/helpers/content.ts', 'src/import/facilities.ts', 'src/schemas/fields.ts']) {
		expect(readFileSync(file, 'utf8'), file).not.toMatch(/astro\/content\/runtime|astro\/dist\//);
	}
});
