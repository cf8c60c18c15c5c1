/**
 * Before anything is built: every SVG, XML and HTML file in public/ (with the CMS uploads and .well-known/) and in
 * content/ (pictures next to entries) is checked by src/lib/file-safety.ts. A file that could run script stops the
 * build with a German message naming the file and what is wrong; under `astro dev` the message is logged and the
 * site still starts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { folderProblems } from '../lib/file-safety';
import { germanContentError } from '../lib/loaders';
import { contentDir } from '../lib/paths';

export function fileSafety(): AstroIntegration {
	return {
		name: 'quartier-file-safety',
		hooks: {
			'astro:config:setup': ({ config, command, logger }) => {
				const bad = folderProblems([fileURLToPath(config.publicDir), contentDir()]);
				if (bad.length === 0) return;
				const message = bad
					.map(({ file, problems }) => germanContentError(file, new Error(problems.map((p) => `  • ${p}`).join('\n'))).message.replace(/\nBitte die Datei korrigieren\.[^\n]*$/, ''))
					.join('\n');
				const advice = 'SVG- und HTML-Dateien dürfen keinen Programmcode enthalten und nichts von fremden Servern laden; sie müssen als UTF-8 gespeichert sein, SVG- und XML-Dateien außerdem gültiges, nicht komprimiertes XML. Bitte die Datei ohne Skripte neu speichern oder als PNG/JPG hochladen. Die Website wird erst gebaut, wenn alle Dateien stimmen.';
				if (command === 'build') {
					const error = new Error(`${message}\n${advice}`);
					error.name = 'Inhaltsfehler';
					throw error;
				}
				logger.error(`${message}\n${advice}`);
			},
		},
	};
}
