/**
 * Following the district in the built sample: every RSS feed read with rss-parser and every calendar file with
 * ical.js, against what the content files say should be in them; and every page that names a feed or calendar in
 * its <head> names the right ones, which exist.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import Parser from 'rss-parser';
import ICAL from 'ical.js';
import { htmlPages } from '../../src/integrations/built-pages';
import { endOfBerlinDay, parseBerlinDateTime, parseDay, startOfBerlinDay } from '../../src/lib/time';
import { href, localePath, paths, splitLocale } from '../../src/lib/routes';
import { inCalendarWindow, CALENDAR_KEEP_MONTHS, monthsBefore } from '../../src/lib/calendar';
import { occurrences, type RecurrenceRule } from '../../src/lib/recurrence';
import { pageMatches, subscriptionList, subscriptionPath, subscriptionType } from '../../src/lib/subscriptions';
import { EVENT_TYPES } from '../../src/schemas/events';
import { entryFiles, idOf, readData, translationFiles } from '../helpers/content';

const now = new Date(inject('buildTime'));
const settings = readData('content/settings/quartier.yaml') as { siteUrl: string; languages: string[]; archive?: unknown };
const site = settings.siteUrl.replace(/\/$/, '');
const host = new URL(site).host;
const [, ...others] = settings.languages;
const dayOf = (value: unknown) => parseDay(value instanceof Date ? value.toISOString().slice(0, 10) : value) as Date;
const dist = (address: string) => path.join('dist', decodeURIComponent(address), address.endsWith('/') ? 'index.html' : '');
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

/** Languages each entry of a folder is translated into (translation files with content). */
function translations(folder: string): Map<string, Set<string>> {
	const result = new Map<string, Set<string>>();
	for (const { file, id, lang } of translationFiles(folder)) {
		const data = readData(file) as Record<string, unknown> | null;
		if (!data || Object.keys(data).length === 0) continue;
		if (!result.has(id)) result.set(id, new Set());
		result.get(id)?.add(lang);
	}
	return result;
}

interface Item { id: string; link: string; date?: Date; image?: string; translated: Set<string> }
const read = <T,>(folder: string) => entryFiles(folder).map((file) => ({ id: idOf(file), data: readData(file) as T }));

// What the content files say.
const newsTranslations = translations('aktuelles');
const news = read<{ date: unknown; draft?: boolean; themes: string[]; image?: { alt: string } }>('aktuelles')
	.filter(({ data }) => !data.draft && startOfBerlinDay(dayOf(data.date)) <= now)
	.map(({ id, data }) => ({ id, link: href.news(id), date: startOfBerlinDay(dayOf(data.date)), themes: data.themes, image: data.image?.alt, translated: newsTranslations.get(id) ?? new Set<string>() }));
const callTranslations = translations('aufrufe');
const calls = read<{ published?: unknown; deadline: unknown }>('aufrufe')
	.filter(({ data }) => data.published === undefined || startOfBerlinDay(dayOf(data.published)) <= now)
	.map(({ id, data }) => ({ id, link: href.call(id), date: data.published === undefined ? undefined : startOfBerlinDay(dayOf(data.published)), open: now < endOfBerlinDay(dayOf(data.deadline)), translated: callTranslations.get(id) ?? new Set<string>() }));
const decisionTranslations = translations('beschluesse');
const decisions = read<{ date: unknown }>('beschluesse').map(({ id, data }) => ({ id, link: href.decision(id), date: startOfBerlinDay(dayOf(data.date)), translated: decisionTranslations.get(id) ?? new Set<string>() }));
const themes = entryFiles('themen').map(idOf);

