/** Reading the collections the way pages need them: published, sorted, linked. */
import { getCollection, getEntries, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { currentLocale, localize, localizeOne, type LanguageOf, type Localized } from './translations';
import { oncePerBuild } from './per-build';
import { endOfBerlinDay } from './time';
import { within } from './time-window';
import { isPublished, splitEvents as splitByTime } from './content-logic';
import { archiveAt, settingsAt } from './archive';
import { allChances } from './participation';
import { fundingOverview, type MoneyProject } from './money';
import { projectRecord, projectRecordSchema, type ProjectRecord } from './open-data';
import { readSettings, siteOf, SOURCE_LANGUAGE } from '../schemas';
import { href } from './routes';
import type { OWN_TEMPLATE_PAGES } from './pages';

/** A static page with a template of its own (src/lib/pages.ts); the build stops in German when its file is missing. */
export async function getOwnPage(id: (typeof OWN_TEMPLATE_PAGES)[number]) {
	const page = await getEntry('seiten', id);
	if (!page) throw new Error(`content/seiten/${id}.de.md fehlt – diese Seite braucht die Website.`);
	return localizeOne(page);
}

/** Sorts by a text in the page's language (titles may be translated). */
const byText = (a: string, b: string) => a.localeCompare(b, currentLocale());

/** Entries another entry links to (`reference()` fields), in the page's language. */
export async function linked<C extends CollectionKey>(refs: { collection: C; id: string }[]): Promise<Localized<C>[]> {
	const found = (await getEntries(refs as unknown as Parameters<typeof getEntries>[0])).filter(Boolean) as unknown as CollectionEntry<C>[];
	return localize(found) as Promise<Localized<C>[]>;
}

/** The entry one `reference()` field links to, in the page's language. */
export async function linkedOne<C extends CollectionKey>(ref: { collection: C; id: string }): Promise<Localized<C>> {
	const found = (await (getEntry as (reference: unknown) => Promise<unknown>)(ref)) as CollectionEntry<C> | undefined;
	// The schemas check every reference (src/schemas/fields.ts), so this only happens when a file vanished mid-build.
	if (!found) throw new Error(`content/${ref.collection}/: Der Eintrag „${ref.id}" fehlt, auf den ein anderer verweist.`);
	return localizeOne(found) as Promise<Localized<C>>;
}

export { localize, localizeOne, type Localized, type LanguageOf };

/**
 * A list read once per language and build (src/lib/per-build.ts). Callers get their own copy of the list, so sorting
 * or filtering it in place cannot change what the next page sees. Collections that are not translated (facilities,
 * contacts) are read once for all languages (`perLanguage: false`).
 */
const readOnce = new Map<string, Promise<readonly unknown[]>>();
async function once<T>(name: string, read: () => Promise<T[]>, { perLanguage = true } = {}): Promise<T[]> {
	const key = perLanguage ? `${name}:${currentLocale()}` : name;
	return [...((await oncePerBuild(readOnce, key, read)) as readonly T[])];
}

export async function getSettings() {
	const entry = await getEntry('settings', 'quartier');
	if (!entry) throw new Error('content/settings/quartier.yaml fehlt.');
	return settingsAt(entry.data, buildTime);
}

/** The district's base map (content/karte/grundkarte.geojson), if the office has one. */
export async function getBasemap() {
	return (await getEntry('grundkarte', 'grundkarte'))?.data;
}

/** A build for Netlify's deploy preview of a change (not the public site). */
const PREVIEW = process.env.CONTEXT === 'deploy-preview';

/**
 * Whether a news item or call is on the site: news from its date on and never as a draft, a call from its „Erscheint am"
 * day. Staff see everything where they review: while editing (npm start) and in Netlify's deploy preview of a change
 * (`CONTEXT=deploy-preview`, the „In Prüfung" step), so an entry can be checked before its day.
 */
export function isOut(entry: CollectionEntry<'aktuelles'> | CollectionEntry<'aufrufe'>): boolean {
	if (import.meta.env.DEV || PREVIEW) return true;
	return entry.collection === 'aktuelles' ? !entry.data.draft && isPublished(entry.data.date, buildTime) : isPublished(entry.data.published, buildTime);
}

/** News that is out (see isOut), newest first. */
export async function getNews() {
	return once('news', async () => {
		const all = await localize(await getCollection('aktuelles', isOut));
		return all.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
	});
}

/** Events by start time. */
export async function getEvents() {
	return once('events', async () => {
		const all = await localize(await getCollection('termine'));
		return all.sort((a, b) => a.data.start.getTime() - b.data.start.getTime());
	});
}


export async function getThemes() {
	return once('themes', async () => {
		return (await localize(await getCollection('themen'))).sort((a, b) => a.data.order - b.data.order || byText(a.data.label, b.data.label));
	});
}

export async function getCategories() {
	return once('categories', async () => {
		return (await localize(await getCollection('kategorien'))).sort((a, b) => byText(a.data.plural, b.data.plural));
	});
}

export async function getProjects() {
	return once('projects', async () => {
		return (await localize(await getCollection('projekte'))).sort((a, b) => byText(a.data.title, b.data.title));
	});
}

export async function getFacilities() {
	return once('facilities', async () => {
		return (await getCollection('einrichtungen')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'de'));
	}, { perLanguage: false });
}

