/**
 * What the facility map shows, worked out without the DOM and without Leaflet (unit-tested in Node:
 * tests/unit/map-index.test.ts). map-view.ts turns the answers into markers; facility-map.ts connects both to
 * the page.
 *
 * Facilities, projects and events share one cluster index (supercluster), so targets do not pile up: nearby ones
 * form a group that says what it holds, and things at the very same spot stand in a small circle once the map is
 * zoomed in all the way. Only what is in view is asked for, so thousands of places stay quick.
 *
 * The index holds every facility and is built once (again only when a layer is switched): a filter change only
 * counts which members of the groups in view it lets through, so the map follows the list in the same frame. A
 * group then shows the number of its members that pass, stands at their centre, and a group with one such member
 * shows that member itself.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import { fill } from '../i18n/fill';
import type { LayerRow, MapPlace } from '../lib/map-data';

/** f = facility, p = project, e = event. */
export type Kind = 'f' | 'p' | 'e';
/** The kinds the visitor switches on as layers. */
export type LayerKind = 'p' | 'e';
/** One point of the index: its kind, its row, and its number in the index (g). Facilities come first, so g = row. */
export interface Item {
	k: Kind;
	i: number;
	g: number;
}
/** What a group holds, per kind. */
export type Tally = Record<Kind, number>;
/**
 * What the index keeps of a point or group (see `map` and `reduce` below): its tally, and the tree of what it
 * holds (a point's item, a group's parts), so the members of a group are known without searching the index.
 */
interface Node extends Tally {
	item?: Item | undefined;
	parts?: Node[] | undefined;
}
/** An area of the map in degrees: [west, south, east, north], as supercluster takes it. */
export type Box = [number, number, number, number];

/** What the map shows at one position: a group (with what of it passes the filter) or one thing. */
export type Shown = { kind: 'group'; id: number; tally: Tally; count: number; lat: number; lng: number } | { kind: 'item'; item: Item; lat: number; lng: number };

/** Cluster radius in pixels (at 256 px tiles, as Leaflet's), and how far a group's members may lie from its centre. */
export const RADIUS = 60;
export const REACH = 4 * RADIUS;

/** Words from the page's dictionary (see FacilityMap.astro): group names, and each kind in singular and plural. */
export type Words = { group: string; groupMixed: string } & Record<Kind, [string, string]>;

/** A group's name: it starts with the number the group shows (WCAG 2.5.3), then says what it holds. */
export function groupName(words: Words, tally: Tally, count: number): string {
	const parts = (['f', 'p', 'e'] as const).filter((k) => tally[k] > 0).map((k) => fill(words[k][1], { count: tally[k] }));
	return fill(words.group, { what: parts.length === 1 ? (parts[0] ?? '') : fill(words.groupMixed, { count, what: parts.join(', ') }) });
}

/** Where the o-th of n things at one spot stands, in pixels from the spot (a circle wide enough for 30 px markers). */
export function offset(o: number, n: number): [number, number] {
	if (n < 2) return [0, 0];
	const radius = Math.max(24, 20 / Math.sin(Math.PI / n));
	const angle = (2 * Math.PI * o) / n - Math.PI / 2;
	return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
}

/** The numbers (g) of all things a group holds, from the tree its parts form. */
function collect(node: Node, into: number[]): number[] {
	if (node.item) into.push(node.item.g);
	if (node.parts) for (const part of node.parts) collect(part, into);
	return into;
}

const inside = ([west, south, east, north]: Box, lat: number, lng: number) => lat >= south && lat <= north && lng >= west && lng <= east;

/**
 * The index of the map's places: every facility, and the projects and events of the layers switched on. The
 * zooms are the map's: groups form from `minZoom` up to one below `maxZoom` (where everything stands alone).
 */
export class MapIndex {
	readonly places: readonly MapPlace[];
	readonly layerRows: Readonly<Record<LayerKind, readonly LayerRow[]>>;
	private readonly minZoom: number;
	private readonly maxZoom: number;
	private readonly byId: Map<string, number>;

	private index: Supercluster<Item, Node>;
	/** Everything in the index, by number (g): the item and its place. */
	private items: Item[] = [];
	private lats = new Float64Array(0);
	private lngs = new Float64Array(0);
	/** The things at each thing's very spot (an event at a facility), by number (g). */
	private atSpot: Item[][] = [];
	/** The members (g) of each group, collected once per group (in idle time or when a filter first needs them). */
	private members = new Map<number, number[]>();

	/** Facilities the finder's filter lets through (their rows, and 1 or 0 by row); all pass while `filtering` is false. */
	private passing: Uint32Array = new Uint32Array(0);
	private readonly passes: Uint8Array;
	private filtering = false;

	/**
	 * The groups and single things of the last look (`look`). Each group is a slot; `slotOf` tells for every thing
	 * in the index which slot holds it (-1: none in view), worked out by `knowSlots`, so a filter change only walks
	 * the facilities that pass.
	 */
	private slots: { id: number; node: Node; lat: number; lng: number }[] = [];
	private singles: Item[] = [];
	private slotOf = new Int32Array(0);
	private slotsKnown = false;
	/** What the switched-on layers put into each slot: they pass every filter, so this is counted once per look. */
	private layerCount = { p: new Uint32Array(0), e: new Uint32Array(0), lat: new Float64Array(0), lng: new Float64Array(0), one: new Int32Array(0) };

