import {largest} from './append.js';
import {type Exit, type HtmlVisitor, type SliceOptions, type Tag, countReversedItems, visitHtml, visitHtmlInSlices} from './html-events.js';
import {type ElementRole, elementRole, headingLevel, isBlockRole, isFootnoteBackLink} from './html-elements.js';
import {Layout} from './layout.js';
import {ruleLength} from './no-wrap.js';
import {cleanLine, cleanText} from './sanitize.js';
import type {Anchor, SegmentStyle, StyledLine} from './styled-line.js';
import {type Run, internStyle, plainStyle, pushRun, runsWidth} from './text-width.js';
import {InlineBuffer} from './wrap.js';
import {displayUrl} from './link-url.js';
import {subscriptText, superscriptText} from './script-text.js';
import {type MediaKind, EmbedBlocks, fileName, frameKind, isEmojiImage, mediaLabel, webUrl} from './media.js';
import {formatCount} from './format-count.js';
import {countText, type LineOffsets} from './line-offsets.js';

/** How the same HTML is laid out for the terminal or as plain text. */
export type Flavor = {
	/** Columns per line; Infinity for unwrapped plain text. */
	readonly width: number;
	/** Quote bars and list indents together never take more columns than this. */
	readonly maxPrefix: number;
	/** Plain text: no link numbers, no rules, quotes as `> `, no placeholder for images without alt. */
	readonly plain: boolean;
	readonly baseUrl?: string;
	/** The reader: in-page links numbered, footnotes' back-links kept, element ids recorded (see RenderOptions). */
	readonly inPage?: boolean;
};

export type LaidOutHtml = {
	readonly lines: StyledLine[];
	readonly links: string[];
	/** Element `id`s (and `<a name>`s) → where they land; the first of a duplicated id wins. */
	readonly anchors: Map<string, Anchor>;
	/** Where each line starts in the text, the same at any width (see line-offsets.ts). */
	readonly offsets: LineOffsets;
};

// Ids come from the network: only kept as keys, and never longer than this.
const maxAnchorLength = 256;
// A footnotes block as generators write it: WordPress's, markdown-it's, Pandoc's (DPUB-ARIA roles).
const footnotesClass = /(?:^|\s)(?:wp-block-footnotes|footnotes)(?:\s|$)/i;
const footnotesRole = /^doc-(?:endnotes|footnote)$/i;

/** The id an element can be reached by (`id`, or an `<a name>`), cleaned; undefined when it has none usable. */
function anchorId(name: string, attributes: Readonly<Record<string, string | undefined>>): string | undefined {
	const raw = attributes['id'] ?? (name === 'a' ? attributes['name'] : undefined);
	if (raw === undefined) return undefined;
	const id = cleanLine(raw).trim();
	return id === '' || id.length > maxAnchorLength ? undefined : id;
}


// How the terminal styles the inline roles of the element table.
const inlineStyles: Partial<Record<ElementRole, SegmentStyle>> = {
	bold: {bold: true},
	italic: {italic: true},
	underline: {underline: true},
	strike: {dim: true},
	code: {role: 'code'},
};

const softHyphens = /\u00AD/g;
const linkProtocols = new Set(['http:', 'https:', 'mailto:']);

/** Numbers links in order of first appearance; the same URL keeps its number. */
export class LinkTable {
	readonly urls: string[] = [];
	private readonly numbers = new Map<string, number>();
	// Parsing a URL is slow next to laying out text, and a post repeats its links.
	private readonly resolved = new Map<string, string | undefined>();

	private readonly baseUrl: string | undefined;

	constructor(baseUrl: string | undefined, private readonly inPage = false) {
		// An unusable base would make even absolute links fail to parse: ignore it instead.
		this.baseUrl = baseUrl !== undefined && URL.canParse(baseUrl) ? baseUrl : undefined;
	}

	/** The absolute, clean URL of an href, or undefined when it is not a web or mail link. */
	resolve(href: string | undefined): string | undefined {
		if (href === undefined) return undefined;
		if (this.resolved.has(href)) return this.resolved.get(href);
		const url = this.resolveUncached(href);
		this.resolved.set(href, url);
		return url;
	}

