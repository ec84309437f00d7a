import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {hasEscapes, simpleWidth} from './text-width.js';

/**
string-width, answering itself for the characters text-width.ts knows to be simple (ASCII, Latin,
Greek, Cyrillic, punctuation, arrows, box drawing, geometric shapes, braille, CJK, kana, Hangul syllables)
and asking string-width for anything else. string-width segments every string that is not plain ASCII into graphemes and tests
each against an emoji regex; Ink measures every line of every frame with it, so a status bar with
an en dash or a list with a `·` cost milliseconds a frame. The build gives this to Ink in place of
string-width (scripts/build-plugins.mjs); the answers are string-width's own.
*/
export default function fastStringWidth(input: string, options: Parameters<typeof stringWidth>[1] = {}): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	if (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes) return stringWidth(input, options);
	const text = hasEscapes(input) ? stripAnsi(input) : input;
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const columns = simpleWidth(text.charCodeAt(index));
		if (columns < 0) return stringWidth(text, options);
		width += columns;
	}
	return width;
}
