/**
 * Fills the {placeholders} of a dictionary text, e.g. fill('{count} Treffer', { count: 3 }). It imports no
 * dictionary, so browser scripts use it on texts the page hands them in data attributes.
 * A placeholder without a value is left as it is (so a missing value shows) unless `dropMissing` is set.
 */
export function fill(text: string, params: Record<string, string | number>, dropMissing = false): string {
	return text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] !== undefined ? String(params[name]) : dropMissing ? '' : `{${name}}`));
}
