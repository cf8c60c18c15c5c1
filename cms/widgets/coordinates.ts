/**
 * Setting a place on a map instead of typing numbers read off another website: a Leaflet map of the district
 * frame (from the field config, derived from the schema – see `pointPicker` in src/schemas/fields.ts), drawn with
 * the district's own base layer and no tiles at all, so the editor sends no request to another host. Clicking the
 * map or dragging the pin sets the point; the two number fields below stay editable and are the keyboard path.
 *
 * The widget shows a group holding `lat` and `lng`: a facility's coordinates, or a project's place, where Decap's
 * own controls show the group's other fields (facility, label) above the map. It refuses what the build refuses,
 * with the build's words (`districtProblems`).
 */
import { Component, createElement as h, createRef, type ChangeEvent, type ComponentType, type ReactNode } from 'react';
import { Map as ImmutableMap, type List } from 'immutable';
import * as L from 'leaflet';
import { loadMapStyles } from '../../src/scripts/map-styles';
import type { CMS } from 'decap-cms-core';
import { addBaseLayer } from '../../src/scripts/base-layer';
import { BASEMAP_PATH } from '../../src/lib/map-data';
import { districtProblems, type Bounds } from '../../src/schemas/district';
import { plain } from '../plain';

type Value = ImmutableMap<string, unknown>;
type Field = ImmutableMap<string, unknown>;
type Key = 'lat' | 'lng';

/** What Decap hands a widget that stands for a whole group (see decap-cms-widget-object's ObjectControl). */
interface ControlProps {
	value?: Value | null;
	onChange: (value: Value) => void;
	forID: string;
	classNameWrapper: string;
	setActiveStyle: () => void;
	setInactiveStyle: () => void;
	field: Field;
	/** Decap's own check of this field (required, then `isValid` below); errors appear above the field. */
	validate: () => void;
	editorControl: ComponentType<Record<string, unknown>>;
	onChangeObject: (field: Field, value: unknown, metadata?: unknown) => void;
	onValidateObject?: unknown;
	clearFieldErrors?: unknown;
	metadata?: unknown;
	fieldsErrors?: unknown;
	parentIds?: string[];
	isFieldDuplicate?: (field: Field) => boolean;
	isFieldHidden?: (field: Field) => boolean;
	locale?: string;
	isParentListCollapsed?: boolean;
}

/** The coordinates of a point: 6 decimals are about 10 cm, far finer than a pin on a map. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
/** Immutable config values (the field config is an Immutable Map) as plain data. */

const HINT = 'Klicken Sie in die Karte oder ziehen Sie die Markierung an die richtige Stelle. Die Zahlen können Sie auch eintippen.';
const LABELS: Record<Key, string> = { lat: 'Breitengrad (lat)', lng: 'Längengrad (lng)' };

const STYLES = `
.quartier-point { display: grid; gap: 12px; }
.quartier-point__title { margin: 0; font-weight: 600; font-size: 14px; color: #444a57; }
.quartier-point__map.leaflet-container { isolation: isolate; height: 320px; background: #eef0ec; border: 1px solid #b8bdbb; border-radius: 5px; font: 12px/1.4 system-ui, sans-serif; cursor: crosshair; }
.quartier-point__map .leaflet-marker-draggable { cursor: move; }
.quartier-point__pin svg { display: block; width: 30px; height: 40px; filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.45)); }
.quartier-point__numbers { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: end; }
.quartier-point__number { display: grid; gap: 4px; font-weight: 600; font-size: 14px; color: #444a57; }
.quartier-point__number input { inline-size: 12em; padding: 8px 10px; font: 15px/1.4 system-ui, sans-serif; color: #313d3e; border: 2px solid #b8bdbb; border-radius: 5px; background: #fff; }
.quartier-point__number input:focus { outline: 3px solid #3a69c7; outline-offset: 1px; border-color: #3a69c7; }
.quartier-point__clear { padding: 8px 12px; font: 600 14px system-ui, sans-serif; color: #313d3e; background: #fff; border: 2px solid #b8bdbb; border-radius: 5px; cursor: pointer; }
.quartier-point__clear:focus-visible { outline: 3px solid #3a69c7; outline-offset: 1px; }
.quartier-point__hint { margin: 0; font-size: 13px; color: #4e5451; }
`;

/** Leaflet's stylesheet and the picker's own, added to the admin page once (other pages never load them). */
function addStyles() {
	// Leaflet's own styles and the site's map styles (names on the base layer), as the public maps load them.
	void loadMapStyles();
	if (!document.getElementById('quartier-point-styles')) {
		document.head.append(Object.assign(document.createElement('style'), { id: 'quartier-point-styles', textContent: STYLES }));
	}
}