	private resolveUncached(href: string): string | undefined {
		const raw = cleanLine(href);
		// A link within the page (`#fn1`) is, in the reader, one to the post's own URL, when it is known.
		if (raw === '' || (raw.startsWith('#') && (!this.inPage || this.baseUrl === undefined))) return undefined;
		let url: URL;
		try {
			url = new URL(raw, this.baseUrl);
		} catch {
			return undefined;
		}
		if (!linkProtocols.has(url.protocol)) return undefined;
		return cleanLine(url.href);
	}

	/** The link's number, counting from 1, or undefined when it gets none. */
	number(href: string | undefined): number | undefined {
		const url = this.resolve(href);
		if (url === undefined) return undefined;
		let number = this.numbers.get(url);
		if (number === undefined) {
			this.urls.push(url);
			number = this.urls.length;
			this.numbers.set(url, number);
		}
		return number;
	}
}

/** A table cell as collected: its text on one line. */
type TableCell = {
	readonly runs: Run[];
	readonly header: boolean;
};

type ListState = {
	readonly ordered: boolean;
	next: number;
	readonly step: number;
};

/** Lays out an HTML document: the rules of what each element looks like. */
export function layOutHtml(html: string, flavor: Flavor): LaidOutHtml {
	const {visitor, finish} = htmlLayoutVisitor(flavor, reversedCounts(html));
	visitHtml(html, visitor);
	return finish();
}

/**
`layOutHtml` a slice at a time, letting the event loop run between slices (see visitHtmlInSlices):
for the reader, so that a post of megabytes leaves the screen alive and Esc able to cancel it.
Rejects with the signal's reason when it is aborted.
*/
export async function layOutHtmlInSlices(html: string, flavor: Flavor, options: SliceOptions = {}): Promise<LaidOutHtml> {
	const {visitor, finish} = htmlLayoutVisitor(flavor, reversedCounts(html));
	await visitHtmlInSlices(html, visitor, options);
	return finish();
}

/** How many items each `<ol reversed>` holds, in order: a reversed list without a start counts down from it. */
function reversedCounts(html: string): readonly number[] {
	return html.includes('reversed') ? countReversedItems(html) : [];
}

