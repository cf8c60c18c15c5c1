/**
 * The Decap CMS configuration, derived from the content model (src/schemas). Built at build time and handed to
 * the admin page as JSON; nothing here is written by hand twice.
 */
import type { z } from 'astro/zod';
import { isTranslated, PATTERNS, schemaFactories, SETTINGS_FILE, SOURCE_LANGUAGE, SYNONYMS_FILE, TRANSLATED, type CollectionName, type FolderCollection } from '../src/schemas';
import { plainContext, type SchemaContext } from '../src/schemas/context';
import type { Settings } from '../src/schemas/settings';
import { toFields, type DecapField } from './fields';
import { href, paths } from '../src/lib/routes';

/** The schema of a collection as the CMS sees it. */
export function schemaFor(name: CollectionName, settings: Settings): z.ZodType {
	return (schemaFactories[name] as (ctx: SchemaContext, s: Settings) => z.ZodType)(plainContext(), settings);
}

/** How each folder appears to staff: names, list columns, sorting, whether it has a text body and pictures. */
interface CollectionView {
	label: string;
	singular: string;
	description: string;
	summary: string;
	/** Fields staff can sort the list by; the first is the default order. */
	sortable: { field: string; label: string; default_sort?: 'asc' | 'desc' }[];
	body?: { label: string; hint: string; required: boolean };
	media?: boolean;
	create?: boolean;
	/** Field values for a new entry (beyond schema defaults). */
	defaults?: Record<string, unknown>;
}