const pin = () =>
	L.divIcon({
		className: 'quartier-point__pin',
		html: '<svg viewBox="0 0 30 40" aria-hidden="true" focusable="false"><path d="M15 1C7.3 1 1 7.2 1 14.9 1 25.2 15 39 15 39s14-13.8 14-24.1C29 7.2 22.7 1 15 1z" fill="#0b5c63" stroke="#fff" stroke-width="2"/><circle cx="15" cy="15" r="5" fill="#fff"/></svg>',
		iconSize: [30, 40],
		iconAnchor: [15, 39],
	});

interface PickerProps {
	id: string;
	lat?: number | undefined;
	lng?: number | undefined;
	bounds: Bounds;
	/** Offers „Markierung entfernen" (an optional place may stay without a point). */
	clearable: boolean;
	/** Shown above the map when the picker is one part of a bigger group. */
	title?: string | undefined;
	onPoint: (lat: number, lng: number) => void;
	onNumber: (key: Key, value: number | undefined) => void;
	onClear: () => void;
	onFocus: () => void;
	onBlur: () => void;
}

/** The map and the two number fields; knows nothing of Decap. */
class PointPicker extends Component<PickerProps, Record<Key, string>> {
	private readonly container = createRef<HTMLDivElement>();
	private readonly latInput = createRef<HTMLInputElement>();
	private map: L.Map | undefined;
	private marker: L.Marker | undefined;
	private resize: ResizeObserver | undefined;

	constructor(props: PickerProps) {
		super(props);
		this.state = { lat: props.lat === undefined ? '' : String(props.lat), lng: props.lng === undefined ? '' : String(props.lng) };
	}

	componentDidMount() {
		addStyles();
		const element = this.container.current;
		if (!element) return;
		const { south, west, north, east } = this.props.bounds;
		const frame = L.latLngBounds([south, west], [north, east]);
		// No tile layer: the base layer comes from the site itself, so nothing is asked of another host.
		const map = L.map(element, { zoomControl: false, keyboard: false, scrollWheelZoom: false, zoomSnap: 0.25, maxZoom: 19, maxBounds: frame.pad(1), attributionControl: true });
		this.map = map;
		map.attributionControl.setPrefix(false);
		L.control.zoom({ zoomInTitle: 'Vergrößern', zoomOutTitle: 'Verkleinern' }).addTo(map);
		const fit = () => {
			map.invalidateSize();
			map.fitBounds(frame, { animate: false });
			map.setMinZoom(Math.max(0, Math.floor(map.getBoundsZoom(frame)) - 1));
		};
		// Decap may lay the editor out after mounting (or show it only later): fit once the map has a size.
		let fitted = element.clientWidth > 0;
		if (fitted) fit();
		else map.setView(frame.getCenter(), 15);
		this.resize = new ResizeObserver(() => {
			if (!fitted && element.clientWidth > 0) {
				fitted = true;
				fit();
			} else map.invalidateSize();
		});
		this.resize.observe(element);
		// The frame the point must lie in.
		L.rectangle(frame, { color: '#1b1f1e', weight: 2, fill: false, dashArray: '6 6', interactive: false }).addTo(map);
		void addBaseLayer(map, BASEMAP_PATH).catch(() => false);
		map.on('click', (event: L.LeafletMouseEvent) => this.props.onPoint(round(event.latlng.lat), round(event.latlng.lng)));
		this.placeMarker();
	}

	componentDidUpdate(previous: PickerProps) {
		// A point set on the map (or loaded) replaces what the number fields show; what is being typed stays.
		const next: Partial<Record<Key, string>> = {};
		for (const key of ['lat', 'lng'] as const) {
			const value = this.props[key];
			if (value === previous[key]) continue;
			const typed = this.state[key].trim() === '' ? undefined : Number(this.state[key]);
			if (typed !== value) next[key] = value === undefined ? '' : String(value);
		}
		if (Object.keys(next).length > 0) this.setState(next as Record<Key, string>);
		if (this.props.lat !== previous.lat || this.props.lng !== previous.lng) this.placeMarker();
	}

	componentWillUnmount() {
		this.resize?.disconnect();
		this.map?.remove();
		this.map = undefined;
	}

