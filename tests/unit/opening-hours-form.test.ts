/**
 * The opening-hours form model: every opening-hours value of the sample content reads into the form and is
 * written back unchanged, meaning the same to the opening_hours library; the plain-German preview; notes; values
 * too special for the form; and the messages staff read when a value is wrong.
 */
import { describe, expect, test } from 'vitest';
import { DAY_CODES, MONTH_CODES, describeHours, emptyModel, parseHours, serializeHours, type HoursModel } from '../../src/lib/opening-hours-form';
import { openingHoursProblem, parseOpeningHours } from '../../src/lib/opening-hours';
import { hoursNote, isOpen, weekTable } from '../../src/lib/hours';
import { entryFiles, readData } from '../helpers/content';

/** Every `openingHours` value anywhere in the facilities and the settings. */
function sampleValues(): string[] {
	const found: string[] = [];
	const walk = (data: unknown) => {
		if (!data || typeof data !== 'object') return;
		for (const [key, value] of Object.entries(data)) {
			if (key === 'openingHours' && typeof value === 'string') found.push(value);
			else walk(value);
		}
	};
	for (const file of [...entryFiles('einrichtungen'), ...entryFiles('settings')]) walk(readData(file));
	return found;
}

/** The library's open (and unknown) intervals over all of 2026, comparable with toEqual. */
function intervals2026(value: string) {
	return parseOpeningHours(value)
		.getOpenIntervals(new Date(2026, 0, 1), new Date(2027, 0, 1))
		.map(([from, to, unknown, comment]) => [from.getTime(), to.getTime(), unknown, comment ?? null]);
}

/** The model written without any grouping: one rule per day — what the grouped value must mean. */
function ungrouped(model: HoursModel): string {
	const season = model.season ? `${MONTH_CODES[model.season.from - 1]}-${MONTH_CODES[model.season.to - 1]} ` : '';
	const rules = model.days.flatMap((ranges, day) => (ranges.length ? [`${season}${DAY_CODES[day]} ${ranges.map((r) => `${r.from}-${r.to}`).join(',')}`] : []));
	if (model.holidays === 'closed') rules.push('PH off');
	else if (Array.isArray(model.holidays)) rules.push(`${season}PH ${model.holidays.map((r) => `${r.from}-${r.to}`).join(',')}`);
	return rules.join('; ') + (model.note ? ` || "${model.note}"` : '');
}

const samples = sampleValues();

describe('every opening-hours value of the sample content', () => {
	test('there are many, office hours included', () => {
		expect(samples.length).toBeGreaterThan(30);
		expect(samples).toContain('Tu 10:00-13:00; Th 14:00-18:00; PH off');
	});

	test.each(samples.map((value) => [value]))('%s reads into the form and is written back unchanged', (value) => {
		const model = parseHours(value);
		expect(model).toBeDefined();
		const written = serializeHours(model as HoursModel);
		expect(written).toBe(value);
		expect(intervals2026(written)).toEqual(intervals2026(value));
	});

	test.each(samples.map((value) => [value]))('%s means the same as its days written one by one, which group back to it', (value) => {
		const model = parseHours(value) as HoursModel;
		const plain = ungrouped(model);
		expect(openingHoursProblem(plain), plain).toBeUndefined();
		expect(intervals2026(plain), plain).toEqual(intervals2026(value));
		expect(serializeHours(parseHours(plain) as HoursModel)).toBe(value);
	});
});

