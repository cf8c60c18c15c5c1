/**
 * The facility map's index (src/scripts/map-index.ts) in Node: the sample's facilities, projects and events in the
 * shape karte.json gives them, and a generated district of thousands. What the map shows must add up to what the
 * list shows, under any filter, at any zoom; things at one spot stand in a circle; a place is revealed at the zoom
 * where it stands alone.
 */
import { describe, expect, test } from 'vitest';
import { decodePlaces, encodePosition, type LayerRow, type MapData, type MapPlace } from '../../src/lib/map-data';
import { groupName, MapIndex, offset, REACH, type Box, type Shown, type Words } from '../../src/scripts/map-index';
import { de } from '../../src/i18n/de';
import { entryFiles, idOf, readData } from '../helpers/content';
import { readSettings } from '../../src/schemas';

const { map: settings } = readSettings();
const { south, west, north, east } = settings.bounds;
/** The whole district and more: every group and thing at any zoom. */
const WORLD: Box = [-180, -85, 180, 85];
/** As the map computes it (map-view.ts): the zoom at which the district fills the map, at most 12. */
const MIN_ZOOM = 12;
const MAX_ZOOM = 19;

interface Facility {
	name: string;
	category: string;
	coordinates: { lat: number; lng: number };
}
type Placed = { place?: { facility?: string; lat?: number; lng?: number } };

const facilityFiles = entryFiles('einrichtungen');
const facilities = new Map(facilityFiles.map((file) => [idOf(file), readData(file) as Facility]));
const categoryIds = [...new Set([...facilities.values()].map((f) => f.category))].sort();

/** karte.json as the build writes it (positions in steps from the district's corner), decoded as the browser does. */
function sampleData(): { places: MapPlace[]; projects: LayerRow[]; events: LayerRow[] } {
	const origin: [number, number] = [south, west];
	const where = (entry: Placed) => {
		const facility = entry.place?.facility ? facilities.get(entry.place.facility) : undefined;
		if (facility) return facility.coordinates;
		return entry.place?.lat !== undefined && entry.place.lng !== undefined ? { lat: entry.place.lat, lng: entry.place.lng } : undefined;
	};
	const rows = (folder: string, link: string) =>
		entryFiles(folder).flatMap((file): LayerRow[] => {
			const entry = readData(file) as Placed & { title: string };
			const at = where(entry);
			return at ? [[`/${link}/${idOf(file)}/`, entry.title, at.lat, at.lng, 'Detail']] : [];
		});
	const data: MapData = {
		origin,
		categories: categoryIds.map((id) => ({ id, label: id, plural: id, color: '#000000', icon: 'M0 0h24v24H0z' })),
		places: [...facilities].map(([id, f]) => [id, f.name, categoryIds.indexOf(f.category), ...encodePosition(origin, f.coordinates.lat, f.coordinates.lng)]),
		projects: rows('projekte', 'projekte'),
		events: rows('termine', 'termine'),
	};
	return { places: decodePlaces(data), projects: data.projects, events: data.events };
}

/** A district of `count` places spread over the frame, deterministic (as scripts/synthetic-facilities.mjs). */
function generated(count: number): MapPlace[] {
	let seed = count;
	const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
	return Array.from({ length: count }, (_, i) => ({
		id: `ort-${i}`,
		name: `Einrichtung ${i}`,
		category: { id: categoryIds[i % categoryIds.length] ?? '', label: '', plural: '', color: '#000000', icon: '' },
		lat: south + random() * (north - south),
		lng: west + random() * (east - west),
	}));
}

const sample = sampleData();
const newIndex = (places: MapPlace[], layers: { p?: LayerRow[]; e?: LayerRow[] } = {}) => new MapIndex(places, { p: layers.p ?? [], e: layers.e ?? [] }, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });

/** What the map shows of everything at a zoom. */
function showAll(index: MapIndex, zoom: number): Shown[] {
	index.look(WORLD, zoom);
	return index.shown(WORLD);
}
/** How many things the map shows: the numbers of its groups and its single markers. */
const total = (shown: Shown[]) => shown.reduce((sum, s) => sum + (s.kind === 'group' ? s.count : 1), 0);
const rowsWhere = (places: MapPlace[], test: (place: MapPlace) => boolean) => Uint32Array.from(places.flatMap((place, i) => (test(place) ? [i] : [])));