export async function getContacts() {
	return once('contacts', async () => {
		return (await getCollection('kontakte')).sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name, 'de'));
	}, { perLanguage: false });
}

export async function getCalls() {
	return once('calls', async () => {
		return (await localize(await getCollection('aufrufe', isOut))).sort((a, b) => a.data.deadline.getTime() - b.data.deadline.getTime());
	});
}

/** Where an event takes place, in words: the facility's name or the address. */
export async function placeName(place: CollectionEntry<'termine'>['data']['place']) {
	return 'facility' in place ? ((await getEntry(place.facility))?.data.name ?? place.facility.id) : place.address;
}

/**
 * Where a project's idea came from: a sentence in words, or the event, call or news item it came from. A call or news
 * item that is not out yet (or a draft) is not named at all – not even its title – until its day: undefined.
 */
export async function originOf(origin: NonNullable<CollectionEntry<'projekte'>['data']['origin']>): Promise<{ kind: 'text' | 'event' | 'call' | 'news'; text: string; lang: string; href?: string; date?: Date } | undefined> {
	// `lang`: the language of `text` – the linked entry's title is translated where a translation exists.
	if ('text' in origin) return { kind: 'text', text: origin.text, lang: SOURCE_LANGUAGE };
	if ('event' in origin) {
		const event = await linkedOne(origin.event);
		return { kind: 'event', text: event?.data.title ?? origin.event.id, lang: event?.lang ?? SOURCE_LANGUAGE, href: href.event(origin.event.id), date: event?.data.start };
	}
	if ('call' in origin) {
		const call = await linkedOne(origin.call);
		return isOut(call) ? { kind: 'call', text: call.data.title, lang: call.lang, href: href.call(origin.call.id) } : undefined;
	}
	const item = await linkedOne(origin.news);
	return isOut(item) ? { kind: 'news', text: item.data.title, lang: item.lang, href: href.news(origin.news.id), date: item.data.date } : undefined;
}

/** Every chance to have a say (calls, participation periods, participation events), soonest first. */
export async function getChances() {
	if (archive) return [];
	return allChances({ calls: await getCalls(), projects: await getProjects(), events: await getEvents() });
}

/** Decisions, newest first. */
export async function getDecisions() {
	return once('decisions', async () => {
		return (await localize(await getCollection('beschluesse'))).sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || byText(a.data.title, b.data.title));
	});
}

/** IHEK goals in their order. */
export async function getGoals() {
	return once('goals', async () => {
		return (await localize(await getCollection('ziele'))).sort((a, b) => a.data.order - b.data.order || byText(a.data.title, b.data.title));
	});
}