	constructor(places: readonly MapPlace[], layerRows: Record<LayerKind, readonly LayerRow[]>, zooms: { minZoom: number; maxZoom: number }) {
		this.places = places;
		this.layerRows = layerRows;
		this.minZoom = zooms.minZoom;
		this.maxZoom = zooms.maxZoom;
		this.byId = new Map(places.map((place, i) => [place.id, i]));
		this.passes = new Uint8Array(places.length);
		this.index = this.newIndex();
	}

	/** A new supercluster for each load: it keeps every group's properties of earlier loads otherwise. */
	private newIndex() {
		// Each point keeps its tally and item (`map`), and each group its parts (`reduce`): a group's properties
		// start as a copy of the point or group it grew from, which becomes its first part.
		const grown = new WeakSet<Node>();
		return new Supercluster<Item, Node>({
			radius: RADIUS,
			extent: 256,
			minZoom: this.minZoom,
			maxZoom: this.maxZoom - 1,
			map: (item) => ({ f: item.k === 'f' ? 1 : 0, p: item.k === 'p' ? 1 : 0, e: item.k === 'e' ? 1 : 0, item }),
			reduce: (sum, part) => {
				if (!grown.has(sum)) {
					grown.add(sum);
					sum.parts = [{ f: sum.f, p: sum.p, e: sum.e, item: sum.item, parts: sum.parts }];
					sum.item = undefined;
				}
				sum.f += part.f;
				sum.p += part.p;
				sum.e += part.e;
				sum.parts?.push(part);
			},
		});
	}

	/** Indexes every facility (first, g = row) and the layers `shown`, anew. Call `look` afterwards. */
	build(shown: Iterable<LayerKind>) {
		this.items = this.places.map((_, i) => ({ k: 'f', i, g: i }));
		for (const k of shown) for (let i = 0; i < this.layerRows[k].length; i++) this.items.push({ k, i, g: this.items.length });
		const { items } = this;
		this.lats = new Float64Array(items.length);
		this.lngs = new Float64Array(items.length);
		this.slotOf = new Int32Array(items.length);
		const spots = new Map<string, Item[]>();
		this.atSpot = [];
		const points = items.map((item): PointFeature<Item> => {
			const [lat, lng] = this.placeOf(item);
			this.lats[item.g] = lat;
			this.lngs[item.g] = lng;
			const key = `${lat},${lng}`;
			const together = spots.get(key) ?? [];
			together.push(item);
			spots.set(key, together);
			this.atSpot[item.g] = together;
			return { type: 'Feature', properties: item, geometry: { type: 'Point', coordinates: [lng, lat] } };
		});
		this.index = this.newIndex().load(points);
		this.members = new Map();
		this.slots = [];
		this.singles = [];
	}

	private placeOf({ k, i }: Item): [number, number] {
		if (k === 'f') return [(this.places[i] as MapPlace).lat, (this.places[i] as MapPlace).lng];
		const row = this.layerRows[k][i] as LayerRow;
		return [row[2], row[3]];
	}

	/** How many things a layer would add. */
	layerSize(k: LayerKind): number {
		return this.layerRows[k].length;
	}

	/** The row of a facility by its id. */
	rowOf(id: string): number | undefined {
		return this.byId.get(id);
	}

	/** The thing numbered g (facilities: g = row). */
	item(g: number): Item {
		return this.items[g] as Item;
	}

	/** Where the thing numbered g stands: [lat, lng]. */
	position(g: number): [number, number] {
		return [this.lats[g] as number, this.lngs[g] as number];
	}

	/**
	 * Takes the finder's choice (the rows that pass; all when undefined or when every row passes); false when it
	 * is the one shown already.
	 */
	choose(rows: Uint32Array | undefined): boolean {
		const was = this.filtering;
		this.filtering = rows !== undefined && rows.length < this.places.length;
		if (!this.filtering || !rows) return was;
		if (was && rows.length === this.passing.length && rows.every((row) => this.passes[row] === 1)) return false;
		this.passes.fill(0);
		for (const row of rows) this.passes[row] = 1;
		this.passing = rows;
		return true;
	}

	/** Whether the filter lets a thing through (projects and events always pass). */
	shows(item: Item): boolean {
		return !this.filtering || item.k !== 'f' || this.passes[item.i] === 1;
	}

	/** Where a thing stands in the small circle of those at its spot that are shown: o-th of n. */
	spotOf(item: Item): [number, number] {
		const together = this.atSpot[item.g];
		if (!together || together.length < 2) return [0, 1];
		let o = 0;
		let n = 0;
		for (const other of together) {
			if (!this.shows(other)) continue;
			if (other === item) o = n;
			n++;
		}
		return [o, n];
	}

