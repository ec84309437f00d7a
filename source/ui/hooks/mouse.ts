/*
The mouse, when the user turns it on (`--mouse`, `"mouse": true`): the terminal reports the wheel and
clicks as SGR sequences (ESC[<b;x;yM, and …m when a button is let go), which split-keys.ts makes one
event each. Plain TypeScript: the codes, the parser, and where a click lands on a list.
*/
import type {StyledLine} from '../../render/styled-line.js';
import {textWidth} from '../../render/text-width.js';

/** Asks the terminal to report presses and the wheel (1000), written as SGR sequences (1006). */
export const mouseReportingOn = '\u001B[?1000h\u001B[?1006h';
/** Stops it: the terminal's own selection works again. */
export const mouseReportingOff = '\u001B[?1006l\u001B[?1000l';

/** A wheel notch or a press, at a cell of the screen (0-based; the terminal counts from 1). */
export type MouseEvent =
	| {readonly kind: 'wheel'; readonly direction: 'up' | 'down'; readonly row: number; readonly column: number}
	| {readonly kind: 'press'; readonly button: 'left' | 'middle' | 'right'; readonly row: number; readonly column: number}
	/** A button let go, a drag, a sideways wheel: nothing blogterm answers. */
	| {readonly kind: 'other'; readonly row: number; readonly column: number};

/** What reaches a screen: the wheel and presses (the rest is dropped on the way). */
export type ScreenMouseEvent = Exclude<MouseEvent, {readonly kind: 'other'}>;

const sgrMouse = /^\u001B\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/u;

/** The event an SGR mouse sequence reports; undefined when `sequence` is none. */
export function parseSgrMouse(sequence: string): MouseEvent | undefined {
	const match = sgrMouse.exec(sequence);
	if (!match) return undefined;
	const [, code, x, y, final] = match;
	const bits = Number(code);
	const at = {row: Math.max(0, Number(y) - 1), column: Math.max(0, Number(x) - 1)};
	// 32: the pointer moved with a button held (a drag); 64: the wheel (64 up, 65 down, 66 and 67 sideways).
	if ((bits & 32) !== 0) return {kind: 'other', ...at};
	if ((bits & 64) !== 0) {
		const wheel = bits & 3;
		return wheel <= 1 ? {kind: 'wheel', direction: wheel === 0 ? 'up' : 'down', ...at} : {kind: 'other', ...at};
	}
	const button = bits & 3;
	if (final === 'm' || button === 3) return {kind: 'other', ...at};
	return {kind: 'press', button: button === 0 ? 'left' : button === 1 ? 'middle' : 'right', ...at};
}

/** The event with its row counted from `top` (the first row of a part of the screen). */
export function fromRow<T extends MouseEvent>(event: T, top: number): T {
	return {...event, row: event.row - top};
}

/**
 * The item at `row` of a list drawn one item a line from row 0, `first` the item on that row and
 * `shown` items drawn; undefined when the row holds none.
 */
export function listItemAt(row: number, first: number, shown: number): number | undefined {
	return row >= 0 && row < shown ? first + row : undefined;
}

/** A click on a list: the item under it is selected; clicked when it already was, it opens. */
export function clickOnList(index: number | undefined, selected: number): 'select' | 'open' | undefined {
	if (index === undefined) return undefined;
	return index === selected ? 'open' : 'select';
}

/** The numbered link drawn at `column` of `line` (counted from the line's first column); undefined where none is. */
export function linkAt(line: StyledLine, column: number): number | undefined {
	let at = 0;
	for (const segment of line) {
		const width = textWidth(segment.text);
		if (column >= at && column < at + width) return segment.link;
		at += width;
	}
	return undefined;
}
