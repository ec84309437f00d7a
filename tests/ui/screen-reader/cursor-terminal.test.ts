import assert from 'node:assert/strict';
import {test} from 'node:test';
import stripAnsi from 'strip-ansi';
import {erasedRows, runInTerminal} from '../pseudo-terminal.js';

/** The last frame written (after Ink's last erase) and the row the cursor was then parked on. */
function lastFrameAndCursor(written: string): {lines: string[]; cursorRow: number | undefined} {
	const start = written.lastIndexOf('\u001B[2K\u001B[G') + '\u001B[2K\u001B[G'.length;
	const rest = written.slice(start);
	const parked = /\u001B\[(\d+)A\u001B\[1G\u001B\[\?25h|\u001B\[1G\u001B\[\?25h/.exec(rest);
	const lines = stripAnsi(parked ? rest.slice(0, parked.index) : rest).split('\r\n');
	return {lines, cursorRow: parked ? lines.length - 1 - Number(parked[1] ?? 0) : undefined};
}

test('with --screen-reader, the terminal\'s cursor is parked on the selected post after each frame, and shown', async () => {
	const terminal = runInTerminal(['--demo', '--screen-reader'], {columns: 80, rows: 24});
	try {
		await terminal.waitFor('Page 1 of');
		let frame = lastFrameAndCursor(await terminal.waitFor(/\u001B\[\?25h/));
		assert.ok(frame.cursorRow !== undefined, frame.lines.join('\n'));
		assert.match(frame.lines[frame.cursorRow]!, /^Ten Minutes a Day · selected/);
		await terminal.typeAndWait('j', /Shell History as a Garden Diary · selected[^]*\u001B\[\?25h/);
		frame = lastFrameAndCursor(terminal.output());
		assert.ok(frame.cursorRow !== undefined, frame.lines.join('\n'));
		assert.match(frame.lines[frame.cursorRow]!, /^Shell History as a Garden Diary · selected/, 'the cursor follows the selection');
		assert.equal(frame.lines[0], 'The Terminal Gardener', 'the frame from its top');
	} finally {
		await terminal.stop();
	}
});

test('with --screen-reader in a 40×12 terminal, no frame is taller than the terminal, the form with its errors neither (it would scroll, and could not be erased)', async () => {
	const terminal = runInTerminal(['--demo', '--screen-reader'], {columns: 40, rows: 12});
	try {
		await terminal.waitFor('Page 1 of');
		await terminal.typeAndWait('j', 'Shell History as a … · selected · unread');
		await terminal.typeAndWait('\r', / lines 1 to/);
		// The thread: its heading and the selected comment's first line are the longest rows.
		await terminal.typeAndWait('C', 'selected');
		await terminal.typeAndWait('j', /Robin Reader[^]*selected/);
		// The form, with two fields left empty: its errors make it longer than the terminal.
		await terminal.typeAndWait('c', 'Comment (required):');
		await terminal.typeAndWait('\t', 'Error: Fill out this field');
		await terminal.typeAndWait('\t', /Error: Fill out this field[^]*Error: Fill out this field/);
		// A key in the Email field: that frame is erased for the next.
		await terminal.typeAndWait('a', /Email \(required\): (?:\u001B\[[\d;]*m)*a/);
		const erases = erasedRows(terminal.output());
		assert.ok(erases.length >= 4, `a frame for each key (${erases.length})`);
		assert.ok(Math.max(...erases) <= 12, `frames of ${erases.join(', ')} rows`);
		assert.doesNotMatch(terminal.output(), /\u001B\[2J/);
	} finally {
		await terminal.stop();
	}
});
