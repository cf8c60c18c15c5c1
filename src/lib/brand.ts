import type { Settings } from '../schemas/settings';

/** The office's colours from the settings as CSS custom properties, for the `style` of each page's `<html>`. */
export function brandStyle(colors: Settings['colors']): string {
	return `--color-primary:${colors.primary};--color-accent:${colors.accent}${colors.tint ? `;--color-tint:${colors.tint}` : ''}`;
}
