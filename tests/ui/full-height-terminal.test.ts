import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runInTerminal} from './pseudo-terminal.js';

/** How many rows each erase before a redraw wiped (Ink erases the last frame line by line: ESC[2K, up, …). */
function erasedRows(written: string): number[] {
	return (written.match(/(?:\u001B\[2K\u001B\[1A)+\u001B\[2K\u001B\[G/g) ?? []).map(erase => erase.split('\u001B[2K').length - 1);
}

for (const [columns, rows] of [[80, 24], [40, 12]] as const) {
	test(`in a ${columns}×${rows} terminal, frames are ${rows} rows and a key redraws them line by line, never clearing the screen`, async () => {
		const terminal = runInTerminal(['--demo'], {columns, rows});
		try {
			await terminal.waitFor('Page 1 of');
			let from = terminal.output().length;
			terminal.type('j');
			await terminal.waitFor('\u001B[2K', from);
			from = terminal.output().length;
			terminal.type('\r');
			await terminal.waitFor(/ lines 1–/, from);
			from = terminal.output().length;
			terminal.type('j');
			await terminal.waitFor(/ lines 2–/, from);
			const written = terminal.output();
			assert.doesNotMatch(written, /\u001B\[2J|\u001B\[3J/, 'no clear of the screen (ESC[2J) or of its scrollback (ESC[3J))');
			const erased = erasedRows(written);
			assert.ok(erased.length >= 3, `a redraw for each key (${erased.length})`);
			assert.deepEqual(new Set(erased), new Set([rows]), `each frame was ${rows} rows, the last row too`);
		} finally {
			await terminal.stop();
		}
	});
}
