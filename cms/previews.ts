/**
 * Previews in the CMS that look like the site: the site's own stylesheet and the same markup and class names
 * as the Astro templates for news, projects (with the renewal steps), events, facilities and network entries.
 */
import { createElement as h, type ReactNode } from 'react';
import type { CMS, PreviewTemplateComponentProps } from 'decap-cms-core';
import siteCss from '../src/styles/global.css?inline';
import { de } from '../src/i18n/de';
import { languageNames } from '../src/i18n';
import { fill } from '../src/i18n/fill';
import { grantedOf, moneyStage, paidOf } from '../src/lib/money';
import { periodState } from '../src/lib/participation';
import { formatEuros } from '../src/lib/format';
import { compactWeek, hoursNote, weekTable } from '../src/lib/hours';
import { SHORT_WEEKDAYS } from '../src/lib/opening-hours-form';
import type { ProjectFunding } from '../src/schemas/projects';
import { plain } from './plain';
import { describeRule, meetingDate, nextOccurrences, type RecurrenceRule } from '../src/lib/recurrence';

type Props = PreviewTemplateComponentProps;
const dict = de as Record<string, string>;
/** A dictionary text; empty while the field it depends on is still empty. */
const t = (key: string) => (key.endsWith('.') ? '' : (dict[key] ?? key));

/** Reads a field of the entry being edited as plain JS. */
function field<T = unknown>(props: Props, path: string): T | undefined {
	return plain(props.entry.getIn(['data', ...path.split('.')])) as T | undefined;
}

const dayFormat = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
function formatDay(value: unknown): string {
	if (!value) return '';
	const date = new Date(String(value).length === 10 ? `${String(value)}T00:00:00Z` : String(value));
	return Number.isNaN(date.getTime()) ? String(value) : dayFormat.format(date);
}
const euros = (value: unknown) => (typeof value === 'number' ? formatEuros(value) : '');
const languages = (codes: string[] = []) => codes.map((c) => (languageNames as Record<string, string>)[c] ?? c).join(', ');

/** The page frame around a preview: same container and main as the site. */
function page(...children: ReactNode[]) {
	return h('main', { id: 'inhalt' }, h('div', { className: 'container' }, ...children));
}

/** Opening hours in the site's compact form („Mo–Do 09:00–17:00; …", hours.ts); while being typed, the value itself. */
function readableHours(value: string | undefined): string | undefined {
	if (!value?.trim()) return undefined;
	try {
		return [compactWeek(weekTable(value), { weekdays: SHORT_WEEKDAYS, closed: de['facilities.closed'] }), hoursNote(value)].filter(Boolean).join(' · ');
	} catch {
		return value;
	}
}

function facts(rows: [string, ReactNode][]) {
	return h('dl', { className: 'facts' }, ...rows.filter(([, v]) => v !== undefined && v !== '' && v !== null).flatMap(([k, v]) => [h('dt', { key: `${k}-t` }, k), h('dd', { key: `${k}-d` }, v)]));
}

function NewsPreview(props: Props) {
	const image = field<{ src?: string; alt?: string; caption?: string }>(props, 'image');
	return page(
		h(
			'article',
			{ className: 'prose' },
			h('h1', null, field<string>(props, 'title') ?? ''),
			h('p', { className: 'muted' }, `${t('common.published')} ${formatDay(field(props, 'date'))}`, field<string>(props, 'author') ? ` · Von ${field<string>(props, 'author')}` : ''),
			h('p', { className: 'lead' }, field<string>(props, 'summary') ?? ''),
			image?.src ? h('figure', { className: 'picture' }, h('img', { src: props.getAsset(image.src).toString(), alt: image.alt ?? '' }), image.caption ? h('figcaption', null, image.caption) : null) : null,
			props.widgetFor('body'),
		),
	);
}

interface Phase {
	title?: string;
	start?: string;
	end?: string;
	state?: 'done' | 'current' | 'next';
	text?: string;
}

