/**
 * Content may not run script. Markdown is turned into HTML by Astro's fast Markdown processor (Sätteri, written in
 * Rust) and then cleaned by `sanitizeMarkdown` (raw HTML is reduced to safe tags, unsafe links lose their address);
 * MDX (static pages only) is checked by `remarkMdxGuard`, which fails the build on anything that could run.
 */
import type { Root } from 'hast';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import type { HastPluginDefinition } from 'satteri';

/**
 * GitHub's sanitize schema, without the `user-content-` prefix on ids so in-page links keep working, with phone links
 * (`tel:`, as the MDX guard allows them) and without the text of `<style>` elements (GitHub drops only `<script>`).
 */
export const sanitizeSchema = {
	...defaultSchema,
	clobberPrefix: '',
	strip: [...(defaultSchema.strip ?? []), 'style'],
	protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.['href'] ?? []), 'tel'] },
	attributes: {
		...defaultSchema.attributes,
		'*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'],
	},
};

/**
 * The Markdown processor's last word on every entry's HTML (a Sätteri hast plugin): the whole tree goes through
 * hast-util-sanitize with the schema above, as rehype-sanitize did in the slower JavaScript pipeline. Raw HTML in the
 * text stays a `raw` node, which the cleaning drops (the words between inline tags stay, a block of HTML goes as a
 * whole): no editor-made tag, id or name reaches the page. Links whose address is not http(s), mailto or tel lose
 * their address and keep their words. Astro's own plugins (picture markers, heading ids) run after it.
 */
export const sanitizeMarkdown: HastPluginDefinition = {
	name: 'quartier-sanitize',
	after(root, context) {
		context.replaceNode(root, sanitize(root as Root, sanitizeSchema) as Root);
	},
};

interface Node {
	type: string;
	name?: string | null;
	value?: string;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: Node[];
	position?: { start: { line: number } };
}

/** Components that static pages may use (passed to `<Content components={…} />`). */
export const MDX_COMPONENTS = ['Hinweis'] as const;

const SAFE_TAGS = new Set(['p', 'a', 'strong', 'em', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'br', 'abbr', 'blockquote', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'small', 'sup', 'sub']);

/** Attributes whose value a browser follows as an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'srcset', 'background', 'xlink:href', 'data', 'ping']);

/** Schemes a link in content may use; an address without a scheme (relative, „#anker", „/seite/") is fine too. */
export const SAFE_SCHEMES = ['https', 'http', 'mailto', 'tel'] as const;

/** Character references a browser decodes in an attribute before it reads the address („java&#9;script:", „&colon;"). */
const NAMED_REFERENCES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0', sol: '/', lpar: '(', rpar: ')', period: '.', amp: '&' };

function decodeReferences(value: string): string {
	return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
		if (hex || dec) {
			const code = Number.parseInt(hex ?? dec ?? '', hex ? 16 : 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		}
		return NAMED_REFERENCES[(name ?? '').toLowerCase()] ?? whole;
	});
}

/**
 * The scheme of an address as a browser reads it: character references decoded, then control characters, tabs,
 * line breaks and spaces removed anywhere (browsers drop them, so „java\tscript:" is „javascript:"); undefined for
 * an address without a scheme (relative).
 */
export function schemeOf(address: string): string | undefined {
	const cleaned = decodeReferences(address).replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '');
	const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
	return match ? (match[1] ?? '').toLowerCase() : undefined;
}

/** Why a link address is refused (German, for the build message), or undefined when it is safe. */
export function urlProblem(address: string): string | undefined {
	const scheme = schemeOf(address);
	if (scheme === undefined || (SAFE_SCHEMES as readonly string[]).includes(scheme)) return undefined;
	return `Links mit „${scheme}:" sind nicht erlaubt (erlaubt: Adressen auf dieser Website und ${SAFE_SCHEMES.map((s) => `${s}:`).join(', ')}).`;
}

function problemsOf(node: Node, found: string[]): string[] {
	const line = node.position?.start.line ?? '?';
	if (node.type === 'mdxjsEsm') found.push(`Zeile ${line}: „import"/„export" ist in Seiten nicht erlaubt.`);
	if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') found.push(`Zeile ${line}: Ausdrücke in geschweiften Klammern { } sind nicht erlaubt.`);
	if (node.type === 'html') found.push(`Zeile ${line}: HTML-Code ist nicht erlaubt.`);
	if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
		const name = node.name ?? '';
		if (!SAFE_TAGS.has(name) && !(MDX_COMPONENTS as readonly string[]).includes(name)) {
			found.push(`Zeile ${line}: Das Element <${name}> ist nicht erlaubt (erlaubt: ${[...MDX_COMPONENTS].join(', ')} und einfache Textelemente).`);
		}
		for (const attribute of node.attributes ?? []) {
			const attrName = attribute.name ?? '';
			const value = typeof attribute.value === 'string' ? attribute.value : '';
			if (attribute.type !== 'mdxJsxAttribute' || /^on/i.test(attrName) || /^(set:|dangerously)/i.test(attrName) || typeof attribute.value === 'object' && attribute.value !== null) {
				found.push(`Zeile ${line}: Das Attribut „${attrName || '{…}'}" an <${name}> ist nicht erlaubt.`);
			} else if (/^style$/i.test(attrName)) {
				found.push(`Zeile ${line}: Das Attribut „style" an <${name}> ist nicht erlaubt – Aussehen kommt aus der Gestaltung der Website.`);
			} else if (URL_ATTRIBUTES.has(attrName.toLowerCase()) && urlProblem(value)) {
				found.push(`Zeile ${line}: ${urlProblem(value)}`);
			}
		}
	}
	if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
		const problem = urlProblem(String((node as { url?: string }).url ?? ''));
		if (problem) found.push(`Zeile ${line}: ${problem}`);
	}
	for (const child of node.children ?? []) problemsOf(child, found);
	return found;
}

/** Remark plugin for MDX: throws a German error listing every construct that could run code. */
export function remarkMdxGuard() {
	return (tree: object, file: { path?: string }) => {
		const problems = problemsOf(tree as Node, []);
		if (problems.length > 0) {
			throw new Error(`Inhalt fehlerhaft in ${file.path ?? 'einer Seite'}:\n${problems.map((p) => `  • ${p}`).join('\n')}\nSeiten dürfen keinen Programmcode enthalten.`);
		}
	};
}