const VIEWS: Record<FolderCollection, CollectionView> = {
	aktuelles: {
		label: 'Aktuelles',
		singular: 'Meldung',
		description: 'Meldungen für die Startseite und die Seite „Aktuelles". Neueste zuerst.',
		summary: "{{date | date('DD.MM.YYYY')}} – {{title}}",
		sortable: [{ field: 'date', label: 'Datum', default_sort: 'desc' }, { field: 'title', label: 'Titel' }],
		body: { label: 'Text der Meldung', hint: 'Der eigentliche Artikel. Zwischenüberschriften mit „Überschrift 2".', required: true },
		media: true,
		defaults: { date: '{{now}}' },
	},
	projekte: {
		label: 'Projekte',
		singular: 'Projekt',
		description: 'Projekte mit ihren Schritten, Förderung und Mitmach-Möglichkeiten.',
		summary: '{{title}} ({{status}})',
		sortable: [{ field: 'title', label: 'Titel', default_sort: 'asc' }, { field: 'status', label: 'Stand' }],
		body: { label: 'Beschreibung', hint: 'Worum geht es, warum, für wen?', required: true },
		media: true,
		defaults: { status: 'geplant' },
	},
	termine: {
		label: 'Termine',
		singular: 'Termin',
		description: 'Foren, Sprechstunden, Feste und Workshops. Vergangene Termine rutschen von selbst nach unten.',
		summary: "{{start | date('DD.MM.YYYY HH:mm')}} – {{title}}",
		sortable: [{ field: 'start', label: 'Beginn', default_sort: 'desc' }, { field: 'title', label: 'Titel' }],
		body: { label: 'Beschreibung', hint: 'Was passiert, wer ist eingeladen?', required: false },
	},
	einrichtungen: {
		label: 'Einrichtungen',
		singular: 'Einrichtung',
		description: 'Kitas, Beratungsstellen, Treffpunkte und mehr – mit Lage, Öffnungszeiten und Zugang.',
		summary: '{{name}} ({{category}})',
		sortable: [{ field: 'name', label: 'Name', default_sort: 'asc' }, { field: 'category', label: 'Kategorie' }],
		body: { label: 'Ausführliche Beschreibung', hint: 'Was bietet die Einrichtung, für wen, wie erreicht man sie?', required: false },
	},
	aufrufe: {
		label: 'Aufrufe',
		singular: 'Aufruf',
		description: 'Aufrufe zum Mitmachen, z. B. für den Aktionsfonds.',
		summary: "{{title}} (Frist {{deadline | date('DD.MM.YYYY')}})",
		sortable: [{ field: 'deadline', label: 'Frist', default_sort: 'desc' }, { field: 'title', label: 'Titel' }],
		body: { label: 'Erklärung', hint: 'Worum geht es, wer kann mitmachen?', required: false },
	},
	beschluesse: {
		label: 'Beschlüsse',
		singular: 'Beschluss',
		description: 'Was Quartiersrat, Aktionsfonds-Jury, Steuerungsrunde und Stadt entschieden haben. Erscheint auch im Weg der Projekte.',
		summary: "{{date | date('DD.MM.YYYY')}} – {{title}} ({{outcome}})",
		sortable: [{ field: 'date', label: 'Datum', default_sort: 'desc' }, { field: 'title', label: 'Titel' }, { field: 'committee', label: 'Gremium' }],
		body: { label: 'Begründung', hint: 'Freiwillig: Warum wurde so entschieden? Was wurde besprochen?', required: false },
		defaults: { date: '{{now}}', committee: 'quartiersrat', outcome: 'angenommen' },
	},
	ziele: {
		label: 'Ziele (IHEK)',
		singular: 'Ziel',
		description: 'Die Ziele des Integrierten Handlungskonzepts mit Kennzahlen. Projekte wählen ihr Ziel daraus.',
		summary: '{{title}}',
		sortable: [{ field: 'order', label: 'Reihenfolge', default_sort: 'asc' }, { field: 'title', label: 'Ziel' }],
		body: { label: 'Erläuterung', hint: 'Freiwillig: Warum ist das Ziel wichtig, was steht dazu im Handlungskonzept?', required: false },
	},
	dokumente: {
		label: 'Dokumente',
		singular: 'Dokument',
		description: 'Handlungskonzept, Protokolle, Berichte und Flyer – jeweils mit eigener Seite.',
		summary: "{{date | date('DD.MM.YYYY')}} – {{title}}",
		sortable: [{ field: 'date', label: 'Datum', default_sort: 'desc' }, { field: 'title', label: 'Titel' }],
		body: { label: 'Inhalt in Worten', hint: 'Kurz zusammengefasst, was im Dokument steht – so wird es auch gefunden.', required: false },
	},
	kontakte: {
		label: 'Team',
		singular: 'Person',
		description: 'Das Team des Quartiersmanagements auf der Kontaktseite.',
		summary: '{{name}} – {{role}}',
		sortable: [{ field: 'order', label: 'Reihenfolge', default_sort: 'asc' }, { field: 'name', label: 'Name' }],
		media: true,
	},
	seiten: {
		label: 'Seiten',
		singular: 'Seite',
		description: 'Feste Seiten: Über uns, Mitmachen, Quartiersrat, Impressum, Datenschutz, Barrierefreiheit.',
		summary: '{{title}}',
		sortable: [{ field: 'title', label: 'Titel', default_sort: 'asc' }],
		body: { label: 'Text', hint: 'Der Inhalt der Seite.', required: true },
	},
	'leichte-sprache': {
		label: 'Leichte Sprache',
		singular: 'Seite in Leichter Sprache',
		description: 'Seiten in Leichter Sprache: „start" ist die Übersicht, dazu Quartiersmanagement, Mitmachen, Kontakt.',
		summary: '{{title}}',
		sortable: [{ field: 'order', label: 'Reihenfolge', default_sort: 'asc' }, { field: 'title', label: 'Titel' }],
	},
	gebaerdensprache: {
		label: 'Gebärdensprache',
		singular: 'Video in Gebärdensprache',
		description: 'Videos in Deutscher Gebärdensprache mit Standbild, Untertiteln und Abschrift.',
		summary: '{{title}}',
		sortable: [{ field: 'order', label: 'Reihenfolge', default_sort: 'asc' }, { field: 'title', label: 'Titel' }],
		body: { label: 'Abschrift auf Deutsch', hint: 'Was im Video gesagt wird, als Text.', required: true },
	},
	themen: {
		label: 'Themen',
		singular: 'Thema',
		description: 'Handlungsfelder des Handlungskonzepts (IHEK).',
		summary: '{{label}}',
		sortable: [{ field: 'order', label: 'Reihenfolge', default_sort: 'asc' }, { field: 'label', label: 'Bezeichnung' }],
	},
	netzwerk: {
		label: 'Netzwerk',
		singular: 'Partner oder Gruppe',
		description: 'Partner im Quartier (Vereine, Schulen, Kitas, Wohnungsunternehmen, Träger, Initiativen) und Arbeitsgruppen mit ihrem regelmäßigen Treffen.',
		summary: '{{name}} ({{kind}})',
		sortable: [{ field: 'name', label: 'Name', default_sort: 'asc' }, { field: 'kind', label: 'Art' }],
		body: { label: 'Beschreibung', hint: 'Was macht der Partner oder die Gruppe, wer kann mitmachen?', required: false },
	},
	kategorien: {
		label: 'Kategorien',
		singular: 'Kategorie',
		description: 'Arten von Einrichtungen mit Symbol und Farbe.',
		summary: '{{plural}}',
		sortable: [{ field: 'plural', label: 'Bezeichnung', default_sort: 'asc' }],
	},
};

