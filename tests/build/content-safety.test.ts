/**
 * The built sample: notes for whole days in opening hours („nach Vereinbarung") stand on their days in the facility's
 * table and the line for today, marked as German on other languages' pages; the published CSV files carry no cell a
 * spreadsheet would run as a formula.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { dayNotes } from '../../src/lib/hours';
import { decodeCalendar, todayLine } from '../../src/lib/today-hours';
import { entryFiles, idOf, readData } from '../helpers/content';

const built = (address: string) => readFileSync(path.join('dist', address, 'index.html'), 'utf8');
const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** Facilities whose hours have a note for whole days, with the days (0 = Monday) each note stands for. */
const withDayNotes = entryFiles('einrichtungen')
	.map((file) => ({ id: idOf(file), hours: (readData(file) as { openingHours?: string }).openingHours ?? '' }))
	.flatMap(({ id, hours }) =>
		[...dayNotes(hours)].map((note) => {
			const rule = hours.split(';').find((r) => r.includes(`"${note}"`)) ?? '';
			const [from = -1, to = from] = (/^\s*([A-Z][a-z])(?:-([A-Z][a-z]))?/.exec(rule) ?? []).slice(1).filter(Boolean).map((d) => WEEKDAYS.indexOf(d));
			return { id, note, days: Array.from({ length: to - from + 1 }, (_, i) => from + i) };
		}),
	);

describe('a note for whole days in opening hours is shown, not dropped', () => {
	test('the sample has such a facility', () => expect(withDayNotes.length).toBeGreaterThan(0));

	test('the facility page: its days say the note instead of „geschlossen"; other languages mark it German', () => {
		for (const { id, note, days } of withDayNotes) {
			const html = built(`einrichtungen/${id}`);
			for (const day of days) {
				const row = new RegExp(`<tr data-weekday="${day}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
				expect(row, `${id} ${day}`).toContain(note);
				expect(row).not.toContain('geschlossen');
			}
			// Not said twice: the note for the day is not repeated under the table.
			expect(html).not.toContain(`Hinweis: ${note}`);
			const english = built(`en/einrichtungen/${id}`);
			expect(english).toMatch(new RegExp(`<span lang="de"[^>]*>${note}</span>`));
		}
	});

	test('the line for today says the note on such a day, from the hours the page carries', () => {
		const buildTime = new Date(inject('buildTime'));
		for (const { id, note, days } of withDayNotes) {
			const html = built(`einrichtungen/${id}`);
			const encoded = /<open-today[^>]*data-hours="([^"]*)"/.exec(html)?.[1] ?? '';
			const calendar = decodeCalendar(encoded.replaceAll('&amp;', '&').replaceAll('&#34;', '"'));
			// The next such day after the build, at noon Berlin time.
			const day = Array.from({ length: 7 }, (_, i) => new Date(buildTime.getTime() + (i + 1) * 86_400_000)).find((d) => days.includes((d.getUTCDay() + 6) % 7)) as Date;
			day.setUTCHours(11, 0, 0, 0);
			expect(todayLine(calendar, day, { today: 'Heute', closed: 'geschlossen', weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] })).toMatch(new RegExp(`^Heute \\(\\w+\\): ${note}$`));
		}
	});
});

describe('published CSV files carry no formulas', () => {
	const csvFiles = ['einrichtungen.csv', ...readdirSync('dist/daten').filter((name) => name.endsWith('.csv')).map((name) => `daten/${name}`)];
	test('no field of any CSV file starts with =, +, @, or with - unless it is a number', () => {
		expect(csvFiles.length).toBeGreaterThan(1);
		for (const file of csvFiles) {
			const text = readFileSync(path.join('dist', file), 'utf8');
			// Fields as written, before any parser could undo the apostrophe: split on separators outside quotes.
			for (const line of text.replace(/^\uFEFF/, '').split('\r\n')) {
				for (const field of line.match(/("([^"]|"")*"|[^;]*)(;|$)/g) ?? []) {
					const value = field.replace(/;$/, '').replace(/^"|"$/g, '');
					expect(value, `${file}: ${line}`).not.toMatch(/^[=+@\t\r]|^-(?!\d+(,\d+)?$)/);
				}
			}
		}
	});
});
