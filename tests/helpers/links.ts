/**
 * Broken links and fragment anchors in a folder of built pages, found by linkinator: the folder is served on
 * 127.0.0.1, every HTML page in it is a starting point, and linkinator follows the links of these pages on the
 * same server, checking that each target exists and, for `#name`, that the target page has an element with that
 * id (or a named anchor). Links to other hosts, e-mail and telephone links are not followed (no request leaves the
 * machine).
 */
import path from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { htmlPages } from '../../scripts/lib/weights.mjs';
import { serveStatic } from './servers';

export interface Broken {
	/** The link's target as a path (with its #fragment). */
	url: string;
	/** The page it was found on (path). */
	on: string;
	status: number | undefined;
}

/**
 * Every broken internal link and fragment of the HTML pages under `dir` (all of them, or those `only` keeps), and
 * the targets found working, as paths.
 */
export async function brokenLinks(dir: string, { only = (_page: string): boolean => true, concurrency = 25 } = {}): Promise<{ broken: Broken[]; ok: string[]; pages: string[] }> {
	const site = await serveStatic(path.resolve(dir));
	try {
		const pages = htmlPages(dir)
			.filter(only)
			.map((page) => `/${page.replace(/(^|\/)index\.html$/, '$1')}`);
		const result = await new LinkChecker().check({
			path: pages.map((page) => `${site.url}${page}`),
			recurse: true,
			checkFragments: true,
			concurrency,
			linksToSkip: async (link) => !link.startsWith(`${site.url}/`),
		});
		const local = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).pathname + new URL(url).hash : (url ?? ''));
		const broken = result.links.filter((link) => link.state === LinkState.BROKEN).map((link) => ({ url: local(link.url), on: local(link.parent), status: link.status }));
		return { broken, ok: result.links.filter((link) => link.state === LinkState.OK).map((link) => local(link.url)), pages };
	} finally {
		await site.close();
	}
}
