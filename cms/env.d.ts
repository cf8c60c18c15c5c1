declare module '*.css?inline' {
	const css: string;
	export default css;
}
declare module 'decap-cms-locales' {
	export const de: Record<string, unknown>;
}
declare module 'netlify-identity-widget' {
	const identity: { init: (options?: { locale?: string }) => void };
	export default identity;
}
declare module 'diacritics' {
	/** Decap reads `remove` from this object each time it builds a file name (see cms/slug.ts). */
	const diacritics: { remove: (text: string) => string };
	export default diacritics;
}