/** The participation period as the project page shows it now: soon, until when, or over (with the outcome if there is one). */
function participationBox(period: { from: string; until: string; outcome?: string }) {
	const day = (value: string) => new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
	const state = periodState({ from: day(period.from), until: day(period.until) }, new Date());
	const words =
		state === 'soon'
			? fill(t('participate.soon'), { from: formatDay(period.from), until: formatDay(period.until) })
			: state === 'open'
				? fill(t('participate.periodUntil'), { date: formatDay(period.until) })
				: period.outcome
					? `${t('participate.outcome')}: ${period.outcome}`
					: t('participate.over');
	return h('section', { className: 'box participation-status' }, h('p', null, h('strong', null, words)));
}

function ProjectPreview(props: Props) {
	const phases = field<Phase[]>(props, 'phases') ?? [];
	const status = field<string>(props, 'status') ?? '';
	const current = phases.find((p) => p.state === 'current');
	const period = field<{ from?: string; until?: string; outcome?: string }>(props, 'participationPeriod');
	const origin = field<Record<string, string>>(props, 'origin') ?? {};
	// Where the idea came from: its sentence, or the kind and id of the entry it came from (the site shows its title).
	const [originKind, originValue] = Object.entries(origin).find(([, value]) => Boolean(value)) ?? [];
	const results = field<string>(props, 'results');
	return page(
		h(
			'div',
			{ className: 'two-columns' },
			h(
				'article',
				null,
				h('h1', null, field<string>(props, 'title') ?? ''),
				h('p', null, h('span', { className: `status status--${status}` }, `${t('projects.statusLabel')}: ${t(`projects.status.${status}`)}`)),
				h('p', { className: 'lead' }, field<string>(props, 'summary') ?? ''),
				period?.from && period.until ? participationBox({ from: period.from, until: period.until, outcome: period.outcome }) : null,
				current ? h('p', { className: 'notice' }, h('strong', null, `${t('projects.phase.current')}: `), current.title) : null,
				h('div', { className: 'prose' }, props.widgetFor('body')),
				h('h2', null, t('projects.path')),
				h(
					'ol',
					{ className: 'timeline' },
					originKind
						? h(
								'li',
								{ key: 'origin', className: 'is-origin' },
								h('p', { className: 'timeline__state' }, t('projects.origin')),
								h('p', null, originKind === 'text' ? originValue : `${t(`projects.origin.${originKind}`)}: ${originValue}`),
							)
						: null,
					...phases.map((phase, i) =>
						h(
							'li',
							{ key: i, className: `is-${phase.state ?? 'next'}`, 'aria-current': phase.state === 'current' ? 'step' : undefined },
							h('p', { className: 'timeline__state' }, t(`projects.phase.${phase.state ?? 'next'}`)),
							h('h3', null, phase.title ?? ''),
							h('p', { className: 'muted' }, phase.end ? `${formatDay(phase.start)} – ${formatDay(phase.end)}` : formatDay(phase.start)),
							h('p', null, phase.text ?? ''),
						),
					),
					results ? h('li', { key: 'results', className: 'is-result' }, h('p', { className: 'timeline__state' }, t('projects.results')), h('p', null, results)) : null,
				),
				h('section', { className: 'box' }, h('h2', null, t('projects.participate')), h('p', null, field<string>(props, 'participation') ?? '')),
			),
			h(
				'aside',
				null,
				h('section', { className: 'box' }, h('h2', null, t('projects.funding')), facts(moneyFacts(props))),
			),
		),
	);
}

/** The funding box's rows, worked out as the site does (src/lib/money.ts): what is not granted says so. */
function moneyFacts(props: Props): [string, ReactNode][] {
	const raw = field<Partial<ProjectFunding>>(props, 'funding') ?? {};
	const years = (raw.years ?? []).filter((y) => typeof y?.approved === 'number' && typeof y?.year === 'number');
	// A cleared number field arrives as '' – only numbers count.
	const amount = (value: unknown) => (typeof value === 'number' ? value : undefined);
	const funding = { fund: raw.fund, estimated: amount(raw.estimated), requested: amount(raw.requested), years } as ProjectFunding;
	const paid = paidOf(funding);
	const granted: [string, ReactNode][] =
		years.length > 0
			? [
					[t('money.granted'), `${euros(grantedOf(funding))}${paid > 0 ? `, ${fill(t('money.paidPart'), { amount: euros(paid) })}` : ''}`],
					[t('money.years'), years.map((y) => (y.paid ? fill(t('money.yearPaid'), { year: y.year, granted: euros(y.approved), paid: euros(y.paid) }) : fill(t('money.year'), { year: y.year, granted: euros(y.approved) }))).join(' · ')],
				]
			: [];
	const requested: [string, ReactNode][] = typeof funding.requested === 'number' ? [[t('money.requested'), `${euros(funding.requested)} – ${t('money.requestedNote')}`]] : [];
	const stage = moneyStage(funding);
	const estimated: [string, ReactNode][] = stage?.stage === 'geschaetzt' ? [[t('money.estimated'), `${euros(stage.amount)} – ${t('money.estimatedNote')}`]] : [];
	const fund = funding.fund ? (fundLabels[funding.fund] ?? funding.fund) : t('money.fundOpen');
	return [[t('money.fund'), fund], ...granted, ...requested, ...estimated, [t('projects.provider'), field<string>(props, 'provider')]];
}

