/**
 * Every site path the code writes, in one place. Pure: no Astro imports, so pages, components, browser scripts,
 * the CMS and tests can all use it. Paths end with a slash (the site's `trailingSlash: 'always'`).
 */
import { BASEMAP_DATA, FACILITY_DETAILS_DATA, FACILITY_MAP_DATA } from './map-files';

/** Pages of one entry, by collection. */
export const href = {
	news: (id: string) => `/aktuelles/${id}/`,
	project: (id: string) => `/projekte/${id}/`,
	event: (id: string) => `/termine/${id}/`,
	facility: (id: string) => `/einrichtungen/${id}/`,
	call: (id: string) => `/aufrufe/${id}/`,
	document: (id: string) => `/dokumente/${id}/`,
	decision: (id: string) => `/beschluesse/${id}/`,
	goal: (id: string) => `/ziele/${id}/`,
	page: (id: string) => `/${id}/`,
	/** A page in Leichte Sprache; `start` is the overview. */
	plain: (id: string) => (id === 'start' ? '/leichte-sprache/' : `/leichte-sprache/${id}/`),
	newsTheme: (id: string) => `/aktuelles/thema/${id}/`,
	projectTheme: (id: string) => `/projekte/thema/${id}/`,
	/** All facilities of one category. */
	facilityCategory: (id: string) => `/einrichtungen/kategorie/${id}/`,
	/** Decisions of one body (Quartiersrat, Jury …). */
	decisionBody: (body: string) => `/beschluesse/gremium/${body}/`,
	/** The embeddable facility map with the facilities of one category (for partners' sites, in an <iframe>). */
	embedMapCategory: (id: string) => `/einbetten/karte/${id}/`,
	/** The news feed of one Handlungsfeld. */
	newsThemeFeed: (id: string) => `/aktuelles/thema/${id}/feed.xml`,
	/** One event as a calendar file (inside the event's folder, so no event id can collide with it). */
	eventCalendar: (id: string) => `/termine/${id}/kalender.ics`,
	/** The calendar of one kind of event (Quartiersrat sittings …). */
	eventTypeCalendar: (type: string) => `/termine/kalender-${type}.ics`,
	/** The printable A4 notice („Aushang") of an event, a call or a news item. */
	eventNotice: (id: string) => `/termine/${id}/aushang/`,
	callNotice: (id: string) => `/aufrufe/${id}/aushang/`,
	newsNotice: (id: string) => `/aktuelles/${id}/aushang/`,
	/** A partner or working group of the network. */
	network: (id: string) => `/netzwerk/${id}/`,
	/** The regular meeting of one working group as a calendar file (inside its folder, like an event's). */
	networkCalendar: (id: string) => `/netzwerk/${id}/kalender.ics`,
	/** One page of the news list: page 1 is the list itself, page n is /aktuelles/seite/n/. */
	newsPage: (page: number) => (page <= 1 ? '/aktuelles/' : `/aktuelles/seite/${page}/`),
	/** An entry in the staff editor (Decap CMS): its folder in content/ and its id. */
	editorEntry: (collection: string, id: string) => `/admin/#/collections/${collection}/entries/${id}`,
};

/** Fixed pages and files. */
export const paths = {
	home: '/',
	news: '/aktuelles/',
	projects: '/projekte/',
	events: '/termine/',
	facilities: '/einrichtungen/',
	participate: '/mitmachen/',
	idea: '/mitmachen/idee/',
	calls: '/aufrufe/',
	documents: '/dokumente/',
	decisions: '/beschluesse/',
	goals: '/ziele/',
	funding: '/foerderung/',
	openData: '/daten/',
	contact: '/kontakt/',
	thanks: '/danke/',
	about: '/ueber-uns/',
	imprint: '/impressum/',
	privacy: '/datenschutz/',
	accessibility: '/barrierefreiheit/',
	search: '/suche/',
	plainLanguage: '/leichte-sprache/',
	signLanguage: '/gebaerdensprache/',
	/** Open data files. */
	data: {
		facilitiesGeoJSON: '/einrichtungen.geojson',
		facilitiesCSV: '/einrichtungen.csv',
		facilitiesSchema: '/daten/einrichtungen.schema.json',
		projectsJSON: '/daten/projekte.json',
		projectsSchema: '/daten/projekte.schema.json',
		projectsCSV: '/daten/projekte.csv',
		decisionsCSV: '/daten/beschluesse.csv',
		fundingCSV: '/daten/foerderung.csv',
		fundingTotalsCSV: '/daten/foerderung-summen.csv',
		facilityMap: FACILITY_MAP_DATA,
		facilityDetails: FACILITY_DETAILS_DATA,
		basemap: BASEMAP_DATA,
	},
	/** Pages for other sites to frame (the only ones that may be shown in an <iframe>, see src/integrations/frame-headers.ts). */
	embed: '/einbetten/',
	/** The embeddable facility map with every facility. */
	embedMap: '/einbetten/karte/',
	/** Feeds, calendars and the page that explains them (src/lib/subscriptions.ts). */
	subscribe: '/abonnieren/',
	feeds: {
		news: '/aktuelles/feed.xml',
		decisions: '/beschluesse/feed.xml',
		calls: '/aufrufe/feed.xml',
	},
	/** All events; event pages are folders (/termine/<id>/), so a file beside them never collides with one. */
	calendar: '/termine/kalender.ics',
	/** The partner network: partners and working groups. */
	network: '/netzwerk/',
	/** The regular meetings of every working group as one calendar. */
	networkCalendar: '/netzwerk/kalender.ics',
	/** The page for a missing address: its address in every language (`/en/404/`), and the German one's file, which the host serves at the root. */
	notFound: '/404/',
	notFoundFile: '/404.html',
	/** The staff editor (Decap CMS), German only; its Content-Security-Policy is in netlify.toml (see src/lib/csp.ts). */
	editor: '/admin/',
	/** Where the editor's script bundle is served from while developing (src/integrations/admin-dev.ts). */
	editorApp: '/admin/_app/',
} as const;

