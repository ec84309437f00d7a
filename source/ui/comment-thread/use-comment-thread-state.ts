import {useReducer} from 'react';
import {
	ancestors, allWithReplies, nextMarked, nextSibling, nextTopLevel, parentOf, previousSibling, replyCount, unfoldedTo,
	type ThreadShape,
} from '../../comments/thread-moves.js';
import {shownText, topAfterRelayout, type ShownText} from '../../render/line-offsets.js';

/** What the thread screen remembers between keys. */
export type CommentThreadState = {
	/** First visible line, as the thread was laid out when it was set. */
	readonly top: number;
	/** The text on screen when `top` was set: shown again once the thread is laid out anew (a resize). */
	readonly shown?: ShownText;
	/** The width the comments were laid out to when `top` was set: laid out so again, `top` stands. */
	readonly width?: number;
	/** The selected comment (the one `r` replies to), an index into the thread's entries. */
	readonly selected: number;
	/** The comments whose replies are folded away (indexes into the entries). */
	readonly folded?: ReadonlySet<number>;
	/** Set by `r`: the comment to reply to (a new object each time, so that the screen acts once per key). */
	readonly reply?: {readonly index: number};
};

/** Where the comments are in the laid-out thread, and how many lines show at once. */
export type ThreadLayout = {
	/** starts[k] is the first line of the k-th comment shown. */
	readonly starts: readonly number[];
	readonly lineCount: number;
	readonly viewport: number;
	/** visible[k] is the entry index of the k-th comment shown (all of them, in order, when not given). */
	readonly visible?: readonly number[];
	/**
	 * Where each line starts in the thread's text, the same at any width (see line-offsets.ts): how the top
	 * line is found again after a resize. Not given: the top is kept as a line number.
	 */
	readonly offsets?: readonly number[];
	/** The line of the current search match: kept on screen through a new layout, when it was on it. */
	readonly keep?: number;
	/** The width the comments are laid out to. */
	readonly width?: number;
};

/** What the folds and jumps need besides the layout: the thread's shape, and the layout with other folds. */
export type ThreadMoves = {
	readonly shape: ThreadShape;
	readonly layoutFor: (folded: ReadonlySet<number>) => ThreadLayout;
	/** The entries marked new, in order (for the jump to the next new one). */
	readonly marked?: readonly number[];
};

/*
Keys arrive as actions and are read against the latest state, however fast they come (r right after k).
*/
export type CommentThreadAction =
	| {readonly type: 'next' | 'previous' | 'page-down' | 'page-up' | 'first' | 'last' | 'reply'; readonly layout: ThreadLayout}
	| {
		readonly type: 'toggle-fold' | 'fold-all' | 'parent' | 'next-sibling' | 'previous-sibling' | 'next-top-level' | 'next-new';
		readonly layout: ThreadLayout;
		readonly moves: ThreadMoves;
	}
	/** The mouse wheel: the thread scrolls `by` lines; the selection stays if it is still in view. */
	| {readonly type: 'scroll'; readonly by: number; readonly layout: ThreadLayout}
	/** A click: the comment shown at `position` selected, scrolled into view as a key would. */
	| {readonly type: 'select'; readonly position: number; readonly layout: ThreadLayout}
	| {
		/** A search match on `line`: to the top of the screen unless it is on it already; its comment selected. */
		readonly type: 'show-line';
		readonly line: number;
		readonly layout: ThreadLayout;
	};

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));
const noFolds: ReadonlySet<number> = new Set();

function maxTop(layout: ThreadLayout): number {
	return Math.max(0, layout.lineCount - layout.viewport);
}

/** The position on screen (among the comments shown) of entry `index`; -1 when it is folded away. */
function positionOf(layout: ThreadLayout, index: number): number {
	return layout.visible ? layout.visible.indexOf(index) : index;
}

/** The entry shown at `position`. */
function entryAt(layout: ThreadLayout, position: number): number {
	return layout.visible ? layout.visible[position] ?? 0 : position;
}

/** The lines of the comment shown at `position`: from its start to the line before the next one. */
function extent(layout: ThreadLayout, position: number): {start: number; end: number} {
	const start = layout.starts[position] ?? 0;
	const next = layout.starts[position + 1];
	return {start, end: (next ?? layout.lineCount) - 1};
}