function DecisionPreview(props: Props) {
	const votes = field<{ yes?: number; no?: number; abstain?: number }>(props, 'votes');
	const outcome = field<string>(props, 'outcome') ?? '';
	return page(
		h(
			'article',
			{ className: 'prose' },
			h('h1', null, field<string>(props, 'title') ?? ''),
			h('p', { className: 'lead' }, field<string>(props, 'summary') ?? ''),
			facts([
				[t('decisions.committee'), t(`committee.${field<string>(props, 'committee') ?? ''}`)],
				[t('common.date'), formatDay(field(props, 'date'))],
				[t('decisions.outcome'), h('span', { className: `outcome outcome--${outcome}` }, t(`outcome.${outcome}`))],
				[t('decisions.votes'), votes && typeof votes.yes === 'number' ? fill(t('decisions.votesText'), { yes: votes.yes, no: votes.no ?? 0, abstain: votes.abstain ?? 0 }) : ''],
				[t('decisions.amount'), euros(field(props, 'amount'))],
			]),
			props.widgetFor('body'),
		),
	);
}

interface Indicator {
	label?: string;
	unit?: string;
	baseline?: number;
	target?: number;
	current?: number;
}

function GoalPreview(props: Props) {
	const indicators = field<Indicator[]>(props, 'indicators') ?? [];
	const period = field<{ from?: number; until?: number }>(props, 'period') ?? {};
	const value = (n?: number, unit?: string) => (typeof n === 'number' ? `${n.toLocaleString('de-DE')}${unit ? ` ${unit}` : ''}` : '–');
	return page(
		h(
			'article',
			null,
			h('p', { className: 'eyebrow' }, t('goals.one')),
			h('h1', null, field<string>(props, 'title') ?? ''),
			h('p', { className: 'lead' }, field<string>(props, 'summary') ?? ''),
			facts([[t('goals.period'), period.from ? `${period.from}–${period.until ?? ''}` : '']]),
			h('div', { className: 'prose' }, props.widgetFor('body')),
			indicators.length > 0 ? h('h2', null, t('goals.indicators')) : null,
			h(
				'ul',
				{ className: 'indicators' },
				...indicators.map((indicator, i) =>
					h(
						'li',
						{ key: i },
						h('h3', null, indicator.label ?? ''),
						h('p', null, `${t('goals.baseline')}: ${value(indicator.baseline, indicator.unit)} · ${t('goals.target')}: ${value(indicator.target, indicator.unit)} · ${t('goals.current')}: ${value(indicator.current, indicator.unit)}`),
					),
				),
			),
		),
	);
}

function EventPreview(props: Props) {
	const start = field<string>(props, 'start') ?? '';
	const end = field<string>(props, 'end') ?? '';
	const place = field<{ facility?: string; address?: string }>(props, 'place') ?? {};
	return page(
		h(
			'article',
			{ className: 'prose' },
			h('h1', null, field<string>(props, 'title') ?? ''),
			h('p', { className: 'lead' }, field<string>(props, 'summary') ?? ''),
			facts([
				[t('events.when'), `${start.replace('T', ', ')} – ${end.replace('T', ', ')} Uhr`],
				[t('events.where'), place.address ?? place.facility],
				[t('events.type'), t(`events.type.${field<string>(props, 'type') ?? ''}`)],
				[t('events.languages'), languages(field<string[]>(props, 'languages'))],
				[t('events.accessibility'), field<string>(props, 'accessibility')],
			]),
			props.widgetFor('body'),
		),
	);
}

