/**
 * Opening hours as a form: one row per weekday with „geschlossen" or time ranges, public holidays, an optional
 * season and a note; a plain-German preview; and, for experts, the OpenStreetMap value itself, kept in sync.
 * The value written is `serializeHours(model)` (src/lib/opening-hours-form.ts). A stored value the form cannot
 * show is left untouched and opened in the expert field. Saving runs the same check as the build
 * (`openingHoursProblem`, src/lib/opening-hours.ts).
 */
import { Component, createElement as h, type ChangeEvent, type ReactNode } from 'react';
import type { CMS } from 'decap-cms-core';
import { openingHoursProblem } from '../../src/lib/opening-hours';
import {
	MONTH_NAMES,
	WEEKDAYS,
	describeHours,
	emptyModel,
	parseHours,
	serializeHours,
	type HoursModel,
	type TimeRange,
} from '../../src/lib/opening-hours-form';
import { TextPreview, type TextControlProps } from './text-control';

const TOO_SPECIAL = 'Diese Öffnungszeiten sind zu besonders für das Formular. Sie können sie hier im OpenStreetMap-Format bearbeiten.';
const STALE = 'Das Formular kann diese Angabe nicht darstellen und ist gesperrt. Gespeichert wird, was hier steht.';

const STYLES = `
.quartier-hours { display: grid; gap: 12px; font: 15px/1.4 system-ui, sans-serif; color: #313d3e; }
.quartier-hours fieldset { margin: 0; padding: 6px 12px 10px; border: 1px solid #d3d6d5; border-radius: 5px; min-inline-size: 0; }
.quartier-hours fieldset.quartier-hours__form { display: grid; gap: 8px; padding: 0; border: 0; }
.quartier-hours fieldset:disabled { opacity: 0.55; }
.quartier-hours legend { padding: 0 4px; font-weight: 600; font-size: 14px; color: #444a57; }
.quartier-hours__hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.quartier-hours__row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-block: 4px; }
.quartier-hours fieldset.quartier-hours__day { padding: 4px 0 6px; border: 0; border-block-end: 1px solid #e4e6e5; border-radius: 0; }
.quartier-hours__day > legend { float: inline-start; inline-size: 7.5em; padding: 6px 0 0; }
.quartier-hours__day > .quartier-hours__row { margin-block: 0; }
.quartier-hours__range { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.quartier-hours input[type="time"], .quartier-hours input[type="text"], .quartier-hours select { padding: 4px 8px; font: inherit; color: inherit; background: #fff; border: 2px solid #b8bdbb; border-radius: 5px; }
.quartier-hours input[type="text"] { inline-size: 100%; box-sizing: border-box; }
.quartier-hours button { padding: 3px 10px; font: 600 14px system-ui, sans-serif; color: #313d3e; background: #fff; border: 2px solid #b8bdbb; border-radius: 5px; cursor: pointer; }
.quartier-hours :is(input, select, button, summary):focus-visible { outline: 3px solid #3a69c7; outline-offset: 1px; }
.quartier-hours__preview { margin: 0; padding: 8px 12px; background: #eef4fb; border-radius: 5px; }
.quartier-hours__hint { margin: 4px 0 0; font-size: 13px; color: #4e5451; }
.quartier-hours__warning { margin: 6px 0; font-weight: 600; color: #7a3a00; }
.quartier-hours summary { cursor: pointer; font-weight: 600; font-size: 14px; color: #2f5fb3; }
.quartier-hours details > :not(summary) { margin-block-start: 8px; }
`;

/** The editor's own styles, added to the admin page once (Decap's editor pane has no site CSS). */
function addStyles() {
	if (!document.getElementById('quartier-hours-styles')) {
		document.head.append(Object.assign(document.createElement('style'), { id: 'quartier-hours-styles', textContent: STYLES }));
	}
}

interface State {
	/** What the form shows; undefined while the value has never been one the form can show. */
	model?: HoursModel;
	/** The text of the expert field. */
	raw: string;
	/** Whether the form shows the expert text (false while it is too special, incomplete or wrong). */
	inSync: boolean;
	expertOpen: boolean;
}

