/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs): when a page's key and its
 * code are the same as in the last build, Astro copies the page from its cache (node_modules/.astro, kept between
 * Netlify builds) instead of rendering it again. Staff wait for a build after every save; with thousands of news
 * items this turns „render every news page in every language" into „render the one that changed".
 *
 * A key must change whenever anything the page shows could change. So it is made of
 * - the entry itself and each of its translations (Astro's content digests of their files, and the entry's data:
 *   a picture replaced under the same name keeps the file's digest but gets a new address),
 * - everything else the site holds (every other collection, the settings), because a page shows linked entries
 *   (themes, projects), the office's contacts and the feeds that exist,
 * - which feeds exist in which language (a news page links the feed of its language only when it has entries),
 * - which news item is translated into which language (a link to another item leads to its page in the reader's
 *   language or, untranslated, to its German page; src/lib/page-languages.ts),
 * - the build's day in Berlin and whether it is a deploy preview (what is published, open or past depends on them).
 * So editing one news item re-renders only its own pages; adding one (without translations) re-renders only its own
 * pages too; translating one, changing a project, a theme or the settings re-renders all of them, as it must.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionKey } from 'astro:content';
import { schemaFactories } from '../schemas';
import { buildTime } from './content';
import { feedLanguages } from './follow';
import { berlinDateKey } from './time';

/** Collections whose entries have pages with a key (their own entries are keyed per page, not in the shared part). */
type Keyed = 'aktuelles';

/**
 * Every collection of src/content.config.ts besides the keyed one and the translations (read below):
 * tests/unit/page-cache.test.ts checks this list against the config, so a new collection cannot fall out of the key.
 */
export const EXTRA_COLLECTIONS = ['grundkarte'] as const;
const OTHER_COLLECTIONS = [...Object.keys(schemaFactories), ...EXTRA_COLLECTIONS].filter((name) => name !== 'aktuelles') as CollectionKey[];

type AnyEntry = { id: string; data: unknown; body?: string | undefined };
/** Astro's digest of an entry's file (the loaders keep it with each entry); without one, its data and text. */
const digestOf = (entry: AnyEntry) => (entry as { digest?: string }).digest ?? JSON.stringify([entry.data, entry.body]);

let shared: Promise<{ digest: string; translations: Map<string, string[]> }> | undefined;

/** What every keyed page depends on besides its own entry (read once per build). */
function sharedPart() {
	shared ??= (async () => {
		const hash = createHash('sha256');
		hash.update(`${berlinDateKey(buildTime)}|${process.env.CONTEXT ?? ''}|${import.meta.env.DEV}`);
		for (const name of OTHER_COLLECTIONS) {
			for (const entry of (await getCollection(name)) as AnyEntry[]) hash.update(`\n${name}/${entry.id}:${digestOf(entry)}`);
		}
		// Each entry's translations, by „folder/id": „en:<digest>" …
		const translations = new Map<string, string[]>();
		for (const entry of (await getCollection('uebersetzungen')) as AnyEntry[]) {
			const [folder, lang, id = ''] = entry.id.split('/');
			const own = `${folder}/${id}`;
			translations.set(own, [...(translations.get(own) ?? []), `${lang}:${digestOf(entry)}`]);
			// Translations of news are keyed with their entry; everything else is shared. Which news exist in which
			// language is shared too: a news page's links to another item lead to its page in the page's language or, where
			// that item is not translated, to its German page (src/lib/page-languages.ts).
			hash.update(folder === 'aktuelles' ? `\n${entry.id}` : `\n${entry.id}:${digestOf(entry)}`);
		}
		// Which feeds exist in which language: adding the first English news item adds the English feed to every page.
		hash.update(`\n${JSON.stringify(await feedLanguages())}`);
		return { digest: hash.digest('hex'), translations };
	})();
	return shared;
}

/**
 * The key of every page of one entry (its page, its notice, in every language): changes when the entry, one of its
 * translations or anything else on the site changes (see above).
 */
export async function pageCacheKey(collection: Keyed, entry: AnyEntry): Promise<string> {
	// `npm start` renders every page on request; no key is used there.
	if (import.meta.env.DEV) return '';
	const { digest, translations } = await sharedPart();
	const own = translations.get(`${collection}/${entry.id}`) ?? [];
	return createHash('sha256').update(`${digest}|${collection}/${entry.id}:${digestOf(entry)}:${JSON.stringify(entry.data)}|${[...own].sort().join('|')}`).digest('hex');
}
