/**
 * Translations of entries: the translation schema is derived from the German one (src/schemas/translations.ts),
 * the CMS offers exactly the translated fields per language and refuses what the build refuses, and the sample
 * ships the translations the site promises (recent news, open participation, the pages residents need first).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { readSettings, schemaFactories, SOURCE_LANGUAGE, TRANSLATED, type TranslatedCollection } from '../../src/schemas';
import { isEmptyTranslation, requiredTranslatedFields, translationSchema } from '../../src/schemas/translations';
import { cmsConfig } from '../../cms/config';
import { checkTranslation } from '../../cms/rules';
import type { DecapField } from '../../cms/fields';
import { entryFiles, idOf, readData, schemaContext, translationFiles } from '../helpers/content';

const settings = readSettings();
const others = settings.languages.filter((code) => code !== SOURCE_LANGUAGE);
const baseOf = (name: TranslatedCollection) => (schemaFactories[name] as (...args: unknown[]) => z.ZodObject<z.ZodRawShape>)(schemaContext, settings);
const schemaOf = (name: TranslatedCollection) => translationSchema(baseOf(name), TRANSLATED[name]);
const bodyOf = (file: string) => readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');

describe('the translation schema follows the German one', () => {
	test('a news item: title and summary required together, with the German limits; other fields ignored', () => {
		const schema = schemaOf('aktuelles');
		expect(schema.parse({ title: 'Hello', summary: 'Short.', date: '2026-01-01', draft: false })).toEqual({ title: 'Hello', summary: 'Short.' });
		const half = schema.safeParse({ title: 'Hello' });
		expect(half.success).toBe(false);
		expect(half.error?.issues[0]?.path).toEqual(['summary']);
		expect(half.error?.issues[0]?.message).toContain('Zusammenfassung fehlt in der Übersetzung');
		const long = schema.safeParse({ title: 'x'.repeat(121), summary: 'Short.' });
		expect(long.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['title']);
		expect(long.error?.issues[0]?.message).toContain('Titel');
		const unknown = schema.safeParse({ title: 'Hello', summary: 'Short.', titel: 'Typo' });
		expect(unknown.error?.issues[0]?.message).toBe('Das Feld „titel" gibt es in diesem Inhalt nicht.');
	});

	test("Decap's empty copy of an entry (defaults only) is no translation", () => {
		const data = schemaOf('aktuelles').parse({ date: '2026-11-16', draft: false, themes: ['beteiligung'] });
		expect(data).toEqual({});
		expect(isEmptyTranslation(data, TRANSLATED.aktuelles, '\n')).toBe(true);
		expect(isEmptyTranslation({}, TRANSLATED.aktuelles, 'Some text')).toBe(false);
	});

	test('the required translated fields are those the German entry requires', () => {
		expect(requiredTranslatedFields(baseOf('termine'), TRANSLATED.termine).map((field) => field.name)).toEqual(['title', 'summary', 'accessibility']);
		expect(requiredTranslatedFields(baseOf('themen'), TRANSLATED.themen).map((field) => field.label)).toEqual(['Bezeichnung', 'Beschreibung']);
	});

	test('every field named in TRANSLATED is a text field of its schema', () => {
		for (const name of Object.keys(TRANSLATED) as TranslatedCollection[]) {
			for (const field of TRANSLATED[name].filter((f) => f !== 'body')) {
				expect((baseOf(name).shape[field] as z.ZodType | undefined)?.safeParse('Ein Text').success, `${name}.${field}`).toBe(true);
			}
		}
	});
});

describe('the sample translations', () => {
	const folders = Object.keys(TRANSLATED) as TranslatedCollection[];
	const all = folders.flatMap((folder) => translationFiles(folder).map((t) => ({ ...t, folder })));

	test('each passes its folder’s translation schema, translates something and has its German entry', () => {
		expect(all.length).toBeGreaterThan(0);
		for (const { file, folder, id, lang } of all) {
			expect(others, file).toContain(lang);
			expect(existsSync(path.join('content', folder, `${id}.de${path.extname(file)}`)), file).toBe(true);
			const result = schemaOf(folder).safeParse(readData(file));
			expect(result.success, `${file}: ${result.error?.issues.map((i) => i.message).join('; ')}`).toBe(true);
			const body = file.endsWith('.yaml') ? '' : bodyOf(file);
			expect(isEmptyTranslation(result.data ?? {}, TRANSLATED[folder], body), file).toBe(false);
			if ((TRANSLATED[folder] as readonly string[]).includes('body')) expect(body.trim(), `${file}: text`).not.toBe('');
		}
	});

	test('each is marked as a sample translation', () => {
		for (const { file } of all.filter((t) => !t.file.endsWith('.yaml'))) expect(bodyOf(file).trim().split('\n')[0], file).toMatch(/^\*.+\*$/);
	});

	const has = (folder: TranslatedCollection, id: string) => others.every((lang) => existsSync(path.join('content', folder, `${id}.${lang}.md`)));
	const sampleDay = new Date('2026-12-01T00:00:00Z');

	test('the three most recent published news items, every project with a participation period and every upcoming Beteiligungsforum exist in every language', () => {
		const news = entryFiles('aktuelles')
			.map((file) => ({ id: idOf(file), data: readData(file) as { date: string | Date; draft?: boolean } }))
			// Out on the sample day: no draft, not dated later (those wait for their day).
			.filter((item) => !item.data.draft && new Date(item.data.date) <= sampleDay)
			.sort((a, b) => new Date(b.data.date).getTime() - new Date(a.data.date).getTime())
			.slice(0, 3);
		const projects = entryFiles('projekte').filter((file) => (readData(file) as { participationPeriod?: unknown }).participationPeriod).map(idOf);
		const forums = entryFiles('termine')
			.filter((file) => {
				const data = readData(file) as { type: string; start: string };
				return data.type === 'beteiligungsforum' && new Date(data.start) >= sampleDay;
			})
			.map(idOf);
		expect(news).toHaveLength(3);
		expect(projects.length).toBeGreaterThan(0);
		expect(forums.length).toBeGreaterThan(0);
		for (const { id } of news) expect(has('aktuelles', id), id).toBe(true);
		for (const id of projects) expect(has('projekte', id), id).toBe(true);
		for (const id of forums) expect(has('termine', id), id).toBe(true);
		for (const id of ['mitmachen', 'ueber-uns', 'barrierefreiheit']) expect(has('seiten', id), id).toBe(true);
	});
});

describe('the CMS translates what the build translates', () => {
	const config = cmsConfig(settings, { local: false });
	type Collection = { name: string; i18n?: boolean; fields?: DecapField[] };
	const collections = config.collections as Collection[];

	test('one file per language beside the German one, German first', () => {
		expect(config.i18n).toEqual({ structure: 'multiple_files', locales: settings.languages, default_locale: 'de' });
	});

	test('translated collections offer exactly their translated fields in other languages', () => {
		for (const collection of collections) {
			const listed = (TRANSLATED as Record<string, readonly string[]>)[collection.name];
			if (!listed) {
				expect(collection.i18n, collection.name).toBeUndefined();
				continue;
			}
			expect(collection.i18n, collection.name).toBe(true);
			const fields = (collection.fields ?? []).filter((field) => field.i18n === true).map((field) => field.name);
			expect(fields.sort(), collection.name).toEqual([...listed].sort());
		}
	});

	test('a half translation or one beyond the German limits is refused before saving, nothing translated is fine', () => {
		const fields = collections.find((c) => c.name === 'aktuelles')?.fields ?? [];
		expect(checkTranslation(fields, 'en', { date: '2026-11-16', draft: false })).toEqual([]);
		expect(checkTranslation(fields, 'tr', { title: 'Başlık' })).toEqual([
			'Übersetzung Türkisch: Bitte auch „Zusammenfassung" übersetzen – oder alle Felder dieser Sprache leeren, dann erscheint die deutsche Fassung.',
			'Übersetzung Türkisch: Bitte auch „Text der Meldung" übersetzen – oder alle Felder dieser Sprache leeren, dann erscheint die deutsche Fassung.',
		]);
		const long = checkTranslation(fields, 'en', { title: 'x'.repeat(121), summary: 'Short.', body: 'Text.' });
		expect(long).toHaveLength(1);
		expect(long[0]).toMatch(/^Übersetzung Englisch, .*120/);
	});

	test('an office in German only: Decap still names the files as the build reads them (kita.de.md), in one language', () => {
		const german = cmsConfig({ ...settings, languages: ['de'] }, { local: false });
		expect(german.i18n).toEqual({ structure: 'multiple_files', locales: ['de'], default_locale: 'de' });
		const news = german.collections.find((c) => c.name === 'aktuelles') as { i18n?: boolean } | undefined;
		expect(news?.i18n).toBe(true);
	});

	test('where the German text is optional, a translation needs a text only if the German entry has one', () => {
		const fields = collections.find((c) => c.name === 'beschluesse')?.fields ?? [];
		expect(fields.find((field) => field.name === 'body')?.required).toBe(false);
		const translation = { title: 'Vote for the garden', summary: 'The council voted for it.' };
		expect(checkTranslation(fields, 'en', translation, { title: 'Votum', summary: 'Ja.' })).toEqual([]);
		expect(checkTranslation(fields, 'en', translation, { title: 'Votum', summary: 'Ja.', body: 'Begründung.' })).toEqual([
			expect.stringMatching(/^Übersetzung Englisch: Bitte auch „.*" übersetzen/),
		]);
	});
});
