import type {Segment, SegmentStyle, StyledLine} from './styled-line.js';
import {type Run, breakRuns, internStyle, plainStyle, pushRun, runsWidth, textWidth, toSegments} from './text-width.js';
import {InlineBuffer} from './wrap.js';
import {countText} from './line-offsets.js';

/** What goes before each line of a block: quote bars, list indentation. */
type Prefix = {
	readonly runs: readonly Run[];
	readonly width: number;
};

/** A list item's bullet or number, shown on the first line the item prints and then spent. */
type Marker = {
	used: boolean;
	/** An outer item's marker still waiting when this item began: both print on the same line. */
	readonly outer: Marker | undefined;
};

type Context = {
	readonly prefix: Prefix;
	/** The prefix for the next line while `marker` is unspent (same width as `prefix`). */
	readonly firstPrefix: Prefix;
	readonly marker: Marker | undefined;
	/** What an empty line shows here: the quote bars, without trailing spaces. */
	readonly blankPrefix: readonly Segment[];
};

const emptyPrefix: Prefix = {runs: [], width: 0};

/**
The most lines one document is laid out to. A million lines is some 80 MB of text; past it, a hostile
post (20 MB of `<p>x`, ten million lines) would take gigabytes, so the rest is counted, not kept.
*/
export const maxLayoutLines = 1_000_000;
// A paragraph of more words than this is laid out in parts (a line break between them) so that its
// words are not all held at once.
const maxParagraphPieces = 100_000;
const onlyWhitespace = /^\s*$/;

/**
Lays out blocks of styled text into lines of at most `width` columns. The caller says where blocks
begin and end (`endBlock`, `blankLine`, `pushContext`); this class keeps the rules that hold
everywhere: wrapping, prefixes capped at `maxPrefix` columns, one blank line between blocks, no
blank line first or last, never two in a row.
*/
export class Layout {
	readonly lines: StyledLine[] = [];
	/**
	 * Where each line starts in the text (see line-offsets.ts): the characters laid out before its first,
	 * white space and prefixes not counted, so the same at any width.
	 */
	readonly starts: number[] = [];
	private counted = 0;
	/** Lines laid out meanwhile start here and count nothing (see holdOffset). */
	private held: number | undefined;
	private readonly contexts: Context[] = [{prefix: emptyPrefix, firstPrefix: emptyPrefix, marker: undefined, blankPrefix: []}];
	private readonly paragraph = new InlineBuffer();
	private blankPending = false;
	private omitted = 0;
	private blankDepth = 0;
	private preformatted: Run[] | undefined;

	constructor(readonly width: number, private readonly maxPrefix: number) {}

	/** Columns left for text in the current block. */
	get available(): number {
		return Math.max(1, this.width - this.top.prefix.width);
	}

	/** Adds text whose whitespace collapses like a browser's. */
	text(text: string, style: SegmentStyle): void {
		// In slices, so that a paragraph of millions of words is laid out in parts as it comes. A word
		// cut between two slices is continued (the buffer joins it), never cut inside a surrogate pair.
		for (let start = 0; start < text.length;) {
			let end = Math.min(text.length, start + 65_536);
			if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
			this.paragraph.text(start === 0 && end === text.length ? text : text.slice(start, end), style);
			if (this.paragraph.size > maxParagraphPieces && !this.paragraph.inWord) this.layOutParagraph();
			start = end;
		}
	}

	/** Adds text with no break opportunity inside, continuing the current word. */
	piece(text: string, style: SegmentStyle): void {
		this.paragraph.piece(text, style);
	}

	/** Adds text stuck to the word before it, even across a space: a link's `[1]`. */
	glue(text: string, style: SegmentStyle): void {
		this.paragraph.glue(text, style);
	}

	/** Ends the current word, as a space would. */
	space(): void {
		this.paragraph.endWord();
	}

	/** A forced line break (`<br>`). */
	lineBreak(): void {
		this.paragraph.lineBreak();
	}

	/** Lays out the pending text as a paragraph of the current context. */
	endBlock(): void {
		if (this.paragraph.isEmpty) {
			this.paragraph.endWord();
			return;
		}
		this.layOutParagraph();
	}

	/** The index the next line laid out will have (after the blank line asked for, if any). */
	get nextLine(): number {
		return this.lines.length + (this.blankPending && this.lines.length > 0 ? 1 : 0);
	}

	/** The characters laid out so far (white space not counted): where the next line's text starts. */
	get textOffset(): number {
		return this.held ?? this.counted;
	}

	/**
	 * Lines laid out from now on start at `offset` and count nothing, until `countFrom`: for text laid out
	 * differently at different widths (a table: aligned columns, or one block per row with its headers).
	 */
	holdOffset(offset: number): void {
		this.held = offset;
	}

	/** Counts again, from `offset`. */
	countFrom(offset: number): void {
		this.held = undefined;
		this.counted = offset;
	}

	/** Lines left out past `maxLayoutLines`. */
	get omittedLines(): number {
		return this.omitted;
	}

