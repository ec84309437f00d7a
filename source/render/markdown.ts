import {appendAll, largest} from './append.js';
import {type ElementRole, elementRole, headingLevel, isBlockRole, isFootnoteBackLink} from './html-elements.js';
import {type Exit, type Tag, countReversedItems, visitHtml} from './html-events.js';
import {LinkTable, omittedNote} from './html-layout.js';
import {Layout} from './layout.js';
import {cleanLine, cleanText} from './sanitize.js';
import {lineText} from './styled-line.js';
import {plainStyle} from './text-width.js';
import {InlineBuffer} from './wrap.js';
import {displayUrl} from './link-url.js';
import {subscriptText, superscriptText} from './script-text.js';
import {type MediaKind, EmbedBlocks, fileName, frameKind, isEmojiImage, mediaLabel, webUrl} from './media.js';


// Markdown's marks for the inline roles of the element table; it has none for underline.
const emphasis: Partial<Record<ElementRole, string>> = {
	bold: '**',
	italic: '*',
	strike: '~~',
};
const imageProtocols = new Set(['http:', 'https:']);

/** Backslash-escapes what Markdown would read as syntax. */
function escapeMarkdown(text: string): string {
	return text
		.replaceAll(/[\\`*_[\]<>|~]/g, '\\$&')
		.replaceAll(/&(?=#?[a-zA-Z\d]+;)/g, '\\&')
		// Only at the start of a word: headings, list markers, rules and setext underlines.
		.replaceAll(/(?<=^|[\t\n\f\r ])#/g, '\\#')
		.replaceAll(/(?<=^|[\t\n\f\r ])(\d+)([.)])(?=[\t\n\f\r ]|$)/g, '$1\\$2')
		.replaceAll(/(?<=^|[\t\n\f\r ])(-+|\++|=+)(?=[\t\n\f\r ]|$)/g, match => `\\${match}`);
}

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);
// What could end a destination early or change how it reads: parentheses, angle brackets, a backslash
// (it escapes the next character, `\)` included), quotes (a title) and whitespace. (A URL's href is ASCII.)
const unsafeInDestination = /[\s()<>\\"'`]/g;

/** `(` as `%28`: encodeURIComponent leaves parentheses and quotes as they are. */
function percentEncoded(character: string): string {
	const code = character.charCodeAt(0);
	return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(character);
}

/**
A URL as a Markdown link destination, or undefined when it is not an http, https or mailto URL (a
`javascript:` or `data:` target is shown as text, never as a link). Resolved against `baseUrl`,
cleaned, and percent-encoded wherever Markdown would read it otherwise, so it cannot end early and
let the rest of it become a link of its own. Also good inside `<…>`.
*/
export function markdownDestination(url: string, baseUrl?: string, protocols: ReadonlySet<string> = linkProtocols): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(cleanLine(url), baseUrl !== undefined && URL.canParse(baseUrl) ? baseUrl : undefined);
	} catch {
		return undefined;
	}
	if (!protocols.has(parsed.protocol)) return undefined;
	return cleanLine(parsed.href).replaceAll(unsafeInDestination, percentEncoded);
}