/** The page that shows an entry on the site: „Live ansehen" and the review preview open the entry itself. */
const PAGE_OF: Record<FolderCollection, (id: string) => string> = {
	aktuelles: href.news,
	projekte: href.project,
	termine: href.event,
	einrichtungen: href.facility,
	aufrufe: href.call,
	dokumente: href.document,
	beschluesse: href.decision,
	ziele: href.goal,
	seiten: href.page,
	'leichte-sprache': href.plain,
	// The videos share one page: each has its section there.
	gebaerdensprache: (id) => `${paths.signLanguage}#video-${id}`,
	themen: href.projectTheme,
	kategorien: href.facilityCategory,
	// The team has no page per person: their contact page.
	kontakte: () => paths.contact,
	netzwerk: href.network,
};

/** Collections listed in this order in the CMS. */
export const CMS_ORDER: FolderCollection[] = ['aktuelles', 'termine', 'projekte', 'beschluesse', 'aufrufe', 'einrichtungen', 'netzwerk', 'dokumente', 'ziele', 'kontakte', 'seiten', 'leichte-sprache', 'gebaerdensprache', 'themen', 'kategorien'];

function withDefaults(fields: DecapField[], defaults: Record<string, unknown> = {}): DecapField[] {
	return fields.map((field) => (field.name in defaults ? { ...field, default: defaults[field.name] } : field));
}

function folderCollection(name: FolderCollection, settings: Settings) {
	const view = VIEWS[name];
	const markdown = PATTERNS[name].includes('md');
	const fields = withDefaults(toFields(schemaFor(name, settings), name), view.defaults);
	if (view.body) fields.push({ name: 'body', label: view.body.label, hint: view.body.hint, widget: 'markdown', required: view.body.required });
	// Translatable entries: the fields in TRANSLATED appear once per language; everything else only in German. Also on
	// a site in German only: Decap then names the files as the build reads them (`kita.de.md`).
	const translated = isTranslated(name) ? (TRANSLATED[name] as readonly string[]) : undefined;
	return {
		...(translated ? { i18n: true } : {}),
		name,
		label: view.label,
		label_singular: view.singular,
		description: view.description,
		folder: `content/${name}`,
		create: view.create ?? true,
		extension: markdown ? 'md' : 'yaml',
		format: markdown ? 'frontmatter' : 'yaml',
		slug: '{{slug}}',
		identifier_field: fields.some((f) => f.name === 'title') ? 'title' : fields.some((f) => f.name === 'name') ? 'name' : 'label',
		summary: view.summary,
		// Decap fills in the entry's file name; the path has no leading slash.
		preview_path: PAGE_OF[name]('{{slug}}').slice(1),
		sortable_fields: view.sortable,
		...(view.media ? { media_folder: 'bilder', public_folder: 'bilder' } : {}),
		fields: translated ? fields.map((field) => (translated.includes(field.name) ? { ...field, i18n: true } : field)) : fields,
	};
}

