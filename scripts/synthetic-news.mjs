/**
 * Generated news items for the build benchmark (scripts/bench-scale.mjs): `count` valid German entries in the sample's
 * themes and projects, one per day backwards from 2026-11-30, each with a few paragraphs, a list and a heading, so the
 * Markdown pipeline, the pages and the search index do the work real items give them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const THEMES = ['wohnen', 'umwelt', 'gesundheit', 'beteiligung', 'bildung'];
const PROJECTS = ['trinkbrunnen-lindenplatz', 'muehlenpark-neugestaltung'];
const WORDS = 'Nachbarschaft Hof Mühlenpark Spielplatz Beteiligung Mieterberatung Quartiersrat Sprechstunde Stadtteilbibliothek Lernwerkstatt Begegnung Frühjahrsputz Baumpatenschaft Aktionsfonds Seniorentreff Familienzentrum Sommerfest Hofbegrünung Radweg Trinkbrunnen'.split(' ');

/** A deterministic sentence for item `i`, part `j` (the same content every run). */
function sentence(i, j) {
	const pick = (k) => WORDS[(i * 7 + j * 13 + k * 5) % WORDS.length];
	return `Im Mühlenviertel geht es um ${pick(0)}, ${pick(1)} und ${pick(2)}: Nachbarinnen und Nachbarn treffen sich, um über ${pick(3)} zu sprechen.`;
}

/** Writes `count` news items into `folder` (a content/aktuelles folder); returns their file names. */
export function writeSyntheticNews(folder, count) {
	mkdirSync(folder, { recursive: true });
	const names = [];
	const start = Date.UTC(2026, 10, 30);
	for (let i = 0; i < count; i++) {
		const date = new Date(start - i * 86_400_000).toISOString().slice(0, 10);
		const themes = [THEMES[i % THEMES.length], THEMES[(i + 2) % THEMES.length]];
		const projects = i % 4 === 0 ? [PROJECTS[i % PROJECTS.length]] : [];
		const name = `meldung-${String(i).padStart(5, '0')}.de.md`;
		const body = [
			sentence(i, 0) + ' ' + sentence(i, 1),
			`## ${WORDS[i % WORDS.length]} im Quartier`,
			sentence(i, 2) + ' ' + sentence(i, 3),
			`- ${sentence(i, 4)}\n- ${sentence(i, 5)}\n- [Mehr zum Mitmachen](/mitmachen/)`,
		].join('\n\n');
		writeFileSync(
			path.join(folder, name),
			`---\ntitle: "Meldung ${i + 1}: ${WORDS[(i * 3) % WORDS.length]} im Mühlenviertel"\ndate: ${date}\nsummary: "${sentence(i, 6)}"\nthemes: [${themes.join(', ')}]\nprojects: [${projects.join(', ')}]\nauthor: Redaktion\ndraft: false\n---\n\n${body}\n`,
		);
		names.push(name);
	}
	return names;
}
