/**
 * Following the district: the RSS feeds and the calendar files, made from the content (the pure parts are
 * src/lib/subscriptions.ts and src/lib/calendar.ts).
 *
 * Feeds per language: the German feed holds every item; a feed in another language holds only the items translated
 * into it (a reader who subscribes in English gets English titles, not a mix), and exists only where at least one
 * item of its kind is translated (the sample has English, Turkish and Arabic news feeds, no translated calls or
 * decisions yet). Calendars are German only (places and rooms are kept in German).
 *
 * Item descriptions are the entry's summary (as HTML, so escaped), not its full text: summaries are short and translated, and the full text
 * (with pictures, tables and links that a feed reader may not show well) stays on the site, one click away.
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { getImage } from 'astro:assets';
import { getEntry, type CollectionEntry } from 'astro:content';
import { archive, buildTime, getCalls, getDecisions, getEvents, getNetwork, getNews, getSettings, getThemes, isOpenCall, linked, type Localized } from './content';
import { describeRule, endOf, meetingSeries, toRRule } from './recurrence';
import { withPageLocale } from './translations';
import { oncePerBuild } from './per-build';
import { href, localePath, paths, SOURCE_LOCALE } from './routes';
import { startOfBerlinDay } from './time';
import { formatterFor } from './format';
import { useTranslations } from '../i18n';
import { EVENT_TYPES } from '../schemas/events';
import { icsCalendar, inCalendarWindow, monthsBefore, CALENDAR_KEEP_MONTHS, type CalendarRecord } from './calendar';
import { subscriptionList, type Subscription } from './subscriptions';
import { escapeHtml } from './escape';

/** One entry a feed may hold, before the language filter. */
interface FeedEntry {
	id: string;
	/** Language of the entry's text on the feed's language (German where untranslated). */
	lang: string;
	/** Whether it is in the feed now (a call past its deadline, or any call in an archive, is not). */
	current: boolean;
	item: () => Promise<RSSFeedItem>;
}

type Entry = Localized<'aktuelles'> | Localized<'beschluesse'> | Localized<'aufrufe'>;

/** The entries behind a feed, as a page in `locale` shows them. */
async function feedEntries(id: string, locale: string, site: string): Promise<FeedEntry[]> {
	return withPageLocale(locale, async () => {
		const t = useTranslations(locale);
		const link = (path: string) => new URL(localePath(path, locale), site).href;
		const themes = new Map((await getThemes()).map((theme) => [theme.id, theme.data.label]));
		const entry = (e: Entry, current: boolean, item: () => Promise<RSSFeedItem>): FeedEntry => ({ id: e.id, lang: e.lang, current, item });
		if (id === 'news' || id.startsWith('theme:')) {
			const theme = id.startsWith('theme:') ? id.slice('theme:'.length) : undefined;
			const news = (await getNews()).filter((n) => !theme || n.data.themes.some((ref) => ref.id === theme));
			return news.map((n) =>
				entry(n, true, async () => ({
					title: n.data.title,
					link: link(href.news(n.id)),
					pubDate: startOfBerlinDay(n.data.date),
					description: await withPicture(n, site),
					categories: n.data.themes.map((ref) => themes.get(ref.id) ?? ref.id),
				})),
			);
		}
		if (id === 'decisions') {
			return (await getDecisions()).map((d) =>
				entry(d, true, async () => ({
					title: d.data.title,
					link: link(href.decision(d.id)),
					pubDate: startOfBerlinDay(d.data.date),
					description: escapeHtml(d.data.summary),
					categories: [t(`committee.${d.data.committee}`)],
				})),
			);
		}
		if (id === 'calls') {
			const { label } = await fundLabels();
			return (await getCalls()).map((c) =>
				entry(c, isOpenCall(c, buildTime), async () => ({
					title: c.data.title,
					link: link(href.call(c.id)),
					// A call without „Erscheint am" was out at once: it has no date of its own to give.
					...(c.data.published ? { pubDate: startOfBerlinDay(c.data.published) } : {}),
					description: escapeHtml(c.data.summary),
					categories: [label(c.data.fund) ?? t('search.type.call')],
				})),
			);
		}
		throw new Error(`Unbekannter Feed „${id}".`);
	});
}

async function fundLabels() {
	const { funds } = await getSettings();
	const byId = new Map(funds.map((fund) => [fund.id, fund.label]));
	return { label: (id: string | undefined) => (id ? byId.get(id) : undefined) };
}

