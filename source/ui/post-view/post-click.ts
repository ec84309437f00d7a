import type {StyledLine} from '../../render/styled-line.js';
import {linkAt} from '../hooks/mouse.js';
import {relatedPanelInset} from '../related-panel/related-panel.js';

/*
Where a click lands on a post's screen, from what the screen draws: the post's lines from `top`, `margin`
columns in, and Related Posts beside them (wide terminals) or among them (under the post). Plain
TypeScript: no Ink.
*/

/** What a post screen has drawn where. */
export type PostScreenLayout = {
	/** Every line of the post (head, body, tail), as laid out. */
	readonly lines: readonly StyledLine[];
	/** The first line on screen. */
	readonly top: number;
	/** Rows of lines (the status line is under them). */
	readonly viewport: number;
	/** Blank columns left of the text. */
	readonly margin: number;
	/** Related Posts beside the text: the screen column its box starts at, and the post each of its lines is part of. */
	readonly relatedBeside?: {readonly left: number; readonly owners: ReadonlyArray<number | undefined>};
	/** Related Posts under the text: the line (of `lines`) its heading is on, and the post each of its lines is part of. */
	readonly relatedUnder?: {readonly start: number; readonly owners: ReadonlyArray<number | undefined>};
	/** "« previous" and "next »": the line (of `lines`) the first is on, and how many lines each takes (0 when there is none). */
	readonly neighbours?: {readonly start: number; readonly previousRows: number; readonly nextRows: number};
};

/** A numbered link (its number), a related post (its index), the previous or next post, or nothing. */
export type PostClick =
	| {readonly kind: 'link'; readonly number: number}
	| {readonly kind: 'related'; readonly index: number}
	| {readonly kind: 'neighbour'; readonly which: 'previous' | 'next'}
	| undefined;

/** What is at `row`, `column` of the screen (from 0). */
export function postClickAt(layout: PostScreenLayout, row: number, column: number): PostClick {
	if (row < 0 || row >= layout.viewport) return undefined;
	const {relatedBeside, relatedUnder} = layout;
	if (relatedBeside && column >= relatedBeside.left) {
		const index = relatedBeside.owners[row - relatedPanelInset.rows];
		return index === undefined ? undefined : {kind: 'related', index};
	}
	const lineIndex = layout.top + row;
	if (relatedUnder && lineIndex >= relatedUnder.start && lineIndex < relatedUnder.start + relatedUnder.owners.length) {
		const index = relatedUnder.owners[lineIndex - relatedUnder.start];
		return index === undefined ? undefined : {kind: 'related', index};
	}
	const {neighbours} = layout;
	if (neighbours) {
		const after = lineIndex - neighbours.start;
		if (after >= 0 && after < neighbours.previousRows) return {kind: 'neighbour', which: 'previous'};
		if (after >= neighbours.previousRows && after < neighbours.previousRows + neighbours.nextRows) return {kind: 'neighbour', which: 'next'};
	}
	const line = layout.lines[lineIndex];
	const number = line ? linkAt(line, column - layout.margin) : undefined;
	return number === undefined ? undefined : {kind: 'link', number};
}
