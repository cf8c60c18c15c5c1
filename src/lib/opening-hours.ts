/** Parsing OSM opening_hours the same way everywhere (build, pages, CMS): Saxony's holidays, German messages. */
import OpeningHours from 'opening_hours';
import { DAY_CODES, MONTH_CODES } from './opening-hours-form';

/** Location data for the opening_hours library (public holidays of Saxony). */
export const OPENING_HOURS_REGION = { lat: 51.34, lon: 12.4, address: { country_code: 'de', state: 'Sachsen' } };

/** One thing the library objects to: the text it had read up to that point (if it tells), and its German words. */
interface LibraryProblem {
	before?: string;
	text: string;
}

/** Parsed values by their text: many places share the same hours, and „jetzt geöffnet" asks for each of them. */
const parsedValues = new Map<string, OpeningHours | Error>();

/** The library reports „<text read so far> <--- (<what is wrong>)"; thrown errors come as such strings. */
function splitLibraryMessage(message: string): LibraryProblem {
	const marked = /^([\s\S]*?) <--- \(([\s\S]*)\)\s*$/.exec(message);
	return marked ? { before: marked[1], text: marked[2] ?? '' } : { text: message };
}

/** Parses a value; throws an Error with a message staff can read if it is wrong or ambiguous (warnings count as wrong). */
export function parseOpeningHours(value: string): OpeningHours {
	let result = parsedValues.get(value);
	if (!result) {
		try {
			const parsed = new OpeningHours(value, OPENING_HOURS_REGION, { locale: 'de', tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4 });
			const warnings = parsed.getStructuredWarnings();
			result =
				warnings.length > 0
					? new Error(readableProblem(warnings.map((w) => ({ before: w.position === null ? undefined : w.value.slice(0, w.position), text: w.message }))))
					: parsed;
		} catch (error) {
			const raw = error instanceof Error ? error.message : String(error);
			result = new Error(readableProblem([splitLibraryMessage(raw)]));
		}
		parsedValues.set(value, result);
	}
	if (result instanceof Error) throw result;
	return result;
}

