import {Box, type DOMElement} from 'ink';
import type {RefObject} from 'react';
import type {RelatedPost} from '../../model/related.js';
import {layoutRelatedPosts} from '../../render/post-layout.js';
import type {StyledLine} from '../../render/styled-line.js';
import {wrapPlainText} from '../../render/wrap.js';
import {StyledLines} from '../components/styled-lines.js';
import type {AsyncState} from '../hooks/use-async.js';
import {theme} from '../theme.js';

/** How the panel's lines are laid out: the post chosen (when the panel has the keys), and whether they are read out (a screen reader). */
export type RelatedPanelLayout = {readonly selected?: number; readonly screenReader?: boolean};

/** The panel's lines, and for each the related post it is part of (an index; undefined: none, as for every line but the posts'). */
export type RelatedPanelLines = {readonly lines: readonly StyledLine[]; readonly owners: ReadonlyArray<number | undefined>};

/**
 * The panel's lines for a state of its load ("Loading…", the failure, in the panel only, or the posts), laid
 * out once for the panel, the screen reader's cursor and a click alike (the post screen keeps them with useMemo).
 */
export function relatedPanelLines(state: AsyncState<RelatedPost[]>, width: number, {selected, screenReader}: RelatedPanelLayout = {}): RelatedPanelLines {
	const title: StyledLine = [{text: 'Related Posts', bold: true, role: 'heading'}];
	if (state.status === 'loading') return {lines: [title, [{text: 'Loading…', role: 'muted'}]], owners: []};
	if (state.status === 'error') return {lines: [title, ...wrapPlainText(state.error.message, width, {role: 'error'})], owners: []};
	return layoutRelatedPosts(state.value, width, selected, {screenReader});
}

/** Where the panel beside the post puts its first line: inside its border (one row, one column) and its padding (one column). */
export const relatedPanelInset = {rows: 1, columns: 2} as const;

/** The width of the panel's lines, in a panel `width` columns wide. */
export const relatedPanelInner = (width: number) => Math.max(1, width - 4);

export type RelatedPanelProps = {
	/** Its lines, laid out for `relatedPanelInner(width)` (relatedPanelLines), the post highlighted when the panel has the keys. */
	readonly lines: readonly StyledLine[];
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	/** The panel's Box, whose lines are its children (where a screen reader's cursor goes). */
	readonly box?: RefObject<DOMElement | null>;
};

/** "Related Posts" beside the post, on wide terminals: as tall as what it holds, at most `height`. */
export function RelatedPanel({lines, width, height, isFocused, box}: RelatedPanelProps) {
	const shown = lines.slice(0, Math.max(1, height - 2));
	return (
		<Box ref={box} aria-role="list" flexDirection="column" width={width} height={Math.min(height, shown.length + 2)} flexShrink={0} borderStyle="round" borderColor={isFocused ? theme.accent : theme.muted} paddingX={1} overflow="hidden">
			<StyledLines lines={shown} />
		</Box>
	);
}
