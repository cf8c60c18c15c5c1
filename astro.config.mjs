// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import { readSettings } from './src/schemas/index.ts';
import { remarkMdxGuard, sanitizeMarkdown } from './src/lib/content-safety.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { languageCopies } from './src/integrations/language-copies.ts';
import { frameHeaders } from './src/integrations/frame-headers.ts';
import { search } from './src/integrations/search.ts';
import { adminDev } from './src/integrations/admin-dev.ts';
import { searchDev } from './src/integrations/search-dev.ts';
import { contentStore } from './src/integrations/content-store.ts';
import { LEAFLET_ALIAS } from './src/integrations/leaflet-alias.ts';
import { fileSafety } from './src/integrations/file-safety.ts';

const settings = readSettings();

export default defineConfig({
	site: settings.siteUrl,
	output: 'static',
	// Another content folder (tests, handbook screenshots) gets its own cache beside it. Because the cache path is
	// part of the config, Astro also drops its dev content store when the folder changes instead of reusing
	// entries (and image paths) from the other folder.
	// The search index under `npm start` is built beside the dev server with a cache of its own (QUARTIER_CACHE_DIR).
	cacheDir: process.env.QUARTIER_CACHE_DIR ?? (process.env.QUARTIER_CONTENT_DIR ? path.join(path.dirname(path.resolve(process.env.QUARTIER_CONTENT_DIR)), '.astro-cache') : './node_modules/.astro'),
	// Tests may serve static files from another folder (see src/lib/paths.ts).
	publicDir: process.env.QUARTIER_PUBLIC_DIR ?? './public',
	trailingSlash: 'always',
	// The site's stylesheet travels inside each page (a few KB compressed, within the 14 KB of a text page): a phone
	// paints the text after one round trip instead of waiting for a second request (scripts/lib/lcp.mjs measures it).
	// Four pages render at once: while one page's file is written, another renders (1,000 news items: the page phase
	// 28 s with one at a time, 23 s with four, 22 s with sixteen – npm run bench:scale).
	build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
	markdown: {
		syntaxHighlight: false,
		// Astro's default Markdown processor (Sätteri, in Rust: several times faster than the JavaScript pipeline), with a
		// cleaning step: raw HTML in Markdown is dropped (its text stays) and unsafe links lose their href – content
		// cannot run script (src/lib/content-safety.ts).
		processor: satteri({ hastPlugins: [sanitizeMarkdown] }),
	},
	integrations: [
		// SVG and HTML files in public/ and content/ cannot run script: the build refuses them (see the file).
		fileSafety(),
		// `.astro/` holds the content store of one content folder at a time (see the file).
		contentStore(),
		// Static pages may use MDX, but nothing in them may run code (see src/lib/content-safety.ts).
		mdx({ extendMarkdownConfig: false, syntaxHighlight: false, processor: unified({ remarkPlugins: [remarkMdxGuard] }) }),
		// Each language's copy of the site without the CMS, with its own 404 page.
		languageCopies(settings.languages),
		sitemap(settings.languages),
		// The search index (Pagefind) over the built pages, with German compound parts and synonyms.
		search(),
		// dist/_headers: only the embeddable pages (/einbetten/…) may be shown in other sites' frames, the
		// Content-Security-Policy of every page and the sandbox for uploaded files (see the file). After the sitemap and
		// the search index, so the files they write are covered too.
		frameHeaders(settings),
		// Under `astro dev` (npm start, the editor tests): /admin/ as a finished bundle that never reloads itself (see the file).
		adminDev(),
		// Under `npm start`: the search index, built in the background and kept fresh (see the file).
		searchDev(),
	],
	// German at the root, every other language of the settings under its prefix (/en/, /tr/, /ar/). Each page exists
	// in every language: pages are written once and rendered per language (the fallback „rewrite"), the frame in the
	// reader's language; content that is not translated yet shows in German with a notice (see Base.astro). Untranslated
	// news items are the exception: German only (src/lib/page-languages.ts).
	i18n: {
		locales: [...settings.languages],
		defaultLocale: 'de',
		fallback: Object.fromEntries(settings.languages.slice(1).map((locale) => [locale, 'de'])),
		routing: { prefixDefaultLocale: false, fallbackType: 'rewrite' },
	},
	server: { host: '127.0.0.1', port: 4321 },
	devToolbar: { enabled: false },
	// Pages whose getStaticPaths gives a key (news and their notices, src/lib/page-cache.ts) are copied from the last
	// build when neither their key nor their code changed: a rebuild after one edit renders that entry's pages only.
	// The cache lives in cacheDir (node_modules/.astro), which Netlify keeps between builds with node_modules.
	experimental: { incrementalBuild: true },
	vite: {
		// Leaflet's ES module build: no CommonJS wrapper, so the map script needs no extra runtime chunk.
		resolve: { alias: [LEAFLET_ALIAS] },
		// `npm start`: the editor's backend accepts requests only from the site's port (scripts/cms-guard.mjs), so the dev
		// server must not move to another port when its own is taken – it stops with Vite's message instead.
		server: { strictPort: true },
	},
});
