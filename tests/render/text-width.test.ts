import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import fastStringWidth from '../../source/render/string-width-fast.js';
import {textWidth} from '../../source/render/text-width.js';
import {codes, unicodeOracle, widthTexts} from './unicode-oracle.js';

// Both measures are checked against string-width for every character up to U+FFFF: textWidth here, and
// the string-width the build gives Ink (string-width-fast.ts, whose samples are in string-width-fast.test.ts).
// string-width's answers are recorded (unicode-oracle.ts), or asked now where its version differs.

test('measures every character up to U+FFFF as string-width does, alone, in a word and before U+FE0F', () => {
	const oracle = unicodeOracle();
	const [alone, inWord, beforeEmojiPresentation] = [oracle.widths('alone'), oracle.widths('inWord'), oracle.widths('beforeEmojiPresentation')];
	for (const [index, code] of codes.entries()) {
		const character = String.fromCharCode(code);
		const name = `U+${code.toString(16).toUpperCase()}`;
		assert.equal(textWidth(character), alone[index], name);
		assert.equal(textWidth(widthTexts.inWord(character)), inWord[index], `in a word: ${name}`);
		// An emoji's presentation selector makes a one-column symbol two.
		assert.equal(textWidth(widthTexts.beforeEmojiPresentation(character)), beforeEmojiPresentation[index], `${name} + U+FE0F`);
	}
});

test('measures every character up to U+FFFF as string-width does, alone, after a letter and before one', () => {
	const oracle = unicodeOracle();
	const [alone, afterLetter, beforeLetter] = [oracle.widths('alone'), oracle.widths('afterLetter'), oracle.widths('beforeLetter')];
	for (const [index, code] of codes.entries()) {
		const character = String.fromCharCode(code);
		const name = `U+${code.toString(16).toUpperCase()}`;
		assert.equal(fastStringWidth(character), alone[index], name);
		assert.equal(fastStringWidth(widthTexts.afterLetter(character)), afterLetter[index], `a + ${name}`);
		assert.equal(fastStringWidth(widthTexts.beforeLetter(character)), beforeLetter[index], `${name} + a`);
	}
});

test('measures long text as string-width does: lines of many scripts, emoji and marks beside simple characters', () => {
	// Long text (past the 64 characters whose width is remembered) is measured in pieces, cut between two
	// simple characters. That each simple character is a grapheme of its own beside others is checked
	// against ICU for every character in graphemes.test.ts, and its width alone above.
	const lines = [
		'שלום עולם, זהו משפט ארוך בעברית עם מילים רבות כדי למלא שורה שלמה של טקסט, ועוד קצת', 'ภาษาไทยเป็นภาษาที่มีเครื่องหมายวรรณยุกต์และสระที่ซ้อนกันหลายชั้นในบรรทัดเดียวกัน',
		`${'A line with one emoji 🎉 in it, '.repeat(3)}👨\u200D👩\u200D👧 and a family`, `${'https://blog.example/café/e\u0301/'.repeat(4)}\u200B zero width`, `${'日本語と한국어 '.repeat(8)}\u1100\u1161\u11A8 jamo`,
		`${'x'.repeat(70)}\uFE0F`, `\u0301${'x'.repeat(70)}`, `${'❤\uFE0F ▶\uFE0F 1\uFE0F\u20E3 ℹ\uFE0F '.repeat(8)}`, `${'soft\u00ADhyphen '.repeat(8)}`, `${'é🎉 '.repeat(20)}日本`, `${'a\u0301'.repeat(40)}`, `${'\u001B[1mbold\u001B[22m é '.repeat(8)}`,
	];
	for (const line of lines) assert.equal(textWidth(line), stringWidth(line), JSON.stringify(line));
});

// Its graphemes are checked against ICU's segmenter with Ink's, in graphemes.test.ts.
