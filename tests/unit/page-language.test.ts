/**
 * A page is in one language throughout: every component takes it from the page's address (`Astro.currentLocale`,
 * set by Astro's i18n routing) and none decides it for itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const astroFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? astroFiles(full) : entry.name.endsWith('.astro') ? [full] : [];
	});

test('every .astro file that translates asks for the page’s own language', () => {
	const files = astroFiles('src');
	const translating = files.filter((file) => readFileSync(file, 'utf8').includes('useTranslations('));
	expect(translating.length).toBeGreaterThan(40);
	// Deliberate exceptions, each for text in another language than the page's on purpose: the embed code generator on
	// /daten/ writes the frame's title in whichever language the visitor picks for the map; a two-language notice
	// („Aushang") sets one column and each label's second half in the settings' second language.
	const choosesLanguage = new Set(['src/components/EmbedCode.astro', 'src/components/NoticeColumn.astro', 'src/components/NoticeLabel.astro']);
	const other = translating.filter((file) => !choosesLanguage.has(file)).filter((file) => [...readFileSync(file, 'utf8').matchAll(/useTranslations\(([^)]*)\)/g)].some((m) => m[1] !== 'Astro.currentLocale' && m[1] !== 'lang'));
	expect(other).toEqual([]);
	expect(readFileSync('src/components/EmbedCode.astro', 'utf8')).toMatch(/const t = useTranslations\(lang\);/);
	// The layout sets <html lang dir> from the same source.
	expect(readFileSync('src/layouts/Base.astro', 'utf8')).toMatch(/const lang = Astro\.currentLocale \?\? defaultLocale;/);
});
