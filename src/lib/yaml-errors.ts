/**
 * YAML that cannot be read, said in German with the line: a data file (`kontakte/anna.yaml`, the settings) or the
 * frontmatter of a Markdown entry. The loaders (src/lib/loaders.ts) and the settings reader (src/schemas/index.ts)
 * check every file with this before Astro reads it, so an editor never meets the parser's English.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments, YAMLError } from 'yaml';

/** What a syntax error means, in plain words (codes of the yaml package). */
const REASONS: Record<string, string> = {
	MISSING_CHAR: 'Ein schließendes Zeichen fehlt – meist ein Anführungszeichen " oder eine Klammer ] oder }.',
	BAD_INDENT: 'Die Einrückung stimmt nicht: Angaben derselben Gruppe oder Liste müssen gleich weit eingerückt sein.',
	TAB_AS_INDENT: 'Eingerückt wird mit Leerzeichen, nicht mit Tabulatoren.',
	DUPLICATE_KEY: 'Ein Feld steht zweimal in der Datei – bitte eines davon löschen.',
	MULTILINE_IMPLICIT_KEY: 'Hier beginnt ein Feld mitten in einem Text – oft fehlt ein Anführungszeichen oder ein Text mit „: " steht nicht in Anführungszeichen.',
	BLOCK_AS_IMPLICIT_KEY: 'Hier steht ein zweiter Doppelpunkt oder ein Feldname, wo ein Wert erwartet wird – Texte mit „: " bitte in Anführungszeichen setzen, sonst Einrückung prüfen.',
	UNEXPECTED_TOKEN: 'Hier steht ein Zeichen, das an dieser Stelle nicht stehen darf – Texte mit „:", „#", „[" oder „{" bitte in Anführungszeichen setzen.',
	BAD_SCALAR_START: 'Ein Text beginnt mit einem Zeichen, das YAML anders liest (z. B. „@", „`", „%") – bitte den Text in Anführungszeichen setzen.',
	BAD_DQ_ESCAPE: 'Ein Rückstrich \\ in Anführungszeichen ist ungültig – bitte „\\\\" schreiben oder einfache Anführungszeichen verwenden.',
	MULTIPLE_DOCS: 'Die Datei enthält eine zweite Trennlinie „---" – bitte entfernen.',
};

const GENERAL = 'Die YAML-Schreibweise stimmt hier nicht – bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen.';

/**
 * The frontmatter of a Markdown or MDX file (between the first two „---" lines) and the line it starts on;
 * undefined when the file has none.
 */
export function frontmatterOf(text: string): { yaml: string; firstLine: number } | undefined {
	const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
	if (!match || match.index !== 0) return undefined;
	return { yaml: match[1] ?? '', firstLine: 2 };
}

/**
 * The German sentences for the syntax errors of a YAML text („Zeile 4, Spalte 7: …"), empty when it reads.
 * `firstLine`: the file line the text starts on (2 for frontmatter).
 */
export function yamlProblems(yaml: string, firstLine = 1): string[] {
	const problems: string[] = [];
	const documents = parseAllDocuments(yaml);
	const list = Array.isArray(documents) ? documents : [];
	if (list.length > 1) {
		const second = list[1]?.range?.[0] ?? 0;
		problems.push(`Zeile ${yaml.slice(0, second).split('\n').length + firstLine - 1}: ${REASONS.MULTIPLE_DOCS}`);
	}
	for (const error of list.flatMap((doc) => doc.errors) as YAMLError[]) {
		const where = error.linePos?.[0];
		const place = where ? `Zeile ${where.line + firstLine - 1}, Spalte ${where.col}` : 'In der Datei';
		problems.push(`${place}: ${REASONS[error.code] ?? GENERAL}`);
	}
	return problems.slice(0, 3);
}

/** The YAML syntax problems of a content file: the whole file for .yaml/.yml, the frontmatter for .md/.mdx. */
export function fileYamlProblems(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	if (/\.ya?ml$/i.test(file)) return yamlProblems(text);
	if (/\.mdx?$/i.test(file)) {
		const front = frontmatterOf(text);
		return front ? yamlProblems(front.yaml, front.firstLine) : [];
	}
	return [];
}

/** The closing line of every YAML syntax message: what to do. */
export const YAML_ADVICE = 'Tipp: Texte mit Doppelpunkt, # oder Anführungszeichen am besten in doppelte Anführungszeichen "…" setzen; eingerückt wird nur mit Leerzeichen.';
