/**
 * Every feed and calendar the site offers, in one list: the page /abonnieren/ shows it, every page's
 * `<link rel="alternate">` comes from it (Base.astro), and the tests read it. Adding a calendar is one line in
 * `subscriptionList`. Pure: no Astro imports; src/lib/follow.ts fills in what comes from the content.
 */
import type { UiKey } from '../i18n/de';
import { href, localePath, paths, SOURCE_LOCALE, below } from './routes';

export type SubscriptionKind = 'feed' | 'calendar';

export interface Subscription {
	/** `news`, `theme:<id>`, `decisions`, `calls`, `events`, `network`, `events:<type>`. */
	id: string;
	kind: SubscriptionKind;
	/** The German address; other languages put their prefix in front (`/en/aktuelles/feed.xml`). */
	path: string;
	/** The languages the file exists in, German first (calendars are German only). */
	languages: readonly string[];
	/**
	 * The pages (German addresses) whose `<head>` names it: an exact address, or one ending in `*` for everything
	 * below it (`/aktuelles/*`: the news list, its pages and every news item).
	 */
	pages: readonly string[];
	/** Its name, from the dictionary. */
	name: { key: UiKey; params?: Record<string, string> };
}

/** What the list needs from the content: the Handlungsfelder (labels in the page's language) and the feeds' languages. */
export interface FollowContent {
	themes: readonly { id: string; label: string }[];
	/** Kinds of events (src/schemas/events.ts) with their names in the page's language. */
	eventTypes: readonly { id: string; label: string }[];
	/** Languages each feed exists in, by feed id (German always). */
	feedLanguages: Readonly<Record<string, readonly string[]>>;
}

const GERMAN = [SOURCE_LOCALE] as const;

/** The site's feeds and calendars, in the order the page lists them. */
export function subscriptionList({ themes, eventTypes, feedLanguages }: FollowContent): Subscription[] {
	const feed = (id: string, path: string, pages: string[], name: Subscription['name']): Subscription => ({ id, kind: 'feed', path, languages: feedLanguages[id] ?? GERMAN, pages, name });
	const calendar = (id: string, path: string, pages: string[], name: Subscription['name']): Subscription => ({ id, kind: 'calendar', path, languages: GERMAN, pages, name });
	return [
		feed('news', paths.feeds.news, [below(paths.news)], { key: 'follow.name.news' }),
		...themes.map((theme) => feed(`theme:${theme.id}`, href.newsThemeFeed(theme.id), [href.newsTheme(theme.id)], { key: 'follow.name.theme', params: { theme: theme.label } })),
		feed('decisions', paths.feeds.decisions, [paths.decisions], { key: 'follow.name.decisions' }),
		feed('calls', paths.feeds.calls, [paths.calls, paths.participate], { key: 'follow.name.calls' }),
		calendar('events', paths.calendar, [paths.events], { key: 'follow.name.events' }),
		calendar('network', paths.networkCalendar, [paths.network], { key: 'follow.name.network' }),
		...eventTypes.map((type) => calendar(`events:${type.id}`, href.eventTypeCalendar(type.id), [], { key: 'follow.name.eventType', params: { type: type.label } })),
	];
}

/** Whether `page` (a German address) is one of `patterns` (see Subscription.pages). */
export function pageMatches(page: string, patterns: readonly string[]): boolean {
	return patterns.some((pattern) => (pattern.endsWith('*') ? page.startsWith(pattern.slice(0, -1)) : page === pattern));
}

/** The address of a subscription for a reader of `locale`: theirs where it exists, the German one otherwise. */
export function subscriptionPath(subscription: Subscription, locale: string): { path: string; lang: string } {
	const lang = subscription.languages.includes(locale) ? locale : SOURCE_LOCALE;
	return { path: localePath(subscription.path, lang), lang };
}

/** The MIME type for `<link rel="alternate">` and the server. */
export function subscriptionType(subscription: Subscription): string {
	return subscription.kind === 'feed' ? 'application/rss+xml' : 'text/calendar';
}
