/** Types of weights.mjs (what a first visit of a built page downloads, and its budget). */
export interface Budget {
	kind: 'text' | 'mapList' | 'search';
	htmlCss: number;
	js: number;
	/** What a map loads after the page, on pages with a map. */
	map: number | undefined;
}
export interface Weights {
	page: string;
	htmlCss: number;
	/** Whether htmlCss is the quality-11 figure (else a quick upper bound of a page within budget). */
	exact: boolean;
	js: number;
	map: number;
	data: number;
	stylesheets: string[];
	modules: Set<string>;
	lazy: Set<string>;
	budget: Budget;
}
export const BUDGETS: { text: { htmlCss: number; js: number }; mapList: { htmlCss: number; js: number }; search: { htmlCss: number; js: number }; map: number };
export function brotliSize(content: string | Buffer, quality?: number): number;
export const QUICK_QUALITY: number;
export function htmlPages(dir: string): string[];
export function isAdminPage(page: string): boolean;
export function publicPages(dir: string): string[];
export function budgetOf(html: string): Budget;
export function createWeigher(dist: string): {
	weigh(page: string, options?: { quick?: boolean }): Weights;
	adminCode(): Set<string>;
	reachable(page: string): Set<string>;
	size(href: string): number;
	read(href: string): string;
};
