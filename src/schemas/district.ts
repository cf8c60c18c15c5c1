/**
 * The district frame and the check that a point lies inside it. Pure (no Node, no zod): the build's schemas
 * (fields.ts) and the CMS's map picker (cms/widgets/coordinates.ts) word it the same way.
 */

/** Rectangle in WGS 84 degrees. */
export interface Bounds {
	south: number;
	west: number;
	north: number;
	east: number;
}

/** Degrees as German staff read them, e.g. „51,3461". */
export const degrees = (value: number) => value.toLocaleString('de-DE', { maximumFractionDigits: 6 });

/** What is wrong with a point outside `bounds`, one German message per coordinate; empty when it lies inside. */
export function districtProblems(bounds: Bounds, district: string, point: { lat: number; lng: number }): { path: 'lat' | 'lng'; message: string }[] {
	const problems: { path: 'lat' | 'lng'; message: string }[] = [];
	if (point.lat < bounds.south || point.lat > bounds.north) {
		problems.push({ path: 'lat', message: `Breitengrad muss zwischen ${degrees(bounds.south)} und ${degrees(bounds.north)} liegen (Gebiet ${district}) – erhalten ${degrees(point.lat)}.` });
	}
	if (point.lng < bounds.west || point.lng > bounds.east) {
		problems.push({ path: 'lng', message: `Längengrad muss zwischen ${degrees(bounds.west)} und ${degrees(bounds.east)} liegen (Gebiet ${district}) – erhalten ${degrees(point.lng)}.` });
	}
	return problems;
}
