/**
 * axe-core for checking many pages in one context. @axe-core/playwright's AxeBuilder evaluates the whole axe-core
 * source (over half a megabyte) in the page for every analysis, then opens a blank page, evaluates the source there
 * once more to put the result together and sends every result across, the passing elements too: for the sweep of
 * every page that was two thirds of its time. Here axe-core is loaded by the context into every document
 * as it starts, and one call in the page runs the same rules and sends back only what the tests read.
 */
import { createRequire } from 'node:module';
import type { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

// axe-core's own types, as AxeBuilder declares them (axe-core comes with @axe-core/playwright, not on its own).
type RunOptions = NonNullable<Parameters<AxeBuilder['options']>[0]>;
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** The rules the browser tests check: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The axe-core script that @axe-core/playwright uses, so both ways of checking run the same version. */
const AXE_SCRIPT = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js');

/**
 * Loads axe-core into every document of the context (frames too, so axe can check their content as AxeBuilder
 * does). Chromium runs init scripts before the page's own scripts and outside its Content-Security-Policy, so the
 * policy neither blocks it nor reports it.
 */
export async function loadAxe(context: BrowserContext): Promise<void> {
	await context.addInitScript({ path: AXE_SCRIPT });
}

export interface AxeSummary {
	/** Rules that passed. */
	passes: number;
	/** One line per violated rule: its id, what it asks for, and the elements that fail it. */
	violations: string[];
}

/** Runs axe-core (loaded by loadAxe) in the page with the WCAG rules, as `new AxeBuilder({ page }).withTags(WCAG_TAGS)` would. */
export function checkAxe(page: Page): Promise<AxeSummary> {
	return page.evaluate(async (tags) => {
		const { axe } = window as unknown as { axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
		if (!axe) throw new Error(`axe-core is not loaded in ${location.href} (see loadAxe)`);
		// Only violations carry all their elements; the other result types still list every rule (one element each).
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return {
			passes: result.passes.length,
			violations: result.violations.map((v) => `${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
		};
	}, WCAG_TAGS);
}
