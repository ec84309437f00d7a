import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {wrapPlainText} from '../../source/render/wrap.js';
import {texts, widths} from './render-helpers.js';

const sentence = 'Alice replied on 3 May 2024 with a rather long comment about wrapping text in terminals';

for (const width of widths) {
	test(`wraps a plain string to ${width} columns, words kept in order`, () => {
		const lines = texts(wrapPlainText(sentence, width));
		for (const line of lines) assert.ok(stringWidth(line) <= width);
		assert.equal(lines.join(' '), sentence);
	});
}

test('keeps newlines as line breaks and one empty line for a gap', () => {
	assert.deepEqual(texts(wrapPlainText('one\ntwo\n\n\n\nthree\n', 40)), ['one', 'two', '', 'three']);
});

test('applies the style to every segment', () => {
	const lines = wrapPlainText('a b c', 40, {dim: true, role: 'muted'});
	for (const segment of lines.flat()) {
		assert.equal(segment.dim, true);
		assert.equal(segment.role, 'muted');
	}
});

test('removes control characters', () => {
	assert.deepEqual(texts(wrapPlainText('Bob\u001B]0;x\u0007 \u001B[2Jsays\rhi', 40)), ['Bob says', 'hi']);
});

test('cuts a word wider than the width, and wide characters by columns', () => {
	assert.deepEqual(texts(wrapPlainText('abcdefghij', 4)), ['abcd', 'efgh', 'ij']);
	assert.deepEqual(texts(wrapPlainText('中文字符中', 4)), ['中文', '字符', '中']);
	assert.deepEqual(texts(wrapPlainText('中文', 1)), ['?', '?']);
});

test('gives no lines for an empty string', () => {
	assert.deepEqual(wrapPlainText('', 40), []);
	assert.deepEqual(wrapPlainText('  \n ', 40), []);
});
