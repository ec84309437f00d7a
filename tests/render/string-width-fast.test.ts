import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import fastStringWidth from '../../source/render/string-width-fast.js';

const samples = [
	'', 'plain ASCII', 'Café · naïve – “quoted” — ‘single’ … ©®', 'Ελληνικά и кириллица', 'lines 1–22 of 20,000 · 0%',
	'▸ selected', '⠋ Connecting to blog.example', '▶️ play', '◽ square', '↑↓ move · Enter open · ←→ page', '│ quote bar ─── rule ┌┐└┘', '日本語のテキスト', 'ｆｕｌｌｗｉｄｔｈ',
	'한국어 문장', '\u1100\u1161\u11A8 jamo', 'e\u0301 combining', 'emoji 👍 and 👨‍👩‍👧 family', '❤️ heart', '1️⃣ keycap',
	'\u001B[1mbold\u001B[22m and \u001B[31mred · é\u001B[39m', '\u009B31mC1 CSI', 'soft\u00ADhyphen', 'zero\u200Bwidth', 'tab\tand\u0007bell',
	'\u00A0no-break\u00A0space', 'ℹ️ info', '‼ double', '⌚ watch', '\u3000ideographic space', '\u3099 combining kana',
];

test('measures every sample exactly as string-width does', () => {
	for (const sample of samples) {
		assert.equal(fastStringWidth(sample), stringWidth(sample), JSON.stringify(sample));
		assert.equal(fastStringWidth(sample, {ambiguousIsNarrow: false}), stringWidth(sample, {ambiguousIsNarrow: false}), JSON.stringify(sample));
		assert.equal(fastStringWidth(sample, {countAnsiEscapeCodes: true}), stringWidth(sample, {countAnsiEscapeCodes: true}), JSON.stringify(sample));
	}
});

// Every character up to U+FFFF, alone and beside a letter, is checked in text-width.test.ts, beside
// textWidth's own check (string-width measures each character alone once, for both).
