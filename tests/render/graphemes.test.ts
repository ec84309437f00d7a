import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tokenize} from '@alcalzone/ansi-tokenize';
import {graphemes, simpleWidth} from '../../source/render/text-width.js';
import {codes, graphemeTexts, unicodeOracle} from './unicode-oracle.js';

// Two splitters are checked against ICU's grapheme segmenter for every character up to U+FFFF beside
// others: text-width.ts's `graphemes` (the reader's layout cuts lines with it), and Ink's, ansi-tokenize,
// which the build (and the tests' bundle) patches to split a line of simple characters without the
// segmenter (ink-simple-graphemes in scripts/build-plugins.mjs). Its characters must be the segmenter's
// graphemes all the same. Where ICU ends each grapheme is recorded (unicode-oracle.ts), or asked now
// where Node's ICU differs from the recording's.
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const characters = (line: string) => tokenize(line).flatMap(token => (token.type === 'char' ? [token.value] : []));

/** ICU's graphemes of a text, from where they end. */
function icuGraphemes(text: string, bits: number): string[] {
	const parts: string[] = [];
	let start = 0;
	for (let offset = 0; offset < text.length; offset++) {
		if (bits & (1 << offset)) {
			parts.push(text.slice(start, offset + 1));
			start = offset + 1;
		}
	}
	if (start < text.length) parts.push(text.slice(start));
	return parts;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((part, index) => part === b[index]);

/** Checks `split` against ICU for every character in the first `textCount` of the texts. */
function checkEveryCharacter(split: (text: string) => string[], textCount: number): number {
	const oracle = unicodeOracle();
	const ends = graphemeTexts.slice(0, textCount).map((_, which) => oracle.graphemeEnds(which));
	let simple = 0;
	for (const [index, code] of codes.entries()) {
		if (simpleWidth(code) >= 0) simple++;
		const character = String.fromCharCode(code);
		for (let which = 0; which < textCount; which++) {
			const text = graphemeTexts[which]!(character);
			const expected = icuGraphemes(text, ends[which]![index]!);
			const actual = split(text);
			// assert.deepEqual for every text costs more than the split itself; it says what differs when they do.
			if (!same(actual, expected)) assert.deepEqual(actual, expected, `U+${code.toString(16).toUpperCase()} in ${JSON.stringify(text)}`);
		}
	}
	return simple;
}

test('splits text into the graphemes ICU\'s segmenter finds, for every character up to U+FFFF beside others', () => {
	checkEveryCharacter(graphemes, graphemeTexts.length);
});

test('Ink splits a line into the same characters as ICU\'s grapheme segmenter, for every character up to U+FFFF beside others', () => {
	const simple = checkEveryCharacter(characters, 4);
	assert.ok(simple > 30_000, 'the simple characters are checked too');
});

test('Ink keeps a link and styles around simple text, and joins what a line of marks and emoji joins', () => {
	const icu = (text: string) => Array.from(segmenter.segment(text), part => part.segment);
	assert.deepEqual(characters('\u001B[1m\u001B[36mblogterm\u001B[39m\u001B[22m  ▾ Folder 1 · ✗ failed'), [...'blogterm  ▾ Folder 1 · ✗ failed']);
	const link = '\u001B]8;;https://blog.example/\u0007Read ▸ “more”\u001B]8;;\u0007';
	assert.deepEqual(characters(link), [...'Read ▸ “more”']);
	assert.deepEqual(tokenize(link).filter(token => token.type === 'ansi').length, 2);
	assert.deepEqual(characters('e\u0301 · 👨‍👩‍👧 · ❤️ · 한\u11A8'), icu('e\u0301 · 👨‍👩‍👧 · ❤️ · 한\u11A8'));
	assert.deepEqual(tokenize('日本 ｆ').filter(token => token.type === 'char').map(token => token.type === 'char' && token.fullWidth), [true, true, false, true]);
});
