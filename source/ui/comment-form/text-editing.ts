import {cleanText} from '../../render/sanitize.js';
import {graphemes, textWidth} from '../../render/text-width.js';

/*
A small text editor's rules, pure: a value and a cursor (an offset in UTF-16 units, always on a
grapheme boundary), and what each key does to them. The comment field wraps its lines at the field's
width; up and down move between those visual rows.
*/

export type TextValue = {
	readonly value: string;
	readonly cursor: number;
};

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Offsets where graphemes start, plus the end. */
function boundaries(text: string): number[] {
	const offsets = Array.from(segmenter.segment(text), part => part.index);
	offsets.push(text.length);
	return offsets;
}

function previousBoundary(text: string, cursor: number): number {
	let previous = 0;
	for (const offset of boundaries(text)) {
		if (offset >= cursor) return previous;
		previous = offset;
	}
	return previous;
}

function nextBoundary(text: string, cursor: number): number {
	for (const offset of boundaries(text)) if (offset > cursor) return offset;
	return text.length;
}

/** What typed or pasted text becomes: no control characters or escape sequences; newlines only where allowed. */
export function typedText(input: string, multiline: boolean): string {
	const clean = cleanText(input).replaceAll('\t', ' ');
	return multiline ? clean : clean.replaceAll('\n', ' ');
}

export function insertText(state: TextValue, text: string): TextValue {
	if (text === '') return state;
	return {value: state.value.slice(0, state.cursor) + text + state.value.slice(state.cursor), cursor: state.cursor + text.length};
}

export function deleteBackward(state: TextValue): TextValue {
	if (state.cursor === 0) return state;
	const start = previousBoundary(state.value, state.cursor);
	return {value: state.value.slice(0, start) + state.value.slice(state.cursor), cursor: start};
}

export function deleteForward(state: TextValue): TextValue {
	if (state.cursor >= state.value.length) return state;
	const end = nextBoundary(state.value, state.cursor);
	return {value: state.value.slice(0, state.cursor) + state.value.slice(end), cursor: state.cursor};
}

/** The start of the cursor's line (after the newline before it). */
function lineStart(state: TextValue): number {
	return state.value.lastIndexOf('\n', state.cursor - 1) + 1;
}

/** The end of the cursor's line (the newline after it, or the end). */
function lineEnd(state: TextValue): number {
	const newline = state.value.indexOf('\n', state.cursor);
	return newline === -1 ? state.value.length : newline;
}

/** Ctrl-W: the word before the cursor, and the spaces between it and the cursor (as a shell does). */
export function deleteWordBackward(state: TextValue): TextValue {
	const before = state.value.slice(0, state.cursor);
	const start = before.search(/[^\s]*\s*$/u);
	// At the start of a line, the newline before it goes, as Backspace would.
	if (start === state.cursor) return deleteBackward(state);
	const from = Math.max(start, before.endsWith('\n') ? state.cursor - 1 : start);
	return {value: state.value.slice(0, from) + state.value.slice(state.cursor), cursor: from};
}

/** Ctrl-U: back to the start of the line (at the start, the line joins the one before). */
export function deleteToLineStart(state: TextValue): TextValue {
	const start = lineStart(state);
	if (start === state.cursor) return deleteBackward(state);
	return {value: state.value.slice(0, start) + state.value.slice(state.cursor), cursor: start};
}

/** Ctrl-K: to the end of the line (at the end, the next line joins this one). */
export function deleteToLineEnd(state: TextValue): TextValue {
	const end = lineEnd(state);
	if (end === state.cursor) return deleteForward(state);
	return {value: state.value.slice(0, state.cursor) + state.value.slice(end), cursor: state.cursor};
}

export function moveLeft(state: TextValue): TextValue {
	return {...state, cursor: previousBoundary(state.value, state.cursor)};
}

export function moveRight(state: TextValue): TextValue {
	return {...state, cursor: nextBoundary(state.value, state.cursor)};
}

/** One row of wrapped text: value.slice(start, end). `hard` when it ends at a newline or at the end of the text. */
export type Row = {
	readonly start: number;
	readonly end: number;
	readonly text: string;
	readonly hard: boolean;
};

/** The value's rows at `width` columns: lines broken at spaces when possible, inside long words otherwise; a row never starts with a space it was broken at. */
export function wrapRows(value: string, width: number): Row[] {
	const columns = Math.max(1, width);
	const rows: Row[] = [];
	let lineStart = 0;
	for (const line of value.split('\n')) {
		const parts = graphemes(line);
		let rowStart = 0; // index in parts
		let offset = lineStart; // UTF-16 offset of parts[rowStart]
		do {
			let used = 0;
			let index = rowStart;
			let lastSpace = -1;
			while (index < parts.length && used + textWidth(parts[index]!) <= columns) {
				used += textWidth(parts[index]!);
				if (parts[index] === ' ') lastSpace = index;
				index++;
			}
			if (index === rowStart && index < parts.length) index++; // a grapheme wider than the field
			let rowEnd = index;
			if (index < parts.length && parts[index] !== ' ' && lastSpace >= rowStart) rowEnd = lastSpace + 1;
			// Spaces at a break stay at the end of the row before (shown only as far as they fit): the next row starts with a word.
			while (rowEnd < parts.length && parts[rowEnd] === ' ') rowEnd++;
			const text = parts.slice(rowStart, rowEnd).join('');
			rows.push({start: offset, end: offset + text.length, text, hard: rowEnd >= parts.length});
			offset += text.length;
			rowStart = rowEnd;
		} while (rowStart < parts.length);
		lineStart += line.length + 1;
	}
	return rows;
}

