/**
 * The hidden copy of the residents' forms that Netlify reads when the site is deployed: it registers each form by
 * its name with all its fields and the honeypot (`netlify-honeypot`, an attribute only Netlify understands – so
 * it lives in this one file that no resident visits, not in the pages). The forms on the pages post to Netlify by
 * naming the form in `form-name`. Built only when the settings switch forms on (and the site is no archive).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readSettings } from '../schemas';
import { FORMS, HONEYPOT } from '../lib/forms';
import { settingsAt } from '../lib/archive';
import { buildTime } from '../lib/content';

export const NETLIFY_FORMS_FILE = 'netlify-formulare';

export const getStaticPaths = (() => (settingsAt(readSettings(), buildTime).forms.enabled ? [{ params: { netlifyForms: NETLIFY_FORMS_FILE } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = () => {
	const forms = Object.values(FORMS).map((form) => {
		const fields = form.fields.map((field) => (field.kind === 'textarea' ? `<textarea name="${field.name}"></textarea>` : `<input name="${field.name}">`));
		return `<form name="${form.name}" data-netlify="true" netlify-honeypot="${HONEYPOT}" hidden>\n<input name="${HONEYPOT}">\n${fields.join('\n')}\n</form>`;
	});
	const html = `<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex">\n<title>Formulare für Netlify Forms</title>\n</head>\n<body>\n${forms.join('\n')}\n</body>\n</html>\n`;
	return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
