import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {simpleWidth} from './text-width.js';

/** Columns of a character, or -1 when string-width must measure it: text-width.ts's simple set, and the geometric shapes and braille a spinner and a list marker use. */
function columnsOf(code: number): number {
	const simple = simpleWidth(code);
	if (simple >= 0) return simple;
	// U+25FD and U+25FE are emoji (two columns); the rest of the block is one, as is all of braille.
	if ((code >= 0x25A0 && code <= 0x25FC) || (code >= 0x2800 && code <= 0x28FF)) return 1;
	return -1;
}

/**
string-width, answering itself for the characters text-width.ts knows to be simple (ASCII, Latin,
Greek, Cyrillic, punctuation, arrows, box drawing, CJK, kana, Hangul syllables; here also geometric
shapes and braille) and asking string-width for anything else. string-width segments every string that is not plain ASCII into graphemes and tests
each against an emoji regex; Ink measures every line of every frame with it, so a status bar with
an en dash or a list with a `·` cost milliseconds a frame. The build gives this to Ink in place of
string-width (scripts/build.mjs); the answers are string-width's own.
*/
export default function fastStringWidth(input: string, options: Parameters<typeof stringWidth>[1] = {}): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	if (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes) return stringWidth(input, options);
	const text = input.includes('\u001B') || input.includes('\u009B') ? stripAnsi(input) : input;
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const columns = columnsOf(text.charCodeAt(index));
		if (columns < 0) return stringWidth(text, options);
		width += columns;
	}
	return width;
}
