/**
 * Every site path the code writes, in one place. Pure: no Astro imports, so pages, components, browser scripts,
 * the CMS and tests can all use it. Paths end with a slash (the site's `trailingSlash: 'always'`).
 */

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
	newsTheme: (id: string) => `/aktuelles/thema/${id}/`,
	projectTheme: (id: string) => `/projekte/thema/${id}/`,
	/** All facilities of one category. */
	facilityCategory: (id: string) => `/einrichtungen/kategorie/${id}/`,
	/** Decisions of one body (Quartiersrat, Jury …). */
	decisionBody: (body: string) => `/beschluesse/gremium/${body}/`,
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
	/** Open data files. */
	data: {
		facilitiesGeoJSON: '/einrichtungen.geojson',
		facilitiesCSV: '/einrichtungen.csv',
		projectsJSON: '/daten/projekte.json',
		projectsSchema: '/daten/projekte.schema.json',
		projectsCSV: '/daten/projekte.csv',
		decisionsCSV: '/daten/beschluesse.csv',
		fundingCSV: '/daten/foerderung.csv',
		fundingTotalsCSV: '/daten/foerderung-summen.csv',
	},
} as const;