/** The visitor that lays out HTML as it is read, and what gives the lines once it is all read. */
function htmlLayoutVisitor(flavor: Flavor, reversedItems: readonly number[]): {visitor: HtmlVisitor; finish: () => LaidOutHtml} {
	const layout = new Layout(flavor.width, flavor.maxPrefix);
	const links = new LinkTable(flavor.baseUrl, flavor.inPage);
	const {plain} = flavor;
	const inPage = flavor.inPage === true && !plain;
	// Every style here is interned (see internStyle), so runs of text compare styles with ===.
	const styles: SegmentStyle[] = [plainStyle];
	const lists: ListState[] = [];
	let itemDepth = 0;
	let cellDepth = 0;
	let preDepth = 0;
	let preStart = false;
	let rowCells = 0;
	let reversedSeen = 0;
	// The table being collected (rows of cells), the row, and the cell whose text goes to `cell` instead of the layout.
	let table: TableCell[][] | undefined;
	let tableRow: TableCell[] | undefined;
	let cell: InlineBuffer | undefined;

	const style = () => styles.at(-1)!;
	const pushStyle = (delta: SegmentStyle) => {
		styles.push(internStyle({...style(), ...delta}));
	};
	const popStyle = () => {
		if (styles.length > 1) styles.pop();
	};

	const addText = (text: string, textStyle: SegmentStyle = style()) => {
		if (cell) {
			cell.text(text, textStyle);
		} else if (layout.inPreformatted) {
			layout.preformattedText(text, textStyle);
		} else {
			layout.text(text, textStyle);
		}
	};
	/** Ends the word, in the cell being collected or the layout. */
	const space = () => {
		if (cell) cell.endWord();
		else layout.space();
	};
	/** Text stuck to the word before it, in the cell being collected or the layout. */
	const glue = (text: string, textStyle: SegmentStyle) => {
		if (cell) cell.glue(text, textStyle);
		else if (layout.inPreformatted) layout.preformattedText(text, textStyle);
		else layout.glue(text, textStyle);
	};

	/** A paragraph-like block: a blank line before and after. */
	const paragraph = (delta?: SegmentStyle): Exit => {
		layout.endBlock();
		layout.blankLine();
		if (delta) pushStyle(delta);
		return () => {
			layout.endBlock();
			if (delta) popStyle();
			layout.blankLine();
		};
	};

	/** A block that only starts and ends a line. */
	const lineBlock = (delta?: SegmentStyle): Exit => {
		layout.endBlock();
		if (delta) pushStyle(delta);
		return () => {
			layout.endBlock();
			if (delta) popStyle();
		};
	};

	const mutedStyle = internStyle({role: 'muted'});
	// A link inside a link (invalid HTML, which browsers end before the inner one) is part of the outer one.
	let linkDepth = 0;
	const link = (element: Tag): Exit => {
		const number = plain || linkDepth > 0 ? undefined : links.number(element.attribs['href']);
		if (number === undefined) return () => undefined;
		pushStyle({role: 'link', link: number});
		linkDepth++;
		return () => {
			linkDepth--;
			popStyle();
			// A footnote mark (`<sup><a>1</a></sup>`): its number follows the mark, once the mark is shown.
			if (script) script.links.push(number);
			else glue(`[${number}]`, internStyle({role: 'link', link: number}));
		};
	};

	/** A footnote's link back to its reference, in the reader: a short `↩[7]` that `f` follows. */
	const backLink = (element: Tag): false => {
		const number = linkDepth > 0 ? undefined : links.number(element.attribs['href']);
		if (number === undefined) return false;
		addText('↩', internStyle({...style(), role: 'link', link: number}));
		glue(`[${number}]`, internStyle({role: 'link', link: number}));
		return false;
	};

	/**
	`text` as a numbered link to `url` (an http or https URL): what `f` follows. Inside a link it is part of
	that link; in plain text it is the text alone.
	*/
	const numberedPlaceholder = (text: string, url: string | undefined) => {
		const number = plain || linkDepth > 0 || url === undefined ? undefined : links.number(url);
		const textStyle = number === undefined ? internStyle({...style(), role: 'image'}) : internStyle({...style(), role: 'link', link: number});
		space();
		addText(text, textStyle);
		if (number !== undefined) glue(`[${number}]`, internStyle({role: 'link', link: number}));
		space();
	};

	/** `[image: alt]`, a numbered link to the image file; without alt text, its file name. Emoji images are their alt text. */
	const image = (element: Tag) => {
		const alt = cleanLine(element.attribs['alt'] ?? '');
		if (alt !== '' && isEmojiImage(element.attribs['class'])) {
			addText(alt);
			return;
		}
		const url = webUrl(links.resolve(element.attribs['src']));
		const name = alt === '' ? fileName(url) : alt;
		if (plain && name === '') return;
		numberedPlaceholder(name === '' ? '[image]' : `[image: ${name}]`, url);
	};

	// The video, audio or frame being read: its contents are skipped but for its <source>.
	let media: {readonly kind: MediaKind | 'media'; readonly title: string; url: string | undefined} | undefined;
	// The WordPress embed block being read, and the bare URL its wrapper may hold instead of a frame.
	const embeds = new EmbedBlocks({
		resolve: address => webUrl(links.resolve(address)),
		text: text => addText(text),
		url: (url, kind) => numberedPlaceholder(mediaLabel(kind, '', displayUrl(url)), url),
	});

	const mediaElement = (element: Tag): Exit => {
		const url = webUrl(links.resolve(element.attribs['src']));
		const title = element.attribs['title'] ?? element.attribs['aria-label'] ?? '';
		media = {kind: element.name === 'iframe' ? 'media' : (element.name === 'audio' ? 'audio' : 'video'), title, url};
		return () => {
			const {kind, url: source} = media!;
			media = undefined;
			// A frame with no usable address shows nothing anyone could open.
			if (kind === 'media' && source === undefined) return;
			const shownKind = kind === 'media' ? frameKind(source, embeds.block) : kind;
			numberedPlaceholder(mediaLabel(shownKind, title, source === undefined ? '' : displayUrl(source)), source);
		};
	};

	// The text of a `sup` or `sub` being read, shown as superscript or subscript once it ends.
	let script: {text: string; readonly links: number[]} | undefined;
	const scriptElement = (role: 'superscript' | 'subscript'): Exit | boolean => {
		if (script || layout.inPreformatted) return true;
		const collected = {text: '', links: [] as number[]};
		script = collected;
		return () => {
			script = undefined;
			addText(role === 'superscript' ? superscriptText(collected.text) : subscriptText(collected.text));
			for (const number of collected.links) glue(`[${number}]`, internStyle({role: 'link', link: number}));
		};
	};

	const list = (element: Tag, ordered: boolean): Exit => {
		layout.endBlock();
		// A list straight inside another list (not inside an item) still indents.
		const indented = element.parent === 'ul' || element.parent === 'ol';
		const topLevel = itemDepth === 0 && !indented;
		if (topLevel) layout.blankLine();
		if (indented) layout.pushContext({text: '  ', style: plainStyle});
		const given = Number.parseInt(element.attribs['start'] ?? '', 10);
		const reversed = ordered && element.attribs['reversed'] !== undefined;
		// Without a start, a reversed list counts down from its number of items (counted before the layout began).
		const count = reversed ? reversedItems[reversedSeen++] ?? 0 : 0;
		lists.push({
			ordered,
			next: Number.isFinite(given) ? given : (reversed ? count : 1),
			step: reversed ? -1 : 1,
		});
		return () => {
			layout.endBlock();
			lists.pop();
			if (indented) layout.popContext();
			if (topLevel) layout.blankLine();
		};
	};

	const listItem = (element: Tag): Exit => {
		layout.endBlock();
		const state = lists.at(-1);
		let marker = '• ';
		if (state?.ordered) {
			const value = Number.parseInt(element.attribs['value'] ?? '', 10);
			if (Number.isFinite(value)) state.next = value;
			marker = `${state.next}. `;
			state.next += state.step;
		}
		layout.pushContext(undefined, {text: marker, style: plain ? plainStyle : mutedStyle});
		itemDepth++;
		return () => {
			layout.endBlock();
			layout.popContext();
			itemDepth--;
		};
	};

	const preformatted = (): Exit => {
		layout.endBlock();
		layout.blankLine();
		if (preDepth === 0) {
			layout.startPreformatted();
			preStart = true;
		}
		preDepth++;
		pushStyle({role: 'code'});
		return () => {
			popStyle();
			preDepth--;
			if (preDepth === 0) {
				layout.endPreformatted();
				layout.blankLine();
			}
		};
	};

	const tableCell = (element: Tag): Exit => {
		const header = elementRole(element.name) === 'table-header-cell';
		if (tableRow) {
			const row = tableRow;
			const buffer = new InlineBuffer();
			cell = buffer;
			cellDepth++;
			if (header) pushStyle({bold: true});
			return () => {
				if (header) popStyle();
				cellDepth--;
				cell = undefined;
				const runs: Run[] = [];
				for (const [index, line] of buffer.wrap(Number.POSITIVE_INFINITY).entries()) {
					if (index > 0) pushRun(runs, ' ', plainStyle);
					for (const run of line) pushRun(runs, run.text, run.style);
				}
				row.push({runs, header});
			};
		}
		if (rowCells > 0) {
			layout.space();
			layout.text(plain ? '|' : '│', plain ? plainStyle : mutedStyle);
			layout.space();
		}
		rowCells++;
		cellDepth++;
		if (header) pushStyle({bold: true});
		return () => {
			if (header) popStyle();
			cellDepth--;
			layout.space();
		};
	};

	/**
	A table as w3m shows one: columns aligned, cells parted by │, when it fits the width; otherwise one
	block per row, each cell after its column's header ("Crop: Tomato · Sown: March").
	*/
	const layOutTable = (rows: readonly TableCell[][]) => {
		if (rows.length === 0) return;
		const separatorStyle = plain ? plainStyle : mutedStyle;
		// One pass over the cells (never columns × rows: a first row of 100,000 cells over 100,000 rows of
		// one), and no spread of a list the network sized.
		const columns = largest(rows.map(row => row.length), 0);
		const widths = new Array<number>(columns).fill(0);
		for (const row of rows) {
			for (const [column, tableCell] of row.entries()) widths[column] = Math.max(widths[column]!, runsWidth(tableCell.runs));
		}
		const headerRow = rows.length > 1 && rows[0]!.every(candidate => candidate.header) ? rows[0] : undefined;
		layout.endBlock();
		// The two layouts hold different text (separators, the headers before each cell): a row's lines start
		// where its cells' text does, whichever is shown, so that a resize between them keeps the place.
		const rowStarts: number[] = [];
		let counted = layout.textOffset;
		for (const row of rows) {
			rowStarts.push(counted);
			for (const tableCell of row) for (const run of tableCell.runs) counted += countText(run.text);
		}
		const done = () => layout.countFrom(counted);
		if (widths.reduce((sum, width) => sum + width, 0) + 3 * (columns - 1) <= layout.available) {
			for (const [rowIndex, row] of rows.entries()) {
				layout.holdOffset(rowStarts[rowIndex]!);
				const runs: Run[] = [];
				for (const [column, tableCell] of row.entries()) {
					if (column > 0) pushRun(runs, plain ? ' | ' : ' │ ', separatorStyle);
					for (const run of tableCell.runs) pushRun(runs, run.text, run.style);
					if (column < row.length - 1) pushRun(runs, ' '.repeat(widths[column]! - runsWidth(tableCell.runs)), plainStyle);
				}
				layout.runsLine(runs);
				if (row === headerRow) layout.runsLine([{text: widths.map(width => (plain ? '-' : '─').repeat(width)).join(plain ? '-+-' : '─┼─'), style: separatorStyle}]);
			}
			return done();
		}
		const labelStyle = internStyle({bold: true});
		for (const [rowIndex, row] of rows.entries()) {
			if (row === headerRow) continue;
			// The first row starts where the table does: its headers are said in it.
			layout.holdOffset(rowStarts[row === rows[1] && headerRow ? 0 : rowIndex]!);
			let first = true;
			for (const [column, tableCell] of row.entries()) {
				if (tableCell.runs.length === 0) continue;
				if (!first) layout.text(' · ', separatorStyle);
				first = false;
				const label = headerRow?.[column]?.runs.map(run => run.text).join('') ?? '';
				if (label !== '') {
					layout.text(`${label}:`, labelStyle);
					layout.space();
				}
				for (const run of tableCell.runs) layout.text(run.text, run.style);
			}
			layout.endBlock();
			layout.blankLine();
		}
		done();
	};

	const enterElement = (element: Tag): Exit | boolean => {
		const {name} = element;
		if (media) {
			if (name === 'source' && media.url === undefined) media.url = webUrl(links.resolve(element.attribs['src']));
			return false;
		}
		// Anything but text in an embed block's wrapper: the block is shown as its elements.
		embeds.interrupt();
		const role = elementRole(name);
		// A footnote's back-link has no place to go back to in plain text; the reader follows it.
		if (isFootnoteBackLink(name, element.attribs)) return inPage ? backLink(element) : false;
		if (role === 'hidden' || element.attribs['hidden'] !== undefined) return false;
		return embeds.enter(element.attribs['class'], true, () => enterByRole(element, role));
	};

	const enterByRole = (element: Tag, role: ElementRole | undefined): Exit | boolean => {
		const {name} = element;
		switch (role) {
			case 'line-break': {
				if (layout.inPreformatted) {
					layout.preformattedText('\n', style());
				} else if (cellDepth > 0) {
					space();
				} else {
					layout.lineBreak();
				}
				return false;
			}
			case 'word-break': {
				return false;
			}
			case 'image': {
				image(element);
				return false;
			}
			case 'media': {
				return mediaElement(element);
			}
			case 'superscript':
			case 'subscript': {
				return scriptElement(role);
			}
			case 'link': {
				return link(element);
			}
			case 'inline-quote': {
				addText('“');
				return () => {
					glue('”', style());
				};
			}
			default:
		}
		const inline = role === undefined ? undefined : inlineStyles[role];
		if (inline) {
			pushStyle(inline);
			return popStyle;
		}
		if (!isBlockRole(role)) return true;
		if (cellDepth > 0) {
			// Inside a table cell the row stays one line: blocks only separate words.
			space();
			return () => {
				space();
			};
		}
		if (role === 'preformatted') return preformatted();
		if (preDepth > 0) return true;
		switch (role) {
			case 'heading': {
				return paragraph({bold: true, role: 'heading', ...(headingLevel(name) <= 2 ? {underline: true} : {})});
			}
			case 'paragraph': {
				return paragraph();
			}
			case 'table': {
				if (table) return true;
				const exit = paragraph();
				table = [];
				return () => {
					const rows = table ?? [];
					table = undefined;
					layOutTable(rows);
					exit();
				};
			}
			case 'quote': {
				layout.endBlock();
				layout.blankLine();
				layout.pushContext({text: plain ? '> ' : '│ ', style: plain ? plainStyle : internStyle({role: 'quote'})});
				return () => {
					layout.endBlock();
					layout.popContext();
					layout.blankLine();
				};
			}
			case 'list': {
				return list(element, false);
			}
			case 'ordered-list': {
				return list(element, true);
			}
			case 'list-item': {
				return listItem(element);
			}
			case 'term': {
				return lineBlock({bold: true});
			}
			case 'line-block': {
				// A <details> block's <summary> reads as its title.
				return name === 'summary' ? lineBlock({bold: true}) : lineBlock();
			}
			case 'definition': {
				layout.endBlock();
				layout.pushContext({text: '  ', style: plainStyle});
				return () => {
					layout.endBlock();
					layout.popContext();
				};
			}
			case 'caption': {
				return lineBlock({italic: true});
			}
			case 'rule': {
				layout.endBlock();
				layout.blankLine();
				if (!plain) layout.line('─'.repeat(ruleLength(layout.available)), mutedStyle);
				layout.blankLine();
				return false;
			}
			case 'table-section': {
				return true;
			}
			case 'table-row': {
				if (table) {
					tableRow = [];
					return () => {
						if (tableRow && tableRow.length > 0) table?.push(tableRow);
						tableRow = undefined;
					};
				}
				layout.endBlock();
				rowCells = 0;
				return () => {
					layout.endBlock();
					rowCells = 0;
				};
			}
			case 'table-cell':
			case 'table-header-cell': {
				return tableCell(element);
			}
			default: {
				return lineBlock();
			}
		}
	};

	// Where ids land (a Map: an id such as `__proto__` is a key like any other), and how deep in a footnotes block.
	const anchors = new Map<string, Anchor>();
	let footnotesDepth = 0;
	const recordAnchor = (tag: Tag, inScript: boolean) => {
		const id = anchorId(tag.name, tag.attribs);
		if (id === undefined || anchors.has(id)) return;
		const kind = footnotesDepth > 0 ? 'footnote' : (inScript ? 'reference' : 'place');
		anchors.set(id, {line: layout.nextLine, kind});
	};

	const visitor: HtmlVisitor = {
		enter(tag) {
			if (preStart && tag.name !== 'code') preStart = false;
			const inScript = script !== undefined || tag.name === 'sup';
			const footnotes = footnotesClass.test(tag.attribs['class'] ?? '') || footnotesRole.test(tag.attribs['role'] ?? '');
			// Laid out first: a block's blank line before it is then asked for, and its line is the one after.
			const entered = enterElement(tag);
			if (inPage) recordAnchor(tag, inScript);
			if (!footnotes || entered === false) return entered;
			footnotesDepth++;
			return () => {
				if (typeof entered === 'function') entered();
				footnotesDepth--;
			};
		},
		text(data) {
			let text = cleanText(data);
			if (text.includes('\u00AD')) text = text.replace(softHyphens, '');
			if (preStart && layout.inPreformatted) {
				// Like a browser, drop the newline that follows <pre> right away.
				text = text.replace(/^\n/, '');
			}
			if (text !== '') preStart = false;
			if (media) return;
			if (embeds.keep(text)) return;
			if (script) {
				script.text += text;
				return;
			}
			addText(text);
		},
	};

	const finish = (): LaidOutHtml => {
		const lines = layout.finish();
		const starts = layout.starts;
		let end = layout.textOffset;
		if (layout.omittedLines > 0) {
			lines.push([], [{text: omittedNote(layout.omittedLines), italic: true, role: 'muted'}]);
			starts.push(end, end);
			end++;
		}
		return {lines, links: links.urls, anchors, offsets: {starts, end}};
	};
	return {visitor, finish};
}

/** What stands for the lines past `maxLayoutLines`. */
export function omittedNote(omitted: number): string {
	return `[${formatCount(omitted)} more lines are not shown: the post is too long.]`;
}
