/**
 * The partner network on the built sample: a page per partner and group in every language, the next meeting on
 * /netzwerk/ as the rule in its content file gives it for the build time, and projects and facilities naming the
 * partners that name them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { readSettings } from '../../src/schemas';
import { GROUP_KINDS, NETWORK_KINDS, type NetworkKind } from '../../src/schemas/network';
import { describeRule, meetingDate, nextOccurrence, nextOccurrences, type RecurrenceRule } from '../../src/lib/recurrence';
import { entryFiles, idOf, readData } from '../helpers/content';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const now = new Date(inject('buildTime'));
const { languages } = readSettings();

interface Partner {
	id: string;
	name: string;
	kind: NetworkKind;
	facility?: string;
	projects?: string[];
	meeting?: RecurrenceRule & { place?: { facility?: string; address?: string } };
}
const partners: Partner[] = entryFiles('netzwerk').map((file) => ({ id: idOf(file), ...(readData(file) as Omit<Partner, 'id'>) }));
const groups = partners.filter((p) => p.meeting);

const page = (path: string) => parse(readFileSync(`dist${path}index.html`, 'utf8'));
const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const all = (node: Node): Element[] => children(node).flatMap((child) => ('tagName' in child ? [child, ...all(child)] : all(child)));
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : children(node).map(textOf).join(''));
const byId = (root: Node, id: string) => all(root).find((el) => attr(el, 'id') === id);
const links = (root: Node) => all(root).filter((el) => el.tagName === 'a').map((a) => attr(a, 'href'));
/** What shows without JavaScript: elements not marked hidden (nor inside one). */
const shown = (root: Node): Element[] => children(root).flatMap((child) => ('tagName' in child ? (attr(child, 'hidden') === undefined ? [child, ...shown(child)] : []) : []));

describe('the network on the built site', () => {
	test('every partner and group has its page, in every language', () => {
		expect(partners.length).toBeGreaterThanOrEqual(16);
		for (const { id } of partners) {
			for (const lang of languages) expect(existsSync(`dist${lang === 'de' ? '' : `/${lang}`}/netzwerk/${id}/index.html`), `${lang} ${id}`).toBe(true);
		}
	});

	test('/netzwerk/ lists the kinds with working groups first, and each group with its next meeting as its rule gives it for the build time', () => {
		const list = page('/netzwerk/');
		const headings = all(list).filter((el) => el.tagName === 'h2' && attr(el, 'id')?.startsWith('art-')).map((el) => attr(el, 'id')?.slice(4) as NetworkKind);
		expect(headings).toEqual(NETWORK_KINDS.filter((kind) => partners.some((p) => p.kind === kind)));
		expect(GROUP_KINDS).toContain(headings[0]);
		for (const partner of partners) {
			const card = byId(list, `netzwerk-${partner.id}`);
			expect(card, partner.id).toBeDefined();
			const next = shown(card as Element).filter((el) => attr(el, 'data-next-meeting') !== undefined);
			if (!partner.meeting) {
				expect(next, partner.id).toEqual([]);
				continue;
			}
			const expected = nextOccurrence(partner.meeting, now) as Date;
			expect(next, partner.id).toHaveLength(1);
			const time = all(next[0] as Element).find((el) => el.tagName === 'time') as Element;
			expect(attr(time, 'datetime'), partner.id).toBe(expected.toISOString());
			expect(textOf(time)).toBe(meetingDate(expected));
			expect(textOf(card as Element)).toContain(describeRule(partner.meeting));
		}
		// The sample's AG Grün und Freiraum meets on the 2nd Tuesday: 8 December 2026, 17:00 in Berlin.
		expect(textOf(byId(list, 'netzwerk-ag-gruen-und-freiraum') as Element)).toContain('Nächstes Treffen: Dienstag, 8. Dezember 2026, 17 Uhr');
	});

	test('a group’s page names its rule, where it meets and the next three meetings (days off left out)', () => {
		for (const group of groups) {
			const rule = group.meeting as RecurrenceRule;
			const detail = page(`/netzwerk/${group.id}/`);
			const box = byId(detail, 'meeting-heading')?.parentNode as Element;
			expect(textOf(box)).toContain(describeRule(rule));
			const dates = shown(box).filter((el) => el.tagName === 'li').map((li) => attr(all(li)[0] as Element, 'datetime'));
			expect(dates, group.id).toEqual(nextOccurrences(rule, now, 3).map((d) => d.toISOString()));
			for (const day of rule.except ?? []) expect(dates.some((d) => d?.startsWith(String(day).slice(0, 10)))).toBe(false);
			const place = group.meeting?.place?.facility ?? (group.meeting?.place?.address ? undefined : group.facility);
			if (place) expect(links(box)).toContain(`/einrichtungen/${place}/`);
			if (group.meeting?.place?.address) expect(textOf(box)).toContain(group.meeting.place.address);
		}
		const arabic = textOf(byId(page('/ar/netzwerk/ag-gruen-und-freiraum/'), 'meeting-heading')?.parentNode as Element);
		expect(arabic).toContain('يوم الثلاثاء الثاني من كل شهر، الساعة 17:00');
	});

	test('projects and facilities list the partners that name them, and only those', () => {
		for (const file of entryFiles('projekte')) {
			const id = idOf(file);
			const expected = partners.filter((p) => p.projects?.includes(id)).map((p) => `/netzwerk/${p.id}/`).sort();
			const section = byId(page(`/projekte/${id}/`), 'project-partners')?.parentNode as Element | undefined;
			expect(section ? links(section).sort() : [], id).toEqual(expected);
		}
		const facilities = new Set(partners.flatMap((p) => [p.facility, p.meeting?.place?.facility]).filter((f): f is string => Boolean(f)));
		expect(facilities.size).toBeGreaterThan(5);
		for (const facility of facilities) {
			const expected = partners.filter((p) => p.facility === facility || p.meeting?.place?.facility === facility).map((p) => `/netzwerk/${p.id}/`);
			const found = links(page(`/einrichtungen/${facility}/`)).filter((href) => href?.startsWith('/netzwerk/') && href !== '/netzwerk/');
			expect(found.sort(), facility).toEqual(expected.sort());
		}
	});

	test('/mitmachen/ and the footer of every page lead to the network', () => {
		expect(links(page('/mitmachen/'))).toContain('/netzwerk/');
		expect(links(byId(page('/mitmachen/'), 'network-heading')?.parentNode as Element)).toContain('/netzwerk/');
		const footer = all(page('/kontakt/')).find((el) => el.tagName === 'footer') as Element;
		expect(links(footer)).toContain('/netzwerk/');
		expect(links(all(page('/en/kontakt/')).find((el) => el.tagName === 'footer') as Element)).toContain('/en/netzwerk/');
	});
});