	/** The pin at the current point, or none while the point is incomplete. */
	private placeMarker() {
		const { lat, lng } = this.props;
		if (!this.map) return;
		if (lat === undefined || lng === undefined) {
			this.marker?.remove();
			this.marker = undefined;
			return;
		}
		if (this.marker) {
			this.marker.setLatLng([lat, lng]);
			return;
		}
		// Not a keyboard stop: the number fields are the keyboard path.
		this.marker = L.marker([lat, lng], { draggable: true, keyboard: false, autoPan: true, icon: pin() }).addTo(this.map);
		this.marker.on('dragend', () => {
			const at = this.marker?.getLatLng();
			if (at) this.props.onPoint(round(at.lat), round(at.lng));
		});
	}

	focus() {
		this.latInput.current?.focus();
	}

	private typed = (key: Key) => (event: ChangeEvent<HTMLInputElement>) => {
		const input = event.target;
		this.setState({ [key]: input.value } as Record<Key, string>);
		// Half typed (e.g. „51,"): wait for the rest.
		if (input.validity.badInput) return;
		const text = input.value.trim();
		const value = text === '' ? undefined : Number(text);
		if (value !== undefined && !Number.isFinite(value)) return;
		this.props.onNumber(key, value === undefined ? undefined : round(value));
	};

	private number(key: Key): ReactNode {
		const id = `${this.props.id}-${key}`;
		return h(
			'div',
			{ className: 'quartier-point__number', key },
			h('label', { htmlFor: id }, LABELS[key]),
			h('input', {
				id,
				ref: key === 'lat' ? this.latInput : undefined,
				type: 'number',
				inputMode: 'decimal',
				// Arrow keys move the point by about 10 m; typed values may have up to 6 decimals.
				step: '0.0001',
				autoComplete: 'off',
				'aria-describedby': `${this.props.id}-hint`,
				value: this.state[key],
				onChange: this.typed(key),
				onFocus: this.props.onFocus,
				onBlur: this.props.onBlur,
			}),
		);
	}

	render() {
		const { lat, lng, clearable, title } = this.props;
		return h(
			'div',
			{ className: 'quartier-point' },
			title ? h('p', { className: 'quartier-point__title' }, title) : null,
			h('div', { ref: this.container, className: 'quartier-point__map', role: 'group', 'aria-label': 'Karte zum Setzen der Lage' }),
			h(
				'div',
				{ className: 'quartier-point__numbers' },
				this.number('lat'),
				this.number('lng'),
				clearable && (lat !== undefined || lng !== undefined) ? h('button', { type: 'button', className: 'quartier-point__clear', onClick: this.props.onClear }, 'Markierung entfernen') : null,
			),
			h('p', { className: 'quartier-point__hint', id: `${this.props.id}-hint` }, HINT),
		);
	}
}

/** What Decap's control of one field hands its `controlRef` (its Widget). */
interface ChildControl {
	innerWrappedControl?: { validate?: () => void };
	validate?: () => void;
	focus?: (path: string) => void;
	props: { field: Field };
}

/**
 * The Decap control: the group's other fields through Decap's own controls (as its object widget does), then the
 * map picker for `lat` and `lng`.
 */
class CoordinatesControl extends Component<ControlProps> {
	private readonly picker = createRef<PointPicker>();
	private readonly children: Record<string, ChildControl> = {};
	private parentIds: { key: string; ids: string[] } | undefined;

	/** Like Decap's object widget: children update with every change (their errors arrive that way). */
	private get bounds(): Bounds {
		return plain(this.props.field.get('bounds')) as Bounds;
	}

	private get required() {
		return this.props.field.get('required') !== false;
	}

	private point(): Partial<Record<Key, number>> {
		const value = this.props.value;
		return { lat: numberOf(value?.get?.('lat')), lng: numberOf(value?.get?.('lng')) };
	}

	/** Fields of the group other than the point (a place's facility and label). */
	private others(): Field[] {
		const fields = this.props.field.get('fields') as List<Field> | undefined;
		return (fields?.toArray() ?? []).filter((f) => f.get('name') !== 'lat' && f.get('name') !== 'lng');
	}

	private write(change: (value: Value) => Value) {
		this.props.onChange(change(this.props.value ?? ImmutableMap<string, unknown>()));
	}

	private onPoint = (lat: number, lng: number) => this.write((value) => value.set('lat', lat).set('lng', lng));
	private onNumber = (key: Key, number: number | undefined) => this.write((value) => (number === undefined ? value.delete(key) : value.set(key, number)));
	private onClear = () => this.write((value) => value.delete('lat').delete('lng'));

