/**
 * Rules across fields hold in the CMS as in the build (same function, same German message); the residents' forms
 * check what the browser checks; CSV and charts are written as documented.
 */
import { describe, expect, test } from 'vitest';
import { checkEntry } from '../../cms/rules';
import { cmsConfig } from '../../cms/config';
import { readSettings } from '../../src/schemas';
import { entryFiles, readData } from '../helpers/content';
import { applyCase, invalidCases } from '../fixtures/invalid-entries';
import { checkFields, FORMS, HONEYPOT, postedFields, type FieldState, type FormMessages } from '../../src/lib/forms';
import { numberFromCsv, parseCsv, toCsv } from '../../src/lib/csv';
import { layoutBars, wrapWords } from '../../src/lib/charts';
import { de } from '../../src/i18n/de';

/** Data as Decap hands it to `preSave`: days as "JJJJ-MM-TT" text, references as ids. */
function asCms(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return value.map(asCms);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asCms(v)]));
	return value;
}

describe('the CMS refuses what the build refuses, with the same words', () => {
	const ruleCases = [
		'two current renewal steps',
		'an idea with granted money',
		'a project under way without granted money',
		'more paid out than granted',
		'money applied for left in place after it was granted',
		'a participation period that ends before it starts',
		'votes that do not fit the outcome',
		'a rejection with more yes than no votes',
		'money with no figure at all',
		'granted money without a fund',
		'a funding year listed twice',
		'a goal whose period ends before it starts',
	];
	for (const bad of invalidCases.filter((c) => ruleCases.includes(c.name))) {
		test(bad.name, () => {
			const collection = bad.file.split('/')[1] ?? '';
			const data = asCms(applyCase(readData(bad.file), bad)) as Record<string, unknown>;
			expect(checkEntry(collection, [], data).messages.join(' ')).toContain(bad.message);
		});
	}
	test('every sample entry passes the checks as the CMS runs them', () => {
		const collections = cmsConfig(readSettings(), { local: false }).collections.filter((c): c is typeof c & { fields: Parameters<typeof checkEntry>[1] } => 'fields' in c);
		let checked = 0;
		for (const collection of collections) {
			for (const file of entryFiles(collection.name)) {
				expect(checkEntry(collection.name, collection.fields, asCms(readData(file)) as Record<string, unknown>).messages, file).toEqual([]);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});
	test('an optional field left empty is not written (an empty text would be a wrong value to the build)', () => {
		const fields = (cmsConfig(readSettings(), { local: false }).collections.find((c) => c.name === 'einrichtungen') as { fields: Parameters<typeof checkEntry>[1] }).fields;
		const kita = asCms(readData('content/einrichtungen/kita-sonnenblume.md')) as Record<string, unknown>;
		const { data, messages } = checkEntry('einrichtungen', fields, { ...kita, openingHours: '', website: null });
		expect(messages).toEqual([]);
		expect('openingHours' in data).toBe(false);
		expect('website' in data).toBe(false);
		// Required fields stay, even when empty: the CMS itself asks for them.
		expect(checkEntry('einrichtungen', fields, { ...kita, name: '' }).data.name).toBe('');
	});
	test('collections without rules never block a save', () => {
		expect(checkEntry('aktuelles', [], {}).messages).toEqual([]);
	});
	test('an optional group left empty is dropped before saving; one filled in part is refused, naming what is missing', () => {
		const fields = (cmsConfig(readSettings(), { local: false }).collections.find((c) => c.name === 'projekte') as { fields: Parameters<typeof checkEntry>[1] }).fields;
		const project = asCms(readData('content/projekte/bewegte-schulhoefe.de.md')) as Record<string, unknown>;
		const empty = checkEntry('projekte', fields, { ...project, participationPeriod: { from: '', ways: [], topic: '' }, origin: {} });
		expect(empty.messages).toEqual([]);
		expect('participationPeriod' in empty.data).toBe(false);
		expect('origin' in empty.data).toBe(false);
		const half = checkEntry('projekte', fields, { ...project, participationPeriod: { from: '2027-01-10', ways: [] } });
		expect(half.messages).toEqual([
			'Beteiligungszeitraum: Bitte auch „Mitreden bis" ausfüllen – oder alle Angaben dieser Gruppe leeren.',
			'Beteiligungszeitraum: Bitte auch „Worum es geht" ausfüllen – oder alle Angaben dieser Gruppe leeren.',
			'Beteiligungszeitraum: Bitte auch „Wege zum Mitreden" ausfüllen – oder alle Angaben dieser Gruppe leeren.',
		]);
		// A choice (a place: a facility, or a name with coordinates) is filled in exactly one way, completely.
		const place = (value: unknown) => checkEntry('projekte', fields, { ...project, place: value }).messages;
		const either = 'Ort: Bitte genau eines ausfüllen – „Ort (Einrichtung)" oder „Ortsbezeichnung", „Breitengrad (lat)" und „Längengrad (lng)" –, nicht mehreres und nicht nur einen Teil.';
		expect(place({ facility: 'spielplatz-muehlenpark', label: 'Spielplatz' })).toEqual([either]);
		expect(place({ label: 'Innenhof', lat: 51.345 })).toEqual([either]);
		expect(place({ label: 'Innenhof', lat: 51.345, lng: 12.405 })).toEqual([]);
		expect(place({ facility: 'spielplatz-muehlenpark', label: '' })).toEqual([]);
		const whole = checkEntry('projekte', fields, asCms(readData('content/projekte/muehlenpark-neugestaltung.de.md')) as Record<string, unknown>);
		expect(whole.messages).toEqual([]);
		expect(whole.data.participationPeriod).toMatchObject({ from: '2026-07-01', until: '2026-11-30' });
	});
});

describe('the forms', () => {
	const messages: FormMessages = {
		required: de['form.error.required'],
		requiredWhen: de['form.error.requiredWhen'],
		tooLong: de['form.error.tooLong'],
		email: de['form.error.email'],
		tel: de['form.error.tel'],
	};
	const field = (name: string, value: string, extra: Partial<FieldState> = {}): FieldState => ({ name, label: name, value, kind: 'text', required: false, ...extra });

	test('required, too long, e-mail and phone in German, one message per field', () => {
		const problems = checkFields(
			[
				field('Ihre Idee', '  ', { required: true }),
				field('Beschreibung', 'x'.repeat(12), { maxLength: 10 }),
				field('E-Mail', 'anna.example.org', { kind: 'email' }),
				field('Telefon', 'abc', { kind: 'tel' }),
				field('Ort', ''),
			],
			messages,
		);
		expect(problems).toEqual([
			{ name: 'Ihre Idee', message: 'Bitte füllen Sie „Ihre Idee" aus.' },
			{ name: 'Beschreibung', message: '„Beschreibung" darf höchstens 10 Zeichen lang sein – jetzt sind es 12.' },
			{ name: 'E-Mail', message: 'Bitte geben Sie bei „E-Mail" eine E-Mail-Adresse wie name@beispiel.de an.' },
			{ name: 'Telefon', message: 'Bitte geben Sie bei „Telefon" eine Telefonnummer mit Ziffern an, zum Beispiel 0341 1234567.' },
		]);
	});

	test('an answer by e-mail needs the e-mail address, an answer by phone the number', () => {
		const fields = (answer: string) => [
			field('email', '', { kind: 'email', label: 'E-Mail-Adresse', requiredWhen: { field: 'antwort', value: 'email' } }),
			field('telefon', '', { kind: 'tel', label: 'Telefonnummer', requiredWhen: { field: 'antwort', value: 'telefon' } }),
			field('antwort', answer, { kind: 'radio', required: true }),
		];
		expect(checkFields(fields('keine'), messages)).toEqual([]);
		expect(checkFields(fields('email'), messages)).toEqual([{ name: 'email', message: 'Für eine Antwort brauchen wir „E-Mail-Adresse".' }]);
		expect(checkFields(fields('telefon'), messages).map((p) => p.name)).toEqual(['telefon']);
	});

	test('each form posts its name, the honeypot and its own fields; every label and hint is in the dictionary', () => {
		expect(postedFields(FORMS.idee)).toEqual(['form-name', HONEYPOT, 'idee', 'beschreibung', 'ort', 'handlungsfeld', 'fonds', 'name', 'email', 'telefon', 'antwort']);
		expect(postedFields(FORMS.barriere)).toContain('seite');
		for (const form of Object.values(FORMS)) {
			for (const f of form.fields) {
				expect(de[f.label], f.label).toBeTruthy();
				if (f.hint) expect(de[f.hint], f.hint).toBeTruthy();
			}
			// Nothing about a person is required: name and contact stay voluntary.
			expect(form.fields.filter((f) => ['name', 'email', 'telefon'].includes(f.name)).every((f) => !f.required)).toBe(true);
		}
	});
});

describe('CSV as published', () => {
	test('BOM, semicolons, CRLF, quotes only where needed; read back by the same parser', () => {
		const text = toCsv(['id', 'titel', 'betrag'], [['a', 'Schön; mit "Zitat"', 1500], ['b', 'Zeile\nzwei', undefined]]);
		expect(text.startsWith('\uFEFFid;titel;betrag\r\n')).toBe(true);
		expect(text).toContain('a;"Schön; mit ""Zitat""";1500\r\n');
		expect(parseCsv(text)).toEqual([['id', 'titel', 'betrag'], ['a', 'Schön; mit "Zitat"', '1500'], ['b', 'Zeile\nzwei', '']]);
	});
	test('numbers with a decimal comma, as German spreadsheets read them; both ways read back', () => {
		expect(toCsv(['lat', 'betrag', 'ganz'], [[51.3462, 1280.5, 1500]])).toContain('\r\n51,3462;1280,5;1500\r\n');
		expect(numberFromCsv('51,3462')).toBe(51.3462);
		expect(numberFromCsv('12.4078')).toBe(12.4078);
		expect(numberFromCsv('-3')).toBe(-3);
		expect(numberFromCsv('12,40,78')).toBe('12,40,78');
		expect(numberFromCsv('')).toBe('');
	});
	test('files from other tools separated by commas are read too (import)', () => {
		expect(parseCsv('a,b\r\n"x, ""y""",z\n')).toEqual([['a', 'b'], ['x, "y"', 'z']]);
		expect(parseCsv('name;beschreibung\nKita;Mit Garten, Hof\n')).toEqual([['name', 'beschreibung'], ['Kita', 'Mit Garten, Hof']]);
	});
});

describe('bar charts', () => {
	test('labels wrap at spaces but keep „480.000 €" together', () => {
		expect(wrapWords('Nachbarschaft & Zusammenleben', 16)).toEqual(['Nachbarschaft &', 'Zusammenleben']);
		expect(wrapWords('480.000\u00a0€ · ausgezahlt: 280.000\u00a0€', 22)).toEqual(['480.000\u00a0€ ·', 'ausgezahlt: 280.000\u00a0€']);
	});
	test('the longest bar fills the width; the paid part and the rest add up to the bar', () => {
		const { rows, height } = layoutBars([
			{ label: 'Baufonds', total: 480000, part: 280000, value: '' },
			{ label: 'Aktionsfonds', total: 120000, part: 120000, value: '' },
			{ label: 'Netzwerkfonds', total: 0, part: 0, value: '' },
		]);
		expect(rows.map((r) => [r.partWidth, r.restWidth])).toEqual([
			[58.3, 41.7],
			[25, 0],
			[0, 0],
		]);
		expect(rows[1]!.barY).toBeGreaterThan(rows[0]!.barY);
		expect(height).toBeGreaterThan(rows[2]!.barY);
	});
});