describe('writing a model', () => {
	const week = (ranges: Partial<Record<number, string>>): HoursModel['days'] =>
		DAY_CODES.map((_, day) =>
			(ranges[day] ?? '')
				.split(',')
				.filter(Boolean)
				.map((range) => {
					const [from = '', to = ''] = range.split('-');
					return { from, to };
				}),
		);

	test('days with equal ranges form one rule; runs of three or more as a span, of two as a pair', () => {
		expect(serializeHours({ days: week({ 0: '09:00-12:00', 2: '09:00-12:00', 4: '09:00-12:00', 1: '14:00-17:30', 3: '14:00-17:30' }), holidays: 'closed' })).toBe(
			'Mo,We,Fr 09:00-12:00; Tu,Th 14:00-17:30; PH off',
		);
		expect(serializeHours({ days: week({ 0: '10:00-12:00', 1: '10:00-12:00', 2: '10:00-12:00', 5: '10:00-12:00', 6: '10:00-12:00' }), holidays: 'unspecified' })).toBe(
			'Mo-We,Sa,Su 10:00-12:00',
		);
	});
	test('all seven days, daylight, seasons, holidays with their own hours', () => {
		const daylight = week({ 0: 'sunrise-sunset', 1: 'sunrise-sunset', 2: 'sunrise-sunset', 3: 'sunrise-sunset', 4: 'sunrise-sunset', 5: 'sunrise-sunset', 6: 'sunrise-sunset' });
		expect(serializeHours({ days: daylight, holidays: 'unspecified' })).toBe('sunrise-sunset');
		expect(serializeHours({ days: daylight, holidays: 'closed' })).toBe('Mo-Su sunrise-sunset; PH off');
		const summer: HoursModel = { days: week({ 0: '10:00-19:00', 1: '10:00-19:00', 2: '10:00-19:00', 3: '10:00-19:00', 4: '10:00-19:00', 5: '10:00-19:00', 6: '10:00-19:00' }), holidays: [{ from: '10:00', to: '12:00' }], season: { from: 5, to: 9 } };
		expect(serializeHours(summer)).toBe('May-Sep Mo-Su 10:00-19:00; May-Sep PH 10:00-12:00');
		expect(serializeHours({ ...summer, season: { from: 8, to: 8 }, holidays: 'closed' })).toBe('Aug Mo-Su 10:00-19:00; PH off');
		for (const model of [summer, { ...summer, season: { from: 10, to: 3 } }]) {
			const value = serializeHours(model);
			expect(openingHoursProblem(value), value).toBeUndefined();
			expect(parseHours(value)).toEqual(model);
		}
	});
	test('ranges not filled in completely are left out; an empty form is an empty value', () => {
		expect(serializeHours({ days: week({ 0: '08:00-12:00', 5: '09:00-' }), holidays: [{ from: '', to: '' }] })).toBe('Mo 08:00-12:00');
		expect(serializeHours(emptyModel())).toBe('');
		expect(parseHours('')).toEqual(emptyModel());
	});
	test('later rules replace earlier ones for the same days, as in OSM; spaces are tolerated', () => {
		const value = 'Mo-Fr 08:00-16:00; We 10:00-12:00; PH off';
		expect(serializeHours(parseHours(value) as HoursModel)).toBe('Mo,Tu,Th,Fr 08:00-16:00; We 10:00-12:00; PH off');
		expect(intervals2026('Mo,Tu,Th,Fr 08:00-16:00; We 10:00-12:00; PH off')).toEqual(intervals2026(value));
		expect(serializeHours(parseHours('Mo - Fr 8:00 - 16:00 , 17:00-18:00;PH off') as HoursModel)).toBe('Mo-Fr 08:00-16:00,17:00-18:00; PH off');
		expect(serializeHours(parseHours('Fr-Mo 10:00-12:00') as HoursModel)).toBe('Mo,Fr-Su 10:00-12:00');
	});
});

