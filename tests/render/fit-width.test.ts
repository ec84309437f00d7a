import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {fitToWidth} from '../../source/render/fit-width.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** For each width, the text when string-width finds it fits, else ICU's graphemes that fit in one column less, and "…". */
function expected(text: string): (width: number) => string {
	const total = stringWidth(text);
	const parts = Array.from(segmenter.segment(text), ({segment}) => ({segment, columns: stringWidth(segment)}));
	return width => {
		if (width <= 0) return '';
		if (total <= width) return text;
		let result = '';
		let used = 0;
		for (const {segment, columns} of parts) {
			if (used + columns > width - 1) break;
			result += segment;
			used += columns;
		}
		return `${result}…`;
	};
}

const long = (unit: string) => unit.repeat(400);
const titles = [
	'', 'Hello', 'A plain title of some length, cut at a row', '日本語のタイトルです', 'ｆｕｌｌｗｉｄｔｈ ｔｉｔｌｅ',
	'🎉 Release 2.0 👨‍👩‍👧 family ❤️ heart', 'e\u0301te\u0301 cafe\u0301 · naïve', '한\u11A8 jamo \u1100\u1161\u11A8', 'zero\u200Bwidth and soft\u00ADhyphen', '日本\u200B語 wide then zero-width',
	'ℹ️ info 1️⃣ keycap ▶️ play', 'a\u0600b prepended', '\u001B[1mbold\u001B[22m title', '\u009B31mC1 CSI red', 'tab\tand bell\u0007',
	long('Long title '), long('Long 🎉 title with an emoji '), long('Cafe\u0301 '), long('日本'), `${long('x')}e\u0301`, `${'a'.repeat(79)}e\u0301 after`,
	`${'日'.repeat(39)}\u0301`, `${long('ascii ')}\u001B[31m`,
	// Long, and exactly as wide as a width (80 columns, 40).
	'x'.repeat(80), `${'a'.repeat(78)}🎉`, 'e\u0301'.repeat(40), `${'日'.repeat(39)}${'e\u0301'.repeat(2)}`,
];

test('cuts a title to the columns it has as string-width and ICU\'s graphemes would, ending with "…" only when cut', () => {
	for (const title of titles) {
		const fits = expected(title);
		for (const width of [-1, 0, 1, 2, 3, 5, 10, 39, 40, 41, 79, 80, 81, 200]) {
			const fitted = fitToWidth(title, width);
			assert.equal(fitted, fits(width), `${JSON.stringify(title.slice(0, 60))} at ${width}`);
			assert.ok(stringWidth(fitted) <= Math.max(0, width), `${JSON.stringify(fitted.slice(0, 60))} is wider than ${width}`);
		}
	}
});
