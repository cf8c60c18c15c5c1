/**
 * SVG and HTML files cannot run script on the site's origin. Such a file reaches the site as it is (public/, the CMS
 * uploads in public/uploads/, pictures next to entries in content/): opened on its own, an SVG with a `<script>` or
 * an `onload` runs on the same origin as /admin/, where an editor's login lives. So the build refuses them, with a
 * German message naming the file, the line and what is wrong (src/integrations/file-safety.ts).
 *
 * Every file is read the way a browser reads it: .html/.htm with parse5 (an HTML parser, like the Markdown pipeline),
 * the XML types (.svg, .xml, .xhtml, …) with saxes, a strict XML parser, because an XML document has real child
 * elements where HTML reads raw text (`<textarea><script>` runs in an SVG). A file that is not well-formed XML is
 * refused rather than guessed at. Both parsers yield the same flat list of elements, checked by one set of rules;
 * element and attribute names count by their local name (`<x:script>` is a script, whatever its namespace).
 * Files are read as bytes: anything a browser might decode other than as UTF-8 (UTF-16/32, NUL bytes, a declared
 * encoding other than UTF-8) is refused, since the checker would read different text than the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { SaxesParser } from 'saxes';
import { schemeOf } from './content-safety';

/** File types parsed as HTML. */
const HTML_EXTENSIONS = ['.html', '.htm'] as const;
/** File types a browser parses as XML (and so this check too). */
const XML_EXTENSIONS = ['.svg', '.xml', '.xhtml', '.xht', '.xsl', '.xslt', '.mml'] as const;
/** File types checked: what a browser shows as a document of the site's origin (.svgz is refused outright). */
export const CHECKED_EXTENSIONS = [...HTML_EXTENSIONS, ...XML_EXTENSIONS, '.svgz'] as const;
/** Hidden folders that are served nonetheless and so are checked. */
const SERVED_HIDDEN_FOLDERS = new Set(['.well-known']);

/** Elements that run script, load other documents, carry HTML into an SVG or change where links point. */
const REFUSED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'handler', 'listener', 'portal', 'base']);

/** Schemes a browser runs or renders as a document of its own when they stand in an attribute. */
const RUNNING = /(?:javascript|vbscript|livescript):|data:(?:text\/html|application\/(?:xhtml|xml)|image\/svg)/i;

/** Attributes that make a browser fetch what they name. */
const FETCHING = /^(?:href|src|srcset|poster|background|data|action|formaction)$/i;

/** An attribute as written (`name` with its prefix), with the line it starts on. */
interface Attr {
	name: string;
	value: string;
	line: number | '?';
}

/** An element as both parsers yield it: its name as written, attributes, line and direct text (for <style>). */
interface Element {
	name: string;
	attrs: Attr[];
	line: number | '?';
	text: string;
}

/** What a parser yields, in document order: elements and `<?xml-stylesheet?>` instructions. */
type Item = ({ kind: 'element' } & Element) | { kind: 'stylesheet'; line: number | '?' };

const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1).toLowerCase();
const external = (value: string) => /^\s*\/\/|^(?:https?|ftp):/i.test(value.trim()) || ['http', 'https', 'ftp'].includes(schemeOf(value) ?? '');
/** CSS that fetches from elsewhere: `@import` or `url(…)` with another host. */
const externalCss = (css: string) => /@import/i.test(css) || [...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].some((m) => external(m[1] ?? ''));
const isUtf8 = (label: string) => /^utf-?8$/i.test(label.trim());

