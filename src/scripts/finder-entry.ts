/**
 * List entries the finder writes in the browser (when a page lists its matches page by page): a copy of the entry
 * the server renders. FacilityFinder.astro renders FacilityItem.astro once with placeholders into a <template>;
 * `entryFrom` clones it and writes one place's values where the placeholders stand.
 */
import { fill } from '../i18n/fill';

/** The values of one entry, by placeholder name. */
export interface EntryValues {
	id: string;
	name: string;
	street: string;
	/** The category's name in the page's language. */
	category: string;
	/** The coming weeks' hours for <open-today> (see today-hours.ts); '' when none are known. */
	hours: string;
}

/** What the blank entry shows where a place's values go („{name}"). */
export const ENTRY_BLANKS = { id: '{id}', name: '{name}', street: '{street}', category: '{category}', hours: '{hours}' } as const satisfies Record<keyof EntryValues, string>;

/**
 * A copy of the template's entry with the values written into its text and attributes. Each text is filled once
 * (a value that contains braces stays as it is).
 */
export function entryFrom(template: HTMLTemplateElement, values: EntryValues): HTMLLIElement {
	const entry = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
	const params = { ...values };
	const walker = document.createTreeWalker(entry, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
	for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
		if (node instanceof Text) {
			if (node.data.includes('{')) node.data = fill(node.data, params);
		} else if (node instanceof Element) {
			for (const attribute of node.attributes) if (attribute.value.includes('{')) attribute.value = fill(attribute.value, params);
		}
	}
	return entry;
}
