import {Parser} from 'htmlparser2';
import {elementRole, hiddenElements, wordBreakElements} from './html-elements.js';

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
	/**
	 * Whether the visitor has all it needs, asked after each text and each element's end: the rest of
	 * the HTML is then not read (and the elements still open are not ended).
	 */
	readonly enough?: () => boolean;
};

/**
How many elements deep blogterm follows the HTML. Deeper elements are flattened: their text is shown as
part of the element at this depth, their tags are not followed (a block or a line break still parts
the words around it, as a space). htmlparser2 keeps its open elements in
an array it adds to at the front, so each level costs as much as all the levels above it: 100,000
nested elements took 8 s, 200,000 took 36 s. No real post comes near 256 levels.
*/
export const maxHtmlDepth = 256;

// htmlparser2's void elements: they never stay open, so they are followed at any depth.
export const voidElements = new Set([
	'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta',
	'param', 'source', 'track', 'wbr',
]);

// An element that closes an open one of its own name (`<li>` after `<li>`): at the deepest level it
// replaces that one instead of going deeper, so a long list there is still a list.
const closesItsSibling = new Set(['li', 'p', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'rt', 'rp']);

/** What htmlparser2 10 keeps to itself and the depth limit needs: its open elements (innermost first) and the text of a tag name. */
type ParserInternals = {
	readonly stack: readonly string[];
	getSlice(start: number, end: number): string;
};

/**
htmlparser2's Parser, following at most `maxHtmlDepth` open elements. A tag that would open one more
is dropped (its attributes with it) and counted; as many closing tags as were dropped are dropped too.
`onFlattened` hears of each, so that the contents of a hidden element (a script) deep down stay hidden
and the words on either side of a block stay apart.
*/
export class DepthLimitedParser extends Parser {
	private flattened = 0;

	constructor(
		handler: ConstructorParameters<typeof Parser>[0],
		options: ConstructorParameters<typeof Parser>[1],
		private readonly onFlattened: (name: string, opens: boolean) => void,
	) {
		super(handler, options);
	}

	override onopentagname(start: number, endIndex: number): void {
		const internals = this as unknown as ParserInternals;
		// (Should a new htmlparser2 keep these elsewhere, reading still works, only unlimited: tests/reliability/attack-render.test.ts says so.)
		if (!Array.isArray(internals.stack) || typeof internals.getSlice !== 'function' || internals.stack.length < maxHtmlDepth) {
			super.onopentagname(start, endIndex);
			return;
		}
		const name = internals.getSlice(start, endIndex).toLowerCase();
		if (voidElements.has(name) || (closesItsSibling.has(name) && internals.stack[0] === name)) {
			super.onopentagname(start, endIndex);
			return;
		}
		this.endIndex = endIndex;
		this.flattened++;
		this.onFlattened(name, true);
	}

	override onclosetag(start: number, endIndex: number): void {
		if (this.flattened === 0) {
			super.onclosetag(start, endIndex);
			return;
		}
		this.flattened--;
		this.onFlattened((this as unknown as ParserInternals).getSlice(start, endIndex).toLowerCase(), false);
		this.endIndex = endIndex;
		this.startIndex = endIndex + 1;
	}
}

/** A parser feeding `visitor`, and what to call once all the HTML is written to it. */
function startVisit(visitor: HtmlVisitor): {parser: Parser; finish: () => void} {
	const exits: Array<Exit | undefined> = [];
	const names: string[] = [];
	// Elements inside one whose contents are skipped, the skipped one included.
	let skipDepth = 0;
	// The parser splits a text node at character references (and between slices); joined again,
	// `&#27;]0;title&#7;` is one escape sequence for cleanText to remove whole, and Markdown escaping
	// sees whole words.
	let text = '';
	// Whether `text` ends in a space (asked of a flag: reading the end of a string built by += flattens it).
	let endsInSpace = false;
	const flushText = () => {
		if (text !== '') {
			const data = text;
			text = '';
			endsInSpace = false;
			visitor.text(data);
			if (visitor.enough?.()) parser.pause();
		}
	};
	const parser = new DepthLimitedParser(
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
				if (visitor.enough?.()) parser.pause();
			},
			ontext(data) {
				if (skipDepth === 0 && data !== '') {
					text += data;
					endsInSpace = data.endsWith(' ');
				}
			},
		},
		{decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true},
		(name, opens) => {
			// A flattened element has no layout of its own, but a hidden one still hides its text, and a
			// block still parts words.
			if (skipDepth > 0) {
				skipDepth += opens ? 1 : -1;
			} else if (opens && hiddenElements.has(name)) {
				flushText();
				skipDepth = 1;
			} else if (wordBreakElements.has(name) && !endsInSpace) {
				// One space however many blocks: 10,000 empty ones are no text.
				text += ' ';
				endsInSpace = true;
			}
		},
	);
	return {parser, finish: flushText};
}

/**
Reads HTML with htmlparser2's streaming parser, which decodes character references and closes
elements the way HTML implies (`<p>` before `<div>`, `<li>` before `<li>`). No document tree is built
and nothing recurses: a megabyte of HTML costs little memory, and 10,000 nested elements cannot
overflow the stack. Elements deeper than `maxHtmlDepth` are flattened, so any HTML is read in time
proportional to its length.
*/
export function visitHtml(html: string, visitor: HtmlVisitor): void {
	const {parser, finish} = startVisit(visitor);
	parser.end(html);
	finish();
}

export type SliceOptions = {
	/** Stops the work between two slices: the promise rejects with the signal's reason (an AbortError). */
	readonly signal?: AbortSignal;
	/** Characters of HTML read per slice (default 64 Ki, some milliseconds of work). */
	readonly sliceSize?: number;
};

/** Lets timers, input and rendering run, as a long task between two of its slices must. */
export async function nextSlice(signal: AbortSignal | undefined): Promise<void> {
	await new Promise<void>(resolve => {
		setImmediate(resolve);
	});
	signal?.throwIfAborted();
}

/**
`visitHtml` in slices: the HTML is written to the parser a slice at a time, and between slices the
event loop runs (keys are read, the screen is drawn, a spinner turns) and `signal` is checked. The
visitor sees exactly what `visitHtml` would show it.
*/
export async function visitHtmlInSlices(html: string, visitor: HtmlVisitor, options: SliceOptions = {}): Promise<void> {
	const sliceSize = Math.max(1024, Math.floor(options.sliceSize ?? 65_536));
	options.signal?.throwIfAborted();
	const {parser, finish} = startVisit(visitor);
	for (let offset = 0; offset < html.length; offset += sliceSize) {
		parser.write(html.slice(offset, offset + sliceSize));
		await nextSlice(options.signal);
	}
	parser.end();
	finish();
}

/** How many items each `<ol reversed>` in `html` holds, in the order they open: where a list without a start counts down from. */
export function countReversedItems(html: string): number[] {
	const counts: number[] = [];
	const open: Array<number | undefined> = [];
	visitHtml(html, {
		enter(tag) {
			const role = elementRole(tag.name);
			if (role === 'hidden') return false;
			if (role === 'list' || role === 'ordered-list') {
				const index = role === 'ordered-list' && tag.attribs['reversed'] !== undefined ? counts.push(0) - 1 : undefined;
				open.push(index);
				return () => {
					open.pop();
				};
			}
			if (role === 'list-item') {
				const index = open.at(-1);
				if (index !== undefined) counts[index]!++;
			}
			return true;
		},
		text() {
			// Only the items count.
		},
	});
	return counts;
}