	private layOutParagraph(): void {
		const counts: number[] = [];
		const lines = this.paragraph.wrap(this.available, counts);
		this.paragraph.clear();
		for (let index = 0; index < lines.length; index++) this.emit(lines[index]!, counts[index]);
	}

	/** Asks for one blank line before whatever comes next (if anything does). */
	blankLine(): void {
		const depth = this.contexts.length - 1;
		if (this.blankPending) {
			this.blankDepth = Math.min(this.blankDepth, depth);
		} else {
			this.blankPending = true;
			this.blankDepth = depth;
		}
	}

	/**
	Starts a nested block whose lines begin with `own` (a quote bar, an indent), or with `marker` on
	the first line and spaces as wide on the others (a list item). Call `endBlock` first.
	*/
	pushContext(own: Run | undefined, marker?: Run): void {
		const parent = this.top;
		const waiting = parent.marker && !parent.marker.used ? parent.marker : undefined;
		const firstBase = waiting ? parent.firstPrefix : parent.prefix;
		let context: Context;
		if (marker) {
			const prefix = this.extend(parent.prefix, {text: ' '.repeat(textWidth(marker.text)), style: plainStyle});
			context = {
				prefix,
				firstPrefix: this.extend(firstBase, marker),
				marker: {used: false, outer: waiting},
				blankPrefix: trimEnd(prefix.runs),
			};
		} else {
			const prefix = own ? this.extend(parent.prefix, own) : parent.prefix;
			context = {
				prefix,
				firstPrefix: own ? this.extend(firstBase, own) : firstBase,
				marker: waiting,
				blankPrefix: trimEnd(prefix.runs),
			};
		}
		this.contexts.push(context);
	}

	/** Ends the nested block begun by `pushContext`. Call `endBlock` first. */
	popContext(): void {
		if (this.contexts.length > 1) this.contexts.pop();
		if (this.blankPending) this.blankDepth = Math.min(this.blankDepth, this.contexts.length - 1);
	}

	/** A line of its own, already laid out to at most `available` columns (a rule): one character of text, however long. */
	line(text: string, style: SegmentStyle): void {
		this.endBlock();
		this.emit([{text, style}], 1);
	}

	/** A line of its own made of styled runs, already laid out to at most `available` columns (a table row). */
	runsLine(runs: readonly Run[]): void {
		this.endBlock();
		this.emit(runs);
	}

	/** Starts preformatted text: kept as it is, not reflowed. */
	startPreformatted(): void {
		this.endBlock();
		this.preformatted = [];
	}

	get inPreformatted(): boolean {
		return this.preformatted !== undefined;
	}

	/** Adds preformatted text; it may hold newlines and tabs. */
	preformattedText(text: string, style: SegmentStyle): void {
		if (this.preformatted) pushRun(this.preformatted, text, style);
	}

	/** Lays out the preformatted text: tabs to 4-column stops, lines too wide wrapped (codePieces). */
	endPreformatted(): void {
		const runs = this.preformatted ?? [];
		this.preformatted = undefined;
		const lines: Run[][] = [[]];
		for (const run of runs) {
			const parts = run.text.split('\n');
			for (const [index, part] of parts.entries()) {
				if (index > 0) lines.push([]);
				pushRun(lines.at(-1)!, part, run.style);
			}
		}
		if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
		const width = this.available;
		for (const line of lines) {
			const expanded = expandTabs(line);
			if (runsWidth(expanded) <= width) {
				this.emit(expanded);
				continue;
			}
			// Too wide: wrapped, each line after the first marked as going on (the mark is no text of it).
			for (const [index, piece] of codePieces(expanded, width).entries()) {
				if (index === 0 || width < markedCodeWidth) this.emit(piece);
				else this.emit([{text: continuationMark, style: continuationStyle}, ...piece], piece.reduce((sum, run) => sum + countText(run.text), 0));
			}
		}
	}

	/** The finished lines. */
	finish(): StyledLine[] {
		if (this.preformatted) this.endPreformatted();
		this.endBlock();
		return this.lines;
	}

	private get top(): Context {
		return this.contexts.at(-1)!;
	}

	/** Lays out a line of `runs` after the prefix; `count`: its characters of text, when not those of its runs. */
	private emit(runs: readonly Run[], count?: number): void {
		// (A line may bring the blank line before it: both must fit.)
		if (this.lines.length + (this.blankPending ? 1 : 0) >= maxLayoutLines) {
			this.omitted++;
			return;
		}
		if (runs.every(run => onlyWhitespace.test(run.text))) {
			this.blankLine();
			return;
		}
		if (this.blankPending) {
			this.blankPending = false;
			if (this.lines.length > 0) {
				const context = this.contexts[Math.min(this.blankDepth, this.contexts.length - 1)]!;
				this.lines.push(context.blankPrefix);
				this.starts.push(this.textOffset);
			}
		}
		this.starts.push(this.textOffset);
		if (this.held === undefined) {
			if (count === undefined) for (const run of runs) this.counted += countText(run.text);
			else this.counted += count;
		}
		const context = this.top;
		let prefix = context.prefix;
		if (context.marker && !context.marker.used) {
			prefix = context.firstPrefix;
			for (let marker: Marker | undefined = context.marker; marker && !marker.used; marker = marker.outer) marker.used = true;
		}
		this.lines.push(joinRuns(prefix.runs, runs));
	}

