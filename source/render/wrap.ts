import {appendAll} from './append.js';
import {noWrap} from './no-wrap.js';
import {cleanText} from './sanitize.js';
import type {SegmentStyle, StyledLine} from './styled-line.js';
import {type Run, breakRuns, internStyle, plainStyle, pushRun, runsWidth, simpleWidth, textWidth, toSegments} from './text-width.js';

const continuesWord = 0;
const startsWord = 1;
const breaksLine = 2;

/**
A paragraph being collected, as pieces of text that each start a word or continue the one before
("foo<b>bar</b>" is one word in two pieces), and forced line breaks. Parallel arrays rather than an
object per word: a megabyte of text is some 170,000 words.
Styles must be interned (see internStyle).
*/
export class InlineBuffer {
	readonly texts: string[] = [];
	readonly styles: SegmentStyle[] = [];
	readonly widths: number[] = [];
	readonly kinds: number[] = [];
	private open = false;

	get isEmpty(): boolean {
		return this.texts.length === 0;
	}

	/** Pieces collected: about one per word. */
	get size(): number {
		return this.texts.length;
	}

	/** Whether the last piece may still be continued (no space after it yet). */
	get inWord(): boolean {
		return this.open;
	}

	/** Adds text whose whitespace collapses like a browser's: any run of it separates words. */
	text(text: string, style: SegmentStyle): void {
		// One pass by hand: this is the hottest loop of the renderer, and split() plus a width pass cost twice as much.
		let start = 0;
		let width = 0;
		for (let index = 0; index < text.length; index++) {
			const code = text.charCodeAt(index);
			if (code === 0x20 || code === 0x0A || code === 0x09 || code === 0x0C || code === 0x0D) {
				if (index > start) this.piece(text.slice(start, index), style, width);
				this.open = false;
				start = index + 1;
				width = 0;
			} else if (width >= 0) {
				const columns = code >= 0x21 && code <= 0x7E ? 1 : simpleWidth(code);
				width = columns < 0 ? -1 : width + columns;
			}
		}
		if (start < text.length) this.piece(text.slice(start), style, width);
	}

	/** Adds text with no break opportunity, continuing the current word. */
	piece(text: string, style: SegmentStyle, knownWidth = -1): void {
		const width = knownWidth < 0 ? textWidth(text) : knownWidth;
		const last = this.texts.length - 1;
		if (this.open && this.styles[last] === style) {
			this.texts[last] += text;
			this.widths[last]! += width;
			return;
		}
		this.texts.push(text);
		this.styles.push(style);
		this.widths.push(width);
		this.kinds.push(this.open ? continuesWord : startsWord);
		this.open = true;
	}

	/** Adds text stuck to the word before it even across a space: a link's `[1]`. */
	glue(text: string, style: SegmentStyle): void {
		const wasOpen = this.open;
		const last = this.kinds.length - 1;
		if (last >= 0 && this.kinds[last] !== breaksLine) this.open = true;
		this.piece(text, style);
		// A space before the glued text still separates the next word from it.
		this.open = wasOpen;
	}

	/** Ends the current word, as a space would. */
	endWord(): void {
		this.open = false;
	}

	/** A forced line break (`<br>`). */
	lineBreak(): void {
		this.texts.push('');
		this.styles.push(plainStyle);
		this.widths.push(0);
		this.kinds.push(breaksLine);
		this.open = false;
	}

	clear(): void {
		this.texts.length = 0;
		this.styles.length = 0;
		this.widths.length = 0;
		this.kinds.length = 0;
		this.open = false;
	}

	/**
	Greedy word wrap: words separated by one space, each line at most `width` columns. A word wider
	than the width starts a new line and is cut hard. A break on an empty line gives an empty line,
	so `a<br><br>b` keeps its gap; a trailing break gives nothing. `counts`, when given, gets each
	line's characters of text (the spaces put between words not counted): the same in all at any width.
	*/
	wrap(width: number, counts?: number[]): Run[][] {
		const {texts, styles, widths, kinds} = this;
		const lines: Run[][] = [];
		let line: Run[] = [];
		let lineWidth = 0;
		let lineCount = 0;
		// The style the last word ended in: the space after it takes it when the next word begins the same way.
		let lastStyle: SegmentStyle | undefined;
		let index = 0;
		while (index < texts.length) {
			if (kinds[index] === breaksLine) {
				lines.push(line);
				counts?.push(lineCount);
				line = [];
				lineWidth = 0;
				lineCount = 0;
				index++;
				continue;
			}
			let end = index + 1;
			let wordWidth = widths[index]!;
			while (end < texts.length && kinds[end] === continuesWord) wordWidth += widths[end++]!;

			if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
				pushRun(line, ' ', lastStyle === styles[index] ? lastStyle! : plainStyle);
				lineWidth += 1;
			} else if (lineWidth > 0) {
				lines.push(line);
				counts?.push(lineCount);
				line = [];
				lineWidth = 0;
				lineCount = 0;
			}
			if (wordWidth <= width) {
				for (let piece = index; piece < end; piece++) {
					pushRun(line, texts[piece]!, styles[piece]!);
					lineCount += texts[piece]!.length;
				}
				lineWidth += wordWidth;
			} else {
				const runs: Run[] = [];
				for (let piece = index; piece < end; piece++) runs.push({text: texts[piece]!, style: styles[piece]!});
				const pieces = breakRuns(runs, width);
				line = pieces.pop() ?? [];
				if (counts) {
					for (const [at, piece] of pieces.entries()) counts.push((at === 0 ? lineCount : 0) + runsLength(piece));
					lineCount = (pieces.length === 0 ? lineCount : 0) + runsLength(line);
				}
				appendAll(lines, pieces);
				lineWidth = runsWidth(line);
			}
			lastStyle = styles[end - 1];
			index = end;
		}
		if (lineWidth > 0) {
			lines.push(line);
			counts?.push(lineCount);
		}
		return lines;
	}
}

/** The characters (UTF-16 code units) of some runs. */
function runsLength(runs: readonly Run[]): number {
	let length = 0;
	for (const run of runs) length += run.text.length;
	return length;
}

/**
Wraps a plain string (comment metadata, an excerpt) to `width` columns with the same rules as post
bodies: cleaned, whitespace collapsed within a line, newlines kept as line breaks, never two empty
lines in a row.
*/
export function wrapPlainText(text: string, width: number, style: SegmentStyle = {}): StyledLine[] {
	const columns = width === noWrap ? noWrap : Number.isFinite(width) ? Math.max(1, Math.floor(width)) : 80;
	const interned = internStyle(style);
	const buffer = new InlineBuffer();
	const lines: StyledLine[] = [];
	for (const paragraph of cleanText(text).split('\n')) {
		buffer.clear();
		buffer.text(paragraph, interned);
		const wrapped = buffer.wrap(columns);
		if (wrapped.length === 0) {
			if (lines.length > 0 && lines.at(-1)!.length > 0) lines.push([]);
			continue;
		}
		for (const line of wrapped) lines.push(toSegments(line));
	}
	while (lines.length > 0 && lines.at(-1)!.length === 0) lines.pop();
	return lines;
}
