import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useLayoutEffect} from 'react';
import {useSettled} from '../../../source/ui/hooks/use-settled.js';
import {useTerminalSize} from '../../../source/ui/hooks/use-terminal-size.js';
import {resize, waitForText} from '../helpers.js';

/** Keeps the main thread busy for `ms`: a frame drawn on a busy machine. Not a wait: nothing else runs meanwhile. */
function busyFor(ms: number): void {
	const end = performance.now() + ms;
	while (performance.now() < end) {
		// Busy on purpose.
	}
}

/** The terminal's rows, and what they settled at (each value written down once); the frame at `slowAt` rows takes 200 ms to draw. */
function Rows({slowAt, settledAt}: {readonly slowAt: number; readonly settledAt: number[]}) {
	const {rows} = useTerminalSize();
	// This frame's render takes longer than the settling time.
	if (rows === slowAt) busyFor(200);
	const settled = useSettled(rows, 150);
	useLayoutEffect(() => {
		settledAt.push(settled);
	}, [settled, settledAt]);
	return <Text>{`rows ${rows}, settled ${settled}`}</Text>;
}

describe('useSettled', () => {
	test('never settles at a size the terminal left while the next size was being drawn, however long that frame took', async () => {
		const settledAt: number[] = [];
		const app = render(<Rows slowAt={36} settledAt={settledAt} />);
		try {
			await waitForText(app, 'rows 24, settled 24');
			// As a window is dragged: each size drawn, then the next at once; 32 rows is left for 36 within 150 ms,
			// but 36's frame takes 200 ms (the timer of 32 used to fire before React's passive effects cleared it).
			for (const rows of [28, 32, 36, 40]) {
				resize(app.stdout, 80, rows);
				await waitForText(app, `rows ${rows},`);
			}
			await waitForText(app, 'rows 40, settled 40');
			assert.deepEqual(settledAt, [24, 40]);
		} finally {
			app.unmount();
		}
	});
});