const stateFor = (value: string): State => {
	const model = parseHours(value);
	return model ? { model, raw: value, inSync: true, expertOpen: false } : { raw: value, inSync: false, expertOpen: true };
};

const copy = (ranges: TimeRange[]) => ranges.map((range) => ({ ...range }));
const blank = (): TimeRange => ({ from: '', to: '' });
const isSun = (time: string) => time === 'sunrise' || time === 'sunset';

class OpeningHoursControl extends Component<TextControlProps, State> {
	/** The last value handed to Decap, to tell our own changes from the entry being replaced. */
	private emitted: string;

	constructor(props: TextControlProps) {
		super(props);
		this.emitted = props.value ?? '';
		this.state = stateFor(this.emitted);
	}

	componentDidMount() {
		addStyles();
	}

	componentDidUpdate(previous: TextControlProps) {
		const value = this.props.value ?? '';
		if (value !== (previous.value ?? '') && value !== this.emitted) {
			this.emitted = value;
			this.setState(stateFor(value));
		}
	}

	/** Decap asks before saving: the form must be complete, and the value must pass the build's check. */
	isValid = (): true | { error: { message: string } } => {
		const label = String(this.props.field.get('label') ?? 'Öffnungszeiten');
		const { model, inSync } = this.state;
		if (inSync && model) {
			const day = model.days.findIndex((ranges) => ranges.some((range) => !range.from || !range.to));
			const holidays = Array.isArray(model.holidays) && model.holidays.some((range) => !range.from || !range.to);
			if (day >= 0 || holidays) {
				const where = day >= 0 ? WEEKDAYS[day] : 'die Feiertage';
				return { error: { message: `${label}: Bitte geben Sie für ${where} Beginn und Ende an – oder entfernen Sie den Zeitraum.` } };
			}
		}
		const value = (this.props.value ?? '').trim();
		const problem = value ? openingHoursProblem(value) : undefined;
		return problem ? { error: { message: `${label} sind nicht im OpenStreetMap-Format: ${problem}` } } : true;
	};

	/** Decap focuses a field with an error: the first control of the form, or the expert field. */
	focus() {
		const id = this.state.model && this.state.inSync ? `${this.props.forID}-closed-0` : this.props.forID;
		document.getElementById(id)?.focus();
	}

	private emit(value: string) {
		this.emitted = value;
		if (value !== (this.props.value ?? '')) this.props.onChange(value);
	}

	private setModel(change: (model: HoursModel) => HoursModel) {
		const model = change(this.state.model ?? emptyModel());
		const value = serializeHours(model);
		this.setState({ model, raw: value, inSync: true });
		this.emit(value);
	}

	private setRaw(raw: string) {
		const model = parseHours(raw);
		this.setState((state) => ({ raw, model: model ?? state.model, inSync: Boolean(model) }));
		this.emit(raw);
	}

	private setDay(day: number, ranges: TimeRange[]) {
		this.setModel((model) => ({ ...model, days: model.days.map((old, index) => (index === day ? ranges : old)) }));
	}

	/**
	 * One end of a range: a time field, or a choice while it is sunrise or sunset. A time field cannot show „24:00":
	 * as the end of a range it shows midnight as 00:00, and 00:00 chosen as an end is written as 24:00.
	 */
	private end(id: string, label: string, time: string, set: (time: string) => void, isEnd = false): ReactNode[] {
		const control = isSun(time)
			? h(
					'select',
					{ id, value: time, onChange: (event: ChangeEvent<HTMLSelectElement>) => set(event.target.value === 'clock' ? '' : event.target.value) },
					h('option', { value: 'sunrise' }, 'Sonnenaufgang'),
					h('option', { value: 'sunset' }, 'Sonnenuntergang'),
					h('option', { value: 'clock' }, 'Uhrzeit eingeben'),
				)
			: h('input', {
					id,
					type: 'time',
					value: isEnd && time === '24:00' ? '00:00' : time,
					onChange: (event: ChangeEvent<HTMLInputElement>) => set(isEnd && event.target.value === '00:00' ? '24:00' : event.target.value),
				});
		return [h('label', { key: `${id}-label`, htmlFor: id }, label), h('span', { key: id }, control)];
	}

