/**
 * Test fixtures for the map: a small PMTiles v3 writer, a minimal Mapbox Vector Tile encoder
 * and a solid-colour PNG encoder. No dependencies besides node:fs, node:zlib and node:crypto.
 *
 * Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 * Reader it must satisfy: node_modules/pmtiles/src/index.ts (bytesToHeader, deserializeIndex).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { deflateSync, gzipSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// PMTiles v3

export interface PmtilesBounds {
	west: number;
	south: number;
	east: number;
	north: number;
}

export interface PmtilesOptions {
	tileType: 'mvt' | 'png';
	minZoom: number;
	maxZoom: number;
	/** Tiles are generated for every z/x/y that intersects these bounds (also written to the header). */
	bounds: PmtilesBounds;
	/** Defaults to the middle of the bounds at `minZoom`. */
	center?: { lng: number; lat: number; zoom: number };
	/** Bytes of one (uncompressed) tile, or `undefined` for "no tile here". Empty arrays are rejected. */
	tile: (z: number, x: number, y: number) => Uint8Array | undefined;
	/** Merged over the defaults (`name`, `format`, and for MVT `vector_layers` read from the tiles). */
	metadata?: object;
	/** Defaults to gzip for MVT (as real basemaps do) and none for PNG. */
	tileCompression?: 'none' | 'gzip';
}

export interface PmtilesSummary {
	/** Tiles written (sum of run lengths). */
	addressedTiles: number;
	/** Directory entries after run-length encoding. */
	tileEntries: number;
	/** Distinct tile blobs after deduplication. */
	tileContents: number;
	/** Size of the archive in bytes. */
	bytes: number;
}

const HEADER_BYTES = 127;
const ROOT_LIMIT = 16_384;
const COMPRESSION = { none: 1, gzip: 2 } as const;
const TILE_TYPE = { mvt: 1, png: 2 } as const;

interface Entry {
	tileId: number;
	offset: number;
	length: number;
	runLength: number;
}

/** Hilbert tile id, a port of `zxyToTileId` from the pmtiles package. */
export function zxyToTileId(z: number, x: number, y: number): number {
	if (z > 26) throw new Error('zoom > 26 is not supported');
	if (x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) throw new Error(`tile ${z}/${x}/${y} out of range`);
	let acc = (4 ** z - 1) / 3; // number of tiles on all lower zooms
	let tx = x;
	let ty = y;
	for (let s = 2 ** (z - 1); s >= 1; s /= 2) {
		const rx = tx & s ? 1 : 0;
		const ry = ty & s ? 1 : 0;
		acc += ((3 * rx) ^ ry) * s * s;
		if (ry === 0) {
			// rotate the quadrant
			[tx, ty] = rx === 1 ? [s - 1 - ty, s - 1 - tx] : [ty, tx];
		}
	}
	return acc;
}

