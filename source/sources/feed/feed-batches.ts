/**
 * A big XML feed cut into small ones, so that the parser's tree of 10,000 items never exists at once:
 * each part is the feed's text before its first item, a run of its items, and its text after the last
 * one. The tree of one part is read into items and let go before the next part is parsed (case 5 of
 * the bench: a 6.8 MB feed of 10,000 items).
 */

/** Feeds shorter than this are parsed whole: their tree is small. */
export const batchedFeedChars = 1_000_000;

/**
 * Items per part. The smaller the part, the sooner its tree is garbage (it then dies young, and the old
 * space does not grow with it), but the more of the collecting is done on the main thread: 100 took the
 * reader's peak on the 10,000-item feed from 240-256 to 196-231 MB for about the same main-thread CPU
 * time (50: 199-230 MB but 6-10 % more main-thread CPU; 500: +82 MB of peak for the parse alone).
 */
export const itemsPerBatch = 100;

export type FeedBatches = {
	/** The feed without its items (with what lies between them): its title, link, generator… */
	readonly head: string;
	/** Each part, as a feed of its own, in the feed's order: made as it is asked for, so that one part only is held at a time. */
	readonly parts: () => Generator<string, void, undefined>;
	/** The element the feed was cut at, and how many of them it holds (see countItemElements). */
	readonly element: 'item' | 'entry';
	readonly count: number;
	/** Items per part: each part but the last holds this many. */
	readonly perBatch: number;
	/** What each item's RSS `<author>` holds, as itemAuthors tells it: for `<item>` elements only. */
	readonly authors?: ReadonlyArray<string | undefined>;
};

/**
 * The feed's text cut into parts of `itemsPerBatch` items, its items being the `<item>` (RSS) or
 * `<entry>` (Atom) elements; undefined when it is short, or when its items cannot be told surely
 * (none, prefixed names, one not closed): it is then parsed whole, as before. Comments, CDATA
 * sections and processing instructions are skipped, so an `<item>` written inside one is not one.
 */
export function feedBatches(text: string, element: 'item' | 'entry', options: {minChars?: number; perBatch?: number} = {}): FeedBatches | undefined {
	if (text.length < (options.minChars ?? batchedFeedChars)) return undefined;
	const perBatch = Math.max(1, options.perBatch ?? itemsPerBatch);
	const spans = itemSpans(text, element);
	if (!spans || spans.length <= perBatch) return undefined;
	const before = text.slice(0, spans[0]!.start);
	const after = text.slice(spans.at(-1)!.end);
	// What lies between two items is whitespace, or (rarely) more of the channel's own elements: kept in the head.
	let between = '';
	for (let index = 1; index < spans.length; index++) {
		const gap = text.slice(spans[index - 1]!.end, spans[index]!.start);
		if (gap.trim()) between += gap;
	}
	return {
		element,
		count: spans.length,
		perBatch,
		...(element === 'item' ? {authors: authorsOf(text, spans)} : {}),
		head: before + between + after,
		* parts() {
			for (let first = 0; first < spans.length; first += perBatch) {
				const last = spans[Math.min(first + perBatch, spans.length) - 1]!;
				yield before + text.slice(spans[first]!.start, last.end) + after;
			}
		},
	};
}

/**
 * How many `<item>` (RSS) or `<entry>` (Atom) elements the feed's text holds at its top level, as
 * feedBatches tells them; undefined when they cannot be told surely (see itemSpans). The parser leaves
 * out an item with nothing in it (`<item></item>`): this is what says one was there.
 */
export function countItemElements(text: string, element: 'item' | 'entry'): number | undefined {
	return itemSpans(text, element)?.length;
}

/**
 * The `<item>` elements of an RSS feed, as countItemElements counts them, with what each one's `<author>`
 * holds, as it is written in the XML (entities not decoded, CDATA sections kept): the parser reads an
 * author as `email (Name)` and rebuilds the name from the parts around `<`, `(` and `[`, which breaks an
 * escape sequence in two and makes `b Bold` of `&lt;b&gt;Bold`. Undefined for an item with no author, or
 * one whose author holds elements. Undefined as a whole when the items cannot be told surely.
 */
export function itemAuthors(text: string): {readonly count: number; readonly authors: ReadonlyArray<string | undefined>} | undefined {
	const spans = itemSpans(text, 'item');
	return spans && {count: spans.length, authors: authorsOf(text, spans)};
}

const authorOpen = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<author(?:\s[^>]*)?>/g;
const authorClose = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/author\s*>|</g;

function authorsOf(text: string, spans: readonly Span[]): Array<string | undefined> {
	// Most feeds (WordPress's among them) name authors with dc:creator: nothing to look for.
	if (!text.includes('<author')) return spans.map(() => undefined);
	return spans.map(span => authorIn(text, span));
}

/** The text of the item's first `<author>` outside comments and CDATA, as written; undefined when it has none or it holds an element. */
function authorIn(text: string, span: Span): string | undefined {
	const next = text.indexOf('<author', span.start);
	if (next === -1 || next >= span.end) return undefined;
	authorOpen.lastIndex = span.start;
	for (let open = authorOpen.exec(text); open && open.index < span.end; open = authorOpen.exec(text)) {
		if (!open[0].startsWith('<author')) continue;
		if (open[0].endsWith('/>')) return undefined;
		const start = open.index + open[0].length;
		authorClose.lastIndex = start;
		for (let close = authorClose.exec(text); close && close.index < span.end; close = authorClose.exec(text)) {
			if (close[0].startsWith('</author')) return text.slice(start, close.index);
			if (close[0] === '<') return undefined;
		}
		return undefined;
	}
	return undefined;
}

type Span = {readonly start: number; readonly end: number};

/** Where each top-level item starts and ends; undefined when one is not closed or markup is cut short. */
function itemSpans(text: string, element: string): Span[] | undefined {
	// Entities declared in the feed itself may hold markup: such a feed is parsed whole.
	if (/<!DOCTYPE[^>[]*\[/i.test(text.slice(0, text.indexOf(`<${element}`)))) return undefined;
	// A comment, a CDATA section, a processing instruction (each to its end, or to the text's end when it has none), or the item's tag.
	const markup = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>|$)|<\\?[\\s\\S]*?(?:\\?>|$)|<(/?)${element}(?=[\\s/>])[^>]*>?`, 'g');
	const spans: Span[] = [];
	let depth = 0;
	let start = 0;
	for (const match of text.matchAll(markup)) {
		const tag = match[0];
		const end = match.index + tag.length;
		if (match[1] === undefined) {
			// A comment, CDATA section or processing instruction, skipped: one never closed is no feed to cut.
			const [opening, closing] = skipped.find(([candidate]) => tag.startsWith(candidate))!;
			if (tag.length < opening.length + closing.length || !tag.endsWith(closing)) return undefined;
			continue;
		}
		if (!tag.endsWith('>')) return undefined;
		if (match[1] === '/') {
			if (depth === 0) return undefined;
			depth--;
			if (depth === 0) spans.push({start, end});
		} else {
			if (depth === 0) start = match.index;
			if (!tag.endsWith('/>')) depth++;
			else if (depth === 0) spans.push({start, end});
		}
	}
	return depth === 0 && spans.length > 0 ? spans : undefined;
}

const skipped = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']] as const;