	/** The ranges of a day or of the holidays, each with „von"/„bis" and „entfernen", then „Zeitraum hinzufügen". */
	private ranges(prefix: string, ranges: TimeRange[], update: (ranges: TimeRange[]) => void, keepOne: boolean): ReactNode[] {
		if (ranges.length === 0) return [];
		const replace = (index: number, range: TimeRange) => update(ranges.map((old, i) => (i === index ? range : old)));
		return [
			...ranges.map((range, index) =>
				h(
					'span',
					{ key: index, className: 'quartier-hours__range' },
					...this.end(`${prefix}-${index}-from`, 'von', range.from, (from) => replace(index, { ...range, from })),
					...this.end(`${prefix}-${index}-to`, 'bis', range.to, (to) => replace(index, { ...range, to }), true),
					keepOne && ranges.length === 1 ? null : h('button', { type: 'button', onClick: () => update(ranges.filter((_, i) => i !== index)) }, 'entfernen'),
				),
			),
			h('button', { key: 'add', type: 'button', onClick: () => update([...ranges, blank()]) }, 'Zeitraum hinzufügen'),
		];
	}

	private day(model: HoursModel, day: number): ReactNode {
		const id = this.props.forID;
		const ranges = model.days[day] ?? [];
		const closedId = `${id}-closed-${day}`;
		return h(
			'fieldset',
			{ key: day, className: 'quartier-hours__day' },
			h('legend', null, WEEKDAYS[day]),
			h(
				'div',
				{ className: 'quartier-hours__row' },
				h(
					'span',
					null,
					h('input', {
						id: closedId,
						type: 'checkbox',
						checked: ranges.length === 0,
						onChange: (event: ChangeEvent<HTMLInputElement>) => this.setDay(day, event.target.checked ? [] : [blank()]),
					}),
					' ',
					h('label', { htmlFor: closedId }, 'geschlossen'),
				),
				...this.ranges(`${id}-day-${day}`, ranges, (next) => this.setDay(day, next), false),
				day > 0 ? h('button', { type: 'button', onClick: () => this.setDay(day, copy(model.days[0] ?? [])) }, 'wie Montag') : null,
			),
		);
	}

	private holidays(model: HoursModel): ReactNode {
		const id = `${this.props.forID}-holidays`;
		const kind = Array.isArray(model.holidays) ? 'own' : model.holidays;
		const choose = (value: string) =>
			this.setModel((m) => ({ ...m, holidays: value === 'own' ? (Array.isArray(m.holidays) ? m.holidays : [blank()]) : (value as 'closed' | 'unspecified') }));
		const radio = (value: string, label: string) =>
			h(
				'span',
				{ key: value },
				h('input', { id: `${id}-${value}`, type: 'radio', name: id, value, checked: kind === value, onChange: () => choose(value) }),
				' ',
				h('label', { htmlFor: `${id}-${value}` }, label),
			);
		return h(
			'fieldset',
			null,
			h('legend', null, 'Feiertage'),
			h('div', { className: 'quartier-hours__row' }, radio('closed', 'geschlossen'), radio('unspecified', 'keine Angabe (es gelten die Zeiten des Wochentags)'), radio('own', 'eigene Zeiten')),
			Array.isArray(model.holidays) ? h('div', { className: 'quartier-hours__row' }, ...this.ranges(id, model.holidays, (next) => this.setModel((m) => ({ ...m, holidays: next })), true)) : null,
		);
	}