/** The office's funds from the settings, and a function naming a fund by its id. */
export async function getFunds() {
	const { funds } = await getSettings();
	const byId = new Map(funds.map((fund) => [fund.id, fund]));
	return { funds, label: (id: string | undefined) => (id ? (byId.get(id)?.label ?? id) : undefined) };
}

/** The Handlungsfeld of each IHEK goal, by goal id. */
export async function getGoalThemes() {
	return new Map((await getGoals()).map((goal) => [goal.id, goal.data.theme.id]));
}

/** Projects with the Handlungsfeld of their IHEK goal (one per project, so money totals add up). */
export async function getMoneyProjects(): Promise<MoneyProject[]> {
	const themeOfGoal = await getGoalThemes();
	return (await getProjects()).map((p) => ({ id: p.id, title: p.data.title, lang: p.lang, theme: themeOfGoal.get(p.data.ihekGoal.id) ?? '', funding: p.data.funding }));
}

/** The district's money: totals by fund, year, Handlungsfeld and stage (src/lib/money.ts). */
export async function getFundingOverview() {
	const { funds } = await getFunds();
	const themes = (await getThemes()).map((theme) => ({ id: theme.id, label: theme.data.label }));
	return fundingOverview(await getMoneyProjects(), funds, themes);
}

/** The projects as open data records, checked against their published schema (a mismatch stops the build). */
export async function getProjectRecords(): Promise<ProjectRecord[]> {
	const settings = await getSettings();
	const goals = await getGoals();
	const abs = (path: string) => new URL(path, settings.siteUrl).href;
	const projects = await getProjects();
	const origins = new Map<string, { text: string; url?: string }>();
	for (const { id, data } of projects) {
		if (!data.origin) continue;
		const origin = await originOf(data.origin);
		if (origin) origins.set(id, { text: origin.text, ...(origin.href ? { url: abs(origin.href) } : {}) });
	}
	const ctx = {
		siteUrl: settings.siteUrl,
		themes: new Map((await getThemes()).map((theme) => [theme.id, theme.data.label])),
		goals: new Map(goals.map((goal) => [goal.id, goal.data.title])),
		funds: new Map(settings.funds.map((fund) => [fund.id, fund.label])),
		places: new Map((await getFacilities()).map((f) => [f.id, { name: f.data.name, lat: f.data.coordinates.lat, lng: f.data.coordinates.lng }])),
		origins,
		decisions: await getDecisions(),
	};
	const records = projects.map((project) => projectRecord(project, ctx));
	return projectRecordSchema(siteOf(settings)).array().parse(records);
}

/** The partner network: partners and working groups, by name in the page's language. */
export async function getNetwork() {
	return once('network', async () => {
		return (await localize(await getCollection('netzwerk'))).sort((a, b) => byText(a.data.name, b.data.name));
	});
}

export async function getDocuments() {
	return once('documents', async () => {
		return (await localize(await getCollection('dokumente'))).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
	});
}

/** A call is open through the whole of its deadline day (Berlin). */
export function isOpenCall(call: CollectionEntry<'aufrufe'>, now: Date) {
	return !archive && within(now, { until: endOfBerlinDay(call.data.deadline) });
}

export { href };

/** The moment the site is built; pages compare dates against it (the browser re-checks events). */
export const buildTime = process.env.QUARTIER_NOW ? new Date(process.env.QUARTIER_NOW) : new Date();

/**
 * The archive settings when the site is an archive (src/lib/archive.ts), read once per build: then no call is open,
 * there is nothing to have a say in, and no event is listed as coming.
 */
export const archive = archiveAt(readSettings(), buildTime);

/** Events not yet over at `now` and those that are (most recent first); an archive lists none as coming. */
export function splitEvents<T extends { data: { end: Date } }>(events: T[], now: Date): { upcoming: T[]; past: T[] } {
	const split = splitByTime(events, now);
	return archive ? { upcoming: [], past: split.past } : split;
}
