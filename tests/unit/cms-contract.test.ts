/**
 * The CMS and the content model agree: every schema field has a CMS field with the same required-ness, kind and
 * options, and every CMS field exists in the schema. The schema side is read here directly from zod (not through
 * cms/fields.ts), so a converter mistake or a field the CMS cannot show turns this red, naming both sides.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { readSettings, type CollectionName } from '../../src/schemas';
import { metaOf, text } from '../../src/schemas/fields';
import { cmsConfig, CMS_ORDER, schemaFor } from '../../cms/config';
import type { DecapField } from '../../cms/fields';
import { usesNetlifyIdentity } from '../../cms/identity';
import { settingsSchema } from '../../src/schemas/settings';
import { plainContext } from '../../src/schemas/context';

const settings = readSettings();

interface Shape {
	kind: string;
	required: boolean;
	options?: string[];
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; entries?: Record<string, string> };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Flattens a zod object schema into path → kind/required/options, straight from zod's definitions. */
function fromSchema(schema: z.ZodType, prefix = '', out = new Map<string, Shape>(), parentRequired = true): Map<string, Shape> {
	for (const [name, field] of Object.entries(def(schema).shape ?? {})) {
		let current = field;
		let required = parentRequired;
		let meta = metaOf(current);
		while (['optional', 'default', 'nullable'].includes(def(current).type)) {
			required = false;
			current = def(current).innerType as z.ZodType;
			meta = metaOf(current) ?? meta;
		}
		const path = `${prefix}${name}`;
		const d = def(current);
		const widget = meta?.cms?.widget;
		if (widget === 'relation') out.set(path, { kind: `relation:${meta?.cms?.collection}`, required });
		else if (widget === 'date' || widget === 'datetime') out.set(path, { kind: widget, required });
		else if (widget === 'image' || widget === 'file') out.set(path, { kind: widget, required });
		// A choice the schema checks its own way (a time on the quarter hour, which week of the month): the options
		// offered are the metadata's; the test „a meeting rule is picked from plain selects" checks them against zod.
		else if (widget === 'select') out.set(path, { kind: 'select', required, options: Object.keys(meta?.cms?.optionLabels ?? {}) });
		else if (d.type === 'enum') out.set(path, { kind: 'select', required, options: Object.values(d.entries ?? {}) });
		else if (d.type === 'object') {
			out.set(path, { kind: 'object', required });
			// Inside an optional group nothing is needed until the group is used (checked before saving, cms/rules.ts).
			fromSchema(current, `${path}.`, out, required);
		} else if (d.type === 'union') {
			out.set(path, { kind: 'object', required });
			for (const option of d.options ?? []) fromSchema(option, `${path}.`, out, false);
		} else if (d.type === 'array') {
			const element = def(d.element as z.ZodType);
			const elementMeta = metaOf(d.element as z.ZodType);
			if (elementMeta?.cms?.widget === 'relation') out.set(path, { kind: `relations:${elementMeta.cms.collection}`, required });
			else if (elementMeta?.cms?.widget === 'date') out.set(path, { kind: 'list:date', required });
			else if (element.type === 'enum') out.set(path, { kind: 'multiselect', required, options: Object.values(element.entries ?? {}) });
			else if (element.type === 'object') {
				out.set(path, { kind: 'list', required });
				fromSchema(d.element as z.ZodType, `${path}[].`, out);
			} else out.set(path, { kind: `list:${element.type}`, required });
		} else out.set(path, { kind: d.type, required });
	}
	return out;
}

