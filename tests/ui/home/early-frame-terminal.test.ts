import assert from 'node:assert/strict';
import {test} from 'node:test';
import stripAnsi from 'strip-ansi';
import {makeTestStore} from '../../subscriptions/store-helper.js';
import {runInTerminal} from '../pseudo-terminal.js';

// Two blogs in a folder, at an address where nothing answers (the refresh on start fails, in words).
const opml = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
<outline text="Friends">
<outline type="rss" text="Alpha" xmlUrl="http://127.0.0.1:9/alpha.xml" htmlUrl="http://127.0.0.1:9/alpha"/>
<outline type="rss" text="Beta" xmlUrl="http://127.0.0.1:9/beta.xml" htmlUrl="http://127.0.0.1:9/beta"/>
</outline>
</body></opml>`;

/** The rows of the frame written before Ink: each row placed (ESC[row;1H), its end erased, then the cursor home. */
function earlyRows(written: string): string[] {
	const start = written.indexOf('\u001B[1;1H');
	const end = written.indexOf('\u001B[H', start);
	assert.ok(start >= 0 && end > start, 'a frame is written row by row before Ink draws');
	return written.slice(start, end).split(/\u001B\[\d+;1H/).slice(1).map(row => stripAnsi(row).trimEnd());
}

/** The rows of Ink's first frame: what it writes after the early frame, up to its next redraw's erase. */
function inkFirstRows(written: string): string[] {
	const start = written.indexOf('\u001B[H', written.indexOf('\u001B[1;1H')) + '\u001B[H'.length;
	const next = written.indexOf('\u001B[2K', start);
	return stripAnsi(written.slice(start, next === -1 ? undefined : next)).split(/\r?\n/).map(row => row.trimEnd()).filter((row, index, rows) => index < rows.length - 1 || row !== '');
}

// One size here (a real terminal costs a process); early-frame.test.tsx holds the two frames side by side at several.
for (const [columns, rows] of [[80, 24]] as const) {
	test(`at ${columns}×${rows}, \`blogterm\` shows the home screen before Ink loads; Ink's first frame is the same, row for row, and a key typed at once is kept`, async () => {
		const store = makeTestStore();
		store.open().importOpml(opml);
		const terminal = runInTerminal([], {columns, rows, env: {BLOGTERM_HOME: store.home, BLOGTERM_REFRESH_MINUTES: '0'}});
		try {
			await terminal.waitFor('Followed blogs (2)');
			// At once, whether or not Ink has loaded yet: the key waits for it. (Colour codes stand between the
			// marker and the title.)
			await terminal.typeAndWait('j', /▸ (?:\u001B\[\d+m)* +Beta/);
			const written = terminal.output();
			const early = earlyRows(written);
			assert.equal(early.length, rows, 'every row of the terminal');
			assert.match(early[0]!, /^blogterm {2}Followed blogs \(2\) {2}What is new \(0 unread\)/);
			assert.match(early[2]!, /^▾ Friends$/);
			assert.match(early[3]!, /^▸ {3}Alpha +0 unread · never read$/);
			assert.match(early.at(-1)!, /\? help$/);
			assert.deepEqual(inkFirstRows(written), early, 'Ink\'s first frame lands on it unchanged');
		} finally {
			await terminal.stop();
			store.remove();
		}
	});
}
