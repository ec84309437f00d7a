import assert from 'node:assert/strict';
import {test} from 'node:test';
import stripAnsi from 'strip-ansi';
import {erasedRows, runInTerminal} from './pseudo-terminal.js';

for (const [columns, rows] of [[80, 24], [40, 12]] as const) {
	test(`in a ${columns}×${rows} terminal, frames are ${rows} rows and a key redraws them line by line, never clearing the screen`, async () => {
		const terminal = runInTerminal(['--demo'], {columns, rows});
		try {
			await terminal.waitFor('Page 1 of');
			await terminal.typeAndWait('j', '\u001B[2K');
			await terminal.typeAndWait('\r', / lines 1–/);
			await terminal.typeAndWait('j', / lines 2–/);
			const written = terminal.output();
			assert.doesNotMatch(written, /\u001B\[2J|\u001B\[3J/, 'no clear of the screen (ESC[2J) or of its scrollback (ESC[3J))');
			const erased = erasedRows(written);
			assert.ok(erased.length >= 3, `a redraw for each key (${erased.length})`);
			assert.deepEqual(new Set(erased), new Set([rows]), `each frame was ${rows} rows, the last row too`);
			// The erase counts the row a trailing newline leaves the cursor on: the last frame's own rows, the
			// post's status line on the last of them (not one row above an empty last row).
			const last = stripAnsi(written.slice(written.lastIndexOf('\u001B[2K\u001B[G'))).split(/\r?\n/);
			assert.equal(last.length, rows, last.join('\n'));
			assert.match(last.at(-1)!, /^ lines 2–/);
		} finally {
			await terminal.stop();
		}
	});
}
