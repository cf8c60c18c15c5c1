/**
 * Values worked out once per build. During `astro build` the content does not change, but pages ask for the same
 * lists and indexes thousands of times (every page of /aktuelles/ reads all news): working them out each time made
 * the build grow with the square of the entries. While editing (`npm start`) nothing is kept: a saved entry or a new
 * translation shows on the next page.
 */
export function oncePerBuild<K, V>(kept: Map<K, Promise<V>>, key: K, compute: () => Promise<V>): Promise<V> {
	if (import.meta.env.DEV) return compute();
	let value = kept.get(key);
	if (!value) {
		value = compute();
		kept.set(key, value);
	}
	return value;
}
