import type {StyledLine} from './styled-line.js';

// Where each laid-out line starts in the text it was laid out from, the same at any width: what keeps a
// reader's place when a resize re-wraps a post or a thread. Wrapping only moves white space (a line
// breaks where a space was, and drops it), so counting every other character before a line's first one
// gives a number that does not depend on the width: the re-wrapped line holding that character is found
// by it. Prefixes (quote bars, list indents) are not text: the layout counts only what it was given.

/**
 * starts[i]: how many characters of the text (white space not counted) come before line i's first; a line
 * without text (a blank line between paragraphs) starts where the line after it does. `end`: all of them.
 * The same text laid out at another width has the same numbers.
 */
export type LineOffsets = {readonly starts: readonly number[]; readonly end: number};

/**
 * A line, found again after a re-layout: the offset it starts at, and which of the lines starting there it
 * is (a blank line starts where the line after it does: rank 0 is the blank one, 1 the line of text).
 */
export type TextPlace = {readonly offset: number; readonly rank: number};

/** What was on screen: its first line, and the first line under it (none: the screen went to the end). */
export type ShownText = {readonly top: TextPlace; readonly below?: TextPlace};

export const noLineOffsets: LineOffsets = {starts: [], end: 0};

/** Whether code unit `code` is white space that wrapping may drop or add (a no-break space among them: it prints as one). */
function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0A || code === 0x0C || code === 0x0D || code === 0xA0;
}

/** The characters of `text` that wrapping keeps wherever it breaks the line: all but white space (UTF-16 code units). */
export function countText(text: string): number {
	let count = 0;
	for (let index = 0; index < text.length; index++) if (!isSpace(text.charCodeAt(index))) count++;
	return count;
}

/** The characters of a line's text, white space not counted. */
export function countLine(line: StyledLine): number {
	let count = 0;
	for (const segment of line) count += countText(segment.text);
	return count;
}

/**
 * The offsets of lines that are all text (no quote bars or markers before it: wrapped plain text, the
 * links list, the lines under a post), counted from `from`.
 */
export function plainLineOffsets(lines: readonly StyledLine[], from = 0): LineOffsets {
	const starts: number[] = [];
	let offset = from;
	for (const line of lines) {
		starts.push(offset);
		offset += countLine(line);
	}
	return {starts, end: offset};
}

/** Lines that count nothing (a note said above the text, blank lines): each starts where the text after them does. */
export function uncountedLineOffsets(count: number): LineOffsets {
	return {starts: new Array<number>(count).fill(0), end: 0};
}

/** The offsets of parts laid out one after the other (each counted from 0), each counted on from where the one before ended. */
export function joinLineOffsets(parts: readonly LineOffsets[]): LineOffsets {
	const starts: number[] = [];
	let base = 0;
	for (const part of parts) {
		for (const start of part.starts) starts.push(start + base);
		base += part.end;
	}
	return {starts, end: base};
}

/** The last index whose start is at most `offset` (-1: none is). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		if (starts[middle]! <= offset) {
			found = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	return found;
}

/** The first index whose start is at least `offset` (starts.length: none is). */
function firstAtOrAfter(starts: readonly number[], offset: number): number {
	let low = 0;
	let high = starts.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (starts[middle]! < offset) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Where line `line` is in the text (a line past the last is the last). */
export function placeOfLine(starts: readonly number[], line: number): TextPlace {
	if (starts.length === 0) return {offset: 0, rank: 0};
	const index = Math.max(0, Math.min(Math.floor(line), starts.length - 1));
	const offset = starts[index]!;
	return {offset, rank: index - firstAtOrAfter(starts, offset)};
}

/**
 * The line holding the character at `place`: the line that starts there (the same one among several that
 * do, as far as there are as many), or the line it falls within. Where the lines are those `place` was
 * taken from, the line it was taken from.
 */
export function lineOfPlace(starts: readonly number[], place: TextPlace): number {
	const last = lastAtOrBefore(starts, place.offset);
	if (last === -1) return 0;
	const first = firstAtOrAfter(starts, starts[last]!);
	if (starts[last] === place.offset) return first + Math.min(Math.max(0, place.rank), last - first);
	// Within the lines starting at one offset: the first after a blank line (one of text), or the one there is.
	return Math.min(first + 1, last);
}

/** What line `top` on, with `viewport` lines, shows of the text. */
export function shownText(starts: readonly number[], top: number, viewport: number): ShownText {
	const below = top + viewport;
	return {top: placeOfLine(starts, top), ...(below < starts.length ? {below: placeOfLine(starts, below)} : {})};
}

/**
 * The first line to show once the text is laid out again (a resize, Related Posts beside or not, the whole
 * article): the line holding the first character that was on screen, so that the reader's place stays put
 * (`top`: the line it is at otherwise known, as in the same layout, where it is the line it was set at).
 * `keep` (the line of the current search match) stays on screen when it was on it: the view moves as little
 * as it must to show it (a screen now shorter, or the text above it now taller). Not clamped: the caller
 * keeps it within the document.
 */
export function topAfterRelayout(starts: readonly number[], shown: ShownText, viewport: number, options: {readonly keep?: number; readonly top?: number} = {}): number {
	const top = options.top ?? lineOfPlace(starts, shown.top);
	const {keep} = options;
	if (keep === undefined || (keep >= top && keep < top + viewport)) return top;
	if (!wasShown(starts, shown, keep)) return top;
	return keep < top ? keep : keep - viewport + 1;
}

/** Whether line `line` (of the lines as they are now) holds text that was on screen when `shown` was. */
function wasShown(starts: readonly number[], shown: ShownText, line: number): boolean {
	const first = lineOfPlace(starts, shown.top);
	if (line < first) return false;
	if (shown.below === undefined) return true;
	const under = lineOfPlace(starts, shown.below);
	// The line the text under the screen starts in may begin with text that was on screen.
	return line < under || (line === under && starts[under]! < shown.below.offset);
}
