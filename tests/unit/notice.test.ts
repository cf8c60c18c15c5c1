/** The pure parts of the printable notice: the short address, shortened summaries, the second language, the QR code. */
import { describe, expect, test } from 'vitest';
import { noticeSecondLanguage, qrSvg, shortSummary, shortUrl } from '../../src/lib/notice';
import { settingsSchema } from '../../src/schemas/settings';
import { plainContext } from '../../src/schemas/context';
import { readSettings } from '../../src/schemas';

describe('printable notices', () => {
	test('the printed address has no scheme and no „www."', () => {
		expect(shortUrl('https://www.example.org/termine/fest/')).toBe('example.org/termine/fest/');
		expect(shortUrl('https://muehlenviertel.example.org/ar/aktuelles/x/')).toBe('muehlenviertel.example.org/ar/aktuelles/x/');
	});

	test('a summary that fits stays whole; a longer one keeps whole sentences, or whole words with „…"', () => {
		expect(shortSummary('Kurz und gut.', 40)).toBe('Kurz und gut.');
		const two = 'Wo brauchen Sie Hilfe mit Handy oder Computer? Wir stellen die Idee für einen eigenen Raum vor und legen Schwerpunkte fest.';
		expect(shortSummary(two, 80)).toBe('Wo brauchen Sie Hilfe mit Handy oder Computer?');
		const one = 'Bühne, Essen aus vielen Küchen, Flohmarkt und Spielstraße – das Mühlenviertel feiert gemeinsam mit allen Nachbarn';
		const cut = shortSummary(one, 60);
		expect(cut.length).toBeLessThanOrEqual(62);
		expect(cut).toMatch(/^Bühne, Essen aus vielen Küchen, Flohmarkt und Spielstraße …$/);
		// The full stop of a date or an abbreviation ends no sentence.
		const dated = 'Sie haben eine Idee für die Nachbarschaft? Aus dem Aktionsfonds gibt es bis zu 1.500 Euro pro Projekt. Anträge können bis zum 31. Januar 2027 gestellt werden.';
		expect(shortSummary(dated, 130)).toBe('Sie haben eine Idee für die Nachbarschaft? Aus dem Aktionsfonds gibt es bis zu 1.500 Euro pro Projekt.');
		expect(shortSummary('Treffpunkt ist z. B. der Hof. Dort gibt es Kaffee, Kuchen und Musik für alle Nachbarn.', 40)).toBe('Treffpunkt ist z. B. der Hof.');
		// A short last word, an exclamation, a year: each ends a sentence.
		expect(shortSummary('Der Spielplatz ist neu. Kommen Sie am Samstag zur Eröffnung mit Musik und Kuchen.', 40)).toBe('Der Spielplatz ist neu.');
		expect(shortSummary('Machen Sie mit! Wir suchen Menschen, die beim Fest helfen und Kuchen backen.', 40)).toBe('Machen Sie mit!');
		expect(shortSummary('Die Bauarbeiten dauern bis 2027. Danach ist der Platz wieder frei für alle.', 50)).toBe('Die Bauarbeiten dauern bis 2027.');
		// Arabic question marks end a sentence too.
		expect(shortSummary('في أي أمور تحتاجون إلى مساعدة؟ نعرض فكرة غرفة خاصة لورشة التعلّم ونحدد الأولويات معًا.', 50)).toBe('في أي أمور تحتاجون إلى مساعدة؟');
	});

	test('the second language is optional, one of en/tr/ar, and counts only as a language of the site', () => {
		const sample = readSettings();
		expect(sample.notices?.secondLanguage).toBe('ar');
		const { notices: _, ...without } = sample;
		expect(settingsSchema(plainContext()).safeParse(without).success).toBe(true);
		expect(noticeSecondLanguage(without)).toBeUndefined();
		const wrong = settingsSchema(plainContext()).safeParse({ ...sample, notices: { secondLanguage: 'fr' } });
		expect(wrong.success).toBe(false);
		// A language the site does not offer (any more) is not printed: German only.
		expect(noticeSecondLanguage({ languages: ['de', 'en'], notices: { secondLanguage: 'ar' } })).toBeUndefined();
		expect(noticeSecondLanguage({ languages: ['de'], notices: { secondLanguage: 'ar' } })).toBeUndefined();
		expect(noticeSecondLanguage({ languages: ['de', 'tr'], notices: { secondLanguage: 'tr' } })).toBe('tr');
	});

	test('the QR code is an SVG hidden from screen readers (its address stands in text beside it)', async () => {
		const svg = await qrSvg('https://muehlenviertel.example.org/termine/fest/');
		expect(svg).toMatch(/^<svg class="aushang-qr" aria-hidden="true" focusable="false" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
	});
});