	/** The prefix with `own` added, cut so it never passes `maxPrefix` columns. */
	private extend(base: Prefix, own: Run): Prefix {
		const room = this.maxPrefix - base.width;
		if (room <= 0) return base;
		const ownWidth = textWidth(own.text);
		// Prefix parts are ASCII or box-drawing characters, one column each.
		const text = ownWidth <= room ? own.text : own.text.slice(0, room);
		const runs = base.runs.map(run => ({...run}));
		pushRun(runs, text, own.style);
		return {runs, width: base.width + Math.min(ownWidth, room)};
	}
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xD800 && code <= 0xDBFF;
}

/** Segments of the prefix and then the text, merged where the style is the same. */
function joinRuns(prefix: readonly Run[], text: readonly Run[]): Segment[] {
	// Plain loops, no closures: this runs once per line, and a post can have hundreds of thousands.
	const segments: Segment[] = [];
	let pendingText = '';
	let pendingStyle: SegmentStyle | undefined;
	for (let part = 0; part < 2; part++) {
		for (const run of part === 0 ? prefix : text) {
			if (run.text === '') continue;
			if (pendingStyle === run.style) {
				pendingText += run.text;
				continue;
			}
			if (pendingStyle) segments.push(finishedSegment(pendingText, pendingStyle));
			pendingText = run.text;
			pendingStyle = run.style;
		}
	}
	if (pendingStyle) segments.push(finishedSegment(pendingText, pendingStyle));
	return segments;
}

/** A no-break space only matters for wrapping, which is done: it prints as a plain space. */
function finishedSegment(text: string, style: SegmentStyle): Segment {
	return {...style, text: text.includes('\u00A0') ? text.replaceAll('\u00A0', ' ') : text};
}

/** The prefix of an empty line: no trailing spaces. */
function trimEnd(runs: readonly Run[]): Segment[] {
	const trimmed = runs.map(run => ({...run}));
	while (trimmed.length > 0) {
		const last = trimmed.at(-1)!;
		last.text = last.text.trimEnd();
		if (last.text !== '') break;
		trimmed.pop();
	}
	return toSegments(trimmed);
}

/** Replaces tabs by spaces up to the next 4-column stop. */
function expandTabs(line: readonly Run[]): Run[] {
	const expanded: Run[] = [];
	let column = 0;
	for (const run of line) {
		if (!run.text.includes('\t')) {
			pushRun(expanded, run.text, run.style);
			column += textWidth(run.text);
			continue;
		}
		let text = '';
		for (const [index, part] of run.text.split('\t').entries()) {
			if (index > 0) {
				const spaces = 4 - (column % 4);
				text += ' '.repeat(spaces);
				column += spaces;
			}
			text += part;
			column += textWidth(part);
		}
		pushRun(expanded, text, run.style);
	}
	return expanded;
}

/** Before each line a code line too wide for the screen goes on to: a sign that it is one line, not two. */
const continuationMark = '↪ ';
const continuationStyle = internStyle({role: 'muted'});
/** Narrower than this, a code line is cut at the width with no mark: the mark would take too much of it. */
const markedCodeWidth = 8;

/**
 * A line of code in pieces that fit: the first `width` columns wide, each after it two less (the mark).
 * Each breaks at the last space in its second half, where there is one, the space left out (`grams[v] /
 * 1000` stays whole); else at the width. Too narrow for a mark, the line is cut at the width, as before.
 */
function codePieces(runs: readonly Run[], width: number): Run[][] {
	if (width < markedCodeWidth) return breakRuns(runs, width);
	const pieces: Run[][] = [];
	let rest: readonly Run[] = runs;
	let room = width;
	while (runsWidth(rest) > room) {
		const head = breakRuns(rest, room)[0] ?? [];
		const text = head.map(run => run.text).join('');
		const space = text.lastIndexOf(' ');
		// breakRuns cuts at grapheme boundaries, and a space is one: the cut falls between characters.
		const atSpace = space >= text.length / 2 && text.slice(0, space).trim() !== '';
		// At a space, the space goes: no line ends with one, and the mark stands where it was.
		pieces.push(sliceRuns(rest, 0, atSpace ? space : text.length));
		rest = sliceRuns(rest, atSpace ? space + 1 : text.length, Infinity);
		room = width - textWidth(continuationMark);
	}
	pieces.push([...rest]);
	return pieces;
}

/** The runs' text from `start` to `end` (UTF-16 code units), styles kept. */
function sliceRuns(runs: readonly Run[], start: number, end: number): Run[] {
	const sliced: Run[] = [];
	let offset = 0;
	for (const run of runs) {
		const from = Math.max(start - offset, 0);
		const to = Math.min(end - offset, run.text.length);
		if (from < to) sliced.push({text: run.text.slice(from, to), style: run.style});
		offset += run.text.length;
	}
	return sliced;
}
