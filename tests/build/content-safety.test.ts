/**
 * The built sample: notes in opening hours („nach Vereinbarung") are shown on the facility's page, marked as German
 * on other languages' pages; the published CSV files carry no cell a spreadsheet would run as a formula.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { dayNotes, hoursNote } from '../../src/lib/hours';
import { entryFiles, idOf, readData } from '../helpers/content';

const built = (address: string) => readFileSync(path.join('dist', address, 'index.html'), 'utf8');

/** Facilities whose hours carry a note (a comment in quotes), with the note as the page says it. */
const withNotes = entryFiles('einrichtungen')
	.map((file) => ({ id: idOf(file), hours: (readData(file) as { openingHours?: string }).openingHours ?? '' }))
	.map(({ id, hours }) => ({ id, note: hoursNote(hours), onDays: [...dayNotes(hours)] }))
	.filter((facility) => facility.note !== undefined || facility.onDays.length > 0);

describe('notes in opening hours („nach Vereinbarung") are shown, not dropped', () => {
	test('the sample has such a facility', () => expect(withNotes.length).toBeGreaterThan(0));

	test('the facility page says the note under its hours; other languages mark it as German', () => {
		for (const { id, note, onDays } of withNotes) {
			const html = built(`einrichtungen/${id}`);
			const hours = html.slice(html.indexOf('<today-hours'), html.indexOf('</today-hours>'));
			if (note) expect(hours, id).toMatch(new RegExp(`Hinweis: <span>${note}</span>|Hinweis: ${note}`));
			for (const dayNote of onDays) expect(hours, id).toContain(dayNote);
			for (const [lang, word] of [['en', 'Note'], ['tr', 'Not']] as const) {
				const other = built(`${lang}/einrichtungen/${id}`);
				const otherHours = other.slice(other.indexOf('<today-hours'), other.indexOf('</today-hours>'));
				for (const text of [note, ...onDays].filter(Boolean)) expect(otherHours, `${lang} ${id}`).toMatch(new RegExp(`<span lang="de" dir="ltr">${text}</span>`));
				if (note) expect(otherHours).toContain(`${word}: <span lang="de"`);
			}
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
