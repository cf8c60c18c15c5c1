/**
 * The staff editor at /admin/: Decap CMS bundled with the site (no CDN), German interface, the configuration
 * derived from the content model (read from the page), previews in the site's own look.
 */
import CMS from 'decap-cms-app';
import { registerOpeningHoursWidget } from './widgets/opening-hours';
import { registerCoordinatesWidget } from './widgets/coordinates';
import { registerAltTextWidget } from './widgets/alt-text';
import { registerPreviews } from './previews';
import { registerEntryRules } from './rules';
import { useGermanFileNames } from './slug';
import { germanPhrases } from './locale';
import type { DecapField } from './fields';
import { usesNetlifyIdentity } from './identity';

/** The funds' names, as the configuration already carries them in the project's fund choice. */
function fundLabels(collections: { name: string; fields?: DecapField[] }[]): Record<string, string> {
	const funding = collections.find((c) => c.name === 'projekte')?.fields?.find((f) => f.name === 'funding');
	const fund = funding?.fields?.find((f) => f.name === 'fund');
	return Object.fromEntries((fund?.options ?? []).map((option) => [option.value, option.label]));
}

const source = document.getElementById('cms-config');
if (!source?.textContent) throw new Error('CMS-Konfiguration fehlt.');
const config = JSON.parse(source.textContent) as { backend: { name: string }; collections: { name: string; fields?: DecapField[] }[] };

CMS.registerLocale('de', germanPhrases);
// Decap writes field labels, statuses and messages in capitals; staff read them in normal German spelling.
const normalCase = `
* {
	text-transform: none !important;
	letter-spacing: normal !important;
}
`;
document.head.append(Object.assign(document.createElement('style'), { textContent: normalCase }));
useGermanFileNames();
registerOpeningHoursWidget(CMS);
registerCoordinatesWidget(CMS);
registerAltTextWidget(CMS);
registerPreviews(CMS, fundLabels(config.collections));
registerEntryRules(CMS, config.collections);

// Beside the form, the preview comes first (Decap would open the second language's fields there): staff write German
// first and choose „Aktuelle Sprache" above the form, or the language pane in the toolbar, to translate.
if (!localStorage.getItem('cms.right-pane')) localStorage.setItem('cms.right-pane', 'preview');

async function start() {
	if (usesNetlifyIdentity(config.backend)) {
		// Netlify Identity signs staff in (not with GitHub accounts or locally); bundled here instead of loading Netlify's script from their CDN.
		const { default: identity } = await import('netlify-identity-widget');
		(window as unknown as { netlifyIdentity: typeof identity }).netlifyIdentity = identity;
		identity.init({ locale: 'de' });
	}
	CMS.init({ config: config as never });
}

void start();