/** Web Mercator at 256 px tiles, as Leaflet projects: the box REACH pixels around a point. */
function around(lat: number, lng: number, zoom: number): Box {
	const size = 256 * 2 ** zoom;
	const x = ((lng + 180) / 360) * size;
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size;
	const lngOf = (px: number) => (px / size) * 360 - 180;
	const latOf = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / size))) * 180) / Math.PI;
	return [lngOf(x - REACH), latOf(y + REACH), lngOf(x + REACH), latOf(y - REACH)];
}

describe('the sample district', () => {
	test('the data is the sample’s: every facility, and projects and events with a place', () => {
		expect(sample.places.length).toBe(facilityFiles.length);
		expect(sample.projects.length).toBeGreaterThan(0);
		expect(sample.events.length).toBeGreaterThan(0);
	});

	test('at every zoom the groups and markers hold every facility once; fully zoomed in, each stands alone', () => {
		const index = newIndex(sample.places);
		index.build([]);
		for (let zoom = MIN_ZOOM; zoom <= MAX_ZOOM; zoom++) {
			const shown = showAll(index, zoom);
			expect(total(shown), `zoom ${zoom}`).toBe(sample.places.length);
			for (const s of shown) if (s.kind === 'group') expect(s.tally).toEqual({ f: s.count, p: 0, e: 0 });
		}
		expect(showAll(index, MIN_ZOOM).some((s) => s.kind === 'group')).toBe(true);
		const apart = showAll(index, MAX_ZOOM);
		expect(apart.every((s) => s.kind === 'item')).toBe(true);
		expect(new Set(apart.map((s) => (s.kind === 'item' ? s.item.g : -1))).size).toBe(sample.places.length);
	});

	test('a category filter: the map shows exactly the places that pass, and a group with one passing member shows that member', () => {
		const index = newIndex(sample.places);
		index.build([]);
		for (const category of categoryIds) {
			const rows = rowsWhere(sample.places, (p) => p.category.id === category);
			expect(index.choose(rows)).toBe(true);
			for (let zoom = MIN_ZOOM; zoom <= MAX_ZOOM; zoom++) {
				const shown = showAll(index, zoom);
				expect(total(shown), `${category} at ${zoom}`).toBe(rows.length);
				for (const s of shown) {
					if (s.kind === 'item') expect(sample.places[s.item.i]?.category.id).toBe(category);
					else expect(s.count).toBeGreaterThan(1);
				}
			}
		}
	});

	test('a filtered group stands at the centre of its passing members', () => {
		const index = newIndex(sample.places);
		index.build([]);
		const rows = rowsWhere(sample.places, (p) => p.category.id === 'kita');
		index.choose(rows);
		index.look(WORLD, MIN_ZOOM);
		const groups = index.shown(WORLD).filter((s) => s.kind === 'group');
		// At the lowest zoom all Kitas of the district lie in few groups; together their centres weigh as the Kitas do.
		const weighted = groups.reduce((sum, g) => sum + g.lat * g.count, 0);
		const single = index.shown(WORLD).reduce((sum, s) => sum + (s.kind === 'item' ? s.lat : 0), 0);
		const kitas = [...rows].reduce((sum, row) => sum + (sample.places[row]?.lat ?? 0), 0);
		expect(weighted + single).toBeCloseTo(kitas, 6);
	});

	test('choosing: the same rows again change nothing; all rows or none given mean no filter', () => {
		const index = newIndex(sample.places);
		index.build([]);
		expect(index.choose(undefined)).toBe(false);
		const rows = rowsWhere(sample.places, (p) => p.category.id === 'kita');
		expect(index.choose(rows)).toBe(true);
		expect(index.choose(Uint32Array.from(rows))).toBe(false);
		expect(index.shows(index.item(rows[0] as number))).toBe(true);
		const other = sample.places.findIndex((p) => p.category.id !== 'kita');
		expect(index.shows(index.item(other))).toBe(false);
		// Every row passes: no filter, which is a change from the Kitas.
		expect(index.choose(Uint32Array.from(sample.places.keys()))).toBe(true);
		expect(index.shows(index.item(other))).toBe(true);
		expect(total(showAll(index, MIN_ZOOM))).toBe(sample.places.length);
		// Nothing passes: the map is empty.
		expect(index.choose(new Uint32Array(0))).toBe(true);
		expect(showAll(index, MIN_ZOOM)).toEqual([]);
	});

	test('only what stands in the given area is shown', () => {
		const index = newIndex(sample.places);
		index.build([]);
		const [lat, lng] = [(south + north) / 2, (west + east) / 2];
		const quarter: Box = [west, lat, lng, north];
		index.look(WORLD, MAX_ZOOM);
		const shown = index.shown(quarter);
		expect(shown.length).toBe(sample.places.filter((p) => p.lat >= lat && p.lng <= lng).length);
		expect(shown.length).toBeLessThan(sample.places.length);
		for (const s of shown) expect(s.lat >= lat && s.lng <= lng).toBe(true);
	});
});

