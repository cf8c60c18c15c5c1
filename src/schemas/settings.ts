import { z } from 'astro/zod';
import { de } from './messages';
import { email, hexColor, integer, openingHours, phone, text, textColor, url } from './fields';

const address = z.object(
	{
		/** Street and house number. */
		street: text('Straße und Hausnummer'),
		/** Five-digit German postcode. */
		postcode: z.string(de('Postleitzahl')).regex(/^\d{5}$/, de('Postleitzahl', 'Fünf Ziffern, z. B. 04315.')),
		/** City. */
		city: text('Ort'),
	},
	de('Adresse'),
);

export { address };

const latitude = (label: string) => z.number(de(label)).min(-90, de(label)).max(90, de(label));
const longitude = (label: string) => z.number(de(label)).min(-180, de(label)).max(180, de(label));

/** Languages the site can be shown in (only German is built so far; the others follow). */
export const SITE_LANGUAGES = ['de', 'en', 'tr', 'ar', 'de-x-ls'] as const;

/** The one settings file: everything another QM office changes when it forks the kit. */
export const settingsSchema = z
	.object(
		{
			/** Name of the district, e.g. „Mühlenviertel". */
			district: text('Name des Quartiers'),
			/** True while the site shows the fictional sample district; marks every page as „Beispielquartier". */
			sample: z.boolean(de('Beispielquartier')).default(false),
			/** Name of the QM office as residents know it. */
			office: text('Name des Quartiersmanagements'),
			/** City the district belongs to. */
			city: text('Stadt'),
			/** Public address of the site, used for the sitemap and absolute links. */
			siteUrl: url('Adresse der Website'),
			/** The organisation commissioned to run the QM office (Träger). */
			provider: z.object(
				{
					/** Name of the Träger. */
					name: text('Name des Trägers'),
					/** Website of the Träger. */
					url: url('Website des Trägers').optional(),
				},
				de('Träger'),
			),
			/** Funding programme(s) and the funding notice that must appear on every page. */
			funding: z.object(
				{
					/** Programmes that fund the office. */
					programmes: z
						.array(
							z.object(
								{
									/** Programme name. */
									name: text('Name des Förderprogramms'),
									/** Programme website. */
									url: url('Website des Förderprogramms').optional(),
								},
								de('Förderprogramm'),
							),
							de('Förderprogramme'),
						)
						.min(1, de('Förderprogramme')),
					/** The funding notice (Förderhinweis) shown in the footer of every page. */
					notice: text('Förderhinweis', { max: 400 }),
				},
				de('Förderung'),
			),
			/** Map frame of the district. */
			map: z
				.object(
					{
						/** Centre of the map. */
						center: z.object({ lat: latitude('Breitengrad der Kartenmitte'), lng: longitude('Längengrad der Kartenmitte') }, de('Kartenmitte')),
						/** Initial zoom level (OpenStreetMap zoom, 10 = city, 16 = streets). */
						zoom: integer('Zoomstufe', 10, 19),
						/** District bounds: facilities and places must lie inside. */
						bounds: z.object(
							{
								/** Southern edge (latitude). */
								south: latitude('Südgrenze'),
								/** Western edge (longitude). */
								west: longitude('Westgrenze'),
								/** Northern edge (latitude). */
								north: latitude('Nordgrenze'),
								/** Eastern edge (longitude). */
								east: longitude('Ostgrenze'),
							},
							de('Quartiersgrenzen'),
						),
					},
					de('Kartenausschnitt'),
				)
				.superRefine((map, ctx) => {
					const { south, west, north, east } = map.bounds;
					if (south >= north) ctx.addIssue({ code: 'custom', path: ['bounds', 'south'], message: 'Südgrenze muss kleiner als die Nordgrenze sein.' });
					if (west >= east) ctx.addIssue({ code: 'custom', path: ['bounds', 'west'], message: 'Westgrenze muss kleiner als die Ostgrenze sein.' });
					const { lat, lng } = map.center;
					if (lat < south || lat > north || lng < west || lng > east) {
						ctx.addIssue({ code: 'custom', path: ['center'], message: 'Kartenmitte muss innerhalb der Quartiersgrenzen liegen.' });
					}
				}),
			/** Brand colours; both must carry white text (contrast ≥ 4.5:1). */
			colors: z.object(
				{
					/** Main colour: header, links, buttons. */
					primary: textColor('Hauptfarbe'),
					/** Second colour: highlights such as the current renewal step. */
					accent: textColor('Akzentfarbe'),
					/** Optional light background tint; defaults to a light grey. */
					tint: hexColor('Hintergrundton').optional(),
				},
				de('Farben'),
			),
			/** Languages the site is offered in; German is always first. */
			languages: z
				.array(z.enum(SITE_LANGUAGES, de('Sprache der Website')), de('Sprachen der Website'))
				.min(1, de('Sprachen der Website'))
				.refine((list) => list[0] === 'de', { message: 'Sprachen der Website: Deutsch (de) muss an erster Stelle stehen.' }),
			/** How to reach the Stadtteilbüro. */
			contact: z.object(
				{
					/** Address of the Stadtteilbüro. */
					address,
					/** Office phone. */
					phone: phone('Telefon des Büros'),
					/** Office e-mail. */
					email: email('E-Mail des Büros'),
					/** Office opening hours (OSM opening_hours syntax). */
					openingHours: openingHours('Öffnungszeiten des Büros'),
					/** Where feedback on accessibility goes (BITV 2.0 feedback contact). */
					feedbackEmail: email('E-Mail für Rückmeldungen zur Barrierefreiheit'),
				},
				de('Kontakt'),
			),
			/** The city's participation platform, if there is one. */
			participationUrl: url('Beteiligungsplattform der Stadt').optional(),
		},
		de('Einstellungen'),
	)
	.strict();

export type Settings = z.infer<typeof settingsSchema>;
