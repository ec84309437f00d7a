import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {textWidth} from '../../source/render/text-width.js';

test('measures every character up to U+FFFF as string-width does, alone, in a word and before U+FE0F', () => {
	for (let code = 0; code <= 0xFFFF; code++) {
		if (code >= 0xD800 && code <= 0xDFFF) continue;
		const character = String.fromCharCode(code);
		const name = `U+${code.toString(16).toUpperCase()}`;
		assert.equal(textWidth(character), stringWidth(character), name);
		assert.equal(textWidth(`▾ a${character}b`), stringWidth(`▾ a${character}b`), `in a word: ${name}`);
		// An emoji's presentation selector makes a one-column symbol two.
		assert.equal(textWidth(`${character}\uFE0F`), stringWidth(`${character}\uFE0F`), `${name} + U+FE0F`);
	}
});

// Its graphemes are checked against ICU's segmenter with Ink's, in graphemes.test.ts.
