/**
 * The content model's rules across fields run in the CMS too. Before an entry is saved, Decap's `preSave` event
 * hands over its data:
 * - an optional field or group left empty (no opening hours, no participation period, no vote count, no place) is
 *   dropped, so the file stays clean and the build does not read an empty value as a wrong one;
 * - a group filled only in part is refused, naming what is missing (the build would refuse it too), and so is a
 *   choice (a place: facility, or name with coordinates) filled in two ways at once or only in part;
 * - the rules of src/schemas/rules.ts are applied; a broken one stops the save with the build's own message.
 * Nothing is written while something is refused.
 */
import type { CMS } from 'decap-cms-core';
import { entryRules } from '../src/schemas/rules';
import type { DecapField } from './fields';

type Data = Record<string, unknown>;

/** Thrown to stop a save; Decap shows it as „Beitrag speichern fehlgeschlagen: Bitte korrigieren: …". */
export class RuleError extends Error {
	constructor(messages: string[]) {
		super(messages.join(' '));
		this.name = 'Bitte korrigieren';
	}
}

const isEmpty = (value: unknown): boolean =>
	value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && Object.values(value as Data).every(isEmpty));

/**
 * The collection's optional groups: top-level groups staff may leave empty (a period, a vote, a place) – whatever
 * widget shows them (a place uses the map picker), a field with inner fields that is not a list.
 */
function optionalGroups(fields: DecapField[]) {
	return fields.filter((field) => field.fields !== undefined && field.widget !== 'list' && field.required === false);
}

/**
 * Checks an entry as the CMS is about to save it. Returns the data to save (empty optional groups dropped) and the
 * German messages of everything that must be fixed first (empty when it may be saved).
 */
export function checkEntry(collection: string, fields: DecapField[], data: Data): { data: Data; messages: string[] } {
	const cleaned: Data = { ...data };
	const messages: string[] = [];
	// An optional field left empty is not written at all: an empty text („openingHours: ''") would be read by the
	// build as a wrong value, not as a missing one.
	for (const field of fields) {
		if (field.required === false && isEmpty(cleaned[field.name])) delete cleaned[field.name];
	}
	for (const group of optionalGroups(fields)) {
		const value = cleaned[group.name];
		if (value === undefined) continue;
		for (const inner of group.fields ?? []) {
			if (inner.group_required && isEmpty((value as Data)[inner.name])) {
				messages.push(`${group.label}: Bitte auch „${inner.label}" ausfüllen – oder alle Angaben dieser Gruppe leeren.`);
			}
		}
		if (group.either) {
			const filled = new Set(Object.keys(value as Data).filter((key) => !isEmpty((value as Data)[key])));
			const alternatives = group.either.split('|').map((alternative) => alternative.split(','));
			if (!alternatives.some((names) => names.length === filled.size && names.every((name) => filled.has(name)))) {
				const label = (name: string) => `„${group.fields?.find((f) => f.name === name)?.label ?? name}"`;
				const spelled = alternatives.map((names) => new Intl.ListFormat('de', { type: 'conjunction' }).format(names.map(label)));
				messages.push(`${group.label}: Bitte genau eines ausfüllen – ${spelled.join(' oder ')} –, nicht mehreres und nicht nur einen Teil.`);
			}
		}
	}
	messages.push(...(entryRules[collection]?.(cleaned).map((problem) => problem.message) ?? []));
	return { data: cleaned, messages };
}

/**
 * Checks one language's translation as the CMS is about to save it, by the rules the build applies
 * (src/schemas/translations.ts): nothing translated is fine (the German text is shown); otherwise every required
 * translated field must be there – the text too where the German entry (`source`) has one – and each keeps the
 * German field's limits.
 */
export function checkTranslation(fields: DecapField[], language: string, data: Data, source: Data = {}): string[] {
	const translated = fields.filter((field) => field.i18n === true);
	if (translated.every((field) => isEmpty(data[field.name]))) return [];
	const name = new Intl.DisplayNames(['de'], { type: 'language' }).of(language) ?? language;
	const messages: string[] = [];
	for (const field of translated) {
		const value = data[field.name];
		if (isEmpty(value)) {
			if (field.required !== false || (field.name === 'body' && !isEmpty(source.body))) messages.push(`Übersetzung ${name}: Bitte auch „${field.label}" übersetzen – oder alle Felder dieser Sprache leeren, dann erscheint die deutsche Fassung.`);
			continue;
		}
		if (field.pattern && typeof value === 'string' && !new RegExp(field.pattern[0]).test(value)) messages.push(`Übersetzung ${name}, ${field.pattern[1]}`);
	}
	return messages;
}

interface EntryLike {
	get: (key: string) => unknown;
}
interface ImmutableData {
	toJS: () => Data;
	delete: (key: string) => ImmutableData;
}

export function registerEntryRules(cms: CMS, collections: { name: string; fields?: DecapField[] }[]) {
	const fieldsOf = new Map(collections.map((c) => [c.name, c.fields ?? []]));
	cms.registerEventListener({
		name: 'preSave',
		handler: ({ entry }: { entry: EntryLike }) => {
			const name = String(entry.get('collection'));
			const data = entry.get('data') as ImmutableData | undefined;
			if (!data) return undefined;
			const plain = data.toJS();
			const fields = fieldsOf.get(name) ?? [];
			const { data: cleaned, messages } = checkEntry(name, fields, plain);
			const translations = (entry.get('i18n') as { toJS: () => Record<string, { data?: Data }> } | undefined)?.toJS() ?? {};
			for (const [language, { data: translation }] of Object.entries(translations)) messages.push(...checkTranslation(fields, language, translation ?? {}, plain));
			if (messages.length > 0) throw new RuleError(messages);
			// Hand back the same data without the empty fields and groups (Decap saves what the handler returns).
			return Object.keys(plain)
				.filter((key) => !(key in cleaned))
				.reduce((kept, key) => kept.delete(key), data);
		},
	} as never);
}
