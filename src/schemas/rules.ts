/**
 * Rules that span several fields of one entry (a step order, money that fits the project's status, votes that fit
 * the outcome). Pure and free of Node and Astro imports: the schemas apply them when content is built, and the CMS
 * applies the very same functions before it saves (cms/admin.ts), so staff meet the build's message in the editor.
 *
 * Rules read plain data as either side has it: dates may be Date objects (parsed) or "JJJJ-MM-TT" text (the CMS),
 * references may be `{ id }` objects or id strings. Fields the schema itself checks (types, limits) are not checked
 * again here; a rule skips what is missing or malformed and leaves it to the field's own message.
 */

/** One broken rule: where (field path) and what to do about it, in German. */
export interface Problem {
	path: (string | number)[];
	message: string;
}

type Data = Record<string, unknown>;
type Rule = (data: Data) => Problem[];

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** A calendar day as a comparable number (UTC midnight), from a Date or "JJJJ-MM-TT"; undefined if neither. */
export function dayNumber(value: unknown): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
		const time = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
		return Number.isNaN(time) ? undefined : time;
	}
	return undefined;
}

const euro = (amount: number) => `${amount.toLocaleString('de-DE')} €`;

/** Renewal steps: done ones first, then at most one current, then the ones to come. */
function stepOrder(data: Data): Problem[] {
	const problems: Problem[] = [];
	const states = listOf(data.phases).map((phase) => (isObject(phase) ? String(phase.state) : ''));
	const order: Record<string, number> = { done: 0, current: 1, next: 2 };
	states.forEach((state, i) => {
		const before = states[i - 1];
		if (before !== undefined && state in order && before in order && (order[state] ?? 0) < (order[before] ?? 0)) {
			problems.push({
				path: ['phases', i, 'state'],
				message: `Schritte: Schritt ${i + 1} ist „${state}", steht aber nach einem Schritt „${before}". Reihenfolge: erst erledigte (done), dann höchstens ein laufender (current), dann kommende (next).`,
			});
		}
	});
	if (states.filter((s) => s === 'current').length > 1) problems.push({ path: ['phases'], message: 'Schritte: Höchstens ein Schritt darf „current" (läuft gerade) sein.' });
	if (data.status === 'abgeschlossen' && states.some((s) => s !== 'done')) {
		problems.push({ path: ['status'], message: 'Status „abgeschlossen" passt nicht: Alle Schritte müssen erledigt (done) sein.' });
	}
	return problems;
}

/**
 * Money that fits where the project stands: an idea may have an estimate or a request, never granted money;
 * a project under way or finished has its granted money per year; paid out never exceeds granted.
 */
function projectMoney(data: Data): Problem[] {
	const funding = data.funding;
	if (!isObject(funding)) return [];
	const problems: Problem[] = [];
	const years = listOf(funding.years).filter(isObject);
	const status = data.status;
	if (years.length === 0 && numberOf(funding.estimated) === undefined && numberOf(funding.requested) === undefined) {
		problems.push({ path: ['funding'], message: 'Förderung: Bitte mindestens eine Kostenschätzung, einen beantragten Betrag oder die bewilligten Beträge je Förderjahr eintragen.' });
	}
	if (status === 'idee' && years.length > 0) {
		problems.push({
			path: ['funding', 'years'],
			message: 'Förderung: Eine Idee hat noch kein bewilligtes Geld – bitte „Bewilligt je Förderjahr" leer lassen und die erwarteten Kosten unter „Kostenschätzung" eintragen, oder den Status ändern.',
		});
	}
	if ((status === 'in-umsetzung' || status === 'abgeschlossen') && years.length === 0) {
		problems.push({ path: ['funding', 'years'], message: `Förderung: Ein Projekt mit Status „${status}" braucht das bewilligte Geld je Förderjahr.` });
	}
	const requested = numberOf(funding.requested);
	if (years.length > 0 && requested !== undefined && Math.round(requested * 100) === Math.round(years.reduce((sum: number, y) => sum + (numberOf(y.approved) ?? 0), 0) * 100)) {
		problems.push({
			path: ['funding', 'requested'],
			message: 'Beantragt: Dieser Betrag ist schon bewilligt – bitte „Beantragt" leeren oder nur noch den offenen Rest eintragen (z. B. für einen zweiten Abschnitt).',
		});
	}
	if (years.length > 0 && (typeof funding.fund !== 'string' || funding.fund === '')) {
		problems.push({ path: ['funding', 'fund'], message: 'Förderung: Für bewilligtes Geld bitte angeben, aus welchem Fonds es kommt.' });
	}
	const seen = new Set<number>();
	years.forEach((entry, i) => {
		const year = numberOf(entry.year);
		const approved = numberOf(entry.approved);
		const paid = numberOf(entry.paid);
		if (year !== undefined) {
			if (seen.has(year)) problems.push({ path: ['funding', 'years', i, 'year'], message: `Förderjahr ${year} steht zweimal in der Liste – bitte die Beträge eines Jahres in einer Zeile zusammenfassen.` });
			seen.add(year);
		}
		if (approved !== undefined && paid !== undefined && paid > approved) {
			problems.push({ path: ['funding', 'years', i, 'paid'], message: `Ausgezahlt${year !== undefined ? ` ${year}` : ''}: ${euro(paid)} ist mehr als bewilligt (${euro(approved)}).` });
		}
	});
	return problems;
}

