import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {keyOf, KeySplitter, type InputPiece, type KeyPiece} from '../../../source/ui/hooks/split-keys.js';

/** What the splitter makes of Ink's events, one after another. */
function split(...events: string[]): InputPiece[] {
	const splitter = new KeySplitter();
	return events.flatMap(event => splitter.push(event));
}

const text = (value: string, pasted = false): KeyPiece => ({kind: 'text', text: value, pasted});
const key = (sequence: string): KeyPiece => ({kind: 'key', sequence});

describe('splitting input into keys', () => {
	test('a run of printable characters is text; each control key is its own key, in order', () => {
		assert.deepEqual(split('j\r'), [text('j'), key('\r')]);
		assert.deepEqual(split('abc\u007F\u007F\u007F'), [text('abc'), key('\u007F'), key('\u007F'), key('\u007F')]);
		assert.deepEqual(split('text\u0013'), [text('text'), key('\u0013')]);
		assert.deepEqual(split('Ada\tolive'), [text('Ada'), key('\t'), text('olive')]);
		assert.deepEqual(split('kk'), [text('kk')]);
	});

	test('escape sequences (Ink already cuts a read at them) stay one key each', () => {
		assert.deepEqual(split('\u001B[A', 'x', '\u001B[3~'), [key('\u001B[A'), text('x'), key('\u001B[3~')]);
	});

	test('ESC and one more key in one event (Esc typed fast, then a key) is Esc then that key, but Alt-Backspace and Alt-↑ are one key', () => {
		assert.deepEqual(split('\u001Bj'), [key('\u001B'), text('j')]);
		assert.deepEqual(split('\u001BC'), [key('\u001B'), text('C')]);
		assert.deepEqual(split('\u001B\r', '\u001B\u001B'), [key('\u001B'), key('\r'), key('\u001B'), key('\u001B')]);
		assert.deepEqual(split('\u001B\u007F', '\u001B\b', '\u001B\u001B[A', '\u001B'), [key('\u001B\u007F'), key('\u001B\b'), key('\u001B\u001B[A'), key('\u001B')]);
		assert.equal(keyOf(key('\u001B\u007F')).key.meta, true, 'Alt-Backspace');
	});

	test('an 8-bit CSI is one key with its parameters, and an 8-bit OSC or DCS string one key up to its end', () => {
		assert.deepEqual(split('Ol\u0007iv\u0000e\u009B2J'), [text('Ol'), key('\u0007'), text('iv'), key('\u0000'), text('e'), key('\u009B2J')]);
		assert.deepEqual(split('a\u009B1;31mb'), [text('a'), key('\u009B1;31m'), text('b')]);
		assert.deepEqual(split('a\u009D52;c;aGk=\u0007b\u0090q\u009Cc'), [text('a'), key('\u009D52;c;aGk=\u0007'), text('b'), key('\u0090q\u009C'), text('c')]);
		assert.deepEqual(split('x\u009D0;never ends'), [text('x'), key('\u009D0;never ends')]);
		assert.deepEqual(split('\u0085next'), [key('\u0085'), text('next')]);
	});

	test('a bracketed paste is one piece of text, newlines included, even over several reads', () => {
		assert.deepEqual(split('\u001B[200~', 'line one\r\nline', ' two\ttab', '\u001B[201~', 'x'), [text('line one\nline two\ttab', true), text('x')]);
		assert.deepEqual(split('\u001B[200~', 'a\rb\u001B[201~\u0013'), [text('a\nb', true), key('\u0013')]);
	});

	test('Tab is Tab and never a space; Backspace and Delete are told apart', () => {
		assert.equal(keyOf(key('\t')).key.tab, true);
		assert.equal(keyOf(key('\t')).input, '');
		assert.equal(keyOf(key('\u001B[Z')).key.shift, true);
		assert.equal(keyOf(key('\u007F')).key.backspace, true);
		assert.equal(keyOf(key('\u007F')).key.delete, false);
		assert.equal(keyOf(key('\b')).key.backspace, true);
		assert.equal(keyOf(key('\u001B[3~')).key.delete, true);
		assert.equal(keyOf(key('\u001B[3~')).key.backspace, false);
	});

	test('Ctrl-letters, Home/End in their several spellings, PgUp/PgDn and Esc', () => {
		assert.deepEqual([keyOf(key('\u0013')).input, keyOf(key('\u0013')).key.ctrl], ['s', true]);
		assert.deepEqual([keyOf(key('\u0017')).input, keyOf(key('\u0017')).key.ctrl], ['w', true]);
		for (const home of ['\u001B[H', '\u001B[1~', '\u001B[7~', '\u001BOH']) assert.equal(keyOf(key(home)).key.home, true, JSON.stringify(home));
		for (const end of ['\u001B[F', '\u001B[4~', '\u001B[8~', '\u001BOF']) assert.equal(keyOf(key(end)).key.end, true, JSON.stringify(end));
		assert.equal(keyOf(key('\u001B[5~')).key.pageUp, true);
		assert.equal(keyOf(key('\u001B[6~')).key.pageDown, true);
		assert.equal(keyOf(key('\u001B')).key.escape, true);
		assert.equal(keyOf(key('\r')).key.return, true);
		assert.equal(keyOf(text('G')).key.shift, true);
	});

	test('a mouse report is one mouse event, never text: the wheel, a press, and what blogterm leaves alone', () => {
		assert.deepEqual(split('\u001B[<64;10;5M', '\u001B[<65;1;1M'), [
			{kind: 'mouse', event: {kind: 'wheel', direction: 'up', row: 4, column: 9}},
			{kind: 'mouse', event: {kind: 'wheel', direction: 'down', row: 0, column: 0}},
		]);
		assert.deepEqual(split('\u001B[<0;3;7M', '\u001B[<0;3;7m', 'j'), [
			{kind: 'mouse', event: {kind: 'press', button: 'left', row: 6, column: 2}},
			{kind: 'mouse', event: {kind: 'other', row: 6, column: 2}},
			text('j'),
		]);
		// A drag (32) and a right button (2).
		assert.deepEqual(split('\u001B[<32;4;4M', '\u001B[<2;4;4M'), [
			{kind: 'mouse', event: {kind: 'other', row: 3, column: 3}},
			{kind: 'mouse', event: {kind: 'press', button: 'right', row: 3, column: 3}},
		]);
	});

	test('an old-style (X10) mouse report, ESC[M and three bytes, is swallowed whole, even over two reads', () => {
		assert.deepEqual(split('\u001B[M', ' !!x'), [text('x')]);
		assert.deepEqual(split('\u001B[M', ' ', '!!', 'ok'), [text('ok')]);
		// Its bytes in the same read: nothing more is swallowed from the next.
		assert.deepEqual(split('\u001B[M !!', 'x'), [text('x')]);
	});
});
