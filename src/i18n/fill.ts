/**
 * Fills the {placeholders} of a dictionary text, e.g. fill('{count} Treffer', { count: 3 }). It imports no
 * dictionary, so browser scripts use it on texts the page hands them in data attributes.
 * A placeholder without a value is left as it is (so a missing value shows) unless `dropMissing` is set.
 *
 * Numbers that change the words are written as plurals in ICU's form, chosen by the language's own rules
 * (Intl.PluralRules: German and English have one/other, Turkish other only, Arabic zero/one/two/few/many/other):
 *   '{count, plural, one {# Treffer} other {# Treffer}}'   – „#" stands for the number.
 * The language is `locale`, or in a browser the page's `<html lang>`, or German. A plural whose number is not given
 * stays as it is (the build hands such texts to browser scripts), or becomes its „other" form with `dropMissing`.
 */
export function fill(text: string, params: Record<string, string | number>, dropMissing = false, locale?: string): string {
	const lang = locale ?? (typeof document !== 'undefined' ? document.documentElement.lang : '') ?? 'de';
	return replacePlurals(text, params, lang || 'de', dropMissing).replace(/\{(\w+)\}/g, (_, name: string) =>
		params[name] !== undefined ? String(params[name]) : dropMissing ? '' : `{${name}}`,
	);
}

const rules = new Map<string, Intl.PluralRules>();

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
		const close = text.indexOf('}', i);
		const name = head[1] ?? '';
		if (params[name] === undefined && !dropMissing) {
			// Left for whoever knows the number.
			const whole = close === -1 ? text.length : close + 1;
			out += text.slice(from, whole);
			from = whole;
			continue;
		}
		const value = Number(params[name]);
		let chosen = forms.get('other') ?? '';
		if (!Number.isNaN(value)) {
			let rule = rules.get(lang);
			if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
			chosen = forms.get(`=${value}`) ?? forms.get(rule.select(value)) ?? chosen;
		}
		out += text.slice(from, start) + chosen.replace(/#/g, params[name] !== undefined ? String(params[name]) : '#');
		from = close === -1 ? text.length : close + 1;
	}
	return out + text.slice(from);
}
