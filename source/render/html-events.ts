import {Parser} from 'htmlparser2';

/** An element as it opens: what the layout rules need to know about it. */
export type Tag = {
	/** Lower case. */
	readonly name: string;
	/** Decoded but not cleaned. */
	readonly attribs: Readonly<Record<string, string>>;
	/** The enclosing element's name, '' at the top. */
	readonly parent: string;
};

/** What to do when an element ends. */
export type Exit = () => void;

export type HtmlVisitor = {
	/** Returns false to skip the element's contents, an Exit to run when it ends, or true. */
	readonly enter: (tag: Tag) => Exit | boolean;
	/** Decoded text (character references resolved), not cleaned; one text node may come in pieces. */
	readonly text: (text: string) => void;
};

/**
Reads HTML with htmlparser2's streaming parser, which decodes character references and closes
elements the way HTML implies (`<p>` before `<div>`, `<li>` before `<li>`). No document tree is built
and nothing recurses: a megabyte of HTML costs little memory, and 10,000 nested elements cannot
overflow the stack.
*/
export function visitHtml(html: string, visitor: HtmlVisitor): void {
	const exits: Array<Exit | undefined> = [];
	const names: string[] = [];
	// Elements inside one whose contents are skipped, the skipped one included.
	let skipDepth = 0;
	// The parser splits a text node at character references; joined again, `&#27;]0;title&#7;` is
	// one escape sequence for cleanText to remove whole, and Markdown escaping sees whole words.
	let text = '';
	const flushText = () => {
		if (text !== '') {
			const data = text;
			text = '';
			visitor.text(data);
		}
	};
	const parser = new Parser(
		{
			onopentag(name, attribs) {
				flushText();
				if (skipDepth > 0) {
					skipDepth++;
					return;
				}
				const result = visitor.enter({name, attribs, parent: names.at(-1) ?? ''});
				if (result === false) {
					skipDepth = 1;
					return;
				}
				names.push(name);
				exits.push(typeof result === 'function' ? result : undefined);
			},
			onclosetag() {
				flushText();
				if (skipDepth > 0) {
					skipDepth--;
					return;
				}
				names.pop();
				exits.pop()?.();
			},
			ontext(data) {
				if (skipDepth === 0) text += data;
			},
		},
		{decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true},
	);
	parser.end(html);
	flushText();
}
