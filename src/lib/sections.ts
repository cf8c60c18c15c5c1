/** The site's sections, in navigation order: the header menu and the search page's „Bereiche" list. */
import type { useTranslations } from '../i18n';
import { paths } from './routes';

type T = ReturnType<typeof useTranslations>;

/** One section: its address and the name the menu shows. */
export interface Section {
	href: string;
	label: string;
}

/** The main navigation. */
export const mainSections = (t: T): Section[] => [
	{ href: paths.news, label: t('nav.news') },
	{ href: paths.projects, label: t('nav.projects') },
	{ href: paths.events, label: t('nav.events') },
	{ href: paths.facilities, label: t('nav.facilities') },
	{ href: paths.participate, label: t('nav.participate') },
	{ href: paths.documents, label: t('nav.documents') },
	{ href: paths.about, label: t('nav.about') },
	{ href: paths.contact, label: t('nav.contact') },
];