/** Web Mercator tile column/row containing a point. */
function lngToX(lng: number, z: number): number {
	return clampTile(Math.floor(((lng + 180) / 360) * 2 ** z), z);
}
function latToY(lat: number, z: number): number {
	const rad = (Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180;
	const y = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
	return clampTile(Math.floor(y * 2 ** z), z);
}
function clampTile(n: number, z: number): number {
	return Math.max(0, Math.min(2 ** z - 1, n));
}

/** Unsigned LEB128 varint (safe up to 2^53). */
function pushVarint(out: number[], value: number): void {
	if (!Number.isSafeInteger(value) || value < 0) throw new Error(`bad varint ${value}`);
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

/** Directory serialisation: count, delta tile ids, run lengths, lengths, offsets (0 = contiguous, else offset+1). */
function serializeDirectory(entries: Entry[]): Uint8Array {
	const out: number[] = [];
	pushVarint(out, entries.length);
	let lastId = 0;
	for (const e of entries) {
		pushVarint(out, e.tileId - lastId);
		lastId = e.tileId;
	}
	for (const e of entries) pushVarint(out, e.runLength);
	for (const e of entries) pushVarint(out, e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		pushVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
	});
	return Uint8Array.from(out);
}

/** Writes a PMTiles v3 archive (root directory only, no leaf directories) and returns its statistics. */
export function writePmtiles(file: string, options: PmtilesOptions): PmtilesSummary {
	const { tileType, minZoom, maxZoom, bounds } = options;
	if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > 26 || minZoom > maxZoom) {
		throw new Error(`bad zoom range ${minZoom}..${maxZoom}`);
	}
	if (bounds.west > bounds.east || bounds.south > bounds.north) throw new Error('bad bounds');
	const tileCompression = options.tileCompression ?? (tileType === 'mvt' ? 'gzip' : 'none');

	// Collect the tiles, then order them by Hilbert id (the "clustered" order).
	const tiles: { id: number; z: number; data: Uint8Array }[] = [];
	for (let z = minZoom; z <= maxZoom; z++) {
		for (let x = lngToX(bounds.west, z); x <= lngToX(bounds.east, z); x++) {
			for (let y = latToY(bounds.north, z); y <= latToY(bounds.south, z); y++) {
				const data = options.tile(z, x, y);
				if (data === undefined) continue;
				if (data.length === 0) throw new Error(`tile ${z}/${x}/${y} is empty (PMTiles needs length > 0)`);
				tiles.push({ id: zxyToTileId(z, x, y), z, data });
			}
		}
	}
	if (tiles.length === 0) throw new Error('no tiles: a PMTiles directory must not be empty');
	tiles.sort((a, b) => a.id - b.id);

	// Tile data with deduplication; identical neighbours collapse into one run-length entry.
	const blobs: Uint8Array[] = [];
	const offsetsByHash = new Map<string, number>();
	const entries: Entry[] = [];
	let dataLength = 0;
	for (const tile of tiles) {
		const stored = tileCompression === 'gzip' ? gzipSync(tile.data) : tile.data;
		const hash = createHash('sha256').update(stored).digest('hex');
		let offset = offsetsByHash.get(hash);
		if (offset === undefined) {
			offset = dataLength;
			offsetsByHash.set(hash, offset);
			blobs.push(stored);
			dataLength += stored.length;
		}
		const last = entries.at(-1);
		if (last && last.offset === offset && last.tileId + last.runLength === tile.id) last.runLength++;
		else entries.push({ tileId: tile.id, offset, length: stored.length, runLength: 1 });
	}

	const rootDirectory = gzipSync(serializeDirectory(entries));
	if (HEADER_BYTES + rootDirectory.length > ROOT_LIMIT) {
		throw new Error(`root directory is ${rootDirectory.length} bytes; leaf directories are not implemented`);
	}

	const defaults: Record<string, unknown> = { name: 'test fixture', format: tileType === 'mvt' ? 'pbf' : 'png' };
	if (tileType === 'mvt') defaults.vector_layers = vectorLayers(tiles);
	const metadata = gzipSync(Buffer.from(JSON.stringify({ ...defaults, ...options.metadata }), 'utf8'));

	// Layout: header | root directory | metadata | (no leaf directories) | tile data
	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + rootDirectory.length;
	const leafOffset = metadataOffset + metadata.length;
	const dataOffset = leafOffset;

	const center = options.center ?? {
		lng: (bounds.west + bounds.east) / 2,
		lat: (bounds.south + bounds.north) / 2,
		zoom: minZoom,
	};
	const header = Buffer.alloc(HEADER_BYTES);
	header.write('PMTiles', 0, 'ascii');
	header.writeUInt8(3, 7);
	const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
	const e7 = (degrees: number, at: number) => header.writeInt32LE(Math.round(degrees * 1e7), at);
	u64(rootOffset, 8);
	u64(rootDirectory.length, 16);
	u64(metadataOffset, 24);
	u64(metadata.length, 32);
	u64(leafOffset, 40);
	u64(0, 48);
	u64(dataOffset, 56);
	u64(dataLength, 64);
	u64(tiles.length, 72); // addressed tiles
	u64(entries.length, 80); // tile entries
	u64(blobs.length, 88); // tile contents
	header.writeUInt8(1, 96); // clustered
	header.writeUInt8(COMPRESSION.gzip, 97); // internal compression
	header.writeUInt8(COMPRESSION[tileCompression], 98);
	header.writeUInt8(TILE_TYPE[tileType], 99);
	header.writeUInt8(minZoom, 100);
	header.writeUInt8(maxZoom, 101);
	e7(bounds.west, 102);
	e7(bounds.south, 106);
	e7(bounds.east, 110);
	e7(bounds.north, 114);
	header.writeUInt8(center.zoom, 118);
	e7(center.lng, 119);
	e7(center.lat, 123);

	const archive = Buffer.concat([header, rootDirectory, metadata, ...blobs]);
	writeFileSync(file, archive);
	return {
		addressedTiles: tiles.length,
		tileEntries: entries.length,
		tileContents: blobs.length,
		bytes: archive.length,
	};
}

// ---------------------------------------------------------------------------------------------
// Minimal protobuf reading, only to list MVT layers for the `vector_layers` metadata

interface Field {
	field: number;
	wire: number;
	value: number;
	bytes?: Uint8Array;
}