/** The row the cursor is shown on. At a soft break, the cursor belongs to the next row. */
export function cursorRow(rows: readonly Row[], cursor: number): number {
	const index = rows.findIndex(row => (cursor >= row.start && cursor < row.end) || (cursor === row.end && row.hard));
	return index === -1 ? rows.length - 1 : index;
}

/** The offset in `row` closest to `column` display columns from its start (never past a soft break). */
function offsetAtColumn(row: Row, column: number): number {
	let used = 0;
	let offset = row.start;
	const parts = graphemes(row.text);
	for (const [index, part] of parts.entries()) {
		const isLastOfSoftRow = !row.hard && index === parts.length - 1;
		if (used + textWidth(part) > column || isLastOfSoftRow) break;
		used += textWidth(part);
		offset += part.length;
	}
	return offset;
}

/** Moves the cursor one visual row up or down (staying put at the first or last row). */
export function moveVertically(state: TextValue, width: number, direction: -1 | 1): TextValue {
	const rows = wrapRows(state.value, width);
	const index = cursorRow(rows, state.cursor);
	const target = rows[index + direction];
	if (!target) return state;
	const row = rows[index]!;
	const column = textWidth(state.value.slice(row.start, state.cursor));
	return {...state, cursor: offsetAtColumn(target, column)};
}

/** Home and End: the start or end of the cursor's visual row. */
export function moveToRowEdge(state: TextValue, width: number, edge: 'start' | 'end'): TextValue {
	const rows = wrapRows(state.value, width);
	const row = rows[cursorRow(rows, state.cursor)]!;
	if (edge === 'start') return {...state, cursor: row.start};
	return {...state, cursor: row.hard ? row.end : previousBoundary(state.value, row.end)};
}

/** The part of a one-line value to show in `width` columns so that the cursor is visible, and where the cursor is in it. */
export function visibleWindow(state: TextValue, width: number): {before: string; atCursor: string; after: string} {
	const columns = Math.max(2, width);
	const atEnd = state.cursor >= state.value.length;
	const atCursor = atEnd ? ' ' : state.value.slice(state.cursor, nextBoundary(state.value, state.cursor));
	let before = state.value.slice(0, state.cursor);
	// Keep the cursor inside: drop graphemes from the start until what is before it fits.
	const budget = columns - textWidth(atCursor);
	if (textWidth(before) > budget) {
		const parts = graphemes(before);
		let used = 0;
		let index = parts.length;
		while (index > 0 && used + textWidth(parts[index - 1]!) <= budget - 1) {
			used += textWidth(parts[index - 1]!);
			index--;
		}
		before = `…${parts.slice(index).join('')}`;
	}
	let after = '';
	if (!atEnd) {
		const room = columns - textWidth(before) - textWidth(atCursor);
		const kept: string[] = [];
		let used = 0;
		let cut = false;
		for (const part of graphemes(state.value.slice(state.cursor + atCursor.length))) {
			if (used + textWidth(part) > room) {
				cut = true;
				break;
			}
			kept.push(part);
			used += textWidth(part);
		}
		if (cut) {
			while (kept.length > 0 && used + 1 > room) used -= textWidth(kept.pop()!);
			if (used + 1 <= room) kept.push('…');
		}
		after = kept.join('');
	}
	return {before, atCursor, after};
}

// How chalk (and so ink-text-input) draws its cursor: the character under it in inverse video (SGR 7 … 27).
const inverseOn = '\u001B[7m';
const inverseOff = '\u001B[27m';

/**
 * ink-text-input's drawing of a one-line value (the whole value, the cursor an inverse character: it
 * keeps the cursor's place to itself), cut to `width` columns around the cursor, so that the cursor and
 * what is typed at it stay in view (`…website/page/about-me▌`). Drawn without colour (no inverse at all),
 * the cursor cannot be found: the end shows, where typing goes.
 */
export function windowAroundDrawnCursor(drawn: string, width: number): string {
	const start = drawn.indexOf(inverseOn);
	const end = start === -1 ? -1 : drawn.indexOf(inverseOff, start + inverseOn.length);
	if (end === -1) return visibleWindow({value: drawn, cursor: drawn.length}, width).before;
	const before = drawn.slice(0, start);
	const value = before + drawn.slice(start + inverseOn.length, end) + drawn.slice(end + inverseOff.length);
	const shown = visibleWindow({value, cursor: before.length}, width);
	return `${shown.before}${inverseOn}${shown.atCursor}${inverseOff}${shown.after}`;
}