/** Backticks around code, more of them than any run inside. */
function codeSpan(code: string): string {
	const longest = largest(Array.from(code.matchAll(/`+/g), match => match[0].length), 0);
	const fence = '`'.repeat(longest + 1);
	const padded = code.startsWith('`') || code.endsWith('`') ? ` ${code} ` : code;
	return `${fence}${padded}${fence}`;
}

/** An inline element's Markdown markers; the opening one waits for the element's first visible text. */
type InlineMark = {
	readonly open: string;
	readonly close: string;
	emitted: boolean;
};

/** Where inline text goes: the page, or a table cell being collected. */
type InlineSink = {
	text(text: string, style: typeof plainStyle): void;
	piece(text: string, style: typeof plainStyle): void;
	glue(text: string, style: typeof plainStyle): void;
	lineBreak(): void;
};

/**
Markdown good enough to paste into another blog: `#` headings, `**bold**`, `*italic*`, inline links
with absolute URLs, lists, `> ` quotes, fenced code blocks, `![alt](src)` images, pipe tables.
Cleaned of control characters.
*/
export function htmlToMarkdown(html: string, baseUrl?: string): string {
	const layout = new Layout(Number.POSITIVE_INFINITY, 200);
	const links = new LinkTable(baseUrl);
	const base = baseUrl !== undefined && URL.canParse(baseUrl) ? baseUrl : undefined;
	const marks: InlineMark[] = [];
	const lists: MarkdownList[] = [];
	// The list that ended last, and the line it ended at: a list right after it of the same kind takes the other
	// mark (`*` after `-`, `)` after `.`), as a reader would otherwise join the two into one.
	let lastList: {readonly ordered: boolean; readonly mark: string; readonly endLine: number} | undefined;
	// How many items each `<ol reversed>` holds, in order, to count down from when it has no start.
	const reversedCounts = html.includes('reversed') ? countReversedItems(html) : [];
	let reversedSeen = 0;
	let itemDepth = 0;
	let sink: InlineSink = layout;
	let code: string | undefined;
	let pre: {text: string; language: string} | undefined;
	let preStart = false;
	let table: string[][] | undefined;
	let row: string[] | undefined;
	let cellDepth = 0;
	let linkDepth = 0;

	/** Emits the opening markers still waiting, just before visible text. */
	const openMarks = () => {
		for (const mark of marks) {
			if (!mark.emitted) {
				sink.piece(mark.open, plainStyle);
				mark.emitted = true;
			}
		}
	};

	/** Closes the open markers at a block boundary; they open again with the next block's text. */
	const closeMarks = () => {
		for (let index = marks.length - 1; index >= 0; index--) {
			const mark = marks[index]!;
			if (mark.emitted) {
				sink.glue(mark.close, plainStyle);
				mark.emitted = false;
			}
		}
	};

	const inline = (open: string, close: string): Exit => {
		const mark: InlineMark = {open, close, emitted: false};
		marks.push(mark);
		return () => {
			marks.pop();
			if (mark.emitted) sink.glue(close, plainStyle);
		};
	};

	const addText = (raw: string) => {
		if (code !== undefined) {
			code += raw;
			return;
		}
		const text = escapeMarkdown(raw);
		const visible = text.search(/[^\t\n\f\r ]/);
		if (visible < 0) {
			sink.text(text, plainStyle);
			return;
		}
		if (marks.some(mark => !mark.emitted)) {
			sink.text(text.slice(0, visible), plainStyle);
			openMarks();
			sink.text(text.slice(visible), plainStyle);
			return;
		}
		sink.text(text, plainStyle);
	};

	/** A block boundary: inline markers close, the paragraph is laid out. */
	const boundary = () => {
		closeMarks();
		if (cellDepth > 0) {
			sink.text(' ', plainStyle);
			return;
		}
		layout.endBlock();
	};

	const block = (blank: boolean, before?: () => void, after?: () => void): Exit => {
		boundary();
		if (blank) layout.blankLine();
		before?.();
		return () => {
			boundary();
			after?.();
			if (blank) layout.blankLine();
		};
	};

	const image = (tag: Tag) => {
		const altText = cleanLine(tag.attribs['alt'] ?? '');
		if (altText !== '' && isEmojiImage(tag.attribs['class'])) {
			addText(altText);
			return;
		}
		const source = markdownDestination(tag.attribs['src'] ?? '', base, imageProtocols);
		const alt = (altText === '' ? fileName(webUrl(links.resolve(tag.attribs['src']))) : altText).replaceAll(/[\\[\]]/g, '\\$&');
		if (source === undefined && alt === '') return;
		openMarks();
		sink.piece(source === undefined ? alt : `![${alt}](${source})`, plainStyle);
	};

	/** `[video: TITLE URL](URL)`: a video, an audio file or a frame as a link to it. */
	const mediaLink = (kind: MediaKind, title: string, url: string | undefined) => {
		const target = url === undefined ? undefined : markdownDestination(url);
		const label = mediaLabel(kind, title, url === undefined ? '' : displayUrl(url)).slice(1, -1);
		openMarks();
		sink.text(' ', plainStyle);
		if (target === undefined || linkDepth > 0) {
			sink.piece(escapeMarkdown(`[${label}]`), plainStyle);
		} else {
			sink.piece(`[${escapeMarkdown(label)}](${target})`, plainStyle);
		}
		sink.text(' ', plainStyle);
	};

	// The video, audio or frame being read (its contents skipped but for its <source>), the WordPress
	// embed block around it, and the bare URL that block's wrapper may hold instead of a frame.
	let media: {readonly kind: MediaKind | 'media'; readonly title: string; url: string | undefined} | undefined;
	const embeds = new EmbedBlocks({
		resolve: address => webUrl(links.resolve(address)),
		text: text => addText(text),
		url: (url, kind) => mediaLink(kind, '', url),
	});

	// The text of a `sup` or `sub` being read, written as superscript or subscript once it ends.
	let script: {text: string} | undefined;

	const enter = (tag: Tag): Exit | boolean => {
		if (media) {
			if (tag.name === 'source' && media.url === undefined) media.url = webUrl(links.resolve(tag.attribs['src']));
			return false;
		}
		embeds.interrupt();
		const role = elementRole(tag.name);
		if (role === 'hidden' || tag.attribs['hidden'] !== undefined || isFootnoteBackLink(tag.name, tag.attribs)) return false;
		return embeds.enter(tag.attribs['class'], !pre && code === undefined, () => enterByRole(tag, role));
	};

	const enterByRole = (tag: Tag, role: ElementRole | undefined): Exit | boolean => {

		if (pre) {
			if (role === 'line-break') pre.text += '\n';
			if (role === 'code' && pre.language === '') pre.language = languageOf(tag);
			return true;
		}
		if (code !== undefined) {
			if (role === 'line-break') code += ' ';
			return true;
		}

		switch (role) {
			case 'line-break': {
				if (cellDepth > 0) {
					sink.text(' ', plainStyle);
				} else {
					closeMarks();
					sink.glue('\\', plainStyle);
					sink.lineBreak();
				}
				return false;
			}
			case 'word-break': {
				return false;
			}
			case 'superscript':
			case 'subscript': {
				if (script) return true;
				const collected = {text: ''};
				script = collected;
				return () => {
					script = undefined;
					addText(role === 'superscript' ? superscriptText(collected.text) : subscriptText(collected.text));
				};
			}
			case 'media': {
				const title = tag.attribs['title'] ?? tag.attribs['aria-label'] ?? '';
				media = {kind: tag.name === 'iframe' ? 'media' : (tag.name === 'audio' ? 'audio' : 'video'), title, url: webUrl(links.resolve(tag.attribs['src']))};
				return () => {
					const {kind, url} = media!;
					media = undefined;
					// A frame with no usable address shows nothing anyone could open.
					if (kind === 'media' && url === undefined) return;
					mediaLink(kind === 'media' ? frameKind(url, embeds.block) : kind, title, url);
				};
			}
			case 'image': {
				image(tag);
				return false;
			}
			case 'inline-quote': {
				return inline('“', '”');
			}
			case 'link': {
				// A link inside a link is part of the outer one: Markdown cannot nest them.
				if (linkDepth > 0) return true;
				const url = links.resolve(tag.attribs['href']);
				const target = url === undefined ? undefined : markdownDestination(url);
				if (target === undefined) return true;
				linkDepth++;
				const exit = inline('[', `](${target})`);
				return () => {
					linkDepth--;
					exit();
				};
			}
			case 'code': {
				code = '';
				return () => {
					const content = (code ?? '').replaceAll(/[\t\n\f\r ]+/g, ' ');
					code = undefined;
					if (content.trim() === '') {
						sink.text(content, plainStyle);
						return;
					}
					if (content.startsWith(' ')) sink.text(' ', plainStyle);
					openMarks();
					sink.piece(codeSpan(content.trim()), plainStyle);
					if (content.endsWith(' ')) sink.text(' ', plainStyle);
				};
			}
			case 'preformatted': {
				if (cellDepth > 0) return true;
				boundary();
				layout.blankLine();
				pre = {text: '', language: languageOf(tag)};
				preStart = true;
				return () => {
					const {text, language} = pre!;
					pre = undefined;
					const lines = text.replace(/\n$/, '').split('\n');
					const longest = largest(Array.from(text.matchAll(/`+/g), match => match[0].length), 0);
					const fence = '`'.repeat(Math.max(3, longest + 1));
					layout.line(fence + language, plainStyle);
					for (const line of lines) layout.line(line, plainStyle);
					layout.line(fence, plainStyle);
					layout.blankLine();
				};
			}
			default:
		}

		const mark = role === undefined ? undefined : emphasis[role];
		if (mark) return inline(mark, mark);
		if (cellDepth > 0) {
			// Inside a table cell the row stays one line: blocks only separate words.
			if (isBlockRole(role)) sink.text(' ', plainStyle);
			return true;
		}

		switch (role) {
			case 'heading': {
				return block(true, () => {
					layout.piece('#'.repeat(headingLevel(tag.name)), plainStyle);
					layout.space();
				});
			}
			case 'quote': {
				return block(true, () => {
					layout.pushContext({text: '> ', style: plainStyle});
				}, () => {
					layout.popContext();
				});
			}
			case 'list':
			case 'ordered-list': {
				const indented = tag.parent === 'ul' || tag.parent === 'ol';
				const topLevel = itemDepth === 0 && !indented;
				const ordered = role === 'ordered-list';
				const reversed = ordered && tag.attribs['reversed'] !== undefined;
				const count = reversed ? reversedCounts[reversedSeen++] ?? 0 : 0;
				const given = Number.parseInt(tag.attribs['start'] ?? '', 10);
				const start = Number.isFinite(given) ? given : (reversed ? count : 1);
				return block(topLevel, () => {
					if (indented) layout.pushContext({text: '  ', style: plainStyle});
					const follows = lastList !== undefined && lastList.ordered === ordered && lastList.endLine === layout.lines.length;
					const marks = ordered ? ['.', ')'] : ['-', '*'];
					const mark = follows && lastList!.mark === marks[0] ? marks[1]! : marks[0]!;
					lists.push({ordered, next: start, step: reversed ? -1 : 1, mark, items: 0});
				}, () => {
					const list = lists.pop()!;
					lastList = {ordered, mark: list.mark, endLine: layout.lines.length};
					if (indented) layout.popContext();
				});
			}
			case 'list-item': {
				const list = lists.at(-1);
				let marker = '- ';
				if (list) {
					if (list.ordered) {
						const value = Number.parseInt(tag.attribs['value'] ?? '', 10);
						// Markdown only counts up from a list's first number: an item out of that order starts a list of its
						// own, with the other delimiter (`3. p`, `2) q`), and so keeps its number.
						if ((Number.isFinite(value) && value !== list.next) || list.step < 0) {
							if (list.items > 0) list.mark = list.mark === '.' ? ')' : '.';
						}
						if (Number.isFinite(value)) list.next = value;
						marker = `${list.next}${list.mark} `;
						list.next += list.step;
					} else {
						marker = `${list.mark} `;
					}
					list.items++;
				}
				return block(false, () => {
					layout.pushContext(undefined, {text: marker, style: plainStyle});
					itemDepth++;
				}, () => {
					layout.popContext();
					itemDepth--;
				});
			}
			case 'rule': {
				boundary();
				layout.blankLine();
				layout.line('---', plainStyle);
				layout.blankLine();
				return false;
			}
			case 'table': {
				return block(true, () => {
					table = [];
				}, () => {
					if (table && table.length > 0) {
						for (const line of pipeTable(table)) layout.line(line, plainStyle);
					}
					table = undefined;
				});
			}
			case 'table-row': {
				row = [];
				return () => {
					if (row && row.length > 0) table?.push(row);
					row = undefined;
				};
			}
			case 'table-cell':
			case 'table-header-cell': {
				if (!row) return true;
				const buffer = new InlineBuffer();
				sink = buffer;
				cellDepth++;
				const header = role === 'table-header-cell';
				if (header) marks.push({open: '**', close: '**', emitted: false});
				return () => {
					if (header) {
						const mark = marks.pop()!;
						if (mark.emitted) buffer.glue('**', plainStyle);
					}
					cellDepth--;
					sink = layout;
					row?.push(buffer.wrap(Number.POSITIVE_INFINITY).map(line => line.map(run => run.text).join('')).join(' '));
				};
			}
			case 'paragraph':
			case 'term':
			case 'definition': {
				return block(true);
			}
			case 'line-block':
			case 'caption':
			case 'table-section': {
				return block(false);
			}
			default:
		}
		return true;
	};

	visitHtml(html, {
		enter,
		text(data) {
			let text = cleanText(data).replaceAll('\u00AD', '');
			if (pre) {
				if (preStart) text = text.replace(/^\n/, '');
				if (text !== '') preStart = false;
				pre.text += text;
				return;
			}
			if (media) return;
			if (embeds.keep(text)) return;
			if (script) {
				script.text += text;
				return;
			}
			addText(text);
		},
	});
	closeMarks();
	const lines = layout.finish().map(line => lineText(line).trimEnd());
	if (layout.omittedLines > 0) lines.push('', `*${escapeMarkdown(omittedNote(layout.omittedLines))}*`);
	return lines.join('\n');
}

/** A list being written: its next number, counting up or down, and its mark (`-` or `*`, `.` or `)`). */
type MarkdownList = {
	readonly ordered: boolean;
	next: number;
	readonly step: number;
	mark: string;
	items: number;
};

/** The language a code block names in its class: `language-js` or `lang-js`. */
function languageOf(tag: Tag): string {
	const match = /(?:^|\s)lang(?:uage)?-([\w+#.-]+)/.exec(tag.attribs['class'] ?? '');
	return match ? cleanLine(match[1]!) : '';
}

/**
A GitHub-flavoured table; the first row is the header. The header and the delimiter row have as many
cells as the longest row (a reader drops cells past the header's); other rows keep their own, a
shorter row being filled out by the reader. So a row of 400,000 cells above 100,000 rows of one does
not become 40 billion empty cells.
*/
function pipeTable(rows: readonly string[][]): string[] {
	const columns = largest(rows.map(row => row.length), 0);
	const format = (row: readonly string[], length: number) => {
		const cells = Array.from({length}, (_, index) => (row[index] ?? '').trim());
		return `| ${cells.join(' | ')} |`;
	};
	const [header = [], ...body] = rows;
	return appendAll([format(header, columns), `|${' --- |'.repeat(columns)}`], body.map(row => format(row, Math.max(1, row.length))));
}
