import {Box, useIsScreenReaderEnabled, type DOMElement} from 'ink';
import {useMemo, type RefObject} from 'react';
import type {RelatedPost} from '../../model/related.js';
import {layoutRelated, layoutRelatedPosts} from '../../render/post-layout.js';
import type {StyledLine} from '../../render/styled-line.js';
import {wrapPlainText} from '../../render/wrap.js';
import {StyledLines} from '../components/styled-lines.js';
import type {AsyncState} from '../hooks/use-async.js';
import {theme} from '../theme.js';

/** How the panel's lines are laid out: the post chosen (when the panel has the keys), and whether they are read out (a screen reader). */
export type RelatedPanelLayout = {readonly selected?: number; readonly screenReader?: boolean};

/** The panel's lines for a state of its load: "Loading…", the failure (in the panel only), or the posts. */
export function relatedPanelLines(state: AsyncState<RelatedPost[]>, width: number, {selected, screenReader}: RelatedPanelLayout = {}): StyledLine[] {
	const title: StyledLine = [{text: 'Related Posts', bold: true, role: 'heading'}];
	if (state.status === 'loading') return [title, [{text: 'Loading…', role: 'muted'}]];
	if (state.status === 'error') return [title, ...wrapPlainText(state.error.message, width, {role: 'error'})];
	return layoutRelated(state.value, width, selected, {screenReader});
}

/** For each of the panel's lines (as relatedPanelLines lays them out for `width`), the related post it is part of (an index; undefined: none). */
export function relatedPanelOwners(state: AsyncState<RelatedPost[]>, width: number, {selected, screenReader}: RelatedPanelLayout = {}): ReadonlyArray<number | undefined> {
	return state.status === 'done' ? layoutRelatedPosts(state.value, width, selected, {screenReader}).owners : [];
}

/** Where the panel beside the post puts its first line: inside its border (one row, one column) and its padding (one column). */
export const relatedPanelInset = {rows: 1, columns: 2} as const;

/** The width of the panel's lines, in a panel `width` columns wide. */
export const relatedPanelInner = (width: number) => Math.max(1, width - 4);

export type RelatedPanelProps = {
	readonly state: AsyncState<RelatedPost[]>;
	readonly width: number;
	readonly height: number;
	/** The highlighted post when the panel has the keys. */
	readonly selected: number | undefined;
	readonly isFocused: boolean;
	/** The panel's Box, whose lines are its children (where a screen reader's cursor goes). */
	readonly box?: RefObject<DOMElement | null>;
};

/** "Related Posts" beside the post, on wide terminals: as tall as what it holds, at most `height`. */
export function RelatedPanel({state, width, height, selected, isFocused, box}: RelatedPanelProps) {
	const inner = relatedPanelInner(width);
	const screenReader = useIsScreenReaderEnabled();
	const lines = useMemo(() => relatedPanelLines(state, inner, {selected, screenReader}), [state, inner, selected, screenReader]);
	const shown = lines.slice(0, Math.max(1, height - 2));
	return (
		<Box ref={box} aria-role="list" flexDirection="column" width={width} height={Math.min(height, shown.length + 2)} flexShrink={0} borderStyle="round" borderColor={isFocused ? theme.accent : theme.muted} paddingX={1} overflow="hidden">
			<StyledLines lines={shown} />
		</Box>
	);
}
