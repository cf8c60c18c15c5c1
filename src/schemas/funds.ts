import { oneOf, type Site } from './fields';

/** A choice of one of the office's funds (from the settings), shown to staff by the fund's name. */
export function fundChoice(site: Site, label: string, options: { help?: string } = {}) {
	const ids = site.funds.map((fund) => fund.id) as [string, ...string[]];
	return oneOf(label, ids, { help: options.help, labels: Object.fromEntries(site.funds.map((fund) => [fund.id, fund.label])) });
}
