import {graphemes, textWidth} from './text-width.js';

/** Cuts text to at most `width` columns, ending with "…" when it was cut. Wide characters are never split. */
export function fitToWidth(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	let result = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		const columns = textWidth(grapheme);
		if (used + columns > width - 1) break;
		result += grapheme;
		used += columns;
	}
	return `${result}…`;
}