/** Each feed: the entries it may hold (they decide its languages) and those it holds now. */
const feeds: { id: string; path: string; scope: Item[]; current: Item[] }[] = [
	{ id: 'news', path: paths.feeds.news, scope: news, current: news },
	...themes.map((theme) => {
		const items = news.filter((item) => item.themes.includes(theme));
		return { id: `theme:${theme}`, path: href.newsThemeFeed(theme), scope: items, current: items };
	}),
	{ id: 'decisions', path: paths.feeds.decisions, scope: decisions, current: decisions },
	// Open calls only (and none in an archive).
	{ id: 'calls', path: paths.feeds.calls, scope: calls, current: settings.archive ? [] : calls.filter((call) => call.open) },
];
const languagesOf = (feed: (typeof feeds)[number]) => [settings.languages[0]!, ...others.filter((lang) => feed.scope.some((item) => item.translated.has(lang)))];
const feedLanguages = Object.fromEntries(feeds.map((feed) => [feed.id, languagesOf(feed)]));

/** Every file under dist/ whose name ends with `suffix`, as site addresses. */
function builtFiles(suffix: string): string[] {
	return (readdirSync('dist', { recursive: true }) as string[]).filter((name) => name.endsWith(suffix)).map((name) => `/${name.split(path.sep).join('/')}`).sort();
}