/** The problem with a value in one or two sentences for staff, or undefined when it is fine. */
export function openingHoursProblem(value: string): string | undefined {
	try {
		parseOpeningHours(value);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

// ---------------------------------------------------------------------------------------------------------------
// The library's German texts speak to a programmer („du", selectors, tokens). They are mapped to plain sentences
// addressed with „Sie"; what is not mapped gets its „du" forms replaced, and a generic sentence is the last resort.

const DAYS: readonly string[] = DAY_CODES;
const MONTHS: readonly string[] = MONTH_CODES;
const q = (text: string) => `„${text}"`;

/** „statt X" with X as the editor typed it (the library lower-cases what it corrects). */
function typed(ko: string, before: string | undefined): string {
	const read = (before ?? '').trimEnd();
	return read.toLowerCase().endsWith(ko.toLowerCase()) ? read.slice(read.length - ko.length) : ko;
}

function insteadOf(ok: string, ko: string, before: string | undefined): string {
	if (ok.startsWith('"')) return `Einen Hinweis setzen Sie bitte in Anführungszeichen: ${q(`"${typed(ko, before)}"`)}.`;
	const hint = DAYS.includes(ok)
		? ' Wochentage schreiben Sie englisch abgekürzt: Mo Tu We Th Fr Sa Su.'
		: MONTHS.includes(ok)
			? ' Monate schreiben Sie englisch abgekürzt, z. B. Jan, May, Oct, Dec.'
			: '';
	return `Bitte schreiben Sie ${q(ok)} statt ${q(typed(ko, before))}.${hint}`;
}

/** Something the parser did not expect; its internal token names (e.g. „timesep") are not shown. */
function unexpected(token: string, before: string | undefined): string {
	if (token && (before ?? '').toLowerCase().includes(token.toLowerCase())) return `${q(token)} ist an dieser Stelle nicht vorgesehen.`;
	return `Diese Stelle ist nicht im OpenStreetMap-Format. Uhrzeiten schreiben Sie wie ${q('08:00-16:00')}.`;
}

type Mapper = (m: RegExpExecArray, before: string | undefined) => string;

/** Library text (German locale of opening_hours 3.x, and its few English leftovers) → sentence for staff. */
const MAPPINGS: [RegExp, Mapper][] = [
	[/^Unerwartetes Zeichen: "([\s\S]*?)"/, (m, before) => unexpected(m[1] ?? '', before)],
	[/^(?:Die )?Zeitspanne beginnt außerhalb des aktuellen Tages/, () => 'Uhrzeiten gehen von 00:00 bis 24:00.'],
	[/mehrmals Mitternacht/, () => 'Eine Zeitspanne darf höchstens einmal über Mitternacht gehen.'],
	[/^Zeitspanne ohne Minutenangabe[\s\S]*?"([^"]+)"/, (m) => `Bitte schreiben Sie Uhrzeiten mit Minuten, z. B. ${q(m[1] ?? '')}.`],
	[/^Einstellige Stunde "(\d+)"/, (m) => `Bitte schreiben Sie Stunden zweistellig, z. B. ${q(`0${m[1]}:00`)}.`],
	[/^Missing minutes in time range after: "([^"]*)"/, (m) => `Nach ${q(m[1] ?? '')} fehlen die Minuten, z. B. ${q(`${m[1]}:00`)}.`],
	[/^Missing variable time/, () => `Hier fehlt ${q('sunrise')} oder ${q('sunset')}.`],
	[/^Minutes are greater than 59/, () => 'Minuten gehen nur bis 59.'],
	[/^Fehlendes "([\s\S]*?)"/, (m) => `Hier fehlt ${q(m[1] ?? '')}.`],
	[/^"([\s\S]*?)" erwartet/, (m) => `Hier fehlt ${q(m[1] ?? '')}.`],
	[/^Ungültige Zeitspanne: (\S+)/, (m) => `Die Zeitspanne ${q(m[1] ?? '')} ist ungültig.`],
	[/^Bitte benutze die englische (?:Abkürzung|Schreibweise) "([^"]*)" für "([^"]*)"/, (m, before) => insteadOf(m[1] ?? '', m[2] ?? '', before)],
	[/^Bitte (?:verwende|benutze) "(.*?)"(?: \(Fallback Regel\))? (?:anstelle von|für) "([^"]*)"/, (m, before) => insteadOf(m[1] ?? '', m[2] ?? '', before)],
	[/^Please use notation "([^"]*)" for "([^"]*)"/, (m, before) => insteadOf(m[1] ?? '', m[2] ?? '', before)],
	[/^"([^"]*)" wird als "([^"]*)"/, (m, before) => insteadOf(m[2] ?? '', m[1] ?? '', before)],
	[/^Bitte benutze ":" als Stunden\/Minuten-Trenner/, () => `Bitte trennen Sie Stunden und Minuten mit einem Doppelpunkt, z. B. ${q('08:30')}.`],
	[/^Bitte verzichte auf "([^"]*)"/, (m, before) => `Bitte lassen Sie ${q(typed(m[1] ?? '', before))} weg.`],
	[/^Bitte lasse "([^"]*)" weg/, (m, before) => `Bitte lassen Sie ${q(typed(m[1] ?? '', before))} weg.`],
	[/Programmierer/, () => `Bitte lassen Sie das ${q(';')} am Ende weg: Es steht nur zwischen zwei Regeln.`],
	[/^Diese Regel enthält nichts nützliches/, (_, before) => `Hier steht eine leere Regel. Bitte entfernen Sie das überzählige ${q((before ?? '').trimEnd().endsWith('||') ? '||' : ';')}.`],
	[/^Die Regel vor der Fallback-Regel/, () => `Vor ${q('||')} fehlen die Öffnungszeiten.`],
	[/^Der Wert enthält nichts/, () => 'Es sind keine Öffnungszeiten angegeben.'],
	[/^Der Wert endet mit "([^"]*)"/, (m) => `Die Angabe endet mit ${q(m[1] ?? '')}. Bitte ergänzen Sie, was danach kommen soll, oder löschen Sie ${q(m[1] ?? '')}.`],
	[/^Die Zahl (\S+) wird als Jahr interpretiert/, (m) => `Die Zahl ${m[1]} wird als Jahreszahl gelesen. Uhrzeiten schreiben Sie bitte wie ${q('12:00')}.`],
	[
		/^Du hast \d+ nicht verbundene (\S+) in einer Regel/,
		(m) => `Sie haben ${m[1]} in einer Regel getrennt aufgezählt. Bitte schreiben Sie sie mit Komma zusammen, z. B. ${q('Mo-We,Fr')} oder ${q('08:00-12:00,14:00-18:00')}.`,
	],
	[/^Du hast (\d+) (\S+) in einer Regel/, (m) => `Sie haben ${m[1]} ${m[2]} in einer Regel angegeben. Zwei Regeln trennen Sie bitte mit ${q(';')}.`],
	[/^Der Selektor "[^"]*" wurde/, () => `Hier fehlt ein ${q(';')} zwischen zwei Regeln, oder die Reihenfolge stimmt nicht. Üblich ist: Tage, dann Uhrzeiten, z. B. ${q('Mo-Fr 08:00-16:00; PH off')}.`],
	[/^Getrennte Regeln erkannt/, () => `Mehrere Uhrzeiten für dieselben Tage schreiben Sie bitte in eine Regel, mit Komma getrennt, z. B. ${q('Mo-Fr 08:00-12:00,14:00-18:00')}.`],
	[/^Diese Regel, welche den Standard-Status/, () => `Eine Regel ohne Tage (z. B. ${q('open')} oder ${q('24/7')}) gehört an den Anfang, denn sie ersetzt alle Regeln davor.`],
	[/^Diese Regel ist nicht sehr aussagekräftig/, () => `Bitte geben Sie für diese Regel Uhrzeiten an, z. B. ${q('Mo-Fr 10:00-19:00')}.`],
	[/^Du hast einen leeren Kommentar/, () => 'Der Hinweis in Anführungszeichen ist leer. Bitte schreiben Sie einen Text hinein oder löschen Sie die Anführungszeichen.'],
	[/^Du hast 24\/7/, () => `${q('24/7')} ist hier missverständlich. Schreiben Sie besser ${q('open')} und danach die Ausnahmen, z. B. ${q('open; Mo 12:00-14:00 off')}.`],
	[/^Es wurde keine Regel für "PH"/, () => `Bitte geben Sie an, was an Feiertagen gilt, z. B. ${q('PH off')} für geschlossen.`],
	[/^Diese Regel überschreibt Teile der vorherigen Regel/, () => `Diese Regel ersetzt einen Teil der Regel davor, die über Mitternacht geht. Sollen beide gelten, trennen Sie sie mit ${q(',')} statt ${q(';')}.`],
	[/^Diese Regel wird als geschlossen ausgewertet/, () => `Eine Regel mit ${q('off')} trennen Sie bitte mit ${q(';')} ab, nicht mit ${q(',')}.`],
	[/^Eine weitere Regel an dieser Stelle ergibt keinen Sinn/, () => `Bitte trennen Sie Regeln mit ${q(';')}.`],
	[/^Die Zeitspanne geht nicht wie erwartet weiter/, () => `Die Zeitspanne ist unvollständig. Schreiben Sie sie wie ${q('08:00-16:00')}.`],
	[/^Erwarte Bindestrich/, () => `Hier fehlt das Ende der Zeitspanne. Schreiben Sie sie wie ${q('08:00-16:00')}.`],
	[/^Zeitspanne in falscher Reihenfolge/, () => 'Die Spanne ist verkehrt herum: Der Anfang liegt nach dem Ende.'],
	[/^Unerwart\w* Token[^:]*: ([\s\S]*)$/, (m, before) => unexpected((m[1] ?? '').trim(), before)],
	[/^Saisonwörter/, () => `Jahreszeiten sind mehrdeutig. Bitte geben Sie Monate an, z. B. ${q('Jun-Aug')}.`],
	[/^Bei der Auswertung des Wertes/, () => 'Die Angabe konnte nicht ausgewertet werden. Bitte vereinfachen Sie sie.'],
	[/FIXME/, () => 'Bitte lassen Sie unbekannte Angaben weg oder schreiben Sie einen Hinweis in Anführungszeichen.'],
	[/^Bitte verwende 24 Stunden/, () => `Bitte schreiben Sie Uhrzeiten im 24-Stunden-Format, z. B. ${q('14:00')}.`],
	[/zusätzliche Einschränkungen/, () => `Einschränkungen schreiben Sie bitte als Hinweis in Anführungszeichen dazu, z. B. ${q('Mo 10:00-12:00 "nur mit Termin"')}.`],
	[/Gradzeichen/, () => `Bitte schreiben Sie Ziffern statt ${q('°')}.`],
	[/^Bitte Benutze kein ":" nach dem Token (\S+)/, (m) => `Bitte schreiben Sie keinen Doppelpunkt nach ${q(m[1] ?? '')}.`],
];