	private season(model: HoursModel): ReactNode {
		const id = `${this.props.forID}-season`;
		const month = (key: 'from' | 'to', label: string) =>
			h(
				'span',
				{ key },
				h('label', { htmlFor: `${id}-${key}` }, label),
				' ',
				h(
					'select',
					{
						id: `${id}-${key}`,
						value: model.season?.[key] ?? 1,
						onChange: (event: ChangeEvent<HTMLSelectElement>) => this.setModel((m) => ({ ...m, season: { from: m.season?.from ?? 4, to: m.season?.to ?? 10, [key]: Number(event.target.value) } })),
					},
					...MONTH_NAMES.map((name, index) => h('option', { key: name, value: index + 1 }, name)),
				),
			);
		return h(
			'fieldset',
			null,
			h('legend', null, 'Zeitraum im Jahr'),
			h(
				'div',
				{ className: 'quartier-hours__row' },
				h('input', {
					id: `${id}-all`,
					type: 'checkbox',
					checked: !model.season,
					onChange: (event: ChangeEvent<HTMLInputElement>) => this.setModel((m) => (event.target.checked ? { ...m, season: undefined } : { ...m, season: { from: 4, to: 10 } })),
				}),
				h('label', { htmlFor: `${id}-all` }, 'ganzjährig'),
				model.season ? [month('from', 'von'), month('to', 'bis')] : null,
			),
		);
	}

	private note(model: HoursModel): ReactNode {
		const id = `${this.props.forID}-note`;
		return h(
			'div',
			null,
			h('label', { htmlFor: id }, 'Hinweis (freiwillig)'),
			h('input', {
				id,
				type: 'text',
				maxLength: 200,
				value: model.note ?? '',
				'aria-describedby': `${id}-hint`,
				onChange: (event: ChangeEvent<HTMLInputElement>) => this.setModel((m) => ({ ...m, note: event.target.value })),
			}),
			h('p', { id: `${id}-hint`, className: 'quartier-hours__hint' }, 'Steht auf der Website unter den Öffnungszeiten, z. B. „Termine auch nach Vereinbarung".'),
		);
	}

	private preview(): string {
		const { model, inSync, raw } = this.state;
		const problem = raw.trim() ? openingHoursProblem(raw) : undefined;
		if (problem) return `Noch nicht gültig. ${problem}`;
		if (inSync && model) return describeHours(model);
		return 'Die Angabe ist zu besonders für das Formular; eine Vorschau gibt es nur im OpenStreetMap-Format.';
	}

	render() {
		const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, field } = this.props;
		const { model, inSync, raw, expertOpen } = this.state;
		const label = String(field.get('label') ?? 'Öffnungszeiten');
		return h(
			'div',
			{ className: `${classNameWrapper} quartier-hours`, role: 'group', 'aria-label': label, onFocus: setActiveStyle, onBlur: setInactiveStyle },
			model
				? h(
						'fieldset',
						{ className: 'quartier-hours__form', disabled: !inSync },
						h('legend', { className: 'quartier-hours__hidden' }, 'Formular für die Öffnungszeiten'),
						...WEEKDAYS.map((_, day) => this.day(model, day)),
						this.holidays(model),
						this.season(model),
						this.note(model),
					)
				: null,
			h('p', { className: 'quartier-hours__preview', 'aria-live': 'polite' }, h('strong', null, 'Vorschau: '), this.preview()),
			h(
				'details',
				{ open: expertOpen, onToggle: (event: { currentTarget: HTMLDetailsElement }) => this.setState({ expertOpen: event.currentTarget.open }) },
				h('summary', null, 'Für Fachleute: im OpenStreetMap-Format bearbeiten'),
				inSync ? null : h('p', { className: 'quartier-hours__warning' }, model ? STALE : TOO_SPECIAL),
				h('label', { htmlFor: forID }, 'Öffnungszeiten im OpenStreetMap-Format'),
				h('input', {
					id: forID,
					type: 'text',
					value: raw,
					spellCheck: false,
					'aria-describedby': `${forID}-osm-hint`,
					onChange: (event: ChangeEvent<HTMLInputElement>) => this.setRaw(event.target.value),
				}),
				h('p', { id: `${forID}-osm-hint`, className: 'quartier-hours__hint' }, 'Tage: Mo Tu We Th Fr Sa Su, Feiertage: PH. Beispiel: Mo-Fr 08:00-16:00; Sa 10:00-13:00; PH off'),
			),
		);
	}
}

export function registerOpeningHoursWidget(cms: CMS) {
	cms.registerWidget('opening_hours', OpeningHoursControl as never, TextPreview as never);
}
