import { z } from 'astro/zod';
import { de } from './messages';
import { day, described, email, flag, group, hexColor, integer, oneOf, openingHours, phone, publicAsset, slug, text, textColor, url, type SchemaContext } from './fields';

/** Why content is not accessible, in the model statement's order: incompatible, a disproportionate burden, outside the rules. */
export const BARRIER_KINDS = ['incompatible', 'burden', 'outOfScope'] as const;

/** How staff sign in to the editor online: Netlify Identity with Git Gateway, or GitHub accounts. */
export const CMS_BACKENDS = ['git-gateway', 'github'] as const;
const REPO_HINT = 'Besitzer und Name des Repositorys mit Schrägstrich, z. B. „qm-muehlenviertel/website".';
const BRANCH_HINT = 'Name eines Branches, z. B. „main".';

/** A postal address. */
export const address = group('Adresse', {
	/** Street and house number. */
	street: text('Straße und Hausnummer'),
	/** Five-digit German postcode. */
	postcode: described(z.string(de('Postleitzahl')).regex(/^\d{5}$/, de('Postleitzahl', 'Fünf Ziffern, z. B. 04315.')), { title: 'Postleitzahl', description: 'Fünf Ziffern.' }),
	/** City. */
	city: text('Ort'),
});

/** A map file in public/karte/ named by its site path, e.g. /karte/quartier.pmtiles; it must exist. */
const mapFile = (ctx: SchemaContext, label: string) =>
	publicAsset(ctx, label, {
		folder: 'karte',
		extensions: ['pmtiles'],
		example: '/karte/quartier.pmtiles',
		help: 'PMTiles-Datei in public/karte/, z. B. /karte/quartier.pmtiles. Leer lassen für die Detailkarte mit Zustimmung.',
	});

/** One fund of the office's programme, e.g. the Aktionsfonds. Projects, calls and charts name it by its id. */
const fund = group('Fonds', {
	/** Short id used in content files, e.g. „aktionsfonds". */
	id: slug('Kürzel des Fonds', { help: 'So heißt der Fonds in den Inhalten, z. B. „aktionsfonds". Nach dem ersten Gebrauch nicht mehr ändern.' }),
	/** Name as residents read it, e.g. „Aktionsfonds". */
	label: text('Name des Fonds', { max: 60 }),
	/** One or two sentences: what the fund pays for and who decides. */
	description: text('Beschreibung des Fonds', { max: 300, long: true, help: 'Wofür gibt es Geld, wie viel, und wer entscheidet?' }),
}, { summary: '{{fields.label}} ({{fields.id}})' });

const degrees = (label: string, limit: number) => described(z.number(de(label)).min(-limit, de(label)).max(limit, de(label)), { title: label, description: 'Dezimalzahl mit Punkt, z. B. 51.3462.' });

/**
 * Languages the site can be shown in: each has a dictionary in src/i18n/ (the type of `dictionaries` there requires
 * one per language). German is the source; the others get their prefix (/en/, /tr/, /ar/).
 */