	/** The things a group holds (from the tree the index keeps), collected once per group. */
	private membersOf(id: number, node: Node): number[] {
		let found = this.members.get(id);
		if (!found) this.members.set(id, (found = collect(node, [])));
		return found;
	}

	/**
	 * Finds the groups and single things in `box` at `zoom` (after a move, a zoom or a new build). `box` should
	 * reach REACH pixels beyond the view: groups whose centre lies that far outside may hold things in it.
	 */
	look(box: Box, zoom: number) {
		this.slots = [];
		this.singles = [];
		for (const feature of this.index.getClusters(box, zoom)) {
			const [lng, lat] = feature.geometry.coordinates as [number, number];
			const props = feature.properties;
			if ('cluster' in props && props.cluster) this.slots.push({ id: props.cluster_id, node: props, lat, lng });
			else this.singles.push(props as Item);
		}
		this.slotsKnown = false;
	}

	/** Works out which slot holds each thing, and what the layers put into each slot (idle work after a look). */
	knowSlots() {
		if (this.slotsKnown) return;
		this.slotsKnown = true;
		const { slotOf, slots, items, lats, lngs } = this;
		slotOf.fill(-1);
		const n = slots.length;
		const layerCount = { p: new Uint32Array(n), e: new Uint32Array(n), lat: new Float64Array(n), lng: new Float64Array(n), one: new Int32Array(n) };
		for (const [s, { id, node }] of slots.entries()) {
			for (const g of this.membersOf(id, node)) {
				slotOf[g] = s;
				const { k } = items[g] as Item;
				if (k === 'f') continue;
				layerCount[k][s]! += 1;
				layerCount.lat[s]! += lats[g] as number;
				layerCount.lng[s]! += lngs[g] as number;
				layerCount.one[s] = g;
			}
		}
		this.layerCount = layerCount;
	}

	/**
	 * What the map shows of the last look under the filter, for positions inside `near`: groups first, then single
	 * things. A group shows what passes: nothing, its only member that passes, or a group of those at their centre.
	 */
	shown(near: Box): Shown[] {
		const out: Shown[] = [];
		const { slots, lats, lngs } = this;
		if (!this.filtering) {
			for (const { id, node, lat, lng } of slots) {
				if (inside(near, lat, lng)) out.push({ kind: 'group', id, tally: { f: node.f, p: node.p, e: node.e }, count: node.f + node.p + node.e, lat, lng });
			}
		} else {
			this.knowSlots();
			const { slotOf, layerCount } = this;
			const n = slots.length;
			const f = new Uint32Array(n);
			const sumLat = new Float64Array(n);
			const sumLng = new Float64Array(n);
			const one = new Int32Array(n);
			for (const row of this.passing) {
				const s = slotOf[row] as number;
				if (s < 0) continue;
				f[s]! += 1;
				sumLat[s]! += lats[row] as number;
				sumLng[s]! += lngs[row] as number;
				one[s] = row;
			}
			for (const [s, { id, node, lat, lng }] of slots.entries()) {
				const tally = { f: f[s] as number, p: layerCount.p[s] as number, e: layerCount.e[s] as number };
				const count = tally.f + tally.p + tally.e;
				if (count === 0) continue;
				if (count === 1) {
					const g = tally.f ? (one[s] as number) : (layerCount.one[s] as number);
					const [itemLat, itemLng] = this.position(g);
					if (inside(near, itemLat, itemLng)) out.push({ kind: 'item', item: this.item(g), lat: itemLat, lng: itemLng });
				} else if (count === node.f + node.p + node.e) {
					if (inside(near, lat, lng)) out.push({ kind: 'group', id, tally, count, lat, lng });
				} else {
					const [centreLat, centreLng] = [((sumLat[s] as number) + (layerCount.lat[s] as number)) / count, ((sumLng[s] as number) + (layerCount.lng[s] as number)) / count];
					if (inside(near, centreLat, centreLng)) out.push({ kind: 'group', id, tally, count, lat: centreLat, lng: centreLng });
				}
			}
		}
		for (const item of this.singles) {
			const [lat, lng] = this.position(item.g);
			if (this.shows(item) && inside(near, lat, lng)) out.push({ kind: 'item', item, lat, lng });
		}
		return out;
	}

	/**
	 * Whether facility `row` stands alone at `zoom`: not in a group, or the only member of its group that passes.
	 * `around` is the facility's surroundings, REACH pixels each way at that zoom (a group's centre lies within its
	 * reach of everything it holds).
	 */
	alone(row: number, zoom: number, around: Box): boolean {
		for (const feature of this.index.getClusters(around, zoom)) {
			const props = feature.properties;
			if (!('cluster' in props && props.cluster)) {
				if ((props as Item).k === 'f' && (props as Item).i === row) return true;
				continue;
			}
			// Facilities are numbered by row (g = row).
			const all = this.membersOf(props.cluster_id, props);
			if (!all.includes(row)) continue;
			return all.filter((g) => this.shows(this.items[g] as Item)).length === 1;
		}
		return false;
	}

	/** The zoom at which a group comes apart. */
	expansionZoom(id: number): number {
		return this.index.getClusterExpansionZoom(id);
	}
}
