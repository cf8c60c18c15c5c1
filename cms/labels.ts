/** German labels for select options in the CMS, taken from the site's own dictionary. */
import { de } from '../src/i18n/de';
import { languageNames } from '../src/i18n';

const dictionary = de as Record<string, string>;

/** Dictionary key prefix per field name. */
const PREFIX: Record<string, string> = {
	status: 'projects.status.',
	type: 'events.type.',
	ways: 'way.',
	committee: 'committee.',
	outcome: 'outcome.',
	wheelchair: 'wheelchair.',
	kind: 'documents.kind.',
	state: 'projects.phase.',
};

const SITE_LANGUAGE_NAMES: Record<string, string> = { de: 'Deutsch', en: 'Englisch', tr: 'Türkisch', ar: 'Arabisch' };

export function optionLabel(field: string, value: string): string {
	const prefix = PREFIX[field];
	if (prefix && dictionary[`${prefix}${value}`]) return dictionary[`${prefix}${value}`] as string;
	if (field === 'languages') return (languageNames as Record<string, string>)[value] ?? SITE_LANGUAGE_NAMES[value] ?? value;
	return value.charAt(0).toUpperCase() + value.slice(1);
}
