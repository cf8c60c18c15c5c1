/**
 * The response headers Netlify would send for a path, computed from the project's netlify.toml (read with a real
 * TOML parser) and a build's generated _headers file. As Netlify documents it: every rule whose path matches
 * applies, from both files; `*` matches anything (also nothing, also slashes), `:name` one path segment; the same
 * header from several matching rules ends up as one comma-separated value (so a denial and a permission for the
 * same path would both reach the browser, which obeys the stricter). Two rules for the identical path are merged
 * instead, as Netlify's headers parser (@netlify/headers-parser, merge.ts) does: the later value of a header
 * replaces the earlier, and netlify.toml's replaces _headers'.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';

export interface HeaderRule {
	for: string;
	values: Record<string, string>;
	/** Where the rule comes from: netlify.toml or _headers. */
	source: string;
}

/** The `[[headers]]` tables of a netlify.toml. */
export function tomlRules(text: string): HeaderRule[] {
	const config = parse(text) as { headers?: { for: string; values: Record<string, string | string[]> }[] };
	return (config.headers ?? []).map((rule) => ({
		for: rule.for,
		values: Object.fromEntries(Object.entries(rule.values).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)])),
		source: 'netlify.toml',
	}));
}

/** The rules of a _headers file: a path on its own line, then its headers indented as `Name: value`. */
export function headersFileRules(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ for: line.trim(), values: {}, source: '_headers' });
			continue;
		}
		const rule = rules.at(-1);
		const colon = line.indexOf(':');
		if (!rule || colon < 0) throw new Error(`_headers: a header line without a path or a colon: ${line}`);
		const name = line.slice(0, colon).trim();
		const value = line.slice(colon + 1).trim();
		rule.values[name] = rule.values[name] ? `${rule.values[name]}, ${value}` : value;
	}
	return rules;
}

/** Whether a rule's path pattern matches a request path. */
export function matches(pattern: string, pathname: string): boolean {
	const source = pattern
		.split(/(\*|:[A-Za-z_]+)/)
		.map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`).test(pathname);
}

/** Every rule of a build: the project's netlify.toml and the build's _headers (if any). */
export function siteRules(dist: string, tomlFile = 'netlify.toml'): HeaderRule[] {
	const file = path.join(dist, '_headers');
	return [...(existsSync(file) ? headersFileRules(readFileSync(file, 'utf8')) : []), ...tomlRules(readFileSync(tomlFile, 'utf8'))];
}

/**
 * The headers Netlify sends for a path (names in lower case). Rules for the very same path are merged first, as
 * Netlify's headers parser merges them: the same header twice for one path is not joined, the later rule wins, and
 * netlify.toml wins over _headers (so `rules` lists _headers first, as siteRules does). Rules for different
 * patterns that match the path all apply, their values of one header joined.
 */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
	const byPattern = new Map<string, Record<string, string>>();
	for (const rule of rules) {
		if (!matches(rule.for, pathname)) continue;
		const merged = byPattern.get(rule.for) ?? {};
		for (const [name, value] of Object.entries(rule.values)) {
			for (const existing of Object.keys(merged)) if (existing.toLowerCase() === name.toLowerCase()) delete merged[existing];
			merged[name] = value;
		}
		byPattern.set(rule.for, merged);
	}
	const headers: Record<string, string[]> = {};
	for (const values of byPattern.values()) for (const [name, value] of Object.entries(values)) (headers[name.toLowerCase()] ??= []).push(value);
	return Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.join(', ')]));
}

/**
 * Whether a browser lets another site frame a page with these headers: no X-Frame-Options, and every
 * frame-ancestors directive (a joined header holds several policies, each must allow it) names `*`.
 */
export function frameableByOthers(headers: Record<string, string>): boolean {
	if (headers['x-frame-options']) return false;
	const ancestors = [...(headers['content-security-policy'] ?? '').matchAll(/frame-ancestors\s+([^;,]+)/g)].map((m) => (m[1] ?? '').trim());
	return ancestors.every((sources) => sources.split(/\s+/).includes('*'));
}
