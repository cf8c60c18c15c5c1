/**
 * The three forms residents send – an idea, a message, a barrier report – each defined once. The definition
 * renders the form (src/components/SiteForm.astro), the hidden copy Netlify's form detection reads at deploy
 * (src/pages/[netlifyForms].html.ts), and the privacy page's list of what each form sends. Pure: no Astro imports.
 *
 * Forms post plainly to /danke/ (no JavaScript needed): Netlify Forms takes any POST that names a known form in
 * `form-name`, keeps it, and shows the page of the form's action. A honeypot field catches simple bots.
 */
import type { UiKey } from '../i18n/de';
import { fill } from '../i18n/fill';
import { paths } from './routes';

export type FormName = 'idee' | 'kontakt' | 'barriere';

export interface FormField {
	/** Name of the posted field (what staff see in the Netlify submission). */
	name: string;
	/** Dictionary keys of the label and the hint under it. */
	label: UiKey;
	hint?: UiKey;
	kind: 'text' | 'textarea' | 'email' | 'tel' | 'select' | 'radio';
	required?: boolean;
	maxLength?: number;
	autocomplete?: string;
	/** Fixed choices (radio, select). Selects may instead get their choices from the content when rendered. */
	options?: { value: string; label: UiKey }[];
	/** Needed only when another field has this value (e.g. the e-mail address when the answer should come by e-mail). */
	requiredWhen?: { field: string; value: string };
	/** The page a barrier report is about: filled in from the address (?seite=…) when JavaScript runs. */
	page?: boolean;
}

export interface FormDefinition {
	name: FormName;
	/** What the form is for, as the privacy page lists it. */
	title: UiKey;
	submit: UiKey;
	fields: FormField[];
}

/** Name of the honeypot field: hidden from people, filled in by simple bots; Netlify drops what fills it. */
export const HONEYPOT = 'firma-website';
/** Where every form posts and lands. */
export const FORM_ACTION = paths.thanks;

/** How to answer, if at all; the matching contact field becomes necessary. */
const answer: FormField = {
	name: 'antwort',
	label: 'form.field.answer',
	hint: 'form.hint.answer',
	kind: 'radio',
	required: true,
	options: [
		{ value: 'keine', label: 'form.answer.none' },
		{ value: 'email', label: 'form.answer.email' },
		{ value: 'telefon', label: 'form.answer.phone' },
	],
};
const contactFields: FormField[] = [
	{ name: 'name', label: 'form.field.name', kind: 'text', maxLength: 100, autocomplete: 'name' },
	{ name: 'email', label: 'form.field.email', kind: 'email', maxLength: 200, autocomplete: 'email', requiredWhen: { field: 'antwort', value: 'email' } },
	{ name: 'telefon', label: 'form.field.phone', kind: 'tel', maxLength: 40, autocomplete: 'tel', requiredWhen: { field: 'antwort', value: 'telefon' } },
	answer,
];

export const FORMS: Record<FormName, FormDefinition> = {
	idee: {
		name: 'idee',
		title: 'form.idee.title',
		submit: 'form.idee.submit',
		fields: [
			{ name: 'idee', label: 'form.field.idea', hint: 'form.hint.idea', kind: 'text', required: true, maxLength: 120 },
			{ name: 'beschreibung', label: 'form.field.description', hint: 'form.hint.description', kind: 'textarea', required: true, maxLength: 2000 },
			{ name: 'ort', label: 'form.field.place', hint: 'form.hint.place', kind: 'text', maxLength: 200 },
			{ name: 'handlungsfeld', label: 'form.field.theme', kind: 'select' },
			{ name: 'fonds', label: 'form.field.fund', hint: 'form.hint.fund', kind: 'select' },
			...contactFields,
		],
	},
	kontakt: {
		name: 'kontakt',
		title: 'form.kontakt.title',
		submit: 'form.kontakt.submit',
		fields: [
			{ name: 'betreff', label: 'form.field.subject', kind: 'text', required: true, maxLength: 120 },
			{ name: 'nachricht', label: 'form.field.message', kind: 'textarea', required: true, maxLength: 3000 },
			...contactFields,
		],
	},
	barriere: {
		name: 'barriere',
		title: 'form.barriere.title',
		submit: 'form.barriere.submit',
		fields: [
			{ name: 'seite', label: 'form.field.page', hint: 'form.hint.page', kind: 'text', maxLength: 300, page: true },
			{ name: 'problem', label: 'form.field.problem', hint: 'form.hint.problem', kind: 'textarea', required: true, maxLength: 2000 },
			{ name: 'hilfsmittel', label: 'form.field.aids', hint: 'form.hint.aids', kind: 'text', maxLength: 200 },
			...contactFields,
		],
	},
};

/**
 * The page a barrier report is about, from the address of the report form (?seite=…): only a path of this site
 * (one leading slash, no spaces, not too long) is taken – never another host or a script.
 */
export function pageFromQuery(search: string, maxLength = 300): string {
	const page = new URLSearchParams(search).get('seite') ?? '';
	return /^\/(?!\/)[^\s\\]*$/.test(page) && page.length <= maxLength ? page : '';
}

/** Every field name a form posts, in order: `form-name`, the honeypot, then its fields. */
export function postedFields(form: FormDefinition): string[] {
	return ['form-name', HONEYPOT, ...form.fields.map((field) => field.name)];
}

/** One field as the browser check sees it (read from the rendered form). */
export interface FieldState {
	name: string;
	/** The label's words, for messages. */
	label: string;
	value: string;
	kind: FormField['kind'];
	required: boolean;
	maxLength?: number;
	requiredWhen?: { field: string; value: string };
}

/** Message templates for the browser check ({label}, {max}, {length}). */
export interface FormMessages {
	required: string;
	requiredWhen: string;
	tooLong: string;
	email: string;
	tel: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Same rule as the content model's phone numbers (src/schemas/fields.ts); escaped for the `pattern` attribute's v flag. */
export const PHONE_PATTERN = '\\+?[0-9][0-9 \\/\\(\\)\\-]{4,}';
const PHONE = new RegExp(`^${PHONE_PATTERN}$`);

/** What is wrong with the fields, one message per field at most, in field order. */
export function checkFields(fields: FieldState[], messages: FormMessages): { name: string; message: string }[] {
	const valueOf = new Map(fields.map((field) => [field.name, field.value]));
	const problems: { name: string; message: string }[] = [];
	for (const field of fields) {
		const value = field.value.trim();
		const needed = field.required || (field.requiredWhen !== undefined && valueOf.get(field.requiredWhen.field) === field.requiredWhen.value);
		let message: string | undefined;
		if (!value && needed) message = field.required ? messages.required : messages.requiredWhen;
		else if (value && field.maxLength !== undefined && value.length > field.maxLength) message = messages.tooLong;
		else if (value && field.kind === 'email' && !EMAIL.test(value)) message = messages.email;
		else if (value && field.kind === 'tel' && !PHONE.test(value)) message = messages.tel;
		if (message) problems.push({ name: field.name, message: fill(message, { label: field.label, max: field.maxLength ?? 0, length: value.length }) });
	}
	return problems;
}