export const SITE_LANGUAGES = ['de', 'en', 'tr', 'ar'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

/** The one settings file: everything another QM office changes when it forks the kit. */
export const settingsSchema = (ctx: SchemaContext) => group('Einstellungen', {
	/** Name of the district, e.g. „Mühlenviertel". */
	district: text('Name des Quartiers'),
	/** True while the site shows the fictional sample district; marks every page as „Beispielquartier". */
	sample: flag('Beispielquartier', { help: 'Eingeschaltet: Jede Seite trägt den Hinweis „Beispielquartier".' }).default(false),
	/** Name of the QM office as residents know it. */
	office: text('Name des Quartiersmanagements'),
	/** City the district belongs to. */
	city: text('Stadt'),
	/** Public address of the site, used for the sitemap and absolute links. */
	siteUrl: url('Adresse der Website'),
	/** The organisation commissioned to run the QM office (Träger). */
	provider: group('Träger', {
		/** Name of the Träger. */
		name: text('Name des Trägers'),
		/** Website of the Träger. */
		url: url('Website des Trägers').optional(),
	}),
	/** Funding programme(s) and the funding notice that must appear on every page. */
	funding: group('Förderung', {
		/** Programmes that fund the office. */
		programmes: described(
			z
				.array(
					group('Förderprogramm', {
						/** Programme name. */
						name: text('Name des Förderprogramms'),
						/** Programme website. */
						url: url('Website des Förderprogramms').optional(),
						/** The programme's logo as the funding notice requires it (SVG or PNG in public/foerderung/). */
						logo: group('Logo des Förderprogramms', {
							/** Site path of the logo file. */
							src: publicAsset(ctx, 'Logo-Datei', { folder: 'foerderung', extensions: ['svg', 'png'], example: '/foerderung/logo.svg', help: 'SVG oder PNG, so wie es der Förderbescheid verlangt.' }),
							/** What the logo says, for people who cannot see it. */
							alt: text('Alternativtext zum Logo', { max: 200, help: 'Was auf dem Logo steht, z. B. „Städtebauförderung von Bund, Ländern und Gemeinden".' }),
						}).optional(),
					}),
					de('Förderprogramme'),
				)
				.min(1, de('Förderprogramme')),
			{ title: 'Förderprogramme' },
		),
		/** The funding notice (Förderhinweis) shown in the footer of every page. */
		notice: text('Förderhinweis', { max: 400, help: 'Steht im Fuß jeder Seite, so wie es der Förderbescheid verlangt.' }),
	}),
	/** The funds of the programme; projects, calls and the money overview name them by their id. */
	funds: described(
		z
			.array(fund, de('Fonds'))
			.min(1, de('Fonds'))
			.superRefine((list, ctx) => {
				const seen = new Set<string>();
				list.forEach((entry, i) => {
					if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Kürzel des Fonds: „${entry.id}" kommt zweimal vor – jedes Kürzel nur einmal.` });
					seen.add(entry.id);
				});
			}),
		{ title: 'Fonds', description: 'Die Fonds des Förderprogramms, z. B. Aktionsfonds und Projektfonds. Projekte und Aufrufe wählen daraus.' },
	),
	/** Map frame of the district. */
	map: group('Kartenausschnitt', {
		/** Centre of the map. */
		center: group('Kartenmitte', { /** Latitude. */ lat: degrees('Breitengrad der Kartenmitte', 90), /** Longitude. */ lng: degrees('Längengrad der Kartenmitte', 180) }),
		/** Initial zoom level (OpenStreetMap zoom, 10 = city, 16 = streets). */
		zoom: integer('Zoomstufe', 10, 19, { help: '10 zeigt die ganze Stadt, 16 einzelne Straßen.' }),
		/** District bounds: facilities and places must lie inside. */
		bounds: group('Quartiersgrenzen', {
			/** Southern edge (latitude). */
			south: degrees('Südgrenze', 90),
			/** Western edge (longitude). */
			west: degrees('Westgrenze', 180),
			/** Northern edge (latitude). */
			north: degrees('Nordgrenze', 90),
			/** Eastern edge (longitude). */
			east: degrees('Ostgrenze', 180),
		}, { help: 'Einrichtungen und Orte müssen in diesem Rechteck liegen.' }),
		/** Detailed background map, loaded only after the visitor agrees (two-click consent). */
		tiles: group('Detailkarte', {
			/** Tile URL template with {z}, {x} and {y}. */
			url: described(
				z
					.string(de('Adresse der Kartenkacheln'))
					.regex(/^https?:\/\/\S*\{z\}\S*\{x\}\S*\{y\}\S*$/, de('Adresse der Kartenkacheln', 'Mit {z}, {x} und {y}, z. B. https://tile.openstreetmap.org/{z}/{x}/{y}.png')),
				{ title: 'Adresse der Kartenkacheln', description: 'Mit {z}, {x} und {y}, z. B. https://tile.openstreetmap.org/{z}/{x}/{y}.png' },
			),
			/** Who operates the tile server, as shown on the consent button and in the privacy notice. */
			provider: text('Anbieter der Detailkarte', { max: 120, help: 'Wer die Karte ausliefert, z. B. „OpenStreetMap Foundation".' }),
			/** Attribution the tile source requires. */
			attribution: text('Quellenangabe', { max: 200, help: 'So verlangt es der Kartenanbieter, z. B. „© OpenStreetMap-Mitwirkende".' }),
			/** Link for the attribution. */
			attributionUrl: url('Link der Quellenangabe'),
			/** Highest zoom level the tiles offer. */
			maxZoom: integer('Höchste Zoomstufe der Detailkarte', 1, 22),
		}),
		/**
		 * A map file on this site (PMTiles, vector or raster, e.g. cut from an OpenStreetMap extract for the
		 * district). When set, the map shows it right away – no other host is involved, so no consent is needed –
		 * and the tiles above are not used.
		 */
		pmtiles: mapFile(ctx, 'Eigene Karte (PMTiles-Datei)').optional(),
		/** Attribution the data of the own map file requires, e.g. „© OpenStreetMap-Mitwirkende". */
		pmtilesAttribution: text('Quellenangabe der eigenen Karte', { max: 200, help: 'Pflicht, wenn eine eigene Kartendatei angegeben ist.' }).optional(),
	}).superRefine((map, ctx) => {
		if (map.pmtiles && !map.pmtilesAttribution) {
			ctx.addIssue({ code: 'custom', path: ['pmtilesAttribution'], message: 'Quellenangabe der eigenen Karte: Bitte angeben, wessen Daten die Kartendatei zeigt (z. B. „© OpenStreetMap-Mitwirkende").' });
		}
		const { south, west, north, east } = map.bounds;
		if (south >= north) ctx.addIssue({ code: 'custom', path: ['bounds', 'south'], message: 'Südgrenze muss kleiner als die Nordgrenze sein.' });
		if (west >= east) ctx.addIssue({ code: 'custom', path: ['bounds', 'west'], message: 'Westgrenze muss kleiner als die Ostgrenze sein.' });
		const { lat, lng } = map.center;
		if (lat < south || lat > north || lng < west || lng > east) {
			ctx.addIssue({ code: 'custom', path: ['center'], message: 'Kartenmitte muss innerhalb der Quartiersgrenzen liegen.' });
		}
	}),
	/** Brand colours; both must carry white text (contrast ≥ 4.5:1). */
	colors: group('Farben', {
		/** Main colour: header, links, buttons. */
		primary: textColor('Hauptfarbe'),
		/** Second colour: highlights such as the current renewal step. */
		accent: textColor('Akzentfarbe'),
		/** Optional light background tint; defaults to a light grey. */
		tint: hexColor('Hintergrundton', { help: 'Ein sehr heller Ton für Kästen und den Fußbereich.' }).optional(),
	}),
	/** Languages the site is offered in; German is always first. */
	languages: described(
		z
			.array(z.enum(SITE_LANGUAGES, de('Sprache der Website')), de('Sprachen der Website'))
			.min(1, de('Sprachen der Website'))
			.refine((list) => list[0] === 'de', { message: 'Sprachen der Website: Deutsch (de) muss an erster Stelle stehen.' }),
		{ title: 'Sprachen der Website', description: 'Deutsch steht immer an erster Stelle.' },
	),
	/** How to reach the Stadtteilbüro. */
	contact: group('Kontakt', {
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
		/** How to reach the office without steps: entrance, door, toilet, the nearest stop. */
		access: text('So erreichen Sie das Büro ohne Stufen', { max: 400, long: true, help: 'Eingang, Türbreite, Toilette, nächste Haltestelle – in ein bis drei Sätzen.' }).optional(),
	}),
	/** The city's participation platform, if there is one. */
	participationUrl: url('Beteiligungsplattform der Stadt').optional(),
	/** The forms residents send (idea, contact, barrier report): on Netlify Forms, or off for other hosts. */
	forms: group('Formulare', {
		/** On: the forms are sent to Netlify Forms. Off: pages show the office's e-mail and phone instead. */
		enabled: flag('Formulare einschalten', { help: 'Nur bei Netlify: Ideen, Nachrichten und Barriere-Meldungen kommen über Netlify Forms. Ausgeschaltet zeigen die Seiten E-Mail und Telefon des Büros.' }),
		/** How long the office keeps what residents sent, in months (named on the privacy page). */
		keepMonths: integer('Aufbewahrung in Monaten', 1, 36, { help: 'So lange bewahren Sie eingesandte Formulare auf; steht in der Datenschutzerklärung.' }),
	}),
	/**
	 * The accessibility statement (BITV 2.0 / the Länder laws, after the EU model statement): how far the site
	 * conforms, what is not yet accessible and what is offered instead, how the statement was made, and where people
	 * turn when the office does not answer. The page /barrierefreiheit/ shows it in this order.
	 */
	accessibility: group('Erklärung zur Barrierefreiheit', {
		/** The law or ordinance of the Land the statement follows, e.g. „BITV 2.0" or „SächsBITVO". */
		law: text('Maßgebliches Gesetz oder Verordnung', { max: 120, help: 'Die Regel Ihres Landes, z. B. „Barrierefreie-Websites-Gesetz Sachsen" oder „BITV 2.0".' }),
		/** How far the site conforms to the requirements (WCAG 2.1 AA through EN 301 549). */
		status: oneOf('Stand der Vereinbarkeit', ['full', 'partial', 'none'], {
			labels: { full: 'vollständig vereinbar', partial: 'teilweise vereinbar', none: 'nicht vereinbar' },
			help: '„teilweise vereinbar", solange unten Inhalte stehen, die noch nicht barrierefrei sind.',
		}),
		/** What is not (yet) accessible, why, and what the office offers instead. */
		barriers: described(
			z
				.array(
					group(
						'Nicht barrierefreier Inhalt',
						{
							/** What is not accessible, e.g. „PDF-Dokumente". */
							title: text('Was ist nicht barrierefrei?', { max: 120 }),
							/** Why, in the model statement's terms: not compatible, a disproportionate burden, or outside the law's scope. */
							kind: oneOf('Art', BARRIER_KINDS, {
								labels: { incompatible: 'Unvereinbarkeit mit den Anforderungen', burden: 'unverhältnismäßige Belastung', outOfScope: 'fällt nicht unter die Vorschriften' },
							}),
							/** Why, in plain words. */
							reason: text('Warum nicht?', { max: 800, long: true }),
							/** What people can use or ask for instead. */
							alternative: text('Was wir stattdessen anbieten', { max: 800, long: true }),
						},
						{ summary: '{{fields.title}}' },
					),
					de('Nicht barrierefreie Inhalte'),
				)
				.default([]),
			{ title: 'Nicht barrierefreie Inhalte', description: 'Jeder Inhalt mit Grund und Alternative. Leer lassen, wenn alles barrierefrei ist.' },
		),
		/** When the statement was made. */
		made: day('Erklärung erstellt am'),
		/** When it was last reviewed, if since. */
		reviewed: day('Zuletzt überprüft am').optional(),
		/** How: self-assessment, external test … */
		method: text('Wie die Erklärung entstand', { max: 600, long: true, help: 'Z. B. „Selbstbewertung: mit Tastatur und Screenreader geprüft, dazu automatische Prüfungen."' }),
		/** Where people turn when the office does not answer well or in time (Durchsetzungs- oder Schlichtungsstelle). */
		enforcement: group('Durchsetzungs- oder Schlichtungsstelle des Landes', {
			/** Name of the body. */
			name: text('Name der Stelle', { max: 200 }),
			/** Its website. */
			url: url('Website der Stelle'),
			/** Its e-mail, if it publishes one. */
			email: email('E-Mail der Stelle').optional(),
			/** Its phone, if it publishes one. */
			phone: phone('Telefon der Stelle').optional(),
			/** Its postal address, if useful. */
			address: text('Postanschrift der Stelle', { max: 300, long: true }).optional(),
		}),
	}).superRefine((statement, ctx) => {
		// The status must agree with the list: „fully" with nothing listed, „partly" or „not" with something listed.
		const listed = statement.barriers.filter((barrier) => barrier.kind !== 'outOfScope').length;
		if (statement.status === 'full' && listed > 0)
			ctx.addIssue({ code: 'custom', path: ['status'], message: `Stand der Vereinbarkeit: „vollständig vereinbar" passt nicht zu ${listed} nicht barrierefreien Inhalten in der Liste – wählen Sie „teilweise vereinbar" oder leeren Sie die Liste.` });
		if (statement.status !== 'full' && listed === 0)
			ctx.addIssue({ code: 'custom', path: ['barriers'], message: 'Nicht barrierefreie Inhalte: Bei „teilweise" oder „nicht vereinbar" nennen Sie hier, was nicht barrierefrei ist.' });
	}),
	/**
	 * Archive mode (Verstetigung): when the district leaves the programme, the office fills this in once. From `since`
	 * on the site stays readable as a record (projects, decisions, documents, results), while calls and forms close,
	 * lists of coming events disappear, and every page says since when the site is an archive and who to contact now.
	 */
	archive: group(
		'Archiv nach dem Ende des Quartiersmanagements',
		{
			/** The day the office's work ended; from the start of it (Berlin) the site is an archive. */
			since: day('Archiv seit', { help: 'Ab diesem Tag ist die Website ein Archiv: Aufrufe und Formulare schließen, kommende Termine verschwinden, und jede Seite nennt dieses Datum.' }),
			/** Who residents turn to now, in one or two sentences (the city office, a neighbourhood network …). */
			contact: text('Ansprechpartner nach dem Ende', { max: 300, long: true, help: 'Wer jetzt für das Quartier da ist, z. B. „Amt für Stadterneuerung, Prager Straße 118, 04317 Leipzig".' }),
			/** Their e-mail, if any. */
			email: email('E-Mail der Ansprechpartner').optional(),
			/** Their phone, if any. */
			phone: phone('Telefon der Ansprechpartner').optional(),
			/** Their website, if any. */
			url: url('Website der Ansprechpartner').optional(),
		},
		{ help: 'Nur ausfüllen, wenn die Förderung endet. Leer lassen, solange das Quartiersmanagement arbeitet.' },
	).optional(),
	/**
	 * Printable notices („Aushang") for events, calls and news. With a second language, the German notice of an entry
	 * translated into it shows both texts side by side (German only where no translation exists, or when the language
	 * is not one of the site's `languages`).
	 */
	notices: group(
		'Aushänge zum Ausdrucken',
		{
			/** The language printed beside German on a notice, if any: en, tr or ar. */
			secondLanguage: oneOf('Zweite Sprache auf dem Aushang', ['en', 'tr', 'ar'], {
				labels: { en: 'Englisch', tr: 'Türkisch', ar: 'Arabisch' },
				help: 'Ist ein Eintrag in diese Sprache übersetzt, steht die Übersetzung auf dem deutschen Aushang neben dem deutschen Text. Leer lassen: nur Deutsch.',
			}).optional(),
		},
		{ help: 'Leer lassen, wenn Aushänge nur auf Deutsch gedruckt werden.' },
	).optional(),
	/** Open data: under which licence the district publishes its data files. */
	openData: group('Offene Daten', {
		/** Name of the licence. */
		licence: text('Lizenz der offenen Daten', { max: 120 }),
		/** Where the licence text is. */
		licenceUrl: url('Link zur Lizenz'),
	}).default({ licence: 'Datenlizenz Deutschland – Zero – Version 2.0', licenceUrl: 'https://www.govdata.de/dl-de/zero-2-0' }),
	/**
	 * How staff sign in to the editor at /admin/ of the public site (cms/README.md): Netlify Identity with Git Gateway
	 * (the default: staff are invited by e-mail and need no GitHub account), or their own GitHub accounts with write
	 * access to the site's repository (Decap's GitHub backend; no Identity needed). Local editing under `npm start`
	 * needs no sign-in either way.
	 */
	cms: group(
		'Anmeldung in der Redaktion',
		{
			/** git-gateway: Netlify Identity (invitation by e-mail); github: GitHub accounts. */
			backend: oneOf('Anmeldung über', CMS_BACKENDS, {
				labels: { 'git-gateway': 'Netlify Identity (Einladung per E-Mail)', github: 'GitHub-Konto' },
				help: '„GitHub-Konto": Die Redaktion meldet sich mit eigenen GitHub-Konten an, die Schreibrechte im Repository haben. Die Schritte stehen in cms/README.md.',
			}),
			/** The site's GitHub repository as „owner/name"; required with github. */
			repo: described(
				z.string(de('GitHub-Repository', REPO_HINT)).regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, de('GitHub-Repository', REPO_HINT)),
				{ title: 'GitHub-Repository', description: 'Nur bei Anmeldung über GitHub: Besitzer/Name, z. B. qm-muehlenviertel/website.' },
			).optional(),
			/** The branch the public site is built from; main when empty. */
			branch: described(
				z.string(de('Branch', BRANCH_HINT)).regex(/^(?!\/|.*\/\/|.*\.\.)[A-Za-z0-9._/-]{1,100}$/, de('Branch', BRANCH_HINT)),
				{ title: 'Branch', description: 'Aus diesem Branch wird die Website gebaut. Leer lassen für „main".' },
			).optional(),
			/**
			 * The address of the sign-in service that lets staff log in to GitHub (Decap's `base_url`). Empty: Netlify's
			 * (https://api.netlify.com), with the GitHub OAuth app entered in Netlify's site settings.
			 */
			authUrl: url('Anmeldedienst für GitHub', { help: 'Nur mit eigenem Anmeldedienst statt Netlify, z. B. https://anmeldung.example.org. Leer lassen bei Netlify.' }).optional(),
		},
		{ help: 'Leer lassen für die Anmeldung über Netlify Identity.' },
	)
		.superRefine((cms, ctx) => {
			if (cms.backend === 'github' && !cms.repo) ctx.addIssue({ code: 'custom', path: ['repo'], message: `GitHub-Repository: Bei der Anmeldung über GitHub bitte angeben – ${REPO_HINT}` });
			if (cms.backend !== 'github' && cms.authUrl) ctx.addIssue({ code: 'custom', path: ['authUrl'], message: 'Anmeldedienst für GitHub: Gilt nur bei der Anmeldung über GitHub – leer lassen oder „Anmeldung über" auf „GitHub-Konto" stellen.' });
		})
		.optional(),
});

export type Settings = z.infer<ReturnType<typeof settingsSchema>>;
export type Fund = Settings['funds'][number];
