/**
 * Archive mode (Verstetigung): when the district leaves the programme the office fills in `archive` in the settings.
 * From the start of its day (Berlin) the site is a record: calls and forms close, coming events leave the lists, every
 * page says since when it is an archive and who to contact now, and the feeds end with an item that says so.
 * Pure: the pages, the feeds and the tests use it.
 */
import type { Settings } from '../schemas/settings';
import { startOfBerlinDay } from './time';

export type Archive = NonNullable<Settings['archive']>;

/** The archive settings if the site is an archive at `now`; undefined while the office works. */
export function archiveAt(settings: Pick<Settings, 'archive'>, now: Date): Archive | undefined {
	const archive = settings.archive;
	return archive && startOfBerlinDay(archive.since).getTime() <= now.getTime() ? archive : undefined;
}

/** The settings as the site applies them at `now`: an archive takes no forms (the pages show e-mail and phone instead). */
export function settingsAt<S extends Pick<Settings, 'archive' | 'forms'>>(settings: S, now: Date): S {
	return archiveAt(settings, now) ? { ...settings, forms: { ...settings.forms, enabled: false } } : settings;
}