	/** Decap asks this before saving (through `validate` below); the messages are the build's. */
	isValid = (): true | { error: { type: string; message: string } } => {
		const { lat, lng } = this.point();
		const label = String(this.props.field.get('label') ?? 'Lage auf der Karte');
		if (lat === undefined || lng === undefined) {
			// An empty required field gets Decap's own „… ist erforderlich."; an optional place may have no point.
			if (this.required ? this.props.value == null : lat === undefined && lng === undefined) return true;
			const rest = this.required ? 'mit einem Klick in die Karte oder als Zahlen' : 'oder beide Zahlen leeren';
			return { error: { type: 'CUSTOM', message: `${label}: Bitte Breitengrad (lat) und Längengrad (lng) angeben – ${rest}.` } };
		}
		const problems = districtProblems(this.bounds, String(this.props.field.get('district') ?? ''), { lat, lng });
		return problems.length > 0 ? { error: { type: 'CUSTOM', message: problems.map((p) => p.message).join(' ') } } : true;
	};

	/** Decap calls this before saving: the other fields check themselves, then Decap checks this field (`isValid`). */
	validate = () => {
		for (const child of Object.values(this.children)) {
			const check = child.innerWrappedControl?.validate ?? child.validate;
			check?.();
		}
		this.props.validate();
	};

	/** Decap focuses a field with an error: one of the group's other fields, or else the number fields. */
	focus(path = '') {
		const [name = '', ...rest] = path.split('.');
		const child = this.children[name];
		if (child?.focus) child.focus(rest.join('.'));
		else this.picker.current?.focus();
	}

	private childRef = (ref: ChildControl | null) => {
		if (!ref) return;
		this.children[String(ref.props.field.get('name'))] = ref;
	};

	/** The same array while the ids stay the same, so Decap's controls below do not redraw for nothing. */
	private childParentIds(): string[] {
		const ids = [...(this.props.parentIds ?? []), this.props.forID];
		const key = JSON.stringify(ids);
		if (this.parentIds?.key !== key) this.parentIds = { key, ids };
		return this.parentIds.ids;
	}

	private control(field: Field): ReactNode {
		const { value, editorControl, onChangeObject, onValidateObject, clearFieldErrors, metadata, fieldsErrors, isFieldDuplicate, isFieldHidden, locale, isParentListCollapsed } = this.props;
		const name = String(field.get('name'));
		return h(editorControl, {
			key: name,
			field,
			value: value?.get?.(name),
			onChange: onChangeObject,
			clearFieldErrors,
			fieldsMetaData: metadata,
			fieldsErrors,
			onValidate: onValidateObject,
			controlRef: this.childRef,
			parentIds: this.childParentIds(),
			isDisabled: isFieldDuplicate?.(field),
			isHidden: isFieldHidden?.(field),
			isFieldDuplicate,
			isFieldHidden,
			locale,
			isParentListCollapsed,
		});
	}

	render() {
		const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
		const others = this.others();
		const { lat, lng } = this.point();
		return h(
			'div',
			{ id: forID, className: classNameWrapper },
			...others.map((field) => this.control(field)),
			h(PointPicker, {
				ref: this.picker,
				id: forID,
				lat,
				lng,
				bounds: this.bounds,
				clearable: !this.required,
				title: others.length > 0 ? 'Lage auf der Karte' : undefined,
				onPoint: this.onPoint,
				onNumber: this.onNumber,
				onClear: this.onClear,
				onFocus: setActiveStyle,
				onBlur: setInactiveStyle,
			}),
		);
	}
}

const degrees = (value: number) => value.toLocaleString('de-DE', { minimumFractionDigits: 4, maximumFractionDigits: 6 });

/** „51,3488° N, 12,4030° O" (and the place's name, if the group has one). */
function CoordinatesPreview({ value }: { value?: Value | null }) {
	const lat = numberOf(value?.get?.('lat'));
	const lng = numberOf(value?.get?.('lng'));
	const point = lat !== undefined && lng !== undefined ? `${degrees(lat)}° N, ${degrees(lng)}° O` : '';
	const name = String(value?.get?.('label') ?? value?.get?.('facility') ?? '');
	return h('span', null, name && point ? `${name} (${point})` : name || point);
}

export function registerCoordinatesWidget(cms: CMS) {
	// allowMapValue: the preview gets the whole group, not one of its fields.
	cms.registerWidget({ name: 'coordinates', controlComponent: CoordinatesControl, previewComponent: CoordinatesPreview, allowMapValue: true } as never);
}