describe('feeds', async () => {
	const parser = new Parser();
	const expected = feeds.flatMap((feed) => languagesOf(feed).map((lang) => ({ feed, lang, address: localePath(feed.path, lang) })));

	test('the sample has news in other languages, news with a picture, future-dated and draft news, calls not out yet and closed ones', () => {
		expect(news.some((item) => item.translated.size > 0)).toBe(true);
		expect(news.some((item) => item.image)).toBe(true);
		expect(read<{ draft?: boolean; date: unknown }>('aktuelles').length).toBeGreaterThan(news.length);
		expect(read('aufrufe').length).toBeGreaterThan(calls.length);
		expect(calls.some((call) => !call.open)).toBe(true);
		expect(calls.some((call) => call.open)).toBe(true);
	});

	test('every feed the content calls for is built, and no other', () => {
		expect(builtFiles('feed.xml')).toEqual(expected.map((e) => e.address).sort());
		// German always; other languages where an item is translated.
		expect(feedLanguages.news?.length).toBeGreaterThan(1);
	});

	test.each(expected.map((e) => [e.address, e] as const))('%s holds exactly the items out in its language', async (address, { feed, lang }) => {
		const xml = readFileSync(path.join('dist', address), 'utf8');
		const parsed = await parser.parseString(xml);
		const items = feed.current.filter((item) => lang === settings.languages[0] || item.translated.has(lang));
		expect(parsed.title).toContain('Mühlenviertel');
		expect(xml).toContain(`<language>${lang}</language>`);
		expect(parsed.items.map((item) => item.link).sort()).toEqual(items.map((item) => `${site}${localePath(item.link, lang)}`).sort());
		for (const item of parsed.items) {
			const source = items.find((entry) => `${site}${localePath(entry.link, lang)}` === item.link)!;
			expect(item.link?.startsWith(`${site}/`), item.link).toBe(true);
			expect(existsSync(dist(new URL(item.link!).pathname)), item.link).toBe(true);
			expect(item.title?.length).toBeGreaterThan(0);
			expect(item.categories?.length ?? 0).toBeGreaterThan(0);
			if (source.date) {
				expect(item.pubDate).toMatch(RFC_822);
				expect(new Date(item.pubDate!).getTime()).toBe(source.date.getTime());
			} else expect(item.pubDate).toBeUndefined();
			if (source.image) {
				const img = /<img src="([^"]+)" alt="([^"]*)"/.exec(item.content ?? '');
				expect(img?.[2]).toBe(source.image.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
				expect(existsSync(path.join('dist', new URL(img![1]!).pathname)), img?.[1]).toBe(true);
			}
		}
	});
});

// Calendars.
const eventTranslations = translations('termine');
const facilities = new Map(readdirSync('content/einrichtungen').filter((n) => n.endsWith('.md')).map((name) => [idOf(name), readData(path.join('content/einrichtungen', name)) as { name: string; address: { street: string; postcode: string; city: string }; coordinates: { lat: number; lng: number } }]));
const events = read<{ title: string; start: string; end: string; type: string; place: { facility: string } | { address: string } }>('termine').map(({ id, data }) => ({
	id,
	...data,
	startAt: parseBerlinDateTime(data.start) as Date,
	endAt: parseBerlinDateTime(data.end) as Date,
	translated: eventTranslations.get(id),
}));
const inWindow = events.filter((event) => inCalendarWindow(event.endAt, now, Boolean(settings.archive)));
/** Working groups with a regular meeting (their meetings repeat in the calendars; none in an archive). */
const groups = settings.archive
	? []
	: entryFiles('netzwerk')
			.map((file) => ({ id: idOf(file), ...(readData(file) as { name: string; meeting?: RecurrenceRule }) }))
			.filter((group): group is { id: string; name: string; meeting: RecurrenceRule } => group.meeting !== undefined);

/** A calendar file's events, its VTIMEZONE registered. */
function calendarAt(address: string) {
	const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join('dist', address), 'utf8')));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('calendars', () => {
	const expected = [paths.calendar, paths.networkCalendar, ...EVENT_TYPES.map(href.eventTypeCalendar), ...events.map((event) => href.eventCalendar(event.id)), ...groups.map((group) => href.networkCalendar(group.id))];

	test('the sample has events on both daylight saving Sundays, past events kept and dropped', () => {
		const berlinDays = events.map((event) => event.start.slice(0, 10));
		expect(berlinDays).toContain('2026-10-25');
		expect(berlinDays).toContain('2027-03-28');
		const past = events.filter((event) => event.endAt < now);
		expect(past.filter((event) => inWindow.includes(event)).length).toBeGreaterThan(0);
		expect(past.filter((event) => !inWindow.includes(event)).length).toBeGreaterThan(0);
		expect(monthsBefore(now, CALENDAR_KEEP_MONTHS) < now).toBe(true);
	});

	test('every calendar file is built, and no other', () => {
		expect(builtFiles('.ics')).toEqual([...expected].sort());
	});

	test('all events: those not over and those that ended within the window, nothing older', () => {
		expect(calendarAt(paths.calendar).map((event) => event.uid).sort()).toEqual([...inWindow.map((event) => `${event.id}@${host}`), ...groups.map((group) => `netzwerk-${group.id}@${host}`)].sort());
	});

	test.each(EVENT_TYPES.map((type) => [type]))('the calendar of „%s" holds its kind only', (type) => {
		expect(calendarAt(href.eventTypeCalendar(type)).map((event) => event.uid).sort()).toEqual(inWindow.filter((event) => event.type === type).map((event) => `${event.id}@${host}`).sort());
	});

	test('each event file holds its event: times right across daylight saving, place, link', () => {
		for (const source of events) {
			const parsed = calendarAt(href.eventCalendar(source.id));
			expect(parsed).toHaveLength(1);
			const [event] = parsed;
			expect(event?.uid).toBe(`${source.id}@${host}`);
			expect(event?.summary).toBe(source.title);
			expect(event?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
			// The zone's own rules (ical.js reading the VTIMEZONE) give the same instants as the site's.
			expect(event?.startDate.toJSDate().getTime(), source.id).toBe(source.startAt.getTime());
			expect(event?.endDate.toJSDate().getTime(), source.id).toBe(source.endAt.getTime());
			// And the wall clock in the file is the one the content file says.
			expect(`${event?.startDate.toString().slice(0, 16)}`).toBe(source.start);
			const url = event?.component.getFirstPropertyValue('url') as string;
			expect(url).toBe(`${site}${href.event(source.id)}`);
			expect(existsSync(dist(href.event(source.id)))).toBe(true);
			expect(event?.description).toContain(url);
			if ('facility' in source.place) {
				const facility = facilities.get(source.place.facility)!;
				expect(event?.location).toContain(facility.name);
				expect(event?.location).toContain(facility.address.street);
				expect(event?.component.getFirstPropertyValue('geo')).toEqual([facility.coordinates.lat, facility.coordinates.lng]);
			} else {
				expect(event?.location).toBe(source.place.address);
			}
		}
	});

	test('the working groups\' meetings repeat: ical.js expands each rule to the dates the site computes, days off left out', () => {
		expect(groups.length).toBeGreaterThanOrEqual(4);
		const from = monthsBefore(now, CALENDAR_KEEP_MONTHS);
		const until = new Date(now.getTime() + 366 * 86_400_000);
		const all = calendarAt(paths.networkCalendar);
		expect(all.map((event) => event.uid).sort()).toEqual(groups.map((group) => `netzwerk-${group.id}@${host}`).sort());
		for (const group of groups) {
			const [own] = calendarAt(href.networkCalendar(group.id));
			for (const event of [own, all.find((e) => e.uid === `netzwerk-${group.id}@${host}`)]) {
				expect(event?.isRecurring(), group.id).toBe(true);
				expect(event?.summary).toBe(group.name);
				expect(event?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
				const iterator = event!.iterator();
				const starts: number[] = [];
				for (let next = iterator.next(); next && next.toJSDate() < until; next = iterator.next()) starts.push(next.toJSDate().getTime());
				expect(starts, group.id).toEqual(occurrences(group.meeting, from, until).map((start) => start.getTime()));
			}
			expect(readFileSync(dist(href.network(group.id)), 'utf8')).toContain(`href="${href.networkCalendar(group.id)}"`);
		}
	});

	test('an event on the October Sunday is an hour further from UTC than the one on the March Sunday is', () => {
		// Wall clock minus UTC: +1 h after the switch back (25 Oct 2026), +2 h after the switch forward (28 Mar 2027).
		const offset = (event: (typeof events)[number]) => (Date.parse(`${event.start}:00Z`) - event.startAt.getTime()) / 3_600_000;
		const october = events.filter((event) => event.start.startsWith('2026-10-25'));
		const march = events.filter((event) => event.start.startsWith('2027-03-28'));
		for (const event of october) expect(offset(event)).toBe(1);
		for (const event of march) expect(offset(event)).toBe(2);
		for (const event of [...october, ...march]) expect(calendarAt(paths.calendar).find((e) => e.uid === `${event.id}@${host}`)?.startDate.toJSDate().getTime()).toBe(event.startAt.getTime());
	});
});

describe('<link rel="alternate"> for feeds and calendars', async () => {
	const list = subscriptionList({ themes: themes.map((id) => ({ id, label: id })), eventTypes: EVENT_TYPES.map((id) => ({ id, label: id })), feedLanguages });
	// Pages of the site's own layout: not the CMS, and not the printable notices (…/aushang/) or the pages other sites
	// frame (/einbetten/), which have a head of their own without feeds.
	const pages = (await htmlPages('dist')).filter((page) => !page.path.startsWith('/admin/') && !page.path.endsWith('/aushang/') && !page.path.includes('/einbetten/'));

	test('each page names exactly the feeds and calendars it belongs to, in its language where they exist, and they exist', () => {
		const named = new Set<string>();
		for (const page of pages) {
			const { locale, path: german } = splitLocale(page.path, settings.languages);
			const html = readFileSync(page.file, 'utf8');
			const head = html.slice(0, html.indexOf('</head>'));
			const links = [...head.matchAll(/<link rel="alternate" type="(application\/rss\+xml|text\/calendar)"[^>]*href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`).sort();
			const expected = list.filter((s) => pageMatches(german, s.pages)).map((s) => `${subscriptionType(s)} ${subscriptionPath(s, locale).path}`).sort();
			expect(links, page.path).toEqual(expected);
			for (const link of links) {
				const address = link.split(' ')[1]!;
				expect(existsSync(path.join('dist', address)), `${page.path} → ${address}`).toBe(true);
				named.add(german);
			}
		}
		for (const page of ['/aktuelles/', `/aktuelles/${news[0]?.id}/`, `/aktuelles/thema/${themes[0]}/`, '/beschluesse/', '/aufrufe/', '/mitmachen/', '/termine/']) expect([...named], page).toContain(page);
	});

	test('/abonnieren/ lists every feed and calendar with its full address in every language', () => {
		for (const lang of settings.languages) {
			const html = readFileSync(dist(localePath(paths.subscribe, lang)), 'utf8');
			for (const subscription of list) expect(html, `${lang} ${subscription.id}`).toContain(`value="${site}${subscriptionPath(subscription, lang).path}"`);
		}
	});
});
