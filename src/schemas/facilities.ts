import { z } from 'astro/zod';
import { address } from './settings';
import { coordinates, email, group, languages, oneOf, openingHours, phone, ref, text, url, WHEELCHAIR_VALUES, type Bounds, type SchemaContext } from './fields';

/** A facility in the district (Kita, Beratung, Spielplatz …). The file name is the id; the body is the long description. */
export const facilitySchema = (ctx: SchemaContext, frame: { bounds: Bounds; district: string }) =>
	group('Einrichtung', {
		/** Name as on the door. */
		name: text('Name', { max: 120, help: 'Der Name, wie er an der Tür steht.' }),
		/** Category (a file in content/kategorien). */
		category: ref(ctx, 'kategorien', 'Kategorie', { help: 'Welche Art von Einrichtung?' }),
		/** Postal address. */
		address,
		/** Position on the map; must lie inside the district. */
		coordinates: coordinates(frame.bounds, frame.district),
		/** Opening hours in OpenStreetMap syntax, e.g. „Mo-Fr 08:00-16:00; PH off". */
		openingHours: openingHours('Öffnungszeiten').optional(),
		/** Wheelchair access as in OpenStreetMap: yes, limited, no or unknown. */
		wheelchair: oneOf('Rollstuhlgerecht', WHEELCHAIR_VALUES, { help: 'Wie bei Wheelmap: ja, teilweise, nein oder unbekannt.' }).default('unknown'),
		/** Languages spoken by the staff. */
		languages: languages('Sprachen', { help: 'In welchen Sprachen man dort beraten wird.' }),
		/** Public phone number. */
		phone: phone('Telefon').optional(),
		/** Public e-mail address. */
		email: email('E-Mail').optional(),
		/** Website. */
		website: url('Website').optional(),
		/** One sentence for lists and the map popup. */
		description: text('Kurzbeschreibung', { max: 200, help: 'Ein Satz für Listen und die Karte (höchstens 200 Zeichen).' }),
	});

export type Facility = z.infer<ReturnType<typeof facilitySchema>>;
