import { describe, expect, test } from 'vitest';
import { settingsSchema } from '../../src/schemas/settings';
import { plainContext } from '../../src/schemas/context';
import { isTranslated, PATTERNS, readSettings, readSynonyms, schemaFactories, SETTINGS_FILE, SYNONYMS_FILE, type CollectionName, type FolderCollection } from '../../src/schemas';
import { entryFiles, idOf, readData, schemaContext } from '../helpers/content';
import { applyCase, invalidCases } from '../fixtures/invalid-entries';

const settings = readSettings();
const schemaOf = (name: CollectionName) => (schemaFactories[name] as (...args: unknown[]) => import('astro/zod').z.ZodType)(schemaContext, settings);
const folderOf = (file: string) => file.split('/')[1] as CollectionName;

describe('the sample content passes every schema', () => {
	test('settings', () => {
		expect(settings.district).toBe('Mühlenviertel');
		expect(schemaOf('settings').safeParse(readData(`content/${SETTINGS_FILE}`)).success).toBe(true);
	});
	test('search words', () => {
		expect(schemaOf('synonyme').safeParse(readData(`content/${SYNONYMS_FILE}`)).success).toBe(true);
		expect(readSynonyms()).toContainEqual(expect.arrayContaining(['Kita', 'Kindertagesstätte']));
	});
	for (const name of Object.keys(PATTERNS) as FolderCollection[]) {
		test(name, async () => {
			const files = entryFiles(name);
			expect(files.length).toBeGreaterThan(0);
			for (const file of files) {
				const result = await schemaOf(name).safeParseAsync(readData(file));
				expect(result.success, `${file}: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`).toBe(true);
			}
		});
	}
});

describe('the sample district is big enough to read like a real one', () => {
	const count = (name: string) => entryFiles(name).length;
	test('counts', () => {
		expect(count('aktuelles')).toBeGreaterThanOrEqual(12);
		expect(count('projekte')).toBeGreaterThanOrEqual(8);
		expect(count('termine')).toBeGreaterThanOrEqual(8);
		expect(count('einrichtungen')).toBeGreaterThanOrEqual(40);
		expect(count('kontakte')).toBeGreaterThanOrEqual(4);
		expect(count('aufrufe')).toBeGreaterThanOrEqual(3);
		expect(count('dokumente')).toBeGreaterThanOrEqual(4);
		// Decisions across two years, tied to the sample's projects and calls.
		expect(count('beschluesse')).toBeGreaterThanOrEqual(8);
		const decisions = entryFiles('beschluesse').map((f) => readData(f) as { date: Date | string; projects?: string[]; call?: string });
		expect(new Set(decisions.map((d) => String(d.date instanceof Date ? d.date.toISOString() : d.date).slice(0, 4)))).toEqual(new Set(['2025', '2026']));
		expect(decisions.filter((d) => (d.projects ?? []).length > 0).length).toBeGreaterThanOrEqual(6);
		expect(decisions.filter((d) => d.call).length).toBeGreaterThanOrEqual(1);
	});
	test('projects cover every status and facilities at least 8 categories', async () => {
		const statuses = new Set(entryFiles('projekte').map((f) => (readData(f) as { status: string }).status));
		expect([...statuses].sort()).toEqual(['abgeschlossen', 'geplant', 'idee', 'in-umsetzung']);
		const categories = new Set(entryFiles('einrichtungen').map((f) => (readData(f) as { category: string }).category));
		expect(categories.size).toBeGreaterThanOrEqual(8);
	});
	test('all static pages exist', () => {
		const pages = entryFiles('seiten').map(idOf);
		expect(pages).toEqual(expect.arrayContaining(['ueber-uns', 'mitmachen', 'quartiersrat', 'impressum', 'datenschutz', 'barrierefreiheit']));
	});
	test('file names are already the ids Astro derives (lowercase, no spaces)', () => {
		for (const name of Object.keys(PATTERNS)) {
			for (const file of entryFiles(name)) expect(file.split('/').pop()).toMatch(isTranslated(name) ? /^[a-z0-9]+(-[a-z0-9]+)*\.de\.(md|mdx|yaml)$/ : /^[a-z0-9]+(-[a-z0-9]+)*\.(md|mdx|yaml)$/);
		}
	});
});

describe('settings an office may leave out', () => {
	test('without an open-data licence the data is published under Datenlizenz Deutschland – Zero 2.0', () => {
		const raw = readData(`content/${SETTINGS_FILE}`) as Record<string, unknown>;
		delete raw.openData;
		const parsed = settingsSchema(plainContext()).parse(raw);
		expect(parsed.openData).toEqual({ licence: 'Datenlizenz Deutschland – Zero – Version 2.0', licenceUrl: 'https://www.govdata.de/dl-de/zero-2-0' });
	});
});

describe('bad entries are rejected with a German message naming the field', () => {
	for (const bad of invalidCases) {
		test(bad.name, async () => {
			const data = applyCase(readData(bad.file), bad);
			const result = await schemaOf(folderOf(bad.file)).safeParseAsync(data);
			expect(result.success).toBe(false);
			const issue = result.error?.issues.find((i) => i.message.includes(bad.message));
			expect(issue, `messages were: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' | ')}`).toBeDefined();
			expect(issue?.path.join('.')).toBe(bad.field);
		});
	}
});

describe('the accessibility statement agrees with itself', () => {
	const sample = readData(`content/${SETTINGS_FILE}`) as { accessibility: Record<string, unknown> & { barriers: { kind: string }[] } };
	const withStatement = (change: Record<string, unknown>) => ({ ...sample, accessibility: { ...sample.accessibility, ...change } });
	const messages = (data: unknown) => {
		const result = schemaOf('settings').safeParse(data);
		return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
	};

	test('„fully" with barriers listed, or „partly" with none, is refused in German', () => {
		expect(messages(withStatement({ status: 'full' }))).toEqual([expect.stringMatching(/^accessibility\.status: .*„vollständig vereinbar" passt nicht zu 2 nicht barrierefreien Inhalten/)]);
		expect(messages(withStatement({ barriers: [] }))).toEqual([expect.stringMatching(/^accessibility\.barriers: .*nennen Sie hier, was nicht barrierefrei ist/)]);
		// Content outside the rules does not count against „fully".
		expect(messages(withStatement({ status: 'full', barriers: sample.accessibility.barriers.filter((b) => b.kind === 'outOfScope') }))).toEqual([]);
	});
});
