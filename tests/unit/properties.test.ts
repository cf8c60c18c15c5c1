/**
 * Property-based tests of the content model (fast-check, arbitraries from tests/helpers/arbitraries.ts): for every
 * collection and the settings, random valid entries pass their schema and survive being written as staff's files
 * and read back (by the tests' YAML reader and by Astro's own); the same entries with exactly one field broken are
 * refused with a German message naming that field. Then the pure helpers that turn entries into text.
 *
 * Replay a failure with the seed it prints: QUARTIER_PROPS_SEED=<seed> npx vitest run --project unit tests/unit/properties.test.ts
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extensionOf, readSettings, schemaFactories, SINGLE_FILES, type CollectionName, type FolderCollection } from '../../src/schemas';
import { formatterFor } from '../../src/lib/format';
import { fundingLine, moneyStage } from '../../src/lib/money';
import { periodState } from '../../src/lib/participation';
import { projectSchema, type ProjectFunding } from '../../src/schemas/projects';
import { eventSchema } from '../../src/schemas/events';
import { SITE_LANGUAGES } from '../../src/schemas/settings';
import { schemaContext } from '../helpers/content';
import { applyBreakage, breakages, ENGLISH_DEFAULTS, readBack, readBackAsAstro, serialise, validEntry, type Discards } from '../helpers/arbitraries';

const SEED = Number(process.env.QUARTIER_PROPS_SEED ?? 20261202);
const RUNS = 200;
const settings = readSettings();
const schemaOf = (name: CollectionName) => (schemaFactories[name] as (...args: unknown[]) => import('astro/zod').z.ZodType)(schemaContext, settings);
const folderOf = (name: CollectionName) => (name in SINGLE_FILES ? SINGLE_FILES[name as keyof typeof SINGLE_FILES].split('/')[0]! : name);
const extensionFor = (name: CollectionName) => (name in SINGLE_FILES ? 'yaml' : extensionOf(name as FolderCollection).replace('{md,mdx}', 'md'));
const collections = Object.keys(schemaFactories) as CollectionName[];
const run = { seed: SEED, numRuns: RUNS };

describe(`random valid entries (seed ${SEED}, ${RUNS} per collection)`, () => {
	for (const name of collections) {
		test(`${name}: pass the schema and read back the same from the file, by the tests' reader and by Astro's`, () => {
			const schema = schemaOf(name);
			const discards: Discards = { tried: 0, refused: 0 };
			const extension = extensionFor(name);
			fc.assert(
				fc.property(validEntry(schema, { folder: folderOf(name) }, discards), (entry) => {
					const parsed = schema.safeParse(entry);
					expect(parsed.success).toBe(true);
					const file = serialise(entry, extension, 'Text.\n');
					expect(readBack(file, extension)).toEqual(entry);
					// What the build gets: Astro's frontmatter parser (js-yaml) may read a day as a Date – the schema's output must not differ.
					const astro = schema.safeParse(readBackAsAstro(file, extension));
					expect(astro.success, astro.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toBe(true);
					expect(astro.data).toEqual(parsed.data);
				}),
				run,
			);
			// Cross-field rules throw away some random entries; most must pass, or the test would hardly test.
			expect(discards.refused / discards.tried, `${discards.refused} of ${discards.tried} refused`).toBeLessThan(0.7);
		});
	}
});

describe(`one broken field (seed ${SEED}, ${RUNS} per collection)`, () => {
	for (const name of collections) {
		test(`${name}: refused, with a German message naming the field`, () => {
			const schema = schemaOf(name);
			const extension = extensionFor(name);
			const kinds = new Set<string>();
			fc.assert(
				fc.property(validEntry(schema, { folder: folderOf(name) }), fc.nat(), (entry, pick) => {
					const all = breakages(schema, entry);
					expect(all.length).toBeGreaterThan(0);
					const breakage = all[pick % all.length]!;
					kinds.add(breakage.kind);
					const broken = applyBreakage(entry, breakage);
					// Through the file, as the build reads it.
					const result = schema.safeParse(readBackAsAstro(serialise(broken, extension), extension));
					const where = `${breakage.kind} at ${breakage.path.join('.')}`;
					expect(result.success, where).toBe(false);
					const issues = result.error?.issues ?? [];
					const named = issues.filter((issue) => issue.path.join('.') === breakage.path.join('.'));
					expect(named.length, `${where}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`).toBeGreaterThan(0);
					for (const issue of named) if (breakage.label) expect(issue.message, where).toContain(breakage.label);
					for (const issue of issues) for (const english of ENGLISH_DEFAULTS) expect(issue.message, where).not.toMatch(english);
				}),
				run,
			);
			// Every collection with a required field had one of them removed at least once.
			if (breakages(schema, {}).some((b) => b.kind === 'missing required')) expect([...kinds]).toContain('missing required');
		});
	}
});

describe('helpers that turn entries into text', () => {
	const projects = schemaOf('projekte') as ReturnType<typeof projectSchema>;
	const events = schemaOf('termine') as ReturnType<typeof eventSchema>;

	test(`a project's money line names each known amount in every language, never „NaN" or „undefined" (seed ${SEED})`, () => {
		const fundLabel = (id: string | undefined) => settings.funds.find((fund) => fund.id === id)?.label;
		fc.assert(
			fc.property(validEntry(projects, { folder: 'projekte' }), (entry) => {
				const funding = projects.parse(entry).funding as ProjectFunding;
				for (const lang of SITE_LANGUAGES) {
					const line = fundingLine(funding, fundLabel(funding.fund), lang);
					const stage = moneyStage(funding);
					expect(line).not.toMatch(/NaN|undefined|\{/);
					if (stage) expect(line).toContain(formatterFor(lang).euros(stage.amount));
					if (!stage && !funding.fund) expect(line).toBe('');
				}
			}),
			{ seed: SEED, numRuns: 100 },
		);
	});

	test(`a participation period is first „soon", then „open", then „over" – never back (seed ${SEED})`, () => {
		fc.assert(
			fc.property(validEntry(projects, { folder: 'projekte' }), fc.array(fc.date({ min: new Date('2019-01-01'), max: new Date('2032-01-01'), noInvalidDate: true }), { minLength: 2, maxLength: 6 }), (entry, moments) => {
				const period = projects.parse(entry).participationPeriod;
				fc.pre(period !== undefined);
				const order = { soon: 0, open: 1, over: 2 };
				const states = moments.sort((a, b) => a.getTime() - b.getTime()).map((now) => order[periodState(period!, now)]);
				expect(states).toEqual([...states].sort());
				expect(periodState(period!, period!.from)).not.toBe('over');
			}),
			{ seed: SEED, numRuns: 100 },
		);
	});

	test(`an event's time and day read without gaps in every language (seed ${SEED})`, () => {
		fc.assert(
			fc.property(validEntry(events, { folder: 'termine' }), (entry) => {
				const event = events.parse(entry);
				for (const lang of SITE_LANGUAGES) {
					const format = formatterFor(lang);
					const span = format.span(event.start, event.end);
					expect(span, lang).not.toMatch(/NaN|undefined|Invalid/);
					expect(span.length).toBeGreaterThan(5);
					expect(format.day(event.start)).not.toMatch(/NaN|Invalid/);
				}
			}),
			{ seed: SEED, numRuns: 100 },
		);
	});

});