/** The summary, with the entry's picture (and its alternative text) in front where it has one. */
async function withPicture(news: Localized<'aktuelles'>, site: string): Promise<string> {
	const { image, summary } = news.data;
	if (!image) return escapeHtml(summary);
	const picture = await getImage({ src: image.src, width: 1200, height: 675 });
	return `<p><img src="${escapeHtml(new URL(picture.src, site).href)}" alt="${escapeHtml(image.alt)}" width="1200" height="675"></p><p>${escapeHtml(summary)}</p>`;
}

/** The feeds' ids: all news, one per Handlungsfeld, decisions, calls. */
async function feedIds(): Promise<string[]> {
	return ['news', ...(await getThemes()).map((theme) => `theme:${theme.id}`), 'decisions', 'calls'];
}

const languagesOnce = new Map<string, Promise<Record<string, string[]>>>();

/** The languages each feed exists in: German, and every language at least one of its entries is translated into. */
export function feedLanguages(): Promise<Record<string, string[]>> {
	const compute = async () => {
		const settings = await getSettings();
		const result: Record<string, string[]> = {};
		for (const id of await feedIds()) {
			result[id] = [SOURCE_LOCALE];
			for (const locale of settings.languages.slice(1)) {
				if ((await feedEntries(id, locale, settings.siteUrl)).some((e) => e.lang === locale)) result[id].push(locale);
			}
		}
		return result;
	};
	return oncePerBuild(languagesOnce, 'all', compute);
}

/** `getStaticPaths` for a feed: its languages, German without prefix (`[...lang]` stays empty). */
export async function feedPaths(id: string) {
	return ((await feedLanguages())[id] ?? [SOURCE_LOCALE]).map((locale) => ({ params: { lang: locale === SOURCE_LOCALE ? undefined : locale } }));
}

/** The feed `id` in `locale` as an RSS response. */
export async function feedResponse(id: string, locale: string, name: Subscription['name']): Promise<Response> {
	const settings = await getSettings();
	const site = settings.siteUrl;
	const t = useTranslations(locale);
	const entries = (await feedEntries(id, locale, site)).filter((e) => e.current && (locale === SOURCE_LOCALE || e.lang === locale));
	const items = await Promise.all(entries.map((e) => e.item()));
	if (archive) {
		// The newest item says the site is a record now, and who to turn to.
		const since = formatterFor(locale).day(archive.since);
		const contact = [archive.contact, archive.phone, archive.email, archive.url].filter(Boolean).join(' · ');
		// Dated from the archive's first day, and never older than the newest item, so every reader sorts it first.
		const newest = Math.max(startOfBerlinDay(archive.since).getTime(), ...items.map((item) => (item.pubDate ? new Date(item.pubDate).getTime() : 0)));
		items.unshift({
			title: t('archive.feedTitle', { date: since }),
			link: new URL(localePath(paths.home, locale), site).href,
			pubDate: new Date(newest),
			description: escapeHtml(`${t('archive.notice', { date: since })} ${t('archive.contact')}: ${contact}`),
		});
	}
	const self = new URL(localePath(pathOfFeed(id), locale), site).href;
	return rss({
		title: t('follow.feedTitle', { district: settings.district, name: t(name.key, name.params ?? {}) }),
		description: `${feedIntro(id, t)} (${settings.office})`,
		site: new URL(localePath(paths.home, locale), site).href,
		items,
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>${locale}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
	});
}

function pathOfFeed(id: string): string {
	if (id.startsWith('theme:')) return href.newsThemeFeed(id.slice('theme:'.length));
	return paths.feeds[id as keyof typeof paths.feeds];
}

function feedIntro(id: string, t: ReturnType<typeof useTranslations>): string {
	if (id === 'decisions') return t('decisions.intro');
	if (id === 'calls') return t('calls.intro');
	return t('news.intro');
}

/** Every feed and calendar, names in `locale` (src/lib/subscriptions.ts). */
export async function getSubscriptions(locale: string): Promise<Subscription[]> {
	const t = useTranslations(locale);
	const themes = await withPageLocale(locale, async () => (await getThemes()).map((theme) => ({ id: theme.id, label: theme.data.label })));
	const eventTypes = EVENT_TYPES.map((type) => ({ id: type, label: t(`events.type.${type}`) }));
	return subscriptionList({ themes, eventTypes, feedLanguages: await feedLanguages() });
}

/** A facility as a calendar's place: name, address in one line, coordinates (GEO). */
function facilityLocation(facility: CollectionEntry<'einrichtungen'>): NonNullable<CalendarRecord['location']> {
	const { name, address, coordinates } = facility.data;
	return { name, address: `${address.street}, ${address.postcode} ${address.city}`, lat: coordinates.lat, lng: coordinates.lng };
}

