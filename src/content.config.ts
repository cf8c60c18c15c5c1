/** Wires each collection's schema (src/schemas) to a loader for its folder in content/. Nothing else. */
import { defineCollection, reference } from 'astro:content';
import { folderLoader, optionalJsonLoader, singleFileLoader } from './lib/loaders';
import { PATTERNS, readSettings, SETTINGS_FILE, siteOf, SYNONYMS_FILE } from './schemas';
import type { SchemaContext } from './schemas/fields';
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
import { BASEMAP_FILE, basemapSchema } from './schemas/basemap';

const settings = readSettings();
const site = siteOf(settings);
/** Astro's image() for this entry plus Astro's reference(). */
const ctx = (image: () => unknown): SchemaContext => ({ image: image as SchemaContext['image'], reference: reference as unknown as SchemaContext['reference'] });
const loader = (name: keyof typeof PATTERNS) => folderLoader(name, PATTERNS[name]);

export const collections = {
	settings: defineCollection({ loader: singleFileLoader(SETTINGS_FILE), schema: settingsSchema }),
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
	gebaerdensprache: defineCollection({ loader: loader('gebaerdensprache'), schema: signVideoSchema }),
	synonyme: defineCollection({ loader: singleFileLoader(SYNONYMS_FILE), schema: synonymsSchema }),
	// Made by `npm run import:grundkarte`, not edited in the CMS (see src/schemas/basemap.ts).
	grundkarte: defineCollection({
		loader: optionalJsonLoader(BASEMAP_FILE, `Keine Grundkarte (content/${BASEMAP_FILE}): die Karte zeigt nur den Rahmen des Gebiets. Erzeugen mit npm run import:grundkarte.`),
		schema: basemapSchema(site.bounds, site.district),
	}),
};