/** Iterates over the top-level fields of a protobuf message. */
function* protoFields(buf: Uint8Array): Generator<Field> {
	let pos = 0;
	const varint = (): number => {
		let result = 0;
		let factor = 1;
		for (;;) {
			const b = buf[pos++];
			if (b === undefined) throw new Error('truncated protobuf');
			result += (b & 0x7f) * factor;
			if (b < 0x80) return result;
			factor *= 0x80;
		}
	};
	while (pos < buf.length) {
		const key = varint();
		const field = Math.floor(key / 8);
		const wire = key & 7;
		if (wire === 0) yield { field, wire, value: varint() };
		else if (wire === 2) {
			const length = varint();
			yield { field, wire, value: length, bytes: buf.subarray(pos, pos + length) };
			pos += length;
		} else if (wire === 1) pos += 8;
		else if (wire === 5) pos += 4;
		else throw new Error(`unsupported wire type ${wire}`);
	}
}

type FieldType = 'String' | 'Number' | 'Boolean';

/** TileJSON `vector_layers` (id, fields with types, zoom range) derived from the tiles' contents. */
function vectorLayers(tiles: { z: number; data: Uint8Array }[]): object[] {
	const layers = new Map<string, { fields: Record<string, FieldType>; minzoom: number; maxzoom: number }>();
	for (const tile of tiles) {
		for (const layerField of protoFields(tile.data)) {
			if (layerField.field !== 3 || !layerField.bytes) continue;
			let name = '';
			const keys: string[] = [];
			const valueTypes: FieldType[] = [];
			const tags: number[] = [];
			for (const f of protoFields(layerField.bytes)) {
				if (f.field === 1 && f.bytes) name = new TextDecoder().decode(f.bytes);
				else if (f.field === 3 && f.bytes) keys.push(new TextDecoder().decode(f.bytes));
				else if (f.field === 4 && f.bytes) {
					const kind = [...protoFields(f.bytes)][0]?.field;
					valueTypes.push(kind === 1 ? 'String' : kind === 7 ? 'Boolean' : 'Number');
				} else if (f.field === 2 && f.bytes) {
					for (const ff of protoFields(f.bytes)) {
						if (ff.field === 2 && ff.bytes) tags.push(...readPacked(ff.bytes));
						else if (ff.field === 2) tags.push(ff.value);
					}
				}
			}
			const layer = layers.get(name) ?? { fields: {}, minzoom: tile.z, maxzoom: tile.z };
			layer.minzoom = Math.min(layer.minzoom, tile.z);
			layer.maxzoom = Math.max(layer.maxzoom, tile.z);
			for (let i = 0; i + 1 < tags.length; i += 2) {
				const key = keys[tags[i] ?? -1];
				const type = valueTypes[tags[i + 1] ?? -1];
				if (key !== undefined && type !== undefined) layer.fields[key] = type;
			}
			layers.set(name, layer);
		}
	}
	return [...layers].map(([id, layer]) => ({ id, ...layer }));
}

