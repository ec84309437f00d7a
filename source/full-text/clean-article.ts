import {networkUrl} from '../sources/clean.js';
import {cleanLine, cleanText} from '../render/sanitize.js';

/*
What Readability gives is still the network's: it keeps what it judges to be content, not what is safe.
Here the article's tree is cleaned as every network value is: elements that run, style, ask for input
or embed another document go with what they hold; of attributes only those the layout reads stay
(no handler, no style, no class); every link and image becomes absolute http or https (or mailto:), or
loses the attribute (a link then is its text); every text and attribute value is cleaned of control
characters and escape sequences (cleanText, cleanLine).
*/

/** The few DOM members cleaning needs (linkedom's nodes have them; the project has no DOM types). */
export type DomNode = {
	readonly nodeType: number;
	readonly childNodes: ArrayLike<DomNode>;
	readonly parentNode: DomNode | null;
	nodeValue: string | null;
	readonly localName?: string;
	readonly attributes?: ArrayLike<{readonly name: string; readonly value: string}>;
	getAttribute?(name: string): string | null;
	setAttribute?(name: string, value: string): void;
	removeAttribute?(name: string): void;
	remove(): void;
	replaceWith(...nodes: DomNode[]): void;
};

const elementNode = 1;
const textNode = 3;

/** Removed with everything inside them. */
const droppedElements = new Set([
	'script', 'style', 'noscript', 'template', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
	'textarea', 'option', 'link', 'meta', 'base', 'frame', 'frameset', 'dialog', 'svg', 'math', 'canvas', 'head', 'title',
]);

/** Attributes the layout reads; every other goes (handlers, style, class, data-*). */
const keptAttributes = new Set(['href', 'src', 'alt', 'title', 'start', 'reversed', 'value', 'type', 'colspan', 'rowspan', 'datetime', 'cite', 'poster', 'lang']);
/** Attributes holding an address: made absolute, or removed. */
const urlAttributes = new Set(['href', 'src', 'cite', 'poster']);

/** Cleans `root`'s tree in place, links resolved against `baseUrl`. */
export function cleanArticleTree(root: DomNode, baseUrl: string): void {
	// An explicit stack: a page nested 10,000 deep must not overflow the call stack.
	const stack: DomNode[] = [...Array.from(root.childNodes)];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.nodeType === textNode) {
			const text = node.nodeValue ?? '';
			const cleaned = cleanText(text);
			if (cleaned !== text) node.nodeValue = cleaned;
			continue;
		}
		if (node.nodeType !== elementNode) {
			// Comments, processing instructions: nothing a reader reads.
			node.remove();
			continue;
		}
		const name = (node.localName ?? '').toLowerCase();
		if (droppedElements.has(name) || name.includes(':')) {
			node.remove();
			continue;
		}
		cleanAttributes(node, name, baseUrl);
		for (const child of Array.from(node.childNodes)) stack.push(child);
	}
}

function cleanAttributes(node: DomNode, name: string, baseUrl: string): void {
	const names = Array.from(node.attributes ?? [], attribute => attribute.name);
	for (const attribute of names) {
		const lower = attribute.toLowerCase();
		const value = node.getAttribute?.(attribute) ?? '';
		if (!keptAttributes.has(lower)) {
			node.removeAttribute?.(attribute);
			continue;
		}
		if (urlAttributes.has(lower)) {
			const url = networkUrl(value, baseUrl, {allowMailto: lower === 'href' && name === 'a'});
			if (url === undefined) node.removeAttribute?.(attribute);
			else if (url !== value) node.setAttribute?.(attribute, url);
			continue;
		}
		const cleaned = cleanLine(value);
		if (cleaned !== value) node.setAttribute?.(attribute, cleaned);
	}
}
