import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Box, Text, type DOMElement} from 'ink';
import {render} from 'ink-testing-library';
import {createRef} from 'react';
import {screenReaderCursorAt} from '../../../source/ui/screen-reader/cursor-target.js';

test('the cursor\'s row counts the rows the terminal wraps the lines above into', () => {
	const top = createRef<DOMElement>();
	const list = createRef<DOMElement>();
	const app = render(
		<Box ref={top} flexDirection="column">
			<Text>{'a'.repeat(25)}</Text>
			<Box ref={list} flexDirection="column"><Text>x</Text><Text>y</Text></Box>
		</Box>,
	);
	try {
		// As Ink writes it for a screen reader: 25 letters (three rows at 10 columns), then x and y.
		const output = `${'a'.repeat(25)}\nx\ny`;
		assert.deepEqual(screenReaderCursorAt(top.current!, {element: list, child: 1}, output, 10), {row: 4, column: 0});
		assert.deepEqual(screenReaderCursorAt(top.current!, {element: list, child: 1}, output, 80), {row: 2, column: 0});
	} finally {
		app.unmount();
	}
});