/** The same description read from the Decap fields. */
function fromCms(fields: DecapField[], prefix = '', out = new Map<string, Shape>()): Map<string, Shape> {
	for (const f of fields) {
		const path = `${prefix}${f.name}`;
		const required = f.required !== false;
		const kind = (() => {
			switch (f.widget) {
				case 'relation':
					return `${f.multiple ? 'relations' : 'relation'}:${f.collection}`;
				case 'datetime':
					return f.time_format === false ? 'date' : 'datetime';
				case 'select':
					return f.multiple ? 'multiselect' : 'select';
				case 'list':
					return f.fields ? 'list' : `list:${f.field?.widget === 'number' ? 'number' : f.field?.widget === 'datetime' && f.field.time_format === false ? 'date' : 'string'}`;
				case 'string':
				case 'text':
				case 'color':
				case 'opening_hours':
				case 'alt_text':
				case 'markdown':
					return 'string';
				// A group holding a point, shown as a map (cms/widgets/coordinates.ts): its fields are checked as a group's.
				case 'coordinates':
					return 'object';
				default:
					return f.widget;
			}
		})();
		out.set(path, { kind, required, ...(f.options ? { options: f.options.map((o) => o.value) } : {}) });
		if (f.widget === 'object' || f.widget === 'coordinates') fromCms(f.fields ?? [], `${path}.`, out);
		if (f.widget === 'list' && f.fields) fromCms(f.fields, `${path}[].`, out);
	}
	return out;
}

/** Differences between schema and CMS, one German sentence each, naming both sides. */
function compare(collection: string, schema: Map<string, Shape>, cms: Map<string, Shape>): string[] {
	const problems: string[] = [];
	for (const [path, s] of schema) {
		const c = cms.get(path);
		if (!c) problems.push(`${collection}: Schema-Feld „${path}" (${s.kind}) fehlt im CMS.`);
		else {
			if (c.kind !== s.kind) problems.push(`${collection}: „${path}" ist im Schema ${s.kind}, im CMS ${c.kind}.`);
			if (c.required !== s.required) problems.push(`${collection}: „${path}" ist im Schema ${s.required ? 'Pflicht' : 'freiwillig'}, im CMS ${c.required ? 'Pflicht' : 'freiwillig'}.`);
			if (JSON.stringify(c.options) !== JSON.stringify(s.options)) problems.push(`${collection}: „${path}" hat im Schema die Werte ${s.options?.join(', ')}, im CMS ${c.options?.join(', ')}.`);
		}
	}
	for (const [path, c] of cms) {
		if (!schema.has(path) && path !== 'body') problems.push(`${collection}: CMS-Feld „${path}" (${c.kind}) gibt es im Schema nicht.`);
	}
	return problems;
}

const config = cmsConfig(settings, { local: false });
const cmsFieldsOf = (name: CollectionName): DecapField[] => {
	const collection = config.collections.find((c) => c.name === name);
	if (!collection) throw new Error(`CMS-Sammlung ${name} fehlt`);
	return 'files' in collection ? (collection.files[0]?.fields ?? []) : collection.fields;
};

describe('every collection: schema and CMS describe the same fields', () => {
	for (const name of [...CMS_ORDER, 'settings', 'synonyme'] as CollectionName[]) {
		test(name, () => {
			expect(compare(name, fromSchema(schemaFor(name, settings)), fromCms(cmsFieldsOf(name)))).toEqual([]);
		});
	}
	test('every collection of the content model is in the CMS', () => {
		expect(config.collections.map((c) => c.name).sort()).toEqual([...CMS_ORDER, 'settings', 'synonyme'].sort());
	});
});

describe('the contract notices drift', () => {
	test('a field added to a schema but not to the CMS is named', () => {
		const grown = (schemaFor('aktuelles', settings) as unknown as z.ZodObject).extend({ childcare: z.boolean() });
		expect(compare('aktuelles', fromSchema(grown), fromCms(cmsFieldsOf('aktuelles')))).toEqual(['aktuelles: Schema-Feld „childcare" (boolean) fehlt im CMS.']);
	});
	test('a CMS field the schema does not know is named, and so is a changed required-ness', () => {
		const fields = cmsFieldsOf('termine').map((f) => (f.name === 'room' ? { ...f, required: true } : f));
		fields.push({ name: 'eintritt', label: 'Eintritt', widget: 'string' });
		expect(compare('termine', fromSchema(schemaFor('termine', settings)), fromCms(fields))).toEqual([
			'termine: „room" ist im Schema freiwillig, im CMS Pflicht.',
			'termine: CMS-Feld „eintritt" (string) gibt es im Schema nicht.',
		]);
	});
});

