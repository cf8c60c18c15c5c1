// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import rehypeSanitize from 'rehype-sanitize';
import { readSettings } from './src/schemas/index.ts';
import { remarkMdxGuard, sanitizeSchema } from './src/lib/content-safety.ts';
import { sitemap } from './src/integrations/sitemap.ts';

const settings = readSettings();

export default defineConfig({
	site: settings.siteUrl,
	output: 'static',
	trailingSlash: 'always',
	build: { format: 'directory' },
	markdown: {
		syntaxHighlight: false,
		rehypePlugins: [[rehypeSanitize, sanitizeSchema]],
	},
	integrations: [
		mdx({ extendMarkdownConfig: false, syntaxHighlight: false, remarkPlugins: [remarkMdxGuard] }),
		sitemap(),
	],
	i18n: {
		locales: ['de'],
		defaultLocale: 'de',
	},
	server: { host: '127.0.0.1', port: 4321 },
	devToolbar: { enabled: false },
});