/** A participation period ends on or after the day it starts. */
function participationPeriod(data: Data): Problem[] {
	const period = data.participationPeriod;
	if (!isObject(period)) return [];
	const from = dayNumber(period.from);
	const until = dayNumber(period.until);
	if (from !== undefined && until !== undefined && until < from) {
		return [{ path: ['participationPeriod', 'until'], message: 'Mitreden bis: Das Ende des Beteiligungszeitraums darf nicht vor seinem Beginn liegen.' }];
	}
	return [];
}

/** Votes, when given, fit the outcome: adopted with more yes than no, rejected with no more yes than no. */
function decisionVotes(data: Data): Problem[] {
	const votes = data.votes;
	if (!isObject(votes)) return [];
	const yes = numberOf(votes.yes);
	const no = numberOf(votes.no);
	if (yes === undefined || no === undefined) return [];
	const adopted = data.outcome === 'angenommen' || data.outcome === 'geaendert-angenommen';
	if (adopted && yes <= no) {
		return [{ path: ['votes', 'yes'], message: `Abstimmung: Bei „angenommen" müssen es mehr Ja- als Nein-Stimmen sein (jetzt ${yes} Ja, ${no} Nein). Bitte Stimmen oder Ergebnis prüfen.` }];
	}
	if (data.outcome === 'abgelehnt' && yes > no) {
		return [{ path: ['votes', 'yes'], message: `Abstimmung: Bei „abgelehnt" dürfen es nicht mehr Ja- als Nein-Stimmen sein (jetzt ${yes} Ja, ${no} Nein). Bitte Stimmen oder Ergebnis prüfen.` }];
	}
	return [];
}

/** An IHEK goal's period ends in or after the year it starts. */
function goalPeriod(data: Data): Problem[] {
	const period = data.period;
	if (!isObject(period)) return [];
	const from = numberOf(period.from);
	const until = numberOf(period.until);
	return from !== undefined && until !== undefined && until < from ? [{ path: ['period', 'until'], message: 'Zeitraum: Das Endjahr darf nicht vor dem Anfangsjahr liegen.' }] : [];
}

const combine =
	(...rules: Rule[]): Rule =>
	(data) =>
		rules.flatMap((rule) => rule(data));

/** A call appears before its deadline, not after it. */
function callPublished(data: Data): Problem[] {
	const published = dayNumber(data.published);
	const deadline = dayNumber(data.deadline);
	return published !== undefined && deadline !== undefined && published > deadline
		? [{ path: ['published'], message: 'Erscheint am: Der Aufruf muss spätestens am Tag seiner Frist erscheinen, sonst sieht ihn niemand offen.' }]
		: [];
}

/**
 * A network entry's regular meeting: working groups and round tables need one; „welche Woche" only and always with a
 * monthly meeting; a rhythm above 1 counts from the first meeting; the end comes after the start.
 */
function networkMeeting(data: Data): Problem[] {
	const meeting = data.meeting;
	const groupKind = data.kind === 'arbeitsgruppe' || data.kind === 'runder-tisch';
	if (!isObject(meeting)) {
		return groupKind
			? [{ path: ['meeting'], message: `Regelmäßiges Treffen: ${data.kind === 'runder-tisch' ? 'Ein Runder Tisch' : 'Eine Arbeitsgruppe'} braucht ein regelmäßiges Treffen (Häufigkeit, Wochentag, Uhrzeit, Ende).` }]
			: [];
	}
	const problems: Problem[] = [];
	const week = meeting.week;
	const hasWeek = week !== undefined && week !== null && week !== '';
	if (meeting.frequency === 'weekly' && hasWeek) {
		problems.push({ path: ['meeting', 'week'], message: 'Welche Woche: Bei „wöchentlich" bitte leer lassen – die Angabe gilt nur für „monatlich" (z. B. jeden 2. Dienstag im Monat).' });
	}
	if (meeting.frequency === 'monthly' && !hasWeek) {
		problems.push({ path: ['meeting', 'week'], message: 'Welche Woche: Bei „monatlich" bitte angeben, der wievielte Wochentag im Monat es ist (1 bis 4, oder -1 für den letzten).' });
	}
	const interval = numberOf(meeting.interval);
	if (interval !== undefined && interval > 1 && dayNumber(meeting.since) === undefined) {
		problems.push({ path: ['meeting', 'since'], message: `Erstes Treffen: Bei einem Abstand von ${interval} bitte das Datum eines Treffens angeben – von ihm aus wird gezählt.` });
	}
	if (typeof meeting.time === 'string' && typeof meeting.end === 'string' && /^\d{2}:\d{2}$/.test(meeting.time) && /^\d{2}:\d{2}$/.test(meeting.end) && meeting.end <= meeting.time) {
		problems.push({ path: ['meeting', 'end'], message: `Ende: Das Treffen muss nach seinem Beginn (${meeting.time} Uhr) am selben Tag enden.` });
	}
	return problems;
}

/** The rules of each collection (folder in content/). */
export const entryRules: Partial<Record<string, Rule>> = {
	projekte: combine(stepOrder, projectMoney, participationPeriod),
	beschluesse: decisionVotes,
	ziele: goalPeriod,
	aufrufe: callPublished,
	netzwerk: networkMeeting,
};

/** Zod's refinement context, as far as the rules need it. */
interface RefinementContext {
	addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void;
}

/** Applies a collection's rules inside a zod schema: `.superRefine(applyRules('projekte'))`. */
export function applyRules(collection: string) {
	const rule = entryRules[collection];
	return (data: unknown, ctx: RefinementContext) => {
		for (const problem of rule && isObject(data) ? rule(data) : []) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
	};
}