/** Scrolls as little as possible to show the comment at `position`, whole when it fits, from its start when it does not. */
function reveal(top: number, layout: ThreadLayout, position: number): number {
	const {start, end} = extent(layout, position);
	if (start < top) return start;
	if (end >= top + layout.viewport) return clamp(Math.min(start, end - layout.viewport + 1), 0, maxTop(layout));
	return clamp(top, 0, maxTop(layout));
}

/** After paging: keep the selection if it is still in view, else select the first comment that is. */
function selectInView(top: number, selectedPosition: number, layout: ThreadLayout): number {
	const bottom = top + layout.viewport - 1;
	const {start, end} = extent(layout, selectedPosition);
	if (selectedPosition >= 0 && end >= top && start <= bottom) return selectedPosition;
	const firstStarting = layout.starts.findIndex(line => line >= top && line <= bottom);
	if (firstStarting !== -1) return firstStarting;
	// One long comment fills the screen: it is the one whose lines these are.
	const covering = layout.starts.findLastIndex(line => line <= top);
	return Math.max(0, covering);
}

/** Entry `target` selected, its folded ancestors opened, scrolled as little as possible to show it. */
function jumpTo(state: CommentThreadState, moves: ThreadMoves, target: number | undefined): CommentThreadState {
	if (target === undefined) return state;
	const folded = unfoldedTo(moves.shape, state.folded ?? noFolds, target);
	const layout = moves.layoutFor(folded);
	return {top: reveal(state.top, layout, Math.max(0, positionOf(layout, target))), selected: target, folded};
}

/** With new folds: the selection, or the folded comment it is hidden under, stays in view. */
function refold(state: CommentThreadState, moves: ThreadMoves, folded: ReadonlySet<number>): CommentThreadState {
	const hiddenUnder = ancestors(moves.shape, state.selected).reverse().find(ancestor => folded.has(ancestor));
	const selected = hiddenUnder ?? state.selected;
	const layout = moves.layoutFor(folded);
	return {top: reveal(Math.min(state.top, maxTop(layout)), layout, Math.max(0, positionOf(layout, selected))), selected, folded};
}

/**
 * The first line shown of the thread as `layout` lays it out. After a resize re-wraps the comments, the line
 * holding the first character that was on screen, so the reader stays at the same words; the current
 * search match, or else the selected comment's first line, stays on screen when it was on it.
 */
export function topIn(state: CommentThreadState, layout: ThreadLayout): number {
	if (!state.shown || !layout.offsets) return clamp(state.top, 0, maxTop(layout));
	const selectedStart = layout.starts[Math.max(0, positionOf(layout, state.selected))];
	// The same width: the same line (a thread read again, a comment added, keeps its line number, as before).
	const same = state.width === layout.width;
	return clamp(topAfterRelayout(layout.offsets, state.shown, layout.viewport, {keep: layout.keep ?? selectedStart, ...(same ? {top: state.top} : {})}), 0, maxTop(layout));
}

export function commentThreadReducer(state: CommentThreadState, action: CommentThreadAction): CommentThreadState {
	const {layout} = action;
	// Keys are read against the thread as it is shown: after a resize, from the line now at the top.
	const now = state.shown && layout.offsets ? {...state, top: topIn(state, layout)} : state;
	const next = moveInThread(now, action);
	if (next === now) return state;
	// What is shown from the new top: in the layout the folds now make.
	const laidOut = next.folded === now.folded || !('moves' in action) ? layout : action.moves.layoutFor(next.folded ?? noFolds);
	return withShown(next, laidOut);
}

/** `state` with the text its top shows in `layout` (kept to find it again after a resize). */
function withShown(state: CommentThreadState, layout: ThreadLayout): CommentThreadState {
	const {shown: _shown, width: _width, ...rest} = state;
	return layout.offsets && layout.offsets.length > 0 ? {...rest, shown: shownText(layout.offsets, state.top, layout.viewport), width: layout.width} : rest;
}

