/**
 * <site-form>: the residents' forms with problems shown in German right under each field. Without JavaScript the
 * browser checks `required`, `maxlength` and the field types itself and the form posts as it is. With it, this
 * element reads the fields, checks them with the same rules (checkFields in lib/forms.ts), writes each message
 * into the field's error line (linked by aria-describedby), marks the field aria-invalid and moves focus to the
 * first problem. A field is checked again when it is left, so a fixed problem disappears at once. A field marked
 * `data-from-query` (the page a barrier report is about) is filled in from the address the footer link gave.
 */
import { checkFields, pageFromQuery, type FieldState, type FormField, type FormMessages } from '../lib/forms';
import { within } from '../lib/time-window';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

class SiteForm extends HTMLElement {
	#form: HTMLFormElement | null = null;
	#messages: FormMessages | null = null;

	connectedCallback() {
		this.#form = this.querySelector('form');
		this.#messages = JSON.parse(this.dataset.messages ?? 'null') as FormMessages | null;
		if (!this.#form || !this.#messages) return;
		for (const input of this.#form.querySelectorAll<HTMLInputElement>('input[data-from-query]')) {
			if (!input.value) input.value = pageFromQuery(location.search, input.maxLength > 0 ? input.maxLength : undefined);
		}
		// A call whose deadline has passed since the build is no longer offered.
		const now = Date.now();
		for (const option of this.#form.querySelectorAll<HTMLOptionElement>('option[data-until]')) {
			if (!within(now, { until: option.dataset.until })) option.remove();
		}
		// The element shows the messages now; the browser's own bubbles would speak another language.
		this.#form.noValidate = true;
		this.#form.addEventListener('submit', (event) => {
			const problems = this.#check();
			if (problems.length === 0) return;
			event.preventDefault();
			this.#control(problems[0]!.name)?.focus();
		});
		this.#form.addEventListener('focusout', (event) => {
			const target = event.target as Control;
			if (target.getAttribute('aria-invalid') === 'true') this.#check(target.name);
		});
	}

	/** The form's checked fields, as the pure check reads them. */
	#fields(): FieldState[] {
		const seen = new Set<string>();
		const fields: FieldState[] = [];
		for (const control of this.#form!.querySelectorAll<Control>('[data-label]')) {
			if (seen.has(control.name)) continue;
			seen.add(control.name);
			const radio = control instanceof HTMLInputElement && control.type === 'radio';
			const value = radio ? (this.#form!.querySelector<HTMLInputElement>(`input[name="${control.name}"]:checked`)?.value ?? '') : control.value;
			const [field, wanted] = (control.dataset.requiredWhen ?? '').split('=');
			fields.push({
				name: control.name,
				label: control.dataset.label ?? control.name,
				value,
				kind: (control instanceof HTMLTextAreaElement ? 'textarea' : control instanceof HTMLSelectElement ? 'select' : control.type) as FormField['kind'],
				required: control.required,
				maxLength: 'maxLength' in control && control.maxLength > 0 ? control.maxLength : undefined,
				requiredWhen: field && wanted ? { field, value: wanted } : undefined,
			});
		}
		return fields;
	}

	#control(name: string): Control | null {
		return this.#form!.querySelector<Control>(`[name="${name}"]`);
	}

	/** Checks all fields (or one), shows or clears their messages and returns the problems found. */
	#check(only?: string) {
		const fields = this.#fields();
		const problems = checkFields(fields, this.#messages!);
		for (const field of fields) {
			if (only && field.name !== only) continue;
			const control = this.#control(field.name);
			const error = control?.id ? this.#form!.querySelector<HTMLElement>(`#${CSS.escape(control.id)}-error`) : null;
			if (!control || !error) continue;
			const problem = problems.find((p) => p.name === field.name);
			error.textContent = problem?.message ?? '';
			error.hidden = !problem;
			const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((token) => token && token !== error.id);
			if (problem) {
				control.setAttribute('aria-invalid', 'true');
				control.setAttribute('aria-describedby', [error.id, ...described].join(' '));
			} else {
				control.removeAttribute('aria-invalid');
				if (described.length) control.setAttribute('aria-describedby', described.join(' '));
				else control.removeAttribute('aria-describedby');
			}
		}
		return only ? problems.filter((p) => p.name === only) : problems;
	}
}

if (!customElements.get('site-form')) customElements.define('site-form', SiteForm);