/** „du" forms of the library's remaining texts, in the „Sie" form. */
const POLITE: [RegExp, string][] = [
	[/\bBitte (?:benutze|Benutze|verwende)\b/g, 'Bitte verwenden Sie'],
	[/\bBitte entferne\b/g, 'Bitte entfernen Sie'],
	[/\bBitte ergänze\b/g, 'Bitte ergänzen Sie'],
	[/\blösche\b/g, 'löschen Sie'],
	[/\bBitte füge\b/g, 'Bitte fügen Sie'],
	[/\bBitte lasse\b/g, 'Bitte lassen Sie'],
	[/\bBitte verzichte\b/g, 'Bitte verzichten Sie'],
	[/\bBitte lies\b/g, 'Bitte lesen Sie'],
	[/\bBitte gibt\b/g, 'Bitte geben Sie'],
	[/\bBitte melde\b/g, 'Bitte melden Sie'],
	[/\bBitte schreibe\b/g, 'Bitte schreiben Sie'],
	[/\bBitte umdrehen\b/g, 'Bitte tauschen Sie Anfang und Ende'],
	[/\bBeachte\b/g, 'Beachten Sie'],
	[/\bDu hast\b/g, 'Sie haben'],
	[/\bDu kannst\b/g, 'Sie können'],
	[/\bdu ein\b/g, 'Sie ein'],
	[/\bMeintest du\b/g, 'Meinten Sie'],
	[/\bwenn du\b/gi, 'wenn Sie'],
	[/\bwillst\b/g, 'wollen'],
	[/\bdeine\b/g, 'Ihre'],
	[/\bdein\b/g, 'Ihr'],
];

