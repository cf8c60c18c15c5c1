/** Wires each collection's schema (src/schemas) to a loader for its folder in content/. Nothing else. */
import { defineCollection, reference } from 'astro:content';
import { folderLoader, optionalJsonLoader, singleFileLoader, translationsLoader } from './lib/loaders';
import { z } from 'astro/zod';
import { isTranslated, PATTERNS, readSettings, schemaFactories, SETTINGS_FILE, siteOf, SOURCE_LANGUAGE, SYNONYMS_FILE, TRANSLATED, type TranslatedCollection } from './schemas';
import { translationSchema } from './schemas/translations';
import { astroContext, plainContext, type SchemaContext } from './schemas/context';
import { settingsSchema } from './schemas/settings';
import { themeSchema } from './schemas/themes';
import { categorySchema } from './schemas/categories';
import { contactSchema } from './schemas/contacts';
import { facilitySchema } from './schemas/facilities';
import { newsSchema } from './schemas/news';
import { projectSchema } from './schemas/projects';
import { eventSchema } from './schemas/events';
import { callSchema } from './schemas/calls';
import { documentSchema } from './schemas/documents';
import { pageSchema } from './schemas/pages';
import { plainPageSchema } from './schemas/plain';
import { signVideoSchema } from './schemas/signlanguage';
import { goalSchema } from './schemas/goals';
import { decisionSchema } from './schemas/decisions';
import { synonymsSchema } from './schemas/synonyms';
import { networkSchema } from './schemas/network';
import { BASEMAP_FILE, basemapSchema } from './schemas/basemap';

const settings = readSettings();
const site = siteOf(settings);
/** Astro's image() for this entry plus Astro's reference(), with the disk look-ups (src/schemas/context.ts). */
const ctx = (image: () => unknown): SchemaContext => astroContext({ image, reference });
const loader = (name: keyof typeof PATTERNS) => folderLoader(name, PATTERNS[name], isTranslated(name) ? settings.languages : undefined);
/** A translation's data checked by the German schema's rules for its folder's translated fields (src/schemas/translations.ts); texts only, so no Astro helpers. */
const translationChecks = new Map(
	(Object.keys(TRANSLATED) as TranslatedCollection[]).map((name) => [name, translationSchema(schemaFactories[name](plainContext(), settings) as Parameters<typeof translationSchema>[0], TRANSLATED[name])]),
);
function checkTranslation(folder: string, data: unknown) {
	const result = translationChecks.get(folder as TranslatedCollection)?.safeParse(data);
	if (!result) return { problems: [`  • Dieser Ordner hat keine Übersetzungen.`] };
	if (result.success) return { data: result.data as Record<string, unknown>, problems: [] };
	return { problems: result.error.issues.map((issue) => `  • Feld „${issue.path.map(String).join('.') || '(Datei)'}": ${issue.message}`) };
}

export const collections = {
	settings: defineCollection({ loader: singleFileLoader(SETTINGS_FILE), schema: ({ image }) => settingsSchema(ctx(image)) }),
	themen: defineCollection({ loader: loader('themen'), schema: themeSchema }),
	kategorien: defineCollection({ loader: loader('kategorien'), schema: categorySchema }),
	kontakte: defineCollection({ loader: loader('kontakte'), schema: ({ image }) => contactSchema(ctx(image)) }),
	einrichtungen: defineCollection({ loader: loader('einrichtungen'), schema: ({ image }) => facilitySchema(ctx(image), site) }),
	aktuelles: defineCollection({ loader: loader('aktuelles'), schema: ({ image }) => newsSchema(ctx(image)) }),
	projekte: defineCollection({ loader: loader('projekte'), schema: ({ image }) => projectSchema(ctx(image), site) }),
	termine: defineCollection({ loader: loader('termine'), schema: ({ image }) => eventSchema(ctx(image)) }),
	aufrufe: defineCollection({ loader: loader('aufrufe'), schema: ({ image }) => callSchema(ctx(image), site) }),
	dokumente: defineCollection({ loader: loader('dokumente'), schema: ({ image }) => documentSchema(ctx(image)) }),
	beschluesse: defineCollection({ loader: loader('beschluesse'), schema: ({ image }) => decisionSchema(ctx(image)) }),
	ziele: defineCollection({ loader: loader('ziele'), schema: ({ image }) => goalSchema(ctx(image)) }),
	seiten: defineCollection({ loader: loader('seiten'), schema: pageSchema }),
	'leichte-sprache': defineCollection({ loader: loader('leichte-sprache'), schema: plainPageSchema }),
	gebaerdensprache: defineCollection({ loader: loader('gebaerdensprache'), schema: ({ image }) => signVideoSchema(ctx(image)) }),
	netzwerk: defineCollection({ loader: loader('netzwerk'), schema: ({ image }) => networkSchema(ctx(image)) }),
	// Every translation (`<id>.en.md` beside `<id>.de.md`) of every translated folder: „aktuelles/en/<id>".
	uebersetzungen: defineCollection({
		loader: translationsLoader(Object.keys(TRANSLATED), settings.languages.filter((code) => code !== SOURCE_LANGUAGE), checkTranslation),
		schema: z.looseObject({}),
	}),
	synonyme: defineCollection({ loader: singleFileLoader(SYNONYMS_FILE), schema: synonymsSchema }),
	// Made by `npm run import:grundkarte`, not edited in the CMS (see src/schemas/basemap.ts).
	grundkarte: defineCollection({
		loader: optionalJsonLoader(BASEMAP_FILE, `Keine Grundkarte (content/${BASEMAP_FILE}): die Karte zeigt nur den Rahmen des Gebiets. Erzeugen mit npm run import:grundkarte.`),
		schema: basemapSchema(site.bounds, site.district),
	}),
};
