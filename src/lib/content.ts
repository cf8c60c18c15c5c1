/** Reading the collections the way pages need them: published, sorted, linked. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
export { splitEvents } from './content-logic';

export async function getSettings() {
	const entry = await getEntry('settings', 'quartier');
	if (!entry) throw new Error('content/settings/quartier.yaml fehlt.');
	return entry.data;
}

/** News, newest first; drafts only while developing. */
export async function getNews() {
	const all = await getCollection('aktuelles', (entry) => import.meta.env.DEV || !entry.data.draft);
	return all.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/** Events by start time. */
export async function getEvents() {
	const all = await getCollection('termine');
	return all.sort((a, b) => a.data.start.getTime() - b.data.start.getTime());
}


export async function getThemes() {
	return (await getCollection('themen')).sort((a, b) => a.data.order - b.data.order || a.data.label.localeCompare(b.data.label, 'de'));
}

export async function getCategories() {
	return (await getCollection('kategorien')).sort((a, b) => a.data.plural.localeCompare(b.data.plural, 'de'));
}

export async function getProjects() {
	return (await getCollection('projekte')).sort((a, b) => a.data.title.localeCompare(b.data.title, 'de'));
}

export async function getFacilities() {
	return (await getCollection('einrichtungen')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'de'));
}

export async function getContacts() {
	return (await getCollection('kontakte')).sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name, 'de'));
}

export async function getCalls() {
	return (await getCollection('aufrufe')).sort((a, b) => a.data.deadline.getTime() - b.data.deadline.getTime());
}

export async function getDocuments() {
	return (await getCollection('dokumente')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

/** A call is open through the whole of its deadline day (Berlin). */
export function isOpenCall(call: CollectionEntry<'aufrufe'>, now: Date) {
	return call.data.deadline.getTime() + 86_400_000 + 2 * 3_600_000 > now.getTime();
}

/** Site paths of entries. */
export const href = {
	news: (id: string) => `/aktuelles/${id}/`,
	project: (id: string) => `/projekte/${id}/`,
	event: (id: string) => `/termine/${id}/`,
	facility: (id: string) => `/einrichtungen/${id}/`,
	call: (id: string) => `/aufrufe/${id}/`,
	document: (id: string) => `/dokumente/${id}/`,
	page: (id: string) => `/${id}/`,
	newsTheme: (id: string) => `/aktuelles/thema/${id}/`,
	projectTheme: (id: string) => `/projekte/thema/${id}/`,
};

/** The moment the site is built; pages compare dates against it (the browser re-checks events). */
export const buildTime = process.env.QUARTIER_NOW ? new Date(process.env.QUARTIER_NOW) : new Date();
