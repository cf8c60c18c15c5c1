/**
 * Fills the {placeholders} of a dictionary text, e.g. fill('{count} Treffer', { count: 3 }). It imports no
 * dictionary, so browser scripts use it on texts the page hands them in data attributes.
 * A placeholder without a value is left as it is (so a missing value shows) unless `dropMissing` is set.
 *
 * Numbers that change the words are written as plurals in ICU's form, chosen by the language's own rules
 * (Intl.PluralRules: German, English and Turkish have one/other, Arabic zero/one/two/few/many/other):
 *   '{count, plural, one {# Treffer} other {# Treffer}}'   – „#" stands for the number (Latin digits, no grouping).
 * A plural that cannot be read (a misspelt form) stays as written, so the mistake shows.
 * The language is `locale`, or in a browser the page's `<html lang>`, or German. A plural whose number is not given
 * stays as it is (the build hands such texts to browser scripts), or becomes its „other" form with `dropMissing`.
 */
export function fill(text: string, params: Record<string, string | number>, dropMissing = false, locale?: string): string {
	const lang = locale ?? (typeof document !== 'undefined' ? document.documentElement.lang : '');
	return replacePlurals(text, params, lang || 'de', dropMissing).replace(/\{(\w+)\}/g, (_, name: string) =>
		params[name] !== undefined ? String(params[name]) : dropMissing ? '' : `{${name}}`,
	);
}

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** Replaces each `{name, plural, … }` by the form for params[name]. */
function replacePlurals(text: string, params: Record<string, string | number>, lang: string, dropMissing: boolean): string {
	let out = '';
	let from = 0;
	for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', from)) {
		const head = /^\{(\w+),\s*plural,/.exec(text.slice(start));
		if (!head) {
			out += text.slice(from, start + 1);
			from = start + 1;
			continue;
		}
		const forms = new Map<string, string>();
		let i = start + head[0].length;
		// Pairs of a selector and a form in braces, until the closing brace of the plural.
		for (;;) {
			const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i));
			if (!selector) break;
			i += selector[0].length;
			let depth = 1;
			let end = i;
			for (; end < text.length && depth > 0; end++) {
				if (text[end] === '{') depth++;
				else if (text[end] === '}') depth--;
			}
			forms.set(selector[1] ?? 'other', text.slice(i, end - 1));
			i = end;
		}
		const close = /^\s*\}/.exec(text.slice(i)) ? text.indexOf('}', i) : -1;
		const name = head[1] ?? '';
		if (close === -1 || !forms.has('other')) {
			// Not a plural this function can read: left as written.
			out += text.slice(from, start + 1);
			from = start + 1;
			continue;
		}
		if (params[name] === undefined && !dropMissing) {
			// Left for whoever knows the number.
			out += text.slice(from, close + 1);
			from = close + 1;
			continue;
		}
		const value = Number(params[name]);
		let chosen = forms.get('other') ?? '';
		if (!Number.isNaN(value)) {
			let rule = rules.get(lang);
			if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
			chosen = forms.get(`=${value}`) ?? forms.get(rule.select(value)) ?? chosen;
		}
		// Latin digits in every language, Arabic included (see INTL_TAGS in i18n/index.ts), and no grouping: a count reads the same
		// in a sentence as on the map marker or button that shows it (WCAG 2.5.3), e.g. „1234 Einrichtungen".
		let numberFormat = numbers.get(lang);
		if (!numberFormat) numbers.set(lang, (numberFormat = new Intl.NumberFormat(lang, { numberingSystem: 'latn', useGrouping: false })));
		const number = Number.isNaN(value) ? '' : numberFormat.format(value);
		out += text.slice(from, start) + chosen.replace(/#/g, number);
		from = close + 1;
	}
	return out + text.slice(from);
}
