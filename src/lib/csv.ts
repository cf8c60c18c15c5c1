/**
 * CSV as the site publishes it and the import reads it, with the csv project's stringifier and parser.
 * Published files: UTF-8 with a byte-order mark (so Excel reads umlauts), a header row, semicolons between fields
 * and a decimal comma in numbers (what Excel and LibreOffice with German settings expect, so 12,4078 stays a
 * coordinate instead of becoming 124.078), no thousands separators, CRLF line ends, quotes only where a field needs
 * them (RFC 4180). JSON and GeoJSON carry the same data for programs.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** The field separator of every published CSV file. */
export const CSV_SEPARATOR = ';';

/** A number as the published CSV writes it: decimal comma, no thousands separator („51,3462", „1280,5"). */
export function csvNumber(value: number): string {
	return String(value).replace('.', ',');
}

/** A number from a CSV field written with a decimal comma or point; the text itself when it is no number. */
export function numberFromCsv(text: string | undefined): number | string | undefined {
	const value = text?.trim();
	if (!value || !/^-?\d+([.,]\d+)?$/.test(value)) return text;
	return Number(value.replace(',', '.'));
}

/**
 * Text a spreadsheet would run as a formula starts with „=", „+", „-" or „@" (or a tab or carriage return that some
 * programs skip before one); a text cell starting so gets an apostrophe in front, which spreadsheets read as „this is
 * text" (OWASP's recipe against CSV injection). Text already starting with apostrophes before such a character gets
 * one more, so `fromCsvText` restores every text exactly. Numbers are written by `csvNumber` and never neutralised: a
 * negative amount „-5" stays a number that spreadsheets sum, and a number cannot carry a formula.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A text cell as the published CSV writes it: neutralised when a spreadsheet would read it as a formula. */
export function csvText(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text of a CSV cell written by `csvText`: the apostrophe put before a formula character removed again. */
export function fromCsvText(cell: string): string {
	return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A CSV file: the header row, then one row per record (values in header order). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
	const field = (value: string | number | undefined) => (value === undefined ? '' : typeof value === 'number' ? csvNumber(value) : csvText(value));
	return stringify([header, ...rows.map((row) => row.map(field))], {
		bom: true,
		delimiter: CSV_SEPARATOR,
		record_delimiter: 'windows',
		// A line break inside a field (a description over several lines) is quoted too, not only CRLF.
		quoted_match: /[\r\n]/,
	});
}

/** Parses CSV text with or without a BOM into rows of fields (a text neutralised by `csvText` comes back as it was). The separator is read off the header row: a semicolon
 * if it has one (the site's own files, German Excel), else a comma (most other tools). */
export function parseCsv(text: string): string[][] {
	const header = text.slice(0, text.search(/\r?\n|$/));
	const delimiter = header.includes(CSV_SEPARATOR) ? CSV_SEPARATOR : ',';
	const rows = parse(text, { bom: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true }) as string[][];
	return rows.filter((row) => row.some((field) => field.trim() !== '')).map((row) => row.map(fromCsvText));
}
