/**
 * The nightly build: every night at 03:00 Berlin time this scheduled Netlify function calls the site's build hook, so
 * news dated for the new day appears, calls whose „Erscheint am" has come are published, and calls and participation
 * periods that ended yesterday are shown as closed – without anyone editing. (Between builds the browser already
 * moves events, calls and participation periods on; see src/scripts/time-lists.ts.)
 *
 * Set-up (cms/README.md, handbook chapter „Wann erscheint eine Meldung?"): create a build hook in Netlify (Site
 * configuration → Build & deploy → Build hooks) and put its address into the environment variable
 * QUARTIER_BUILD_HOOK. Without it the function only logs that it did nothing.
 *
 * Netlify runs schedules in UTC. 03:00 in Berlin is 02:00 UTC in winter and 01:00 UTC in summer, so the function is
 * scheduled at both hours and acts only in the one that is 03:00 in Berlin.
 */

/** The environment variable that holds the build hook's address. */
export const HOOK_VARIABLE = 'QUARTIER_BUILD_HOOK';

/** The hour of the night the site is rebuilt, Berlin time. */
export const BERLIN_HOUR = 3;

/** Netlify reads the schedule from here (cron, UTC). */
export const config = { schedule: '0 1,2 * * *' };

/** The hour (0–23) `now` is in Berlin. */
export function berlinHour(now: Date): number {
	return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(now));
}

export type Outcome = 'triggered' | 'no-hook' | 'not-now';

/**
 * Calls the build hook once if `now` is 03:00–03:59 in Berlin and the hook is configured. Logs what it did in German
 * (Netlify shows the log under Functions). A hook that answers with an error makes the run fail, so Netlify shows it.
 */
export async function nightlyBuild(env: Record<string, string | undefined>, now: Date, log: (line: string) => void = console.log): Promise<Outcome> {
	const hook = env[HOOK_VARIABLE]?.trim();
	if (!hook) {
		log(`Nächtlicher Build: ${HOOK_VARIABLE} ist nicht gesetzt – es wurde kein Build ausgelöst. Den Build-Hook in Netlify anlegen und seine Adresse in dieser Umgebungsvariable eintragen.`);
		return 'no-hook';
	}
	if (berlinHour(now) !== BERLIN_HOUR) {
		log(`Nächtlicher Build: In Berlin ist es nicht ${BERLIN_HOUR} Uhr – dieser Lauf bleibt aus (Sommer- oder Winterzeit).`);
		return 'not-now';
	}
	const url = new URL(hook);
	// Netlify shows this title beside the deploy, so staff can tell the nightly build from their own.
	url.searchParams.set('trigger_title', 'Nächtlicher Build (neue Meldungen, Fristen)');
	const response = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
	if (!response.ok) throw new Error(`Nächtlicher Build: Der Build-Hook antwortete mit ${response.status} ${response.statusText}.`);
	log(`Nächtlicher Build ausgelöst (${now.toISOString()}).`);
	return 'triggered';
}

/** Netlify's entry point. */
export default async function handler(): Promise<void> {
	await nightlyBuild(process.env, new Date());
}
