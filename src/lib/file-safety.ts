/**
 * SVG and HTML files cannot run script on the site's origin. Such a file reaches the site as it is (public/, the CMS
 * uploads in public/uploads/, pictures next to entries in content/): opened on its own, an SVG with a `<script>` or
 * an `onload` runs on the same origin as /admin/, where an editor's login lives. So the build refuses them, with a
 * German message naming the file, the line and what is wrong (src/integrations/file-safety.ts).
 *
 * Files are read with parse5, the HTML parser of the Markdown pipeline; what an XML parser (a browser opening an SVG)
 * would read differently is refused on its own: entity declarations, style sheets that transform the document, and
 * namespace prefixes are seen through (`<x:script>` is a script).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { schemeOf } from './content-safety';

/** File types checked: what a browser shows as a document of the site's origin. */
export const CHECKED_EXTENSIONS = ['.svg', '.html', '.htm', '.xhtml', '.xml'] as const;

/** Elements that run script, load other documents or carry HTML into an SVG. */
const REFUSED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'handler', 'listener', 'portal']);

/** Schemes a browser runs or renders as a document of its own when they stand in an attribute. */
const RUNNING = /(?:javascript|vbscript|livescript):|data:(?:text\/html|application\/(?:xhtml|xml)|image\/svg)/i;

/** Attributes that make a browser fetch what they name. */
const FETCHING = /^(?:href|src|srcset|poster|background|data|action|formaction)$/i;

interface Attribute {
	name: string;
	value: string;
	prefix?: string;
}

interface Parse5Node {
	nodeName: string;
	tagName?: string;
	attrs?: Attribute[];
	data?: string;
	value?: string;
	childNodes?: Parse5Node[];
	content?: Parse5Node;
	sourceCodeLocation?: { startLine: number; attrs?: Record<string, { startLine: number }> } | null;
}

const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1).toLowerCase();
const external = (value: string) => /^\s*\/\/|^(?:https?|ftp):/i.test(value.trim()) || ['http', 'https', 'ftp'].includes(schemeOf(value) ?? '');
/** CSS that fetches from elsewhere: `@import` or `url(…)` with another host. */
const externalCss = (css: string) => /@import/i.test(css) || [...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].some((m) => external(m[1] ?? ''));

function walk(node: Parse5Node, found: string[]) {
	const line = node.sourceCodeLocation?.startLine ?? '?';
	if (node.nodeName === '#comment' && /^\?xml-stylesheet\b/i.test(node.data ?? '')) {
		found.push(`Zeile ${line}: Ein eingebundenes Stylesheet (<?xml-stylesheet?>) ist nicht erlaubt – es kann die Datei in eine Seite mit Programmcode verwandeln.`);
	}
	if (node.tagName) {
		const tag = localName(node.tagName);
		if (REFUSED_ELEMENTS.has(tag)) found.push(`Zeile ${line}: Das Element <${node.tagName}> ist nicht erlaubt – es kann Programmcode ausführen oder fremde Inhalte laden.`);
		for (const attr of node.attrs ?? []) {
			const fullName = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
			const at = node.sourceCodeLocation?.attrs?.[fullName]?.startLine ?? line;
			const name = localName(attr.name);
			const squeezed = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
			if (name.startsWith('on')) {
				found.push(`Zeile ${at}: Das Attribut „${fullName}" an <${node.tagName}> ist nicht erlaubt – es führt Programmcode aus.`);
			} else if (RUNNING.test(squeezed) || RUNNING.test(attr.value)) {
				found.push(`Zeile ${at}: „${fullName}" an <${node.tagName}> verweist auf Programmcode („${(RUNNING.exec(squeezed) ?? RUNNING.exec(attr.value))?.[0]}") – das ist nicht erlaubt.`);
			} else if (name === 'attributename' && /^(?:.*:)?href$|^on/i.test(attr.value.trim())) {
				found.push(`Zeile ${at}: Eine Animation von „${attr.value.trim()}" an <${node.tagName}> ist nicht erlaubt – sie kann einen Verweis auf Programmcode setzen.`);
			} else if (tag !== 'a' && FETCHING.test(name) && external(attr.value)) {
				found.push(`Zeile ${at}: <${node.tagName}> lädt „${attr.value.trim()}" von einer fremden Adresse – die Website lädt nichts von anderen Servern. Bitte die Datei selbst einbinden.`);
			} else if (name === 'style' && externalCss(attr.value)) {
				found.push(`Zeile ${at}: Das Attribut „style" an <${node.tagName}> lädt etwas von einer fremden Adresse – das ist nicht erlaubt.`);
			}
		}
		if (tag === 'style') {
			const css = (node.childNodes ?? []).map((child) => child.value ?? '').join('');
			if (externalCss(css)) found.push(`Zeile ${line}: Das Element <style> lädt etwas von einer fremden Adresse (@import oder url(…)) – das ist nicht erlaubt.`);
		}
	}
	for (const child of node.childNodes ?? []) walk(child, found);
	if (node.content) walk(node.content, found);
}

/** What is wrong with the text of an SVG or HTML file, one German sentence each (empty when nothing is). */
export function fileProblems(text: string): string[] {
	const found: string[] = [];
	// An XML parser expands entities declared in the file itself; the HTML parser would not see what they say.
	const entity = /<!ENTITY\b/i.exec(text);
	if (entity) found.push(`Zeile ${text.slice(0, entity.index).split('\n').length}: Eigene Entitäten (<!ENTITY …>) sind nicht erlaubt.`);
	walk(parse(text, { sourceCodeLocationInfo: true }) as unknown as Parse5Node, found);
	return found;
}

/** Every checked file under `folder` (hidden folders and node_modules left out), as absolute paths. */
export function checkedFiles(folder: string): string[] {
	let entries: import('node:fs').Dirent[];
	try {
		entries = readdirSync(folder, { withFileTypes: true });
	} catch {
		return [];
	}
	return entries.flatMap((entry) => {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : checkedFiles(full);
		return (CHECKED_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase()) ? [full] : [];
	});
}

/** The problems of every checked file in `folders`, by file (files without problems left out). */
export function folderProblems(folders: readonly string[]): { file: string; problems: string[] }[] {
	return folders
		.flatMap(checkedFiles)
		.map((file) => ({ file, problems: fileProblems(readFileSync(file, 'utf8')) }))
		.filter((result) => result.problems.length > 0);
}
