import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tokenize} from '@alcalzone/ansi-tokenize';
import {graphemes, simpleWidth} from '../../source/render/text-width.js';

// Two splitters are checked against ICU's grapheme segmenter for every character up to U+FFFF beside
// others: text-width.ts's `graphemes` (the reader's layout cuts lines with it), and Ink's, ansi-tokenize,
// which the build (and the tests' bundle) patches to split a line of simple characters without the
// segmenter (ink-simple-graphemes in scripts/build-plugins.mjs). Its characters must be the segmenter's
// graphemes all the same. Both are checked against the same texts, so ICU segments each text once, for
// both tests (most of what they cost): where each grapheme ends, a bit per offset, is kept for each.
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const characters = (line: string) => tokenize(line).flatMap(token => (token.type === 'char' ? [token.value] : []));

/** The texts each character is checked in; Ink's test uses the first four. */
const contexts = [
	(character: string) => `a${character}`,
	(character: string) => `${character}a`,
	(character: string) => `${character}${character}`,
	(character: string) => `\uAC00${character}`,
	(character: string) => `✗ ${character}…`,
];

/** Each character up to U+FFFF but the surrogates. */
const codes = Array.from({length: 0x10000}, (_, code) => code).filter(code => code < 0xD800 || code > 0xDFFF);

let ends: Uint8Array | undefined;
/**
For each code and context, the offsets where ICU ends a grapheme of the text (bit n: after n + 1 code units).
ICU is asked about the texts of a context some dozens at a time, each after a NUL: a grapheme always ends
before and after a control character, whatever is beside it (Unicode's rules GB4 and GB5), so each text
is cut as it would be alone, and a grapheme that took in a NUL fails the test. (With each text asked
alone the file took 3.7–3.9 s of CPU, now 2.8–2.9 s; ICU costs more for each grapheme of a longer text,
so the texts are not all asked at once.)
*/
function icuEnds(): Uint8Array {
	if (ends) return ends;
	ends = new Uint8Array(codes.length * contexts.length);
	const batch = 64;
	const tookNul = (text: string) => `ICU took the NUL after ${JSON.stringify(text)} into a grapheme`;
	for (const [context, make] of contexts.entries()) {
		for (let first = 0; first < codes.length; first += batch) {
			const texts = codes.slice(first, first + batch).map(code => make(String.fromCharCode(code)));
			// The text the graphemes are in, and where it starts in the texts joined.
			let index = 0;
			let textStart = 0;
			for (const {index: start, segment} of segmenter.segment(texts.join('\0'))) {
				const text = texts[index]!;
				if (start === textStart + text.length) {
					// The NUL after the text: the next text starts after it.
					if (segment !== '\0') assert.fail(tookNul(text));
					index++;
					textStart = start + 1;
					continue;
				}
				const end = start + segment.length - textStart;
				if (end > text.length) assert.fail(tookNul(text));
				ends[(first + index) * contexts.length + context]! |= 1 << (end - 1);
			}
		}
	}
	return ends;
}

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

/** Checks `split` against ICU for every character in the first `contextCount` contexts. */
function checkEveryCharacter(split: (text: string) => string[], contextCount: number): number {
	const known = icuEnds();
	let simple = 0;
	for (const [index, code] of codes.entries()) {
		if (simpleWidth(code) >= 0) simple++;
		const character = String.fromCharCode(code);
		for (let context = 0; context < contextCount; context++) {
			const text = contexts[context]!(character);
			const expected = icuGraphemes(text, known[index * contexts.length + context]!);
			const actual = split(text);
			// assert.deepEqual for every text costs more than the split itself; it says what differs when they do.
			if (!same(actual, expected)) assert.deepEqual(actual, expected, `U+${code.toString(16).toUpperCase()} in ${JSON.stringify(text)}`);
		}
	}
	return simple;
}

test('splits text into the graphemes ICU\'s segmenter finds, for every character up to U+FFFF beside others', () => {
	checkEveryCharacter(graphemes, contexts.length);
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