/** Whether a (German) address is the not-found page: `/404/`, its file `/404.html`, or `/404` as Astro names it while building. */
export function isNotFound(path: string): boolean {
	return path === paths.notFound || path === paths.notFoundFile || path === paths.notFound.slice(0, -1);
}

/** Whether an address belongs to the staff editor (`/admin/…`), which exists in German only. */
export function isEditorPath(path: string): boolean {
	return path.startsWith(paths.editor);
}

/** The addresses under which the editor's page is asked for: with and without the slash, and its file. */
export const EDITOR_PAGE_ADDRESSES: readonly string[] = [paths.editor.slice(0, -1), paths.editor, `${paths.editor}index.html`];

/** A header or redirect rule for an address and everything below it, as Netlify writes it: `/aktuelles/*`. */
export function below(path: string): string {
	return `${path}*`;
}

/** The site's first language: its pages have no prefix (`/kontakt/`); every other language has one (`/en/kontakt/`). */
export const SOURCE_LOCALE = 'de';

/** A page's address in one language: `localePath('/kontakt/', 'tr')` is `/tr/kontakt/`. */
export function localePath(path: string, locale: string | undefined): string {
	return !locale || locale === SOURCE_LOCALE ? path : `/${locale}${path}`;
}

/** The language of an address and the page's German address: `/tr/kontakt/` → `{ locale: 'tr', path: '/kontakt/' }`. */
export function splitLocale(pathname: string, locales: readonly string[]): { locale: string; path: string } {
	const first = pathname.split('/')[1] ?? '';
	return first !== SOURCE_LOCALE && locales.includes(first) ? { locale: first, path: pathname.slice(first.length + 1) || '/' } : { locale: SOURCE_LOCALE, path: pathname };
}

/**
 * Paths that are the same in every language: built assets, the search index, the CMS, uploads and files (a last segment with
 * a dot: `.csv`, `.json`, `.pdf`, pictures).
 */
function isSharedPath(path: string): boolean {
	if (!path.startsWith('/') || path.startsWith('//')) return true;
	const pathname = path.split(/[?#]/)[0] ?? path;
	return /^\/(_astro|pagefind|admin|uploads)\//.test(pathname) || /\.[a-z0-9]+$/i.test(pathname);
}

/**
 * The page's links in its language: every site-internal page address in `href` or `action` of `<a>` and `<form>`
 * gets the language prefix. Links that name their language (`hreflang`, the language switcher) keep theirs. Links to
 * a page that exists in German only (`germanOnly`: German addresses, src/lib/page-languages.ts) keep the German
 * address and say so (`hreflang="de"`).
 */
export function localizeLinks(html: string, locale: string, locales: readonly string[], germanOnly: ReadonlySet<string> = new Set()): string {
	if (locale === SOURCE_LOCALE) return html;
	return html.replace(/<(a|form)\b[^>]*>/g, (tag) => {
		if (/\shreflang=/.test(tag)) return tag;
		let german = false;
		const localized = tag.replace(/\s(href|action)="(\/[^"]*)"/g, (attr, name: string, path: string) => {
			if (isSharedPath(path) || splitLocale(path, locales).locale !== SOURCE_LOCALE) return attr;
			if (germanOnly.has(path.split(/[?#]/)[0] ?? path)) {
				german = name === 'href';
				return attr;
			}
			return ` ${name}="${localePath(path, locale)}"`;
		});
		return german ? localized.replace(/^<a\b/, `<a hreflang="${SOURCE_LOCALE}"`) : localized;
	});
}

/** In the browser: a page's address in the language of the page the script runs in. */
export function pageLink(path: string): string {
	return localePath(path, document.documentElement.lang);
}