async function facilityEntry(ref: { collection: 'einrichtungen'; id: string }) {
	return (await getEntry(ref)) as CollectionEntry<'einrichtungen'> | undefined;
}

/** An event as the calendar files show it (German). */
async function calendarRecord(event: Localized<'termine'>, site: string): Promise<CalendarRecord> {
	const t = useTranslations(SOURCE_LOCALE);
	const { place } = event.data;
	const facility = 'facility' in place ? await facilityEntry(place.facility) : undefined;
	const location = facility ? facilityLocation(facility) : { address: 'address' in place ? place.address : undefined };
	const project = event.data.project ? await getEntry(event.data.project) : undefined;
	const themes = project ? (await linked(project.data.themes)).map((theme) => theme.data.label) : [];
	return {
		id: event.id,
		title: event.data.title,
		summary: [event.data.summary, event.data.room && `${t('events.room')}: ${event.data.room}`].filter(Boolean).join('\n'),
		start: event.data.start,
		end: event.data.end,
		url: new URL(href.event(event.id), site).href,
		location,
		categories: [t(`events.type.${event.data.type}`), ...themes],
	};
}

/**
 * The regular meetings of the network's groups (all, or the one with id `only`) as repeating calendar events
 * (German): each starts with its first meeting inside the calendar window (the season past, like events) and repeats
 * by its rule (src/lib/recurrence.ts: meetingSeries). An archive has no meetings any more: none.
 */
async function meetingRecords(site: string, only?: string): Promise<CalendarRecord[]> {
	if (archive) return [];
	const t = useTranslations(SOURCE_LOCALE);
	const records: CalendarRecord[] = [];
	for (const partner of await withPageLocale(SOURCE_LOCALE, getNetwork)) {
		const { meeting } = partner.data;
		if (!meeting || (only && partner.id !== only)) continue;
		const series = meetingSeries(meeting, monthsBefore(buildTime, CALENDAR_KEEP_MONTHS));
		if (!series) continue;
		// Where the group meets: the meeting's own place, else its seat.
		const place = meeting.place ?? (partner.data.facility && { facility: partner.data.facility });
		const facility = place && 'facility' in place ? await facilityEntry(place.facility) : undefined;
		records.push({
			id: `netzwerk-${partner.id}`,
			title: partner.data.name,
			summary: `${describeRule(meeting, SOURCE_LOCALE)}\n${partner.data.summary}`,
			start: series.first,
			end: endOf(meeting, series.first),
			url: new URL(href.network(partner.id), site).href,
			location: facility ? facilityLocation(facility) : { address: place && 'address' in place ? place.address : undefined },
			categories: [t(`network.kind.${partner.data.kind}`)],
			rrule: toRRule(meeting),
			exdates: series.exdates,
		});
	}
	return records;
}

/** A calendar file as the response of an endpoint. */
async function calendarFile(records: CalendarRecord[], name: string): Promise<Response> {
	const settings = await getSettings();
	const body = icsCalendar(records, { name, description: settings.office, host: new URL(settings.siteUrl).host });
	return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

/** A calendar file of events: all of them with the network's regular meetings (nothing selected), one kind of event, or one event (`id`). */
export async function calendarResponse(select: { type?: (typeof EVENT_TYPES)[number]; id?: string }): Promise<Response> {
	const { siteUrl, district } = await getSettings();
	const t = useTranslations(SOURCE_LOCALE);
	const events = (await getEvents()).filter((event) => (select.id ? event.id === select.id : inCalendarWindow(event.data.end, buildTime, Boolean(archive)) && (!select.type || event.data.type === select.type)));
	const records = await Promise.all(events.map((event) => calendarRecord(event, siteUrl)));
	if (select.id) return calendarFile(records, events[0]?.data.title ?? select.id);
	if (select.type) return calendarFile(records, t('follow.feedTitle', { district, name: t('follow.name.eventType', { type: t(`events.type.${select.type}`) }) }));
	return calendarFile([...records, ...(await meetingRecords(siteUrl))], t('follow.feedTitle', { district, name: t('follow.name.events') }));
}

/** A calendar file of the network's regular meetings: every group's, or one group's (`id`). */
export async function networkCalendarResponse(id?: string): Promise<Response> {
	const { siteUrl, district } = await getSettings();
	const t = useTranslations(SOURCE_LOCALE);
	const meetings = await meetingRecords(siteUrl, id);
	return calendarFile(meetings, id ? (meetings[0]?.title ?? id) : t('follow.feedTitle', { district, name: t('follow.name.network') }));
}
