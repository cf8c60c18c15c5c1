/** Static pages from content/seiten/ that have a template of their own in src/pages/ (the rest use [slug].astro). */
export const OWN_TEMPLATE_PAGES = ['mitmachen', 'barrierefreiheit', 'datenschutz'] as const;