/** One library text as a sentence for staff. */
function sentence(text: string, before: string | undefined): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	for (const [pattern, map] of MAPPINGS) {
		const m = pattern.exec(clean);
		if (m) return map(m, before);
	}
	let polite = clean
		.replace(/\s*Siehe https?:\/\/\S+/g, '')
		.replace(/https?:\/\/\S+/g, '')
		.replace(/\s*Wenn nötig, teile uns dies bitte mit …/g, '')
		.replace(/\{\{[^}]*\}\}/g, '');
	for (const [pattern, replacement] of POLITE) polite = polite.replace(pattern, replacement);
	polite = polite.replace(/"([^"]*)"/g, '„$1"').trim();
	// Still speaking to a programmer, or shouting: say it plainly instead.
	if (!polite || /\b(?:du|dir|dich|dein\w*)\b/i.test(polite) || /\b[A-ZÄÖÜ]{5,}\b/.test(polite) || /Selektor|Token|optional_conf|opening_hours/i.test(polite)) {
		return 'Diese Stelle ist nicht im OpenStreetMap-Format.';
	}
	polite = polite[0]?.toUpperCase() + polite.slice(1);
	return /[.!?…]$/.test(polite) ? polite : `${polite}.`;
}

/** Where the problem is: the last words read up to it, e.g. „Bei „Mo-Fr 25:00": ". */
function where(before: string | undefined): string {
	const read = (before ?? '').trim();
	if (!read) return '';
	if (read.length <= 24) return `Bei „${read}": `;
	let tail = read.slice(-24);
	const space = tail.indexOf(' ');
	if (space >= 0 && space < tail.length - 1) tail = tail.slice(space + 1);
	return `Bei „…${tail}": `;
}

/** The first of the library's problems (fixing it often fixes the rest) as one message for staff. */
function readableProblem(problems: LibraryProblem[]): string {
	const first = problems[0];
	if (!first) return 'Diese Angabe ist nicht im OpenStreetMap-Format.';
	return `${where(first.before)}${sentence(first.text, first.before)}`.slice(0, 400);
}