function FacilityPreview(props: Props) {
	const address = field<{ street?: string; postcode?: string; city?: string }>(props, 'address') ?? {};
	return page(
		h(
			'div',
			{ className: 'two-columns' },
			h('article', null, h('h1', null, field<string>(props, 'name') ?? ''), h('p', { className: 'lead' }, field<string>(props, 'description') ?? ''), h('div', { className: 'prose' }, props.widgetFor('body'))),
			h(
				'aside',
				null,
				h(
					'section',
					{ className: 'box' },
					h('h2', null, t('facilities.contact')),
					facts([
						[t('facilities.address'), [address.street, [address.postcode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
						[t('facilities.openingHours'), readableHours(field<string>(props, 'openingHours'))],
						[t('facilities.wheelchair'), t(`wheelchair.${field<string>(props, 'wheelchair') ?? 'unknown'}`)],
						[t('facilities.languages'), languages(field<string[]>(props, 'languages'))],
					]),
				),
			),
		),
	);
}

/** A meeting rule as the editor has filled it so far; undefined until frequency, weekday and time are there. */
function ruleOf(meeting: Record<string, unknown> | undefined): RecurrenceRule | undefined {
	if (!meeting?.frequency || !meeting.weekday || !meeting.time) return undefined;
	const week = meeting.week === undefined || meeting.week === '' ? undefined : Number(meeting.week);
	return { ...(meeting as unknown as RecurrenceRule), week: week as RecurrenceRule['week'], interval: meeting.interval ? Number(meeting.interval) : undefined };
}

function NetworkPreview(props: Props) {
	const contact = field<{ person?: string; phone?: string; email?: string; web?: string }>(props, 'contact') ?? {};
	const rule = ruleOf(field<Record<string, unknown>>(props, 'meeting'));
	const place = field<{ facility?: string; address?: string }>(props, 'meeting.place') ?? {};
	const next = rule ? nextOccurrences(rule, new Date(), 3) : [];
	return page(
		h(
			'div',
			{ className: 'two-columns' },
			h(
				'article',
				null,
				h('p', { className: 'eyebrow' }, t(`network.kind.${field<string>(props, 'kind') ?? ''}`)),
				h('h1', null, field<string>(props, 'name') ?? ''),
				h('p', { className: 'lead' }, field<string>(props, 'summary') ?? ''),
				rule
					? h(
							'section',
							{ className: 'box' },
							h('h2', null, t('network.meeting')),
							h('p', null, describeRule(rule)),
							place.facility || place.address || field<string>(props, 'facility') ? h('p', null, `${t('network.where')}: ${place.address ?? place.facility ?? field<string>(props, 'facility') ?? ''}`) : null,
							h('h3', null, t('network.nextDates')),
							next.length > 0 ? h('ul', null, ...next.map((start) => h('li', { key: start.toISOString() }, meetingDate(start)))) : h('p', null, t('network.noMeeting')),
						)
					: null,
				h('div', { className: 'prose' }, props.widgetFor('body')),
			),
			h(
				'aside',
				null,
				h(
					'section',
					{ className: 'box' },
					h('h2', null, t('network.contact')),
					facts([
						[t('network.person'), contact.person],
						[t('office.phone'), contact.phone],
						[t('office.email'), contact.email],
						[t('network.website'), contact.web],
						[t('network.seat'), field<string>(props, 'facility')],
						[t('network.languages'), languages(field<string[]>(props, 'languages'))],
					]),
				),
			),
		),
	);
}

/** Fund names by id (from the configuration's fund choice). */
let fundLabels: Record<string, string> = {};

export function registerPreviews(cms: CMS, funds: Record<string, string> = {}) {
	fundLabels = funds;
	cms.registerPreviewStyle(siteCss, { raw: true });
	cms.registerPreviewTemplate('aktuelles', NewsPreview);
	cms.registerPreviewTemplate('projekte', ProjectPreview);
	cms.registerPreviewTemplate('termine', EventPreview);
	cms.registerPreviewTemplate('einrichtungen', FacilityPreview);
	cms.registerPreviewTemplate('beschluesse', DecisionPreview);
	cms.registerPreviewTemplate('ziele', GoalPreview);
	cms.registerPreviewTemplate('netzwerk', NetworkPreview);
}
