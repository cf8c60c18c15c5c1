/** The district's facilities as open data: GeoJSON with OSM-style properties, and CSV. */
import { toCsv } from './csv';
import { CATEGORY_TAGS, CSV_COLUMNS, splitStreet, type CsvRow } from './osm';
import type { Facility } from '../schemas/facilities';

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
				'quartier:url': new URL(`/einrichtungen/${id}/`, siteUrl).href,
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
