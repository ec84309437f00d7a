import {fitToWidth} from '../../render/fit-width.js';
import {textWidth} from '../../render/text-width.js';

/** A row in exactly `width` columns: the text on the left (cut to fit), the meta on the right (at most half). */
export function splitRow(text: string, meta: string, width: number): {text: string; gap: string; meta: string} {
	const right = textWidth(meta) > width / 2 ? fitToWidth(meta, Math.floor(width / 2)) : meta;
	const left = fitToWidth(text, Math.max(1, width - textWidth(right) - 2));
	const gap = ' '.repeat(Math.max(1, width - textWidth(left) - textWidth(right)));
	return {text: left, gap, meta: right};
}

/** The first line in view so that `selected` shows in `room` lines. */
export function firstInView(selected: number, count: number, room: number): number {
	return Math.max(0, Math.min(selected - Math.floor(room / 2), count - room));
}
