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
