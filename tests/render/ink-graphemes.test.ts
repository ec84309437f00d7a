import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tokenize} from '@alcalzone/ansi-tokenize';
import {simpleWidth} from '../../source/render/text-width.js';

// Ink splits each line of a frame into characters with ansi-tokenize, which the build (and the tests'
// bundle) patches to split a line of simple characters without ICU's segmenter (ink-simple-graphemes in
// scripts/build-plugins.mjs). Its characters must be the segmenter's graphemes all the same.
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const graphemes = (text: string) => Array.from(segmenter.segment(text), part => part.segment);
const characters = (line: string) => tokenize(line).flatMap(token => (token.type === 'char' ? [token.value] : []));

test('Ink splits a line into the same characters as ICU\'s grapheme segmenter, for every character up to U+FFFF beside others', () => {
	let simple = 0;
	for (let code = 0; code <= 0xFFFF; code++) {
		if (code >= 0xD800 && code <= 0xDFFF) continue;
		if (simpleWidth(code) >= 0) simple++;
		const character = String.fromCharCode(code);
		for (const text of [`a${character}`, `${character}a`, `${character}${character}`, `\uAC00${character}`]) {
			assert.deepEqual(characters(text), graphemes(text), `U+${code.toString(16).toUpperCase()} in ${JSON.stringify(text)}`);
		}
	}
	assert.ok(simple > 30_000, 'the simple characters are checked too');
});

test('Ink keeps a link and styles around simple text, and joins what a line of marks and emoji joins', () => {
	assert.deepEqual(characters('\u001B[1m\u001B[36mblogterm\u001B[39m\u001B[22m  ▾ Folder 1 · ✗ failed'), [...'blogterm  ▾ Folder 1 · ✗ failed']);
	const link = '\u001B]8;;https://blog.example/\u0007Read ▸ “more”\u001B]8;;\u0007';
	assert.deepEqual(characters(link), [...'Read ▸ “more”']);
	assert.deepEqual(tokenize(link).filter(token => token.type === 'ansi').length, 2);
	assert.deepEqual(characters('e\u0301 · 👨‍👩‍👧 · ❤️ · 한\u11A8'), graphemes('e\u0301 · 👨‍👩‍👧 · ❤️ · 한\u11A8'));
	assert.deepEqual(tokenize('日本 ｆ').filter(token => token.type === 'char').map(token => token.type === 'char' && token.fullWidth), [true, true, false, true]);
});