/** The rules, one German sentence per problem found. */
function checkItems(items: readonly Item[], found: string[]) {
	for (const item of items) {
		if (item.kind === 'stylesheet') {
			found.push(`Zeile ${item.line}: Ein eingebundenes Stylesheet (<?xml-stylesheet?>) ist nicht erlaubt – es kann die Datei in eine Seite mit Programmcode verwandeln.`);
			continue;
		}
		const { name: tagName, line } = item;
		const tag = localName(tagName);
		if (tag === 'base') found.push(`Zeile ${line}: Das Element <${tagName}> ist nicht erlaubt – es lenkt alle Verweise der Datei auf eine andere Adresse um.`);
		else if (REFUSED_ELEMENTS.has(tag)) found.push(`Zeile ${line}: Das Element <${tagName}> ist nicht erlaubt – es kann Programmcode ausführen oder fremde Inhalte laden.`);
		if (tag === 'meta') {
			const value = (attr: string) => item.attrs.find((a) => localName(a.name) === attr)?.value ?? '';
			const equiv = value('http-equiv').trim().toLowerCase();
			const charset = value('charset') || /charset\s*=\s*([^\s;"']+)/i.exec(equiv === 'content-type' ? value('content') : '')?.[1] || '';
			if (equiv === 'refresh') found.push(`Zeile ${line}: <${tagName} http-equiv="refresh"> ist nicht erlaubt – es leitet auf eine andere Seite weiter.`);
			if (charset && !isUtf8(charset)) found.push(`Zeile ${line}: Die Zeichenkodierung „${charset.trim()}" ist nicht erlaubt – bitte die Datei als UTF-8 speichern.`);
		}
		for (const attr of item.attrs) {
			const at = attr.line;
			const name = localName(attr.name);
			const squeezed = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
			if (name.startsWith('on')) {
				found.push(`Zeile ${at}: Das Attribut „${attr.name}" an <${tagName}> ist nicht erlaubt – es führt Programmcode aus.`);
			} else if (RUNNING.test(squeezed) || RUNNING.test(attr.value)) {
				found.push(`Zeile ${at}: „${attr.name}" an <${tagName}> verweist auf Programmcode („${(RUNNING.exec(squeezed) ?? RUNNING.exec(attr.value))?.[0]}") – das ist nicht erlaubt.`);
			} else if (name === 'attributename' && /^(?:.*:)?href$|^on/i.test(attr.value.trim())) {
				found.push(`Zeile ${at}: Eine Animation von „${attr.value.trim()}" an <${tagName}> ist nicht erlaubt – sie kann einen Verweis auf Programmcode setzen.`);
			} else if (tag !== 'a' && FETCHING.test(name) && external(attr.value)) {
				found.push(`Zeile ${at}: <${tagName}> lädt „${attr.value.trim()}" von einer fremden Adresse – die Website lädt nichts von anderen Servern. Bitte die Datei selbst einbinden.`);
			} else if (name === 'style' && externalCss(attr.value)) {
				found.push(`Zeile ${at}: Das Attribut „style" an <${tagName}> lädt etwas von einer fremden Adresse – das ist nicht erlaubt.`);
			}
		}
		if (tag === 'style' && externalCss(item.text)) found.push(`Zeile ${line}: Das Element <style> lädt etwas von einer fremden Adresse (@import oder url(…)) – das ist nicht erlaubt.`);
	}
}

interface Parse5Node {
	nodeName: string;
	tagName?: string;
	attrs?: { name: string; value: string; prefix?: string }[];
	data?: string;
	value?: string;
	childNodes?: Parse5Node[];
	content?: Parse5Node;
	sourceCodeLocation?: { startLine: number; attrs?: Record<string, { startLine: number }> } | null;
}

/** The items of an HTML document, as parse5 reads it. */
function htmlItems(text: string): Item[] {
	const items: Item[] = [];
	const walk = (node: Parse5Node) => {
		const line = node.sourceCodeLocation?.startLine ?? '?';
		if (node.nodeName === '#comment' && /^\?xml-stylesheet\b/i.test(node.data ?? '')) items.push({ kind: 'stylesheet', line });
		if (node.tagName) {
			const attrs = (node.attrs ?? []).map((attr): Attr => {
				const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
				return { name, value: attr.value, line: node.sourceCodeLocation?.attrs?.[name]?.startLine ?? line };
			});
			const text = (node.childNodes ?? []).map((child) => child.value ?? '').join('');
			items.push({ kind: 'element', name: node.tagName, attrs, line, text });
		}
		for (const child of node.childNodes ?? []) walk(child);
		if (node.content) walk(node.content);
	};
	walk(parse(text, { sourceCodeLocationInfo: true }) as unknown as Parse5Node);
	return items;
}

/** The items of an XML document, as saxes reads it; a German sentence instead when it is not well-formed. */
function xmlItems(text: string): Item[] | string {
	const parser = new SaxesParser({ xmlns: true, position: true });
	const items: Item[] = [];
	const open: Element[] = [];
	let attrLines = new Map<string, number>();
	let startLine = 1;
	let error: string | undefined;
	parser.on('error', (err) => {
		error ??= `Die Datei ist kein gültiges XML: ${err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')} (Zeile ${parser.line}). Bitte die Datei neu speichern oder als PNG/JPG hochladen.`;
	});
	parser.on('processinginstruction', (pi) => {
		if (pi.target.toLowerCase() === 'xml-stylesheet') items.push({ kind: 'stylesheet', line: parser.line });
	});
	parser.on('opentagstart', () => {
		startLine = parser.line;
		attrLines = new Map();
	});
	parser.on('attribute', (attr) => {
		if (!attrLines.has(attr.name)) attrLines.set(attr.name, parser.line);
	});
	parser.on('opentag', (tag) => {
		const attrs = Object.values(tag.attributes).map((attr) => ({ name: attr.name, value: attr.value, line: attrLines.get(attr.name) ?? startLine }));
		const element: Item & Element = { kind: 'element', name: tag.name, attrs, line: startLine, text: '' };
		items.push(element);
		if (!tag.isSelfClosing) open.push(element);
	});
	parser.on('closetag', (tag) => {
		if (!tag.isSelfClosing) open.pop();
	});
	const addText = (chunk: string) => {
		const current = open.at(-1);
		if (current) current.text += chunk;
	};
	parser.on('text', addText);
	parser.on('cdata', addText);
	try {
		parser.write(text).close();
	} catch (err) {
		error ??= `Die Datei ist kein gültiges XML: ${String(err)} (Zeile ${parser.line}).`;
	}
	return error ?? items;
}

/** What the bytes say about how a browser decodes them; a German sentence when it could be other than UTF-8. */
function encodingProblem(bytes: Uint8Array): string | undefined {
	const [a, b, c, d] = bytes;
	if ((a === 0xfe && b === 0xff) || (a === 0xff && b === 0xfe) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
		return 'Die Datei ist in UTF-16 oder UTF-32 gespeichert – das ist nicht erlaubt. Bitte die Datei als UTF-8 speichern.';
	}
	const nul = bytes.indexOf(0);
	if (nul >= 0) return `Zeile ${bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1}: Die Datei enthält Null-Bytes – das ist nicht erlaubt. Bitte die Datei als UTF-8-Text speichern.`;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return 'Die Datei ist nicht in UTF-8 gespeichert – das ist nicht erlaubt. Bitte die Datei als UTF-8 speichern.';
	}
	return undefined;
}

/**
 * What is wrong with an SVG, XML or HTML file, one German sentence each (empty when nothing is). `content` is best
 * given as the file's bytes; `file` is its name (the extension decides how it is read).
 */
export function fileProblems(content: Uint8Array | string, file: string): string[] {
	const extension = path.extname(file).toLowerCase();
	if (extension === '.svgz') return ['Komprimierte SVG-Dateien (.svgz) können nicht geprüft werden und sind nicht erlaubt – bitte die SVG-Datei entpackt (.svg) hochladen.'];
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	const encoding = encodingProblem(bytes);
	if (encoding) return [encoding];
	const text = new TextDecoder('utf-8').decode(bytes);
	const found: string[] = [];
	const declared = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']/i.exec(text);
	if (declared && !isUtf8(declared[1] ?? '')) found.push(`Zeile 1: Die Zeichenkodierung „${declared[1]}" ist nicht erlaubt – bitte die Datei als UTF-8 speichern (encoding="UTF-8").`);
	// An XML parser expands entities declared in the file itself; the checker would not see what they say.
	const entity = /<!ENTITY\b/i.exec(text);
	if (entity) found.push(`Zeile ${text.slice(0, entity.index).split('\n').length}: Eigene Entitäten (<!ENTITY …>) sind nicht erlaubt.`);
	if (found.length > 0) return found;
	if ((HTML_EXTENSIONS as readonly string[]).includes(extension)) {
		checkItems(htmlItems(text), found);
		return found;
	}
	const items = xmlItems(text);
	if (typeof items === 'string') return [items];
	checkItems(items, found);
	return found;
}

/** Every checked file under `folder` (hidden folders other than .well-known, and node_modules, left out), as absolute paths. */
export function checkedFiles(folder: string): string[] {
	let entries: import('node:fs').Dirent[];
	try {
		entries = readdirSync(folder, { withFileTypes: true });
	} catch {
		return [];
	}
	return entries.flatMap((entry) => {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) return (entry.name.startsWith('.') && !SERVED_HIDDEN_FOLDERS.has(entry.name)) || entry.name === 'node_modules' ? [] : checkedFiles(full);
		return (CHECKED_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase()) ? [full] : [];
	});
}

/** The problems of every checked file in `folders`, by file (files without problems left out). */
export function folderProblems(folders: readonly string[]): { file: string; problems: string[] }[] {
	return folders
		.flatMap(checkedFiles)
		.map((file) => ({ file, problems: fileProblems(readFileSync(file), file) }))
		.filter((result) => result.problems.length > 0);
}
