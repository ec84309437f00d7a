import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	cursorRow,
	deleteBackward,
	deleteForward,
	deleteToLineEnd,
	deleteToLineStart,
	deleteWordBackward,
	insertText,
	moveLeft,
	moveToRowEdge,
	moveVertically,
	typedText,
	visibleWindow,
	windowAroundDrawnCursor,
	wrapRows,
} from '../../../source/ui/comment-form/text-editing.js';

describe('editing text in the form', () => {
	test('long lines wrap at spaces, newlines start new rows', () => {
		const rows = wrapRows('the quick brown fox jumps\nover', 10);
		assert.deepEqual(rows.map(row => row.text), ['the quick ', 'brown fox ', 'jumps', 'over']);
		assert.deepEqual(rows.map(row => row.hard), [false, false, true, true]);
		assert.deepEqual(wrapRows('', 10).map(row => row.text), ['']);
		assert.deepEqual(wrapRows('abcdefghijkl', 5).map(row => row.text), ['abcde', 'fghij', 'kl']);
	});

	test('up and down move between wrapped rows, keeping the column', () => {
		const value = 'the quick brown fox jumps\nover';
		let state = {value, cursor: value.indexOf('fox') + 1};
		assert.equal(cursorRow(wrapRows(value, 10), state.cursor), 1);
		state = moveVertically(state, 10, -1);
		assert.equal(state.cursor, 7, 'column 7 of "brown fox " is column 7 of "the quick "');
		state = moveVertically(moveVertically(state, 10, 1), 10, 1);
		assert.equal(cursorRow(wrapRows(value, 10), state.cursor), 2);
		assert.equal(value.slice(state.cursor - 5, state.cursor), 'jumps', 'a shorter row: the cursor goes to its end');
		assert.equal(moveVertically({value, cursor: 0}, 10, -1).cursor, 0);
		const end = moveToRowEdge({value, cursor: 0}, 10, 'end');
		assert.equal(cursorRow(wrapRows(value, 10), end.cursor), 0, 'End stays on the row, not after the soft break');
	});

	test('Backspace and arrows never split an emoji or an accented letter', () => {
		const value = 'ae\u0301😀';
		assert.deepEqual(deleteBackward({value, cursor: value.length}), {value: 'ae\u0301', cursor: 3});
		assert.deepEqual(moveLeft({value, cursor: 3}), {value, cursor: 1});
		assert.deepEqual(insertText({value: 'ac', cursor: 1}, 'b'), {value: 'abc', cursor: 2});
	});

	test('typed text loses control characters; one-line fields lose newlines', () => {
		assert.equal(typedText('a\u0007b\u001B[31mc\r\nd\te', true), 'abc\nd e');
		assert.equal(typedText('line one\nline two', false), 'line one line two');
	});

	test('a long one-line value scrolls so the cursor stays visible', () => {
		const value = 'https://example.com/a/very/long/address/indeed';
		const window = visibleWindow({value, cursor: value.length}, 20);
		assert.equal(window.atCursor, ' ');
		assert.ok(window.before.startsWith('…'));
		assert.ok(window.before.length <= 19);
		assert.ok(value.endsWith(window.before.slice(1)));
		const start = visibleWindow({value, cursor: 0}, 20);
		assert.equal(start.before, '');
		assert.equal(start.atCursor, 'h');
		assert.ok(start.after.endsWith('…'));
		assert.equal(start.before.length + start.atCursor.length + start.after.length, 20);
	});

	test('what ink-text-input draws (the whole value, the cursor in inverse) is cut to the field around the cursor', () => {
		const on = '\u001B[7m';
		const off = '\u001B[27m';
		const value = 'https://example.org/a/very/long/path/to/my/personal/website/page/about-me';
		// The cursor at the end: ink-text-input draws an inverse space after the value.
		assert.equal(windowAroundDrawnCursor(`${value}${on} ${off}`, 24), `…/website/page/about-me${on} ${off}`);
		// In the middle, past what fits: the cursor stays in view, at the field's right edge.
		const at = value.indexOf('personal');
		assert.equal(windowAroundDrawnCursor(`${value.slice(0, at)}${on}p${off}${value.slice(at + 1)}`, 24), `…/very/long/path/to/my/${on}p${off}`);
		// Near the start: the start shows, the rest cut with "…".
		assert.equal(windowAroundDrawnCursor(`ht${on}t${off}${value.slice(3)}`, 24), `ht${on}t${off}ps://example.org/a/v…`);
		// Short enough: as drawn.
		assert.equal(windowAroundDrawnCursor(`Ada${on} ${off}`, 24), `Ada${on} ${off}`);
		// Drawn without colour (no cursor to find): the end, where typing goes.
		assert.equal(windowAroundDrawnCursor(`${value} `, 24), '…website/page/about-me ');
	});

	test('a row broken at spaces keeps them at its end: the next row starts with the word', () => {
		assert.deepEqual(wrapRows('abcde fgh', 5).map(row => row.text), ['abcde ', 'fgh']);
		assert.deepEqual(wrapRows('abcde   fgh', 5).map(row => row.text), ['abcde   ', 'fgh']);
	});

	test('Ctrl-W, Ctrl-U, Ctrl-K and Delete', () => {
		assert.deepEqual(deleteWordBackward({value: 'one two  ', cursor: 9}), {value: 'one ', cursor: 4});
		assert.deepEqual(deleteWordBackward({value: 'one\ntwo', cursor: 4}), {value: 'onetwo', cursor: 3}, 'at a line start: joins the lines');
		assert.deepEqual(deleteToLineStart({value: 'a\nbc d', cursor: 4}), {value: 'a\n d', cursor: 2});
		assert.deepEqual(deleteToLineEnd({value: 'ab cd\nef', cursor: 2}), {value: 'ab\nef', cursor: 2});
		assert.deepEqual(deleteToLineEnd({value: 'ab\nef', cursor: 2}), {value: 'abef', cursor: 2}, 'at a line end: joins the next line');
		assert.deepEqual(deleteForward({value: 'abc', cursor: 1}), {value: 'ac', cursor: 1});
	});
});
