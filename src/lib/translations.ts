/**
 * Entries in the reader's language. German entries (`<id>.de.md`) are the source; a translation (`<id>.en.md`)
 * replaces the translated fields (src/schemas/index.ts, TRANSLATED) and the text, and keeps everything else from
 * the German entry. An entry without a translation stays German and says so (`lang`).
 *
 * The page's language is set once per request by the middleware (`withPageLocale`); the content getters
 * (src/lib/content.ts) read it, so every list and card on a Turkish page shows Turkish titles where they exist.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { SOURCE_LANGUAGE, TRANSLATED, isTranslated, type TranslatedCollection } from '../schemas';
import { germanContentError } from './loaders';
import { contentDir } from './paths';
import { oncePerBuild } from './per-build';

const pageLocale = new AsyncLocalStorage<string>();

/** Runs a page's rendering in its language (the middleware calls this once per page). */
export function withPageLocale<T>(locale: string, render: () => T): T {
	return pageLocale.run(locale, render);
}

/** The language of the page being rendered; German outside a page (getStaticPaths, data files, tests). */
export function currentLocale(): string {
	return pageLocale.getStore() ?? SOURCE_LANGUAGE;
}

/** What a localized entry adds to the entry. */
export interface LanguageOf {
	/** Language of the entry's text on this page: the page's, or German where no translation exists. */
	lang: string;
	/** Languages the entry exists in (German first). */
	languages: string[];
	/** What `render()` takes for the text: the translation or the German entry. */
	source: CollectionEntry<CollectionKey>;
}

/** An entry as a page in some language shows it. */
export type Localized<C extends CollectionKey> = CollectionEntry<C> & LanguageOf;

interface Translation {
	entry: CollectionEntry<CollectionKey>;
	data: Record<string, unknown>;
}

/** The German entry's Markdown text, trimmed ('' where it has none). */
async function germanText(name: TranslatedCollection, id: string): Promise<string> {
	const entry = (await getCollection(name, (e) => e.id === id))[0] as { body?: string } | undefined;
	return entry?.body?.trim() ?? '';
}

const indexes = new Map<TranslatedCollection, Promise<Map<string, Map<string, Translation>>>>();

/**
 * Every collection's translations by entry id and language; empty translation files (Decap's copies) left out. Worked
 * out once per collection and build (every localised list asks for it; src/lib/per-build.ts).
 */
function translationIndex(name: TranslatedCollection): Promise<Map<string, Map<string, Translation>>> {
	return oncePerBuild(indexes, name, () => readTranslationIndex(name));
}

async function readTranslationIndex(name: TranslatedCollection): Promise<Map<string, Map<string, Translation>>> {
	const index = new Map<string, Map<string, Translation>>();
	const settings = (await getEntry('settings', 'quartier'))?.data;
	// A site in German only has no translations to look for (and Astro would warn about the empty collection).
	if (!settings || settings.languages.length < 2) return index;
	const fields: readonly string[] = TRANSLATED[name];
	const all = await getCollection('uebersetzungen', (entry) => entry.id.startsWith(`${name}/`));
	for (const entry of all) {
		const [, lang = '', id = ''] = entry.id.split('/');
		const data = entry.data as Record<string, unknown>;
		const body = entry.body ?? '';
		const hasText = fields.includes('body') && body.trim() !== '';
		if (Object.keys(data).length === 0 && !hasText) continue;
		const file = path.resolve(entry.filePath ?? path.join(contentDir(), name, `${id}.${lang}.md`));
		// The text is needed where the German entry has one (a decision or a call may have none).
		if (fields.includes('body') && !hasText && (await germanText(name, id)) !== '') {
			throw germanContentError(file, new Error('  • Feld „Text": Der Text fehlt in der Übersetzung. Eine Übersetzung braucht den Text – oder gar kein übersetztes Feld, dann erscheint die deutsche Fassung.'));
		}
		if (Object.keys(data).length === 0) {
			throw germanContentError(file, new Error('  • Die Übersetzung hat nur einen Text. Bitte auch die anderen Pflichtfelder übersetzen (z. B. Titel und Zusammenfassung).'));
		}
		if (!index.has(id)) index.set(id, new Map());
		index.get(id)?.set(lang, { entry, data });
	}
	return index;
}

/** The entries of a collection as a page in `locale` shows them. */
export async function localize<E extends CollectionEntry<CollectionKey>>(entries: E[], locale = currentLocale()): Promise<(E & LanguageOf)[]> {
	const name = entries[0]?.collection as string | undefined;
	if (!name || !isTranslated(name)) {
		return entries.map((entry) => ({ ...entry, lang: SOURCE_LANGUAGE, languages: [SOURCE_LANGUAGE], source: entry as CollectionEntry<CollectionKey> }));
	}
	const index = await translationIndex(name);
	return entries.map((entry) => {
		const translations = index.get(entry.id);
		const languages = [SOURCE_LANGUAGE, ...[...(translations?.keys() ?? [])].sort()];
		const translation = locale === SOURCE_LANGUAGE ? undefined : translations?.get(locale);
		if (!translation) return { ...entry, lang: SOURCE_LANGUAGE, languages, source: entry as CollectionEntry<CollectionKey> };
		return { ...entry, data: { ...entry.data, ...translation.data } as E['data'], lang: locale, languages, source: translation.entry };
	});
}

/** One entry as a page in `locale` shows it. */
export async function localizeOne<E extends CollectionEntry<CollectionKey>>(entry: E, locale = currentLocale()): Promise<E & LanguageOf> {
	const [one] = await localize([entry], locale);
	return one as E & LanguageOf;
}

/** For staff: every entry of the translated collections and the languages it lacks. */
export async function missingTranslations(languages: readonly string[]) {
	const rows: { collection: TranslatedCollection; id: string; title: string; missing: string[]; present: string[] }[] = [];
	for (const name of Object.keys(TRANSLATED) as TranslatedCollection[]) {
		const index = await translationIndex(name);
		const entries = (await getCollection(name)) as unknown as CollectionEntry<CollectionKey>[];
		for (const entry of entries) {
			const data = entry.data as Record<string, unknown>;
			if (data.draft === true) continue;
			const present = [...(index.get(entry.id)?.keys() ?? [])];
			const missing = languages.filter((code) => code !== SOURCE_LANGUAGE && !present.includes(code));
			rows.push({ collection: name, id: entry.id, title: String(data.title ?? data.label ?? data.name ?? entry.id), missing, present });
		}
	}
	return rows;
}
