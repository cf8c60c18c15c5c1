import type { Settings } from '../schemas/settings';

/**
 * The office's colours from the settings as CSS custom properties on `:root`, for a `<style>` element in each page's
 * head (PageHead.astro). Not a `style` attribute: the Content-Security-Policy refuses those (src/lib/csp.ts); the
 * element is allowed by its hash. Unlayered, so it wins over the defaults in the `tokens` layer.
 */
export function brandCss(colors: Settings['colors']): string {
	return `:root{--color-primary:${colors.primary};--color-accent:${colors.accent}${colors.tint ? `;--color-tint:${colors.tint}` : ''}}`;
}
