/** The district's facilities as open data: GeoJSON with OSM-style properties, and CSV. */
import { z } from 'astro/zod';
import { toCsv } from './csv';
import { CATEGORY_TAGS, CSV_COLUMNS, splitStreet, type CsvRow } from './osm';
import { LANGUAGE_CODES, WHEELCHAIR_VALUES } from '../schemas/fields';
import type { Facility } from '../schemas/facilities';
import { href, paths } from './routes';

export interface ExportFacility {
	id: string;
	data: Facility;
}

/** A GeoJSON FeatureCollection; property keys follow OpenStreetMap (name, opening_hours, wheelchair, addr:*). */
export function facilitiesGeoJSON(facilities: ExportFacility[], siteUrl: string) {
	return {
		type: 'FeatureCollection' as const,
		features: facilities.map(({ id, data }) => {
			const address = splitStreet(data.address.street);
			const properties: Record<string, string> = {
				...(CATEGORY_TAGS[data.category.id]?.[0] ?? {}),
				name: data.name,
				'addr:street': address.street,
				...(address.housenumber ? { 'addr:housenumber': address.housenumber } : {}),
				'addr:postcode': data.address.postcode,
				'addr:city': data.address.city,
				...(data.openingHours ? { opening_hours: data.openingHours } : {}),
				wheelchair: data.wheelchair,
				...Object.fromEntries(data.languages.filter((code) => code !== 'dgs').map((code) => [`language:${code}`, 'yes'])),
				...(data.languages.includes('dgs') ? { 'sign_language:gsg': 'yes' } : {}),
				...(data.phone ? { phone: data.phone } : {}),
				...(data.email ? { email: data.email } : {}),
				...(data.website ? { website: data.website } : {}),
				description: data.description,
				'quartier:id': id,
				'quartier:category': data.category.id,
				'quartier:url': new URL(href.facility(id), siteUrl).href,
			};
			return {
				type: 'Feature' as const,
				id,
				geometry: { type: 'Point' as const, coordinates: [data.coordinates.lng, data.coordinates.lat] },
				properties,
			};
		}),
	};
}

/**
 * What /einrichtungen.geojson holds, as a zod schema: the published JSON Schema (/daten/einrichtungen.schema.json) is
 * generated from it, and the tests check the published file against that JSON Schema. The values come from the content
 * model (wheelchair values, languages, categories); further OpenStreetMap tags of a category (amenity, leisure …) are
 * strings.
 */
export function facilitiesGeoJSONSchema(categories: readonly string[]) {
	const tag = (description: string) => z.string().min(1).meta({ description });
	const language = Object.fromEntries(LANGUAGE_CODES.filter((code) => code !== 'dgs').map((code) => [`language:${code}`, z.literal('yes').optional()]));
	const properties = z
		.object({
			name: tag('Name, wie er an der Tür steht.'),
			'addr:street': tag('Straße ohne Hausnummer.'),
			'addr:housenumber': tag('Hausnummer.').optional(),
			'addr:postcode': z.string().regex(/^\d{5}$/).meta({ description: 'Postleitzahl.' }),
			'addr:city': tag('Ort.'),
			opening_hours: tag('Öffnungszeiten in der Schreibweise von OpenStreetMap.').optional(),
			wheelchair: z.enum(WHEELCHAIR_VALUES).meta({ description: 'Zugang mit Rollstuhl wie in OpenStreetMap.' }),
			...language,
			'sign_language:gsg': z.literal('yes').optional().meta({ description: 'Beratung in Deutscher Gebärdensprache.' }),
			phone: tag('Telefon.').optional(),
			email: tag('E-Mail.').optional(),
			website: z.url().optional().meta({ description: 'Website.' }),
			description: tag('Ein Satz über die Einrichtung.'),
			'quartier:id': tag('Kennung der Einrichtung auf der Website.'),
			'quartier:category': z.enum(categories as [string, ...string[]]).meta({ description: 'Art der Einrichtung (Kennung).' }),
			'quartier:url': z.url().meta({ description: 'Seite der Einrichtung.' }),
		})
		.catchall(z.string());
	const feature = z
		.object({
			type: z.literal('Feature'),
			id: z.string().min(1),
			geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).meta({ description: 'Länge, Breite (WGS 84).' }) }).strict(),
			properties,
		})
		.strict();
	return z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) }).strict().meta({ title: 'Einrichtungen', description: 'Alle Einrichtungen des Quartiers als GeoJSON mit Schlüsseln wie in OpenStreetMap.' });
}

/** The JSON Schema of /einrichtungen.geojson (draft 2020-12). */
export function facilitiesJsonSchema(categories: readonly string[], siteUrl: string) {
	return { ...z.toJSONSchema(facilitiesGeoJSONSchema(categories)), $id: new URL(paths.data.facilitiesSchema, siteUrl).href };
}

/** The CSV row of a facility in the documented column layout (src/lib/osm.ts). */
export function facilityRow({ id, data }: ExportFacility): CsvRow {
	return {
		id,
		name: data.name,
		kategorie: data.category.id,
		strasse: data.address.street,
		plz: data.address.postcode,
		ort: data.address.city,
		lat: data.coordinates.lat,
		lng: data.coordinates.lng,
		oeffnungszeiten: data.openingHours ?? '',
		rollstuhl: data.wheelchair,
		sprachen: data.languages.join(' '),
		telefon: data.phone ?? '',
		email: data.email ?? '',
		website: data.website ?? '',
		beschreibung: data.description,
	};
}

/** The facilities as CSV in the site's CSV format (src/lib/csv.ts). */
export function facilitiesCSV(facilities: ExportFacility[]): string {
	return toCsv(CSV_COLUMNS, facilities.map((f) => CSV_COLUMNS.map((column) => facilityRow(f)[column])));
}
