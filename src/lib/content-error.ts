/** The German error staff see for a content file (kept apart from the loaders, so the settings reader can use it too). */
import path from 'node:path';

/** Turns Astro's schema error into one German message per field. */
export function germanContentError(filePath: string, error: unknown): Error {
	const text = error instanceof Error ? error.message : String(error);
	const fields = [...text.matchAll(/^\s*\*\*([^*]*)\*\*:?\s*(.*)$/gm)]
		.filter((m) => !m[2]?.startsWith('data does not match'))
		.map((m) => `  • Feld „${m[1] || '(Datei)'}": ${m[2]}`);
	const relative = path.relative(process.cwd(), filePath) || filePath;
	const detail = fields.length > 0 ? fields.join('\n') : text.startsWith('  • ') ? text : `  • ${text}`;
	const message = `Inhalt fehlerhaft in ${relative}:\n${detail}\nBitte die Datei korrigieren. Die Website wird erst gebaut, wenn alle Inhalte stimmen.`;
	const germanError = new Error(message);
	germanError.name = 'Inhaltsfehler';
	// The message is all staff need: without frames Astro prints no „Location" and no „Stack trace" under it.
	germanError.stack = message;
	return germanError;
}