describe('the plain-German preview', () => {
	const say = (value: string) => describeHours(parseHours(value) as HoursModel);
	test('days, hours without „:00", holidays', () => {
		expect(say('Mo-Fr 09:00-17:00; Sa 10:00-13:00; PH off')).toBe('Mo–Fr 9–17 Uhr, Sa 10–13 Uhr, So geschlossen, an Feiertagen geschlossen');
		expect(say('Tu 09:30-12:30,13:00-16:00; PH 10:00-12:00')).toBe('Mo geschlossen, Di 9:30–12:30 und 13–16 Uhr, Mi–So geschlossen, an Feiertagen 10–12 Uhr');
		expect(say('Mo-Fr 15:00-21:00; Sa,Su 09:00-18:00')).toBe('Mo–Fr 15–21 Uhr, Sa und So 9–18 Uhr');
		expect(say('We-Sa 18:00-24:00; PH off')).toBe('Mo und Di geschlossen, Mi–Sa 18–24 Uhr, So geschlossen, an Feiertagen geschlossen');
	});
	test('daylight, seasons, notes, nothing', () => {
		expect(say('sunrise-sunset')).toBe('Täglich Sonnenaufgang bis Sonnenuntergang');
		expect(say('Mo-Fr 08:00-sunset')).toBe('Mo–Fr 8 Uhr bis Sonnenuntergang, Sa und So geschlossen');
		expect(say('May-Sep Mo-Su 10:00-19:00')).toBe('Mai bis September: täglich 10–19 Uhr');
		expect(say('Apr-Oct We 16:00-19:00; Apr-Oct Sa 10:00-16:00')).toBe('April bis Oktober: Mo und Di geschlossen, Mi 16–19 Uhr, Do und Fr geschlossen, Sa 10–16 Uhr, So geschlossen');
		expect(say('Mo 10:00-12:00; PH off || "Termine auch nach Vereinbarung"')).toBe('Mo 10–12 Uhr, Di–So geschlossen, an Feiertagen geschlossen. Hinweis: Termine auch nach Vereinbarung');
		expect(say('"nach Vereinbarung"')).toBe('Hinweis: nach Vereinbarung');
		expect(say('')).toBe('Keine Öffnungszeiten angegeben');
	});
});

describe('a note for the times outside the hours', () => {
	const value = 'Mo-Fr 08:00-16:00; PH off || "Termine auch nach Vereinbarung"';
	test('is read, written back, and accepted by the build', () => {
		const model = parseHours(value) as HoursModel;
		expect(model.note).toBe('Termine auch nach Vereinbarung');
		expect(serializeHours(model)).toBe(value);
		expect(openingHoursProblem(value)).toBeUndefined();
		expect(serializeHours(parseHours('"nach Vereinbarung"') as HoursModel)).toBe('"nach Vereinbarung"');
		expect(serializeHours({ ...model, note: 'Sprechstunde "Miete"\nnach Absprache' })).toBe(`Mo-Fr 08:00-16:00; PH off || "Sprechstunde 'Miete' nach Absprache"`);
		expect(serializeHours({ ...model, note: '  ' })).toBe('Mo-Fr 08:00-16:00; PH off');
	});
	test('never shows as opening time, is shown as the note, and does not make the place open', () => {
		expect(weekTable(value).map((row) => row.spans)).toEqual([['08:00–16:00'], ['08:00–16:00'], ['08:00–16:00'], ['08:00–16:00'], ['08:00–16:00'], [], []]);
		expect(weekTable('"nach Vereinbarung"').every((row) => row.spans.length === 0)).toBe(true);
		expect(hoursNote(value)).toBe('Termine auch nach Vereinbarung');
		expect(hoursNote('Mo-Fr 08:00-16:00; PH off')).toBeUndefined();
		expect(isOpen(value, new Date('2026-12-05T11:00:00Z'))).toBe(false); // Saturday
		expect(isOpen(value, new Date('2026-12-04T11:00:00Z'))).toBe(true); // Friday
	});
});

