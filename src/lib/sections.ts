/** The site's sections, in navigation order: the header menu and the search page's „Bereiche" list. */
import type { useTranslations } from '../i18n';

type T = ReturnType<typeof useTranslations>;

/** The main navigation. */
export const mainSections = (t: T) => [
	{ href: '/aktuelles/', label: t('nav.news') },
	{ href: '/projekte/', label: t('nav.projects') },
	{ href: '/termine/', label: t('nav.events') },
	{ href: '/einrichtungen/', label: t('nav.facilities') },
	{ href: '/mitmachen/', label: t('nav.participate') },
	{ href: '/dokumente/', label: t('nav.documents') },
	{ href: '/ueber-uns/', label: t('nav.about') },
	{ href: '/kontakt/', label: t('nav.contact') },
];
