/**
 * Facilities in OpenStreetMap terms: the tags each category stands for (used for the GeoJSON export and, the
 * other way round, to import OSM data), and the CSV column layout shared by export and import.
 */

/** OSM tags per facility category; the first tag set is written on export, all are recognised on import. */
export const CATEGORY_TAGS: Record<string, Record<string, string>[]> = {
	kita: [{ amenity: 'kindergarten' }, { amenity: 'childcare' }],
	schule: [{ amenity: 'school' }],
	familienzentrum: [{ amenity: 'community_centre', community_centre: 'family_centre' }, { amenity: 'social_facility', 'social_facility:for': 'family' }],
	beratung: [{ amenity: 'social_facility', social_facility: 'outreach' }, { office: 'association' }, { amenity: 'social_facility' }],
	jugend: [{ amenity: 'community_centre', community_centre: 'youth_centre' }, { leisure: 'youth_centre' }],
	sport: [{ leisure: 'sports_centre' }, { leisure: 'pitch' }, { leisure: 'sports_hall' }, { leisure: 'fitness_station' }],
	spielplatz: [{ leisure: 'playground' }],
	bibliothek: [{ amenity: 'library' }, { amenity: 'public_bookcase' }],
	gesundheit: [{ amenity: 'doctors' }, { healthcare: 'doctor' }, { amenity: 'pharmacy' }, { healthcare: 'pharmacy' }, { amenity: 'clinic' }, { healthcare: 'centre' }],
	treffpunkt: [{ amenity: 'community_centre' }, { amenity: 'place_of_worship' }, { leisure: 'garden', garden: 'community' }],
	senioren: [{ amenity: 'social_facility', 'social_facility:for': 'senior' }, { amenity: 'nursing_home' }],
	kultur: [{ amenity: 'arts_centre' }, { amenity: 'theatre' }, { amenity: 'cinema' }],
};

/** Splits „Mühlgasse 14" into street and house number (OSM addr:street / addr:housenumber). */
export function splitStreet(street: string): { street: string; housenumber?: string } {
	const match = /^(.*?)\s+(\d+\s*[a-zA-Z]?(?:\s*[-–/]\s*\d+\s*[a-zA-Z]?)?)$/.exec(street.trim());
	return match ? { street: match[1] ?? street, housenumber: match[2]?.replace(/\s+/g, '') } : { street: street.trim() };
}

/** The CSV column layout of /einrichtungen.csv and of `npm run import:einrichtungen`. */
export const CSV_COLUMNS = ['id', 'name', 'kategorie', 'strasse', 'plz', 'ort', 'lat', 'lng', 'oeffnungszeiten', 'rollstuhl', 'sprachen', 'telefon', 'email', 'website', 'beschreibung'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