describe('values too special for the form', () => {
	test.each([
		'Mo-Fr 08:00-16:00; We off',
		'week 1-53/2 Mo 10:00-12:00',
		'Dec 24 off',
		'2026 Mo-Fr 10:00-12:00',
		'Mo-Fr 08:00-16:00 || Sa 10:00-12:00',
		'Mo-Fr 08:00-16:00 "nur mit Termin"',
		'open',
		'24/7',
		'PH off; Mo-Fr 08:00-16:00',
		'Sa,Su,PH 10:00-16:00',
		'SH Mo-Fr 10:00-12:00',
		'Apr-Oct Mo 10:00-12:00; Tu 10:00-12:00',
		'Mo-Fr 10:00+',
		'Mo-Fr sunrise-(sunset-01:00)',
		'Mo-Fr 25:00-26:00',
		'Mo Di 08:00-16:00',
		'Mo-Fr 08:00-16:00 || ""',
	])('%s gives undefined', (value) => {
		expect(parseHours(value)).toBeUndefined();
	});
});

describe('messages staff can read', () => {
	const wrong = [
		'Mo-Fr 25:00-26:00',
		'Mo Di 08:00-16:00',
		'Mo-Fr 08:00-16:00 PH off',
		'Mo-Fr 8-16',
		'Mo-Fr 08:00-16:00;',
		'Mon-Fri 08:00-16:00',
		'Mo-Fr 08:00-16:00 Uhr',
		'foo',
		'Mo-Fr 08:00',
		'Mo-Fr 08.00-16.00',
		'Montag bis Freitag 8-16',
		'Mo-Fr 08:00-16:60',
		'Mo–Fr 08:00–16:00',
		'Mo-Fr 08:00-16:00 geschlossen',
		'Mo-Fr 09:00-12:00 und 14:00-16:00',
		'Mo-Fr 08:00-16:00; Sa 10:00-12:00; So geschlossen',
		'Mo-Fr 08:00-16:00 nach Vereinbarung',
		'08:00-12:00; 14:00-18:00',
		'Mo-Fr 08-16:00',
		'Mo-Fr 10:00-12:00 Mo 14:00-15:00',
		'Mo-Fr 08:00-16:00 ""',
		'Jan-Dez Mo 10:00-12:00',
	];
	test.each(wrong.map((value) => [value]))('%s: a German sentence in the „Sie" form, without parser arrows', (value) => {
		const message = openingHoursProblem(value);
		expect(message).toBeDefined();
		const text = message ?? '';
		expect(text).not.toContain('<---');
		expect(text).not.toMatch(/\b[Dd]u\b|\bdein|\bdir\b/);
		expect(text).not.toMatch(/\b[A-ZÄÖÜ]{5,}\b/);
		expect(text).not.toMatch(/Selektor|Token|timesep|opening_hours/);
		expect(text).toMatch(/^[A-ZÄÖÜ]/);
		expect(text).toMatch(/\.$/);
		if (/Bitte/.test(text)) expect(text).toMatch(/\bSie\b/);
	});
	test('they say where and what', () => {
		expect(openingHoursProblem('Mo-Fr 25:00-26:00')).toBe('Bei „Mo-Fr 25:00": Uhrzeiten gehen von 00:00 bis 24:00.');
		expect(openingHoursProblem('Mo Di 08:00-16:00')).toBe('Bei „Mo Di": Bitte schreiben Sie „Tu" statt „Di". Wochentage schreiben Sie englisch abgekürzt: Mo Tu We Th Fr Sa Su.');
		expect(openingHoursProblem('Mo-Fr 08:00-16:00 Uhr')).toBe('Bei „Mo-Fr 08:00-16:00 Uhr": Bitte lassen Sie „Uhr" weg.');
		expect(openingHoursProblem('Mo-Fr 08:00-16:00;')).toContain('Bitte lassen Sie das „;" am Ende weg');
	});
	test('the build names the field and the accepted day abbreviations', async () => {
		const { openingHours } = await import('../../src/schemas/fields');
		const result = openingHours('Öffnungszeiten').safeParse('Mo Di 08:00-16:00');
		const message = result.error?.issues[0]?.message ?? '';
		expect(message).toContain('Öffnungszeiten „Mo Di 08:00-16:00" sind nicht im OpenStreetMap-Format');
		expect(message).toContain('Mo Tu We Th Fr Sa Su');
		expect(message).not.toContain('<---');
	});
});
