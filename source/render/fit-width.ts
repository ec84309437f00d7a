import {eachGrapheme, graphemes, hasEscapes, rememberedWidthLength, simpleWidth, textWidth} from './text-width.js';

/** Cuts text to at most `width` columns, ending with "…" when it was cut. Wide characters are never split. */
export function fitToWidth(text: string, width: number): string {
	if (width <= 0) return '';
	// Short text is measured whole (its width is remembered: a row's title at every frame). So is text
	// with escape sequences: they count as nothing in the whole (string-width strips them) but as their
	// characters grapheme by grapheme.
	if (text.length <= rememberedWidthLength || hasEscapes(text)) return textWidth(text) <= width ? text : cut(graphemes(text), width);
	// Otherwise a text's width is the sum of its graphemes': it is measured only until it is known to be
	// too wide. A list fits each title to a row at every frame, and a long title with an emoji or a
	// combining mark was measured whole each time. Simple characters are each a grapheme (simpleWidth).
	let used = 0;
	for (let index = 0; index < text.length; index++) {
		const columns = simpleWidth(text.charCodeAt(index));
		if (columns < 0) return fitGraphemes(text, width);
		used += columns;
		if (used > width) return cut(text, width);
	}
	return text;
}

/** `text` when it fits in `width`, else its graphemes that fit in `width - 1` and "…"; measured one by one. */
function fitGraphemes(text: string, width: number): string {
	let fitted = '';
	let used = 0;
	for (const grapheme of eachGrapheme(text)) {
		const columns = textWidth(grapheme);
		// Once one does not fit, none after it does: `used` is then at least `width`.
		if (used + columns <= width - 1) fitted += grapheme;
		used += columns;
		if (used > width) return `${fitted}…`;
	}
	return text;
}

/** The graphemes that fit in `width - 1` columns, and "…". */
function cut(parts: Iterable<string>, width: number): string {
	let result = '';
	let used = 0;
	for (const grapheme of parts) {
		const columns = textWidth(grapheme);
		if (used + columns > width - 1) break;
		result += grapheme;
		used += columns;
	}
	return `${result}…`;
}
