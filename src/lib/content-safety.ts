/**
 * Content may not run script. Markdown goes through rehype-sanitize (raw HTML is reduced to safe tags);
 * MDX (static pages only) is checked by `remarkMdxGuard`, which fails the build on anything that could run.
 */
import { defaultSchema } from 'rehype-sanitize';

/** GitHub's sanitize schema, without the `user-content-` prefix on ids so in-page links keep working. */
export const sanitizeSchema = {
	...defaultSchema,
	clobberPrefix: '',
	attributes: {
		...defaultSchema.attributes,
		'*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'],
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
			} else if (/^\s*(javascript|data|vbscript):/i.test(value)) {
				found.push(`Zeile ${line}: Links mit „${value.split(':')[0]}:" sind nicht erlaubt.`);
			}
		}
	}
	if (node.type === 'link' && /^\s*(javascript|data|vbscript):/i.test(String((node as { url?: string }).url ?? ''))) {
		found.push(`Zeile ${line}: Links mit „javascript:" oder „data:" sind nicht erlaubt.`);
	}
	for (const child of node.children ?? []) problemsOf(child, found);
	return found;
}

/** Remark plugin for MDX: throws a German error listing every construct that could run code. */
export function remarkMdxGuard() {
	return (tree: Node, file: { path?: string }) => {
		const problems = problemsOf(tree, []);
		if (problems.length > 0) {
			throw new Error(`Inhalt fehlerhaft in ${file.path ?? 'einer Seite'}:\n${problems.map((p) => `  • ${p}`).join('\n')}\nSeiten dürfen keinen Programmcode enthalten.`);
		}
	};
}
