import {test} from 'node:test';
import assert from 'node:assert/strict';
import stripAnsi from 'strip-ansi';
import {lineToAnsi} from '../../source/render/ansi.js';
import type {StyledLine} from '../../source/render/styled-line.js';

const line: StyledLine = [
	{text: 'Title', bold: true, role: 'heading'},
	{text: ' plain '},
	{text: 'link', role: 'link'},
	{text: ' ', italic: true},
	{text: 'code', role: 'code', underline: true},
];

test('without colour gives the text only', () => {
	assert.equal(lineToAnsi(line, false), 'Title plain link code');
});

test('with colour styles each segment and resets after it', () => {
	const output = lineToAnsi(line, true);
	assert.equal(stripAnsi(output), 'Title plain link code');
	assert.ok(output.startsWith('\u001B[1;36mTitle\u001B[0m'));
	assert.ok(output.includes('\u001B[36mlink\u001B[0m'));
	assert.ok(output.includes('code\u001B[0m'));
	assert.ok(output.endsWith('\u001B[0m'));
	assert.ok(output.includes(' plain '));
});

test('never passes on a control character from a segment', () => {
	const hostile: StyledLine = [{text: 'a\u001B]0;x\u0007b\u009Bc', bold: true}];
	assert.equal(stripAnsi(lineToAnsi(hostile, true)), 'a]0;xbc');
	assert.equal(lineToAnsi(hostile, false), 'a]0;xbc');
});

test('an empty line is an empty string', () => {
	assert.equal(lineToAnsi([], true), '');
});

test('a bold heading asks for bold once, in the theme’s heading colour', () => {
	assert.equal(lineToAnsi([{text: 'H', bold: true, role: 'heading'}], true), '\u001B[1;36mH\u001B[0m');
});