describe('projects and events as layers', () => {
	const layers = { p: sample.projects, e: sample.events };

	test('switched on, they join the groups, say so in the tally, and pass every filter', () => {
		const index = newIndex(sample.places, layers);
		expect(index.layerSize('p')).toBe(sample.projects.length);
		expect(index.layerSize('e')).toBe(sample.events.length);
		index.build(['p', 'e']);
		const all = sample.places.length + sample.projects.length + sample.events.length;
		const shown = showAll(index, MIN_ZOOM);
		expect(total(shown)).toBe(all);
		const tally = shown.reduce((sum, s) => (s.kind === 'group' ? { p: sum.p + s.tally.p, e: sum.e + s.tally.e } : { p: sum.p + (s.item.k === 'p' ? 1 : 0), e: sum.e + (s.item.k === 'e' ? 1 : 0) }), { p: 0, e: 0 });
		expect(tally).toEqual({ p: sample.projects.length, e: sample.events.length });

		// A filter that lets no facility through leaves the projects and events.
		index.choose(new Uint32Array(0));
		for (let zoom = MIN_ZOOM; zoom <= MAX_ZOOM; zoom++) expect(total(showAll(index, zoom))).toBe(sample.projects.length + sample.events.length);
		for (const s of showAll(index, MAX_ZOOM)) expect(s.kind === 'item' && s.item.k !== 'f').toBe(true);

		// Switched off again, they are gone.
		index.build(['e']);
		index.choose(undefined);
		expect(total(showAll(index, MIN_ZOOM))).toBe(sample.places.length + sample.events.length);
	});

	test('things at one spot stand in a circle of those shown: a facility and its event side by side, the event alone once the facility is filtered out', () => {
		const index = newIndex(sample.places, layers);
		index.build(['e']);
		// The first event held at a facility: it shares the facility's spot.
		const e = sample.events.findIndex(([, , lat, lng]) => sample.places.some((p) => p.lat === lat && p.lng === lng));
		expect(e).toBeGreaterThanOrEqual(0);
		const [, , lat, lng] = sample.events[e] as LayerRow;
		const row = sample.places.findIndex((p) => p.lat === lat && p.lng === lng);
		const event = index.item(sample.places.length + e);
		expect(event).toEqual({ k: 'e', i: e, g: sample.places.length + e });
		const together = sample.places.filter((p) => p.lat === lat && p.lng === lng).length + sample.events.filter((r) => r[2] === lat && r[3] === lng).length;
		const facility = index.item(row);
		expect(index.spotOf(facility)[1]).toBe(together);
		expect(index.spotOf(event)[1]).toBe(together);
		expect(index.spotOf(facility)[0]).not.toBe(index.spotOf(event)[0]);
		// Filtered out, the facility leaves its place in the circle to the others.
		index.choose(new Uint32Array(0));
		expect(index.spotOf(event)[1]).toBe(together - sample.places.filter((p) => p.lat === lat && p.lng === lng).length);
	});

	test('a thing alone at its spot stands on it', () => {
		const index = newIndex(sample.places);
		index.build([]);
		const lonely = sample.places.findIndex((p, i) => sample.places.every((q, j) => j === i || q.lat !== p.lat || q.lng !== p.lng));
		expect(index.spotOf(index.item(lonely))).toEqual([0, 1]);
	});
});