function moveInThread(state: CommentThreadState, action: CommentThreadAction): CommentThreadState {
	const {layout} = action;
	const count = layout.starts.length;
	if (count === 0) return {top: 0, selected: 0};
	const folds = state.folded ? {folded: state.folded} : {};
	const position = Math.max(0, positionOf(layout, state.selected));
	const page = Math.max(1, layout.viewport - 2);
	switch (action.type) {
		case 'next':
		case 'previous': {
			const next = clamp(position + (action.type === 'next' ? 1 : -1), 0, count - 1);
			return {...folds, selected: entryAt(layout, next), top: reveal(state.top, layout, next)};
		}
		case 'page-down':
		case 'page-up': {
			const top = clamp(state.top + (action.type === 'page-down' ? page : -page), 0, maxTop(layout));
			return {...folds, top, selected: entryAt(layout, selectInView(top, positionOf(layout, state.selected), layout))};
		}
		case 'scroll': {
			const top = clamp(state.top + action.by, 0, maxTop(layout));
			return {...folds, top, selected: entryAt(layout, selectInView(top, positionOf(layout, state.selected), layout))};
		}
		case 'select': {
			const shown = clamp(action.position, 0, count - 1);
			return {...folds, selected: entryAt(layout, shown), top: reveal(state.top, layout, shown)};
		}
		case 'first':
			return {...folds, top: 0, selected: entryAt(layout, 0)};
		case 'last':
			return {...folds, top: maxTop(layout), selected: entryAt(layout, count - 1)};
		case 'reply':
			return {...state, reply: {index: state.selected}};
		case 'toggle-fold': {
			if (replyCount(action.moves.shape, state.selected) === 0) return state;
			const folded = new Set(state.folded);
			if (!folded.delete(state.selected)) folded.add(state.selected);
			return refold(state, action.moves, folded);
		}
		case 'fold-all': {
			const all = allWithReplies(action.moves.shape);
			const allFolded = [...all].every(index => state.folded?.has(index));
			return refold(state, action.moves, allFolded ? new Set() : all);
		}
		case 'parent':
			return jumpTo(state, action.moves, parentOf(action.moves.shape, state.selected));
		case 'next-sibling':
			return jumpTo(state, action.moves, nextSibling(action.moves.shape, state.selected));
		case 'previous-sibling':
			return jumpTo(state, action.moves, previousSibling(action.moves.shape, state.selected));
		case 'next-top-level':
			return jumpTo(state, action.moves, nextTopLevel(action.moves.shape, state.selected));
		case 'next-new':
			return jumpTo(state, action.moves, nextMarked(action.moves.marked ?? [], state.selected));
		case 'show-line': {
			const onScreen = action.line >= state.top && action.line < state.top + layout.viewport;
			const top = onScreen ? state.top : clamp(action.line, 0, maxTop(layout));
			// The comment shown at that line (with folds, the k-th shown is entry visible[k]).
			const shown = Math.max(0, layout.starts.findLastIndex(line => line <= action.line));
			return {...state, top, selected: layout.visible?.[shown] ?? shown};
		}
	}
}

/**
 * The position (among the comments shown) of the comment drawn on `line` of the laid-out thread; undefined
 * on the blank line between two comments and past the end.
 */
export function commentAtLine(layout: ThreadLayout, line: number): number | undefined {
	if (line < 0 || line >= layout.lineCount) return undefined;
	const position = layout.starts.findLastIndex(start => start <= line);
	if (position === -1) return undefined;
	const next = layout.starts[position + 1];
	return next !== undefined && line >= next - 1 ? undefined : position;
}

export const initialCommentThreadState: CommentThreadState = {top: 0, selected: 0};

/** Where the reader was in a thread, kept in the history when they leave it. */
export type ThreadPlace = {readonly top: number; readonly selected: number; readonly folded?: readonly number[]; readonly shown?: ShownText; readonly width?: number};

/** Comment `index` selected, at the top of the screen as far as the thread allows (WordPress's `#comment-N`). */
export function focusedOn(layout: ThreadLayout, index: number): CommentThreadState {
	const position = clamp(positionOf(layout, index), 0, Math.max(0, layout.starts.length - 1));
	return withShown({selected: entryAt(layout, position), top: clamp(layout.starts[position] ?? 0, 0, maxTop(layout))}, layout);
}

/** The thread's state: back at `place`, or at the comment `focusIndex` (the one just sent, the first new one), or at the top. */
export function useCommentThreadState(layout: ThreadLayout, place?: ThreadPlace, focusIndex?: number) {
	return useReducer(commentThreadReducer, undefined, (): CommentThreadState => {
		if (place) return {top: place.top, selected: place.selected, ...(place.folded && place.folded.length > 0 ? {folded: new Set(place.folded)} : {}), ...(place.shown ? {shown: place.shown, width: place.width} : {})};
		if (focusIndex !== undefined && focusIndex >= 0) return focusedOn(layout, focusIndex);
		return initialCommentThreadState;
	});
}
