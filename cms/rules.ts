/**
 * The content model's rules across fields (src/schemas/rules.ts) run in the CMS too: before an entry is saved,
 * Decap's `preSave` event hands over its data; a broken rule stops the save, and staff read the same German
 * message the build would print. Nothing is written.
 */
import type { CMS } from 'decap-cms-core';
import { entryRules } from '../src/schemas/rules';

interface EntryLike {
	get: (key: string) => unknown;
}

/** Thrown to stop a save; Decap shows it as „Beitrag speichern fehlgeschlagen: Bitte korrigieren: …". */
export class RuleError extends Error {
	constructor(messages: string[]) {
		super(messages.join(' '));
		this.name = 'Bitte korrigieren';
	}
}

/** The messages of the rules an entry breaks (empty when it may be saved). */
export function brokenRules(collection: string, data: Record<string, unknown>): string[] {
	return entryRules[collection]?.(data).map((problem) => problem.message) ?? [];
}

export function registerEntryRules(cms: CMS) {
	cms.registerEventListener({
		name: 'preSave',
		handler: ({ entry }: { entry: EntryLike }) => {
			const data = entry.get('data') as { toJS?: () => Record<string, unknown> } | undefined;
			const messages = brokenRules(String(entry.get('collection')), data?.toJS?.() ?? {});
			if (messages.length > 0) throw new RuleError(messages);
			return undefined;
		},
	} as never);
}
