// The home screen's first frame, written before Ink and React have loaded (some 40 ms of a start): the
// same lines the home screen's views draw (home-lines.ts), in the same codes (chalk, which Ink colours
// with), at the top left of the alternate screen. Ink's first frame then lands on it cell for cell
// (tests/ui/home/early-frame.test.tsx holds the two side by side), and takes over.
import chalk from 'chalk';
import isInCi from 'is-in-ci';
import type {SpanLine} from './home-lines.js';

/** A line's runs in the terminal's codes, as Ink's <Text> writes them. */
export function spansToAnsi(line: SpanLine): string {
	return line.map(span => {
		let text = span.text;
		if (text === '') return '';
		if (span.colour) text = chalk[span.colour](text);
		if (span.bold) text = chalk.bold(text);
		if (span.underline) text = chalk.underline(text);
		return text;
	}).join('');
}

/** A frame as one write: each line at its row, the rest of the row erased, then the cursor at the top left, where Ink writes its first frame. */
export function frameToAnsi(lines: readonly SpanLine[]): string {
	return `${lines.map((line, index) => `\u001B[${index + 1};1H${spansToAnsi(line)}\u001B[K`).join('')}\u001B[H`;
}

type Terminal = {
	readonly stdout: {readonly isTTY?: boolean; readonly columns?: number; readonly rows?: number; write(data: string): unknown};
	readonly stdin: {readonly isTTY?: boolean; setRawMode?(mode: boolean): unknown};
};

/** The terminal's size when the early frame was written. */
export type DrawnFrame = {readonly columns: number | undefined; readonly rows: number | undefined};

/**
 * Writes the first frame now, when Ink will draw frames in this terminal (a terminal both ways, not CI, not
 * a screen reader's mode: there Ink writes differently; `inCi` is Ink's own test, is-in-ci). The keyboard
 * goes to raw mode at once, so that keys typed before Ink reads them wait unechoed, and Ink reads them as
 * it starts. Gives the terminal's size it was drawn at, or undefined when it was not drawn.
 */
export function drawEarlyFrame(lines: readonly SpanLine[] | undefined, terminal: Terminal, {screenReader, inCi = isInCi}: {readonly screenReader: boolean; readonly inCi?: boolean}): DrawnFrame | undefined {
	if (!lines || screenReader || inCi || !terminal.stdout.isTTY || !terminal.stdin.isTTY || !terminal.stdin.setRawMode) return undefined;
	terminal.stdin.setRawMode(true);
	terminal.stdout.write(frameToAnsi(lines));
	return {columns: terminal.stdout.columns, rows: terminal.stdout.rows};
}

/**
 * Just before Ink's first frame: if the terminal changed size since the early frame, that frame is wiped
 * (Ink's, made for the new size, would not cover it); otherwise Ink's lands on it as it is.
 */
export function handOverToInk(drawn: DrawnFrame | undefined, stdout: Terminal['stdout']): void {
	if (drawn && (drawn.columns !== stdout.columns || drawn.rows !== stdout.rows)) stdout.write('\u001B[H\u001B[J');
}
