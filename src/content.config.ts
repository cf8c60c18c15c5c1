/** Wires each collection's schema (src/schemas) to a loader for its folder in content/. Nothing else. */
import { defineCollection, reference } from 'astro:content';
import { folderLoader, singleFileLoader } from './lib/loaders';
import { PATTERNS, readSettings, schemaFactories, SETTINGS_FILE } from './schemas';
import type { SchemaContext } from './schemas/fields';

const settings = readSettings();
const ref = reference as unknown as SchemaContext['reference'];
type Factories = typeof schemaFactories;

/** Astro calls a schema function with `image()` for each entry; this adds `reference()` and the settings. */
function entries<N extends Exclude<keyof Factories, 'settings'>>(name: N) {
	const factory = schemaFactories[name] as (ctx: SchemaContext, s: typeof settings) => ReturnType<Factories[N]>;
	return defineCollection({
		loader: folderLoader(name, PATTERNS[name]),
		schema: ({ image }) => factory({ image: image as SchemaContext['image'], reference: ref }, settings),
	});
}

export const collections = {
	settings: defineCollection({ loader: singleFileLoader(SETTINGS_FILE), schema: schemaFactories.settings() }),
	themen: entries('themen'),
	kategorien: entries('kategorien'),
	kontakte: entries('kontakte'),
	einrichtungen: entries('einrichtungen'),
	aktuelles: entries('aktuelles'),
	projekte: entries('projekte'),
	termine: entries('termine'),
	aufrufe: entries('aufrufe'),
	dokumente: entries('dokumente'),
	seiten: entries('seiten'),
};
