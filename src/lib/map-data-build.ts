/** Builds the finder and map data (see map-data.ts) from the collections. Build time only. */
import type { CollectionEntry } from 'astro:content';
import { ICON_PATHS } from './icons';
import { hoursCalendar } from './hours';
import { encodeCalendar } from './today-hours';
import { formatSpan } from './format';
import { buildTime, href } from './content';
import { encodePosition, type DetailRow, type DetailsData, type LayerRow, type MapData, type PlaceRow } from './map-data';
import { useTranslations } from '../i18n';

interface Sources {
	/** South-west corner of the district; positions count from there. */
	origin: [number, number];
	facilities: CollectionEntry<'einrichtungen'>[];
	categories: CollectionEntry<'kategorien'>[];
	projects: CollectionEntry<'projekte'>[];
	/** Only events still to come belong on the map. */
	events: CollectionEntry<'termine'>[];
}

export function buildMapData({ origin, facilities, categories, projects, events }: Sources): MapData {
	const t = useTranslations();
	const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));
	const byId = new Map(facilities.map((f) => [f.id, f]));
	const places = facilities.map(({ id, data }): PlaceRow => [id, data.name, categoryIndex.get(data.category.id) ?? 0, ...encodePosition(origin, data.coordinates.lat, data.coordinates.lng)]);
	const at = (place: { facility: { id: string } } | { lat: number; lng: number } | object | undefined) => {
		if (!place) return undefined;
		if ('facility' in place) {
			const facility = byId.get(place.facility.id);
			return facility ? { lat: facility.data.coordinates.lat, lng: facility.data.coordinates.lng, name: facility.data.name } : undefined;
		}
		if ('lat' in place && 'lng' in place) return { lat: place.lat, lng: place.lng, name: 'label' in place ? String(place.label) : '' };
		return undefined;
	};
	const projectRows = projects.flatMap(({ id, data }): LayerRow[] => {
		const where = at(data.place);
		return where ? [[href.project(id), data.title, where.lat, where.lng, `${t(`projects.status.${data.status}`)} · ${where.name}`]] : [];
	});
	const eventRows = events.flatMap(({ id, data }): LayerRow[] => {
		const where = at(data.place);
		return where ? [[href.event(id), data.title, where.lat, where.lng, `${formatSpan(data.start, data.end)} · ${where.name}`]] : [];
	});
	return {
		origin,
		categories: categories.map((c) => ({ id: c.id, label: c.data.label, plural: c.data.plural, color: c.data.color, icon: ICON_PATHS[c.data.icon] })),
		places,
		projects: projectRows,
		events: eventRows,
	};
}


/** The details of every facility, in the order of `buildMapData`'s places. */
export function buildDetails(facilities: CollectionEntry<'einrichtungen'>[]): DetailsData {
	// Many facilities share opening hours: each distinct value is described once.
	const hours: [string, string][] = [];
	const hoursIndex = new Map<string, number>();
	const indexOf = (value: string | undefined) => {
		if (!value) return -1;
		let i = hoursIndex.get(value);
		if (i === undefined) {
			hoursIndex.set(value, (i = hours.length));
			hours.push([value, encodeCalendar(hoursCalendar(value, buildTime))]);
		}
		return i;
	};
	const rows = facilities.map(({ data }): DetailRow => [
		`${data.address.street}, ${data.address.postcode} ${data.address.city}`,
		data.description,
		data.languages.join(' '),
		data.wheelchair,
		indexOf(data.openingHours),
	]);
	return { hours, rows };
}