describe('what staff see and what the CMS enforces', () => {
	const field = (name: CollectionName, path: string) => {
		let fields = cmsFieldsOf(name);
		let found: DecapField | undefined;
		for (const part of path.split('.')) {
			found = fields.find((f) => f.name === part);
			fields = found?.fields ?? [];
		}
		if (!found) throw new Error(`${name}.${path} fehlt`);
		return found;
	};
	test('German labels and hints everywhere', () => {
		for (const name of [...CMS_ORDER, 'settings', 'synonyme'] as CollectionName[]) {
			const walk = (fields: DecapField[]): void =>
				fields.forEach((f) => {
					expect(f.label, `${name}.${f.name}`).toMatch(/^[A-ZÄÖÜ]/);
					walk(f.fields ?? []);
				});
			walk(cmsFieldsOf(name));
		}
		expect(field('aktuelles', 'summary').hint).toContain('höchstens 200 Zeichen');
	});
	test('the CMS refuses the hidden characters the build refuses: a text field\'s pattern and its schema agree on every sample', () => {
		const schema = text('Zusammenfassung', { max: 200 });
		const pattern = new RegExp(field('aktuelles', 'summary').pattern?.[0] ?? '');
		const samples = [
			'Ein ganz normaler Satz.',
			'Zeile eins\nZeile zwei\tmit Tab',
			'می\u200cخواهم',
			'👩\u200d👩\u200d👧 Familienfest',
			'Mit Richtungszeichen \u200f und \u061c',
			'rechnung\u202efdp.exe',
			'ein \u2066isolierter\u2069 Teil',
			'Steuerzeichen \u0001 drin',
			'Escape \u001b[31m rot',
			'C1 \u0085 drin',
			'Löschen \u007f',
		];
		for (const sample of samples) expect(pattern.test(sample), JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
		// Both sides refuse something, both accept something: the samples test the rule, not an empty one.
		expect(samples.filter((sample) => pattern.test(sample))).toHaveLength(5);
	});
	test('limits become patterns with German messages; enums become German options; references become relations', () => {
		const [summaryPattern = '', summaryMessage] = field('aktuelles', 'summary').pattern ?? [];
		expect(summaryMessage).toBe('Zusammenfassung: höchstens 200 Zeichen erlaubt, ohne unsichtbare Steuer- oder Richtungszeichen (sie geraten oft beim Kopieren aus Word oder PDF hinein).');
		expect(new RegExp(summaryPattern).test('x'.repeat(200))).toBe(true);
		expect(new RegExp(summaryPattern).test('x'.repeat(201))).toBe(false);
		expect(field('projekte', 'status').options).toEqual([
			{ value: 'idee', label: 'Idee' },
			{ value: 'geplant', label: 'geplant' },
			{ value: 'in-umsetzung', label: 'in Umsetzung' },
			{ value: 'abgeschlossen', label: 'abgeschlossen' },
		]);
		expect(field('projekte', 'status').default).toBe('geplant');
		expect(field('aktuelles', 'date').default).toBe('{{now}}');
		expect(field('aktuelles', 'themes')).toMatchObject({ widget: 'relation', collection: 'themen', multiple: true, min: 1, value_field: '{{slug}}' });
		expect(field('einrichtungen', 'category')).toMatchObject({ widget: 'relation', collection: 'kategorien', multiple: false });
	});
	test('funds come from the settings with their names; ways and outcomes in German; goals are relations', () => {
		expect(field('projekte', 'funding.fund').options).toEqual(settings.funds.map((fund) => ({ value: fund.id, label: fund.label })));
		expect(field('projekte', 'funding.fund').required).toBe(false);
		expect(field('aufrufe', 'fund').options?.map((o) => o.value)).toEqual(settings.funds.map((fund) => fund.id));
		expect(field('aufrufe', 'ways')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
		expect(field('aufrufe', 'ways').options).toContainEqual({ value: 'schriftlich', label: 'schriftlich (Brief, E-Mail, Briefkasten)' });
		expect(field('beschluesse', 'outcome').options).toContainEqual({ value: 'geaendert-angenommen', label: 'mit Änderungen angenommen' });
		expect(field('beschluesse', 'committee').options).toContainEqual({ value: 'stadt', label: 'Bezirk/Stadt' });
		expect(field('projekte', 'ihekGoal')).toMatchObject({ widget: 'relation', collection: 'ziele', multiple: false });
		expect(field('projekte', 'funding.years')).toMatchObject({ widget: 'list', required: false });
		expect(field('projekte', 'participationPeriod.event')).toMatchObject({ widget: 'relation', collection: 'termine', required: false });
		expect(field('settings' as CollectionName, 'funding.programmes')).toMatchObject({ widget: 'list' });
	});
	test('coordinates are numbers limited to the district frame from the settings', () => {
		const { bounds } = settings.map;
		expect(field('einrichtungen', 'coordinates.lat')).toMatchObject({ widget: 'number', value_type: 'float', min: bounds.south, max: bounds.north, required: true });
		expect(field('einrichtungen', 'coordinates.lng')).toMatchObject({ widget: 'number', min: bounds.west, max: bounds.east });
	});
	test("points are set on a map of the district frame: the picker's frame is the schema's, which is the settings'", () => {
		const { bounds } = settings.map;
		/** The frame the schema's metadata gives a group holding a point, read from zod directly. */
		const schemaFrame = (name: CollectionName, key: string) => {
			let current = def(schemaFor(name, settings)).shape?.[key] as z.ZodType;
			while (['optional', 'default'].includes(def(current).type)) current = def(current).innerType as z.ZodType;
			return metaOf(current)?.cms;
		};
		for (const [name, key] of [['einrichtungen', 'coordinates'], ['projekte', 'place']] as const) {
			const picker = field(name, key);
			const frame = schemaFrame(name, key);
			expect(frame, `${name}.${key}`).toMatchObject({ widget: 'coordinates', bounds, district: settings.district });
			expect(picker, `${name}.${key}`).toMatchObject({ widget: 'coordinates', bounds: frame?.bounds, district: frame?.district });
			// The frame the map shows is the one the number fields are limited to.
			expect(picker.fields?.find((f) => f.name === 'lat')).toMatchObject({ widget: 'number', min: bounds.south, max: bounds.north });
			expect(picker.fields?.find((f) => f.name === 'lng')).toMatchObject({ widget: 'number', min: bounds.west, max: bounds.east });
		}
		expect(field('einrichtungen', 'coordinates').required).toBe(true);
		// The project's place stays a choice: a facility, or a name with a point on the map.
		expect(field('projekte', 'place')).toMatchObject({ required: false, either: 'facility|label,lat,lng' });
		expect(field('projekte', 'place').fields?.map((f) => f.name)).toEqual(['facility', 'label', 'lat', 'lng']);
	});
	test('phases are a list of steps; opening hours use the checking widget; alt text follows its image', () => {
		expect(field('projekte', 'phases')).toMatchObject({ widget: 'list', min: 1 });
		expect(field('projekte', 'phases').fields?.map((f) => f.name)).toEqual(['title', 'start', 'end', 'state', 'text']);
		expect(field('einrichtungen', 'openingHours').widget).toBe('opening_hours');
		expect(field('aktuelles', 'image.alt')).toMatchObject({ widget: 'alt_text', image_field: 'image.src' });
	});
	test('collapsed list items show their values: every summary names fields of its item', () => {
		expect(field('projekte', 'funding.years').summary).toBe('{{fields.year}}: {{fields.approved}} € bewilligt');
		const lists: DecapField[] = [];
		const walk = (fields: DecapField[]) => {
			for (const f of fields) {
				if (f.widget === 'list' && f.fields) lists.push(f);
				walk(f.fields ?? []);
			}
		};
		for (const collection of config.collections) walk('fields' in collection ? (collection.fields as DecapField[]) : collection.files.flatMap((file) => file.fields as DecapField[]));
		expect(lists.length).toBeGreaterThan(3);
		for (const list of lists) {
			const names = [...(list.summary ?? '').matchAll(/\{\{fields\.(\w+)/g)].map((m) => m[1]);
			expect(names.length, list.name).toBeGreaterThan(0);
			for (const name of names) expect(list.fields?.map((f) => f.name), `${list.name}: ${name}`).toContain(name);
		}
	});
	test('each entry opens on its own page from the CMS: „Live ansehen" and the review preview', () => {
		const paths = Object.fromEntries(config.collections.map((c) => [c.name, (c as { preview_path?: string }).preview_path]));
		expect(paths).toMatchObject({ aktuelles: 'aktuelles/{{slug}}/', projekte: 'projekte/{{slug}}/', einrichtungen: 'einrichtungen/{{slug}}/', seiten: '{{slug}}/' });
		// Paths on this site without a leading slash, ending in a slash; all but the team's contain the entry; the
		// videos in sign language are sections of one page.
		const own: Partial<Record<string, RegExp>> = { kontakte: /^kontakt\/$/, gebaerdensprache: /^gebaerdensprache\/#video-\{\{slug\}\}$/ };
		for (const name of CMS_ORDER) expect(paths[name], name).toMatch(own[name] ?? /^([a-z-]+\/)*\{\{slug\}\}\/$/);
		// Under `npm start` the site links lead to this computer's site, online to the public address.
		expect(cmsConfig(settings, { local: true, siteUrl: 'http://127.0.0.1:4321' })).toMatchObject({ site_url: 'http://127.0.0.1:4321', display_url: 'http://127.0.0.1:4321' });
		expect(cmsConfig(settings, { local: false })).toMatchObject({ site_url: settings.siteUrl });
	});
	test('a meeting rule is picked from plain selects, and every choice offered is one the build accepts', () => {
		const meeting = schemaFor('netzwerk', settings) as unknown as { shape: { meeting: z.ZodOptional<z.ZodObject> } };
		const shape = meeting.shape.meeting.unwrap().shape as Record<string, z.ZodType>;
		for (const name of ['frequency', 'weekday', 'week', 'time', 'end']) {
			const offered = field('netzwerk', `meeting.${name}`);
			expect(offered.widget, name).toBe('select');
			const inner = name === 'week' ? (shape[name] as z.ZodOptional<z.ZodType>).unwrap() : (shape[name] as z.ZodType);
			for (const option of offered.options ?? []) expect(inner.safeParse(option.value).success, `${name}: ${option.value}`).toBe(true);
		}
		expect(field('netzwerk', 'meeting.frequency').options).toEqual([{ value: 'weekly', label: 'wöchentlich' }, { value: 'monthly', label: 'monatlich' }]);
		expect(field('netzwerk', 'meeting.week').options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', '-1']);
		expect(field('netzwerk', 'meeting.time').options).toHaveLength(96);
		// What no select offers, the build refuses too.
		const time = shape.time as z.ZodType;
		for (const wrong of ['17:10', '24:00', '7:00']) expect(time.safeParse(wrong).success, wrong).toBe(false);
		expect((shape.week as z.ZodType).safeParse(5).success).toBe(false);
		expect(field('netzwerk', 'meeting.place')).toMatchObject({ required: false, either: 'facility|address' });
	});
	test('dates are picked as German dates, without „UTC"', () => {
		expect(field('aktuelles', 'date')).toMatchObject({ widget: 'datetime', date_format: 'DD.MM.YYYY', time_format: false });
		expect(field('aktuelles', 'date').picker_utc).toBeUndefined();
	});
	test('pictures go to a folder next to the entries, in a path Astro image() accepts', () => {
		const news = config.collections.find((c) => c.name === 'aktuelles') as { media_folder?: string; public_folder?: string };
		expect(news).toMatchObject({ media_folder: 'bilder', public_folder: 'bilder' });
		expect(field('dokumente', 'file')).toMatchObject({ widget: 'file', media_folder: '/public/dokumente', public_folder: '/dokumente' });
		// An own map file lands where the settings schema expects it.
		expect(field('settings' as CollectionName, 'map.pmtiles')).toMatchObject({ widget: 'file', required: false, media_folder: '/public/karte', public_folder: '/karte' });
	});
});

describe('backends', () => {
	test('production: git-gateway with editorial workflow, no local backend', () => {
		const production = cmsConfig(settings, { local: false });
		expect(production.backend).toEqual({ name: 'git-gateway', branch: 'main', squash_merges: true });
		expect(production).toMatchObject({ publish_mode: 'editorial_workflow' });
		expect(JSON.stringify(production)).not.toMatch(/proxy|local_backend|127\.0\.0\.1/);
	});
	test('local editing talks to decap-server on 127.0.0.1 only', () => {
		const local = cmsConfig(settings, { local: true, localPort: 8123 });
		expect(local.backend).toEqual({ name: 'proxy', proxy_url: 'http://127.0.0.1:8123/api/v1', branch: 'main' });
	});

	/** The sample settings with a sign-in choice, checked by the settings schema as the build checks them. */
	const withSignIn = (cms: Record<string, unknown>) => settingsSchema(plainContext()).parse({ ...settings, cms });
	const github = withSignIn({ backend: 'github', repo: 'qm-muehlenviertel/website' });

	test('the sign-in is a settings choice: Netlify Identity by default, GitHub accounts with the repository named', () => {
		expect(settings.cms).toBeUndefined();
		expect(cmsConfig(withSignIn({ backend: 'git-gateway', branch: 'live' }), { local: false }).backend).toEqual({ name: 'git-gateway', branch: 'live', squash_merges: true });
		const online = cmsConfig(github, { local: false });
		expect(online.backend).toEqual({ name: 'github', repo: 'qm-muehlenviertel/website', branch: 'main', squash_merges: true });
		expect(online).toMatchObject({ publish_mode: 'editorial_workflow' });
		expect(JSON.stringify(online)).not.toMatch(/proxy|local_backend|127\.0\.0\.1/);
		// An own sign-in service instead of Netlify's: Decap's base_url (without a trailing slash, Decap adds „/auth").
		expect(cmsConfig(withSignIn({ backend: 'github', repo: 'qm/site', branch: 'veroeffentlicht', authUrl: 'https://anmeldung.example.org/' }), { local: false }).backend).toEqual({
			name: 'github',
			repo: 'qm/site',
			branch: 'veroeffentlicht',
			squash_merges: true,
			base_url: 'https://anmeldung.example.org',
		});
		// Local editing stays local whatever the settings say.
		expect(cmsConfig(github, { local: true, localPort: 8123 }).backend).toMatchObject({ name: 'proxy' });
	});
	test('both sign-ins give the same editor: only the backend differs', () => {
		const { backend: viaIdentity, ...identityRest } = cmsConfig(settings, { local: false });
		const { backend: viaGithub, ...githubRest } = cmsConfig(github, { local: false });
		expect(viaIdentity.name).not.toBe(viaGithub.name);
		expect(githubRest).toEqual(identityRest);
	});
	test('the Netlify Identity widget is loaded only with git-gateway', () => {
		expect(usesNetlifyIdentity(cmsConfig(settings, { local: false }).backend)).toBe(true);
		expect(usesNetlifyIdentity(cmsConfig(github, { local: false }).backend)).toBe(false);
		expect(usesNetlifyIdentity(cmsConfig(settings, { local: true }).backend)).toBe(false);
	});
	test('staff choose the sign-in in the settings collection, in German', () => {
		const choice = cmsFieldsOf('settings' as CollectionName).find((f) => f.name === 'cms');
		expect(choice).toMatchObject({ widget: 'object', required: false, label: 'Anmeldung in der Redaktion' });
		// Inside the optional group, the choice itself is needed as soon as anything in the group is filled in.
		expect(choice?.fields?.map((f) => [f.name, f.group_required === true])).toEqual([['backend', true], ['repo', false], ['branch', false], ['authUrl', false]]);
		expect(choice?.fields?.find((f) => f.name === 'backend')?.options).toEqual([
			{ value: 'git-gateway', label: 'Netlify Identity (Einladung per E-Mail)' },
			{ value: 'github', label: 'GitHub-Konto' },
		]);
	});
});