export interface CmsOptions {
	/** Editing on this computer through decap-server (only `npm start`, never a production build). */
	local: boolean;
	/** Port of decap-server on 127.0.0.1. */
	localPort?: number;
	/** Local editing with the review steps (decap-server in git mode), as staff see them online. */
	workflow?: boolean;
	/** Where „Live ansehen" and the site link lead (under `npm start`: this computer's site); default the public address. */
	siteUrl?: string;
}

/**
 * How staff sign in on the public site, as the settings choose (`cms`, cms/README.md): Netlify Identity with Git
 * Gateway, or GitHub accounts through Decap's GitHub backend, which signs in through an OAuth service (`base_url`,
 * Netlify's unless the settings name another) holding the office's GitHub OAuth app.
 */
export function onlineBackend(settings: Settings) {
	const { cms } = settings;
	const branch = cms?.branch ?? 'main';
	if (cms?.backend === 'github') return { name: 'github', repo: cms.repo, branch, squash_merges: true, ...(cms.authUrl ? { base_url: cms.authUrl.replace(/\/+$/, '') } : {}) };
	return { name: 'git-gateway', branch, squash_merges: true };
}

/** The whole Decap configuration. */
export function cmsConfig(settings: Settings, options: CmsOptions) {
	const collections = [
		...CMS_ORDER.map((name) => folderCollection(name, settings)),
		{
			name: 'settings',
			label: 'Einstellungen',
			description: 'Name, Farben, Kartenausschnitt, Kontakt und Förderhinweis des Quartiers. Änderungen wirken auf jeder Seite.',
			editor: { preview: false },
			files: [{ name: 'quartier', label: 'Einstellungen des Quartiers', file: `content/${SETTINGS_FILE}`, fields: toFields(schemaFor('settings', settings), 'settings') }],
		},
		{
			name: 'synonyme',
			label: 'Suche',
			description: 'Wörter, die bei der Suche dasselbe meinen (z. B. Kita und Kindertagesstätte). Wirkt nach der nächsten Veröffentlichung.',
			editor: { preview: false },
			files: [{ name: 'synonyme', label: 'Gleichbedeutende Suchwörter', file: `content/${SYNONYMS_FILE}`, fields: toFields(schemaFor('synonyme', settings), 'synonyme') }],
		},
	];
	return {
		load_config_file: false,
		locale: 'de',
		site_url: options.siteUrl ?? settings.siteUrl,
		display_url: options.siteUrl ?? settings.siteUrl,
		logo_url: '/favicon.svg',
		// Local editing writes straight to content/; online, every change goes through review (branch + pull request).
		backend: options.local ? { name: 'proxy', proxy_url: `http://127.0.0.1:${options.localPort ?? 8081}/api/v1`, branch: 'main' } : onlineBackend(settings),
		...(!options.local || options.workflow ? { publish_mode: 'editorial_workflow' } : {}),
		media_folder: 'public/uploads',
		public_folder: '/uploads',
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		// One file per language beside the German entry (`kita.de.md`, `kita.en.md`): pictures stay in the entry's
		// folder for every language, and Astro reads each language with a file pattern (src/lib/translations.ts).
		i18n: { structure: 'multiple_files', locales: [...settings.languages], default_locale: SOURCE_LANGUAGE },
		collections,
	};
}

export type CmsConfig = ReturnType<typeof cmsConfig>;

/** The configuration as JSON for the admin page's script element; „<" escaped so content cannot close the element. */
export function cmsConfigJson(settings: Settings, options: CmsOptions): string {
	return JSON.stringify(cmsConfig(settings, options)).replace(/</g, '\\u003c');
}

/** The admin page's title. */
export const adminTitle = (settings: Settings) => `Redaktion – ${settings.office}`;

/** Each folder's name as staff see it in the CMS (the translation overview uses the same words). */
export const CMS_COLLECTION_LABELS = Object.fromEntries(Object.entries(VIEWS).map(([name, view]) => [name, view.label])) as Record<FolderCollection, string>;
