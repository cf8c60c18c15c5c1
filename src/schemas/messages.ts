/**
 * German validation messages for editors.
 *
 * Every field of every schema is built with `de(label)`, so each message an editor can meet names the field
 * (by its German label) and says what is expected. Messages are plain sentences without jargon.
 */
import type { z } from 'astro/zod';

type RawIssue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
	string: 'ein Text',
	number: 'eine Zahl',
	int: 'eine ganze Zahl',
	boolean: 'ja oder nein (true/false)',
	array: 'eine Liste',
	object: 'eine Gruppe von Angaben',
	date: 'ein Datum (JJJJ-MM-TT)',
	undefined: 'nichts',
	null: 'nichts',
};

const formatNames: Record<string, string> = {
	email: 'eine gültige E-Mail-Adresse (name@beispiel.de)',
	url: 'eine vollständige Internetadresse, die mit https:// beginnt',
	regex: 'eine Angabe im vorgegebenen Format',
};

/** Shows a received value briefly, in German quotation marks. */
export function shown(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '„ungültiges Datum"' : `„${value.toISOString().slice(0, 10)}"`;
	if (typeof value === 'string') return `„${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
	if (Array.isArray(value)) return 'eine Liste';
	if (value !== null && typeof value === 'object') return 'eine Gruppe von Angaben';
	return `„${String(value)}"`;
}

function sizeMessage(label: string, issue: RawIssue & { origin?: string }, small: boolean): string {
	const limit = Number(small ? (issue as { minimum?: unknown }).minimum : (issue as { maximum?: unknown }).maximum);
	const input = issue.input;
	switch (issue.origin) {
		case 'string': {
			const length = typeof input === 'string' ? input.length : 0;
			if (small && limit <= 1) return `${label} darf nicht leer sein.`;
			return small
				? `${label} muss mindestens ${limit} Zeichen lang sein (jetzt ${length}).`
				: `${label} darf höchstens ${limit} Zeichen lang sein (jetzt ${length}).`;
		}
		case 'array':
			return small
				? `${label} braucht mindestens ${limit} ${limit === 1 ? 'Eintrag' : 'Einträge'}.`
				: `${label} darf höchstens ${limit} Einträge haben.`;
		case 'date':
			return small ? `${label} darf nicht vor ${shown(new Date(limit))} liegen.` : `${label} darf nicht nach ${shown(new Date(limit))} liegen.`;
		default:
			return small ? `${label} muss mindestens ${limit} sein (erhalten ${shown(input)}).` : `${label} darf höchstens ${limit} sein (erhalten ${shown(input)}).`;
	}
}

/** Builds the German message for one issue of the field called `label`. */
export function germanMessage(label: string, issue: RawIssue, hint?: string): string {
	const suffix = hint ? ` ${hint}` : '';
	switch (issue.code) {
		case 'invalid_type': {
			const expected = typeNames[String(issue.expected)] ?? String(issue.expected);
			if (issue.input === undefined || issue.input === null) return `${label} fehlt – erwartet wird ${expected}.${suffix}`;
			if (issue.expected === 'date') return `${label}: ${shown(issue.input)} ist kein gültiges Datum – erwartet wird JJJJ-MM-TT, z. B. 2026-05-14.${suffix}`;
			if (issue.expected === 'int') return `${label} muss eine ganze Zahl sein (erhalten ${shown(issue.input)}).${suffix}`;
			return `${label} hat den falschen Typ – erwartet wird ${expected}, erhalten ${shown(issue.input)}.${suffix}`;
		}
		case 'too_small':
			return sizeMessage(label, issue, true) + suffix;
		case 'too_big':
			return sizeMessage(label, issue, false) + suffix;
		case 'invalid_value': {
			const values = (issue.values ?? []).map((v) => String(v));
			return `${label}: ${shown(issue.input)} ist nicht erlaubt – erlaubt ${values.length === 1 ? 'ist' : 'sind'}: ${values.join(', ')}.${suffix}`;
		}
		case 'invalid_format': {
			const expected = formatNames[String(issue.format)] ?? 'eine Angabe im vorgegebenen Format';
			return `${label}: ${shown(issue.input)} ist ungültig – erwartet wird ${expected}.${suffix}`;
		}
		case 'invalid_union':
			return `${label}: ${shown(issue.input)} passt zu keiner der erlaubten Formen.${suffix}`;
		case 'unrecognized_keys':
			return `${label}: unbekannte Angabe(n) ${(issue.keys ?? []).map((k) => `„${k}"`).join(', ')} – bitte Schreibweise prüfen oder entfernen.`;
		case 'not_multiple_of':
			return `${label} muss ein Vielfaches von ${String(issue.divisor)} sein.${suffix}`;
		default:
			return `${label} ist ungültig.${suffix}`;
	}
}

/**
 * The zod `error` option for a field: `z.string(de('Titel'))`, `.max(200, de('Titel'))`.
 * A `hint` (e.g. an example) is added to every message of the field.
 */
export function de(label: string, hint?: string) {
	return { error: (issue: RawIssue) => germanMessage(label, issue, hint) };
}