describe('revealing a place', () => {
	test('a facility stands alone exactly from the zoom the map reveals it at, and a group comes apart above its zoom', () => {
		const index = newIndex(sample.places);
		index.build([]);
		for (const [row, place] of sample.places.entries()) {
			let zoom = MIN_ZOOM;
			while (zoom < MAX_ZOOM && !index.alone(row, zoom, around(place.lat, place.lng, zoom))) zoom++;
			// At that zoom the map shows the place as its own marker (below it, inside a group).
			const shown = showAll(index, zoom);
			expect(shown.some((s) => s.kind === 'item' && s.item.g === row), place.id).toBe(true);
			if (zoom > MIN_ZOOM) {
				const before = showAll(index, zoom - 1);
				expect(before.some((s) => s.kind === 'item' && s.item.g === row), place.id).toBe(false);
			}
		}
		for (const s of showAll(index, MIN_ZOOM)) if (s.kind === 'group') expect(index.expansionZoom(s.id)).toBeGreaterThan(MIN_ZOOM);
	});

	test('under a filter a place stands alone once it is the only one of its group that passes', () => {
		const index = newIndex(sample.places);
		index.build([]);
		const row = sample.places.findIndex((p) => p.id === 'kita-sonnenblume');
		const place = sample.places[row] as MapPlace;
		expect(index.alone(row, MIN_ZOOM, around(place.lat, place.lng, MIN_ZOOM))).toBe(false);
		index.choose(Uint32Array.of(row));
		expect(index.alone(row, MIN_ZOOM, around(place.lat, place.lng, MIN_ZOOM))).toBe(true);
		expect(showAll(index, MIN_ZOOM)).toEqual([{ kind: 'item', item: { k: 'f', i: row, g: row }, lat: place.lat, lng: place.lng }]);
	});
});

describe('thousands of places', () => {
	const places = generated(5000);

	test('groups and markers add up to the places that pass, before and after the idle work, at every zoom', () => {
		const index = newIndex(places);
		index.build([]);
		const odd = Uint32Array.from(places.keys()).filter((row) => row % 3 === 1);
		for (let zoom = MIN_ZOOM; zoom <= MAX_ZOOM; zoom++) {
			index.choose(undefined);
			expect(total(showAll(index, zoom)), `all at ${zoom}`).toBe(places.length);
			index.choose(odd);
			// The filter changes between looks, with the slots worked out in idle time or not.
			index.look(WORLD, zoom);
			if (zoom % 2) index.knowSlots();
			const shown = index.shown(WORLD);
			expect(total(shown), `filtered at ${zoom}`).toBe(odd.length);
			for (const s of shown) if (s.kind === 'item') expect(s.item.i % 3).toBe(1);
		}
	});

	test('after one look, each category’s filter is counted from the same groups', () => {
		const index = newIndex(places);
		index.build([]);
		index.look(WORLD, 14);
		index.knowSlots();
		for (const category of categoryIds) {
			const rows = rowsWhere(places, (p) => p.category.id === category);
			index.choose(rows);
			expect(total(index.shown(WORLD)), category).toBe(rows.length);
		}
	});
});

describe('group names and circles', () => {
	const words: Words = {
		group: de['map.group'],
		groupMixed: de['map.groupMixed'],
		f: [de['map.facility'], de['map.facilityCount']],
		p: [de['map.project'], de['map.projectCount']],
		e: [de['map.event'], de['map.eventCount']],
	};

	test('a group names its number first, then what it holds', () => {
		expect(groupName(words, { f: 12, p: 0, e: 0 }, 12)).toBe('12 Einrichtungen – Gruppe vergrößern');
		expect(groupName(words, { f: 0, p: 1, e: 1 }, 2)).toBe('2 Einträge: 1 Projekt, 1 Termin – Gruppe vergrößern');
		expect(groupName(words, { f: 1, p: 0, e: 1 }, 2)).toBe('2 Einträge: 1 Einrichtung, 1 Termin – Gruppe vergrößern');
	});

	test('things at one spot stand on a circle far enough apart for 30 px markers', () => {
		expect(offset(0, 1)).toEqual([0, 0]);
		for (const n of [2, 3, 5, 12]) {
			const points = Array.from({ length: n }, (_, o) => offset(o, n));
			// The first stands above the spot.
			expect(points[0]?.[0]).toBe(0);
			expect(points[0]?.[1]).toBeLessThan(0);
			for (const [a, p] of points.entries()) for (const q of points.slice(a + 1)) expect(Math.hypot(p[0] - q[0], p[1] - q[1]), `${n}`).toBeGreaterThanOrEqual(30);
		}
	});
});