function readPacked(bytes: Uint8Array): number[] {
	const out: number[] = [];
	let result = 0;
	let factor = 1;
	for (const b of bytes) {
		result += (b & 0x7f) * factor;
		factor *= 0x80;
		if (b < 0x80) {
			out.push(result);
			result = 0;
			factor = 1;
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Mapbox Vector Tile encoder (spec 2.1)

export interface MvtFeature {
	/** `Polygon`: one ring (closed or not); `LineString`: the vertices; `Point`: one or more points. */
	type: 'Polygon' | 'LineString' | 'Point';
	/** [x, y] pairs in tile pixel space, 0..extent, y pointing down. */
	coordinates: number[][];
	properties?: Record<string, string | number>;
}

export interface MvtLayer {
	/** Source layer, e.g. protomaps' `earth`, `water`, `landuse`, `roads`, `buildings`. */
	name: string;
	features: MvtFeature[];
}

/** Minimal protobuf writer. */
class ProtoWriter {
	readonly bytes: number[] = [];
	varint(value: number): this {
		pushVarint(this.bytes, value);
		return this;
	}
	key(field: number, wire: number): this {
		return this.varint(field * 8 + wire);
	}
	uint(field: number, value: number): this {
		return this.key(field, 0).varint(value);
	}
	message(field: number, content: Uint8Array | number[]): this {
		this.key(field, 2).varint(content.length);
		for (const b of content) this.bytes.push(b);
		return this;
	}
	string(field: number, value: string): this {
		return this.message(field, new TextEncoder().encode(value));
	}
	packed(field: number, values: number[]): this {
		const inner = new ProtoWriter();
		for (const v of values) inner.varint(v);
		return this.message(field, inner.bytes);
	}
	double(field: number, value: number): this {
		const b = Buffer.alloc(8);
		b.writeDoubleLE(value);
		this.key(field, 1);
		for (const byte of b) this.bytes.push(byte);
		return this;
	}
}

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const command = (id: number, count: number): number => (id & 7) | (count << 3);
const MOVE_TO = 1;
const LINE_TO = 2;
const CLOSE_PATH = 7;
const GEOM_TYPE = { Point: 1, LineString: 2, Polygon: 3 } as const;

/** Geometry command stream for one feature; the cursor starts at 0,0. */
function encodeGeometry(feature: MvtFeature): number[] {
	let points = feature.coordinates.map((c): [number, number] => {
		const [x, y] = c;
		if (x === undefined || y === undefined) throw new Error('coordinate needs [x, y]');
		return [Math.round(x), Math.round(y)];
	});
	if (feature.type === 'Polygon') {
		const first = points[0];
		const last = points.at(-1);
		if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points = points.slice(0, -1);
		if (points.length < 3) throw new Error('a polygon ring needs 3 distinct points');
		// Exterior rings must have a positive shoelace area in tile space (clockwise on screen).
		let area = 0;
		points.forEach(([x1, y1], i) => {
			const [x2, y2] = points[(i + 1) % points.length] ?? [x1, y1];
			area += x1 * y2 - x2 * y1;
		});
		if (area < 0) points.reverse();
	} else if (feature.type === 'LineString' && points.length < 2) {
		throw new Error('a line needs 2 points');
	} else if (points.length === 0) {
		throw new Error('a point feature needs coordinates');
	}

	const out: number[] = [];
	let cx = 0;
	let cy = 0;
	const moveCursor = ([x, y]: [number, number]) => {
		out.push(zigzag(x - cx), zigzag(y - cy));
		cx = x;
		cy = y;
	};
	if (feature.type === 'Point') {
		out.push(command(MOVE_TO, points.length));
		points.forEach(moveCursor);
		return out;
	}
	const [start, ...rest] = points as [[number, number], ...[number, number][]];
	out.push(command(MOVE_TO, 1));
	moveCursor(start);
	out.push(command(LINE_TO, rest.length));
	rest.forEach(moveCursor);
	if (feature.type === 'Polygon') out.push(command(CLOSE_PATH, 1));
	return out;
}

/** Encodes a vector tile; geometry is in tile pixel space 0..`extent`. */
export function mvtTile(layers: MvtLayer[], extent = 4096): Uint8Array {
	const tile = new ProtoWriter();
	for (const layer of layers) {
		const keys: string[] = [];
		const values: (string | number)[] = [];
		const index = <T>(list: T[], item: T): number => {
			const i = list.indexOf(item);
			return i >= 0 ? i : list.push(item) - 1;
		};
		const out = new ProtoWriter();
		out.uint(15, 2); // version
		out.string(1, layer.name);
		layer.features.forEach((feature, i) => {
			const tags: number[] = [];
			for (const [key, value] of Object.entries(feature.properties ?? {})) {
				tags.push(index(keys, key), index(values, value));
			}
			const f = new ProtoWriter().uint(1, i + 1); // id
			if (tags.length > 0) f.packed(2, tags);
			f.uint(3, GEOM_TYPE[feature.type]).packed(4, encodeGeometry(feature));
			out.message(2, f.bytes);
		});
		for (const key of keys) out.string(3, key);
		for (const value of values) {
			const v = new ProtoWriter();
			if (typeof value === 'string') v.string(1, value);
			else if (Number.isSafeInteger(value) && value >= 0) v.uint(5, value); // uint_value
			else if (Number.isSafeInteger(value)) v.uint(6, zigzag(value)); // sint_value
			else v.double(3, value); // double_value
			out.message(4, v.bytes);
		}
		out.uint(5, extent);
		tile.message(3, out.bytes);
	}
	return Uint8Array.from(tile.bytes);
}

// ---------------------------------------------------------------------------------------------
// PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/** A solid-colour 256×256 RGB PNG. */
export function pngTile(rgb: [number, number, number], size = 256): Uint8Array {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr.writeUInt8(8, 8); // bit depth
	ihdr.writeUInt8(2, 9); // colour type: truecolour RGB
	// compression, filter and interlace methods stay 0
	const row = Buffer.alloc(1 + size * 3); // filter byte 0 (None), then the pixels
	for (let x = 0; x < size; x++) row.set(rgb, 1 + x * 3);
	const raw = Buffer.concat(Array.from({ length: size }, () => row));
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			pngChunk('IHDR', ihdr),
			pngChunk('IDAT', deflateSync(raw)),
			pngChunk('IEND', new Uint8Array(0)),
		]),
	);
}
