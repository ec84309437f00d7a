import {useReducer} from 'react';

/** What the thread screen remembers between keys. */
export type CommentThreadState = {
	/** First visible line. */
	readonly top: number;
	/** The selected comment (the one `r` replies to), an index into the thread's entries. */
	readonly selected: number;
	/** Set by `r`: the comment to reply to (a new object each time, so that the screen acts once per key). */
	readonly reply?: {readonly index: number};
};

/** Where the comments are in the laid-out thread, and how many lines show at once. */
export type ThreadLayout = {
	/** starts[i] is the first line of comment i. */
	readonly starts: readonly number[];
	readonly lineCount: number;
	readonly viewport: number;
};

/*
Keys arrive as actions and are read against the latest state, however fast they come (r right after k).
*/
export type CommentThreadAction = {
	readonly type: 'next' | 'previous' | 'page-down' | 'page-up' | 'first' | 'last' | 'reply';
	readonly layout: ThreadLayout;
} | {
	/** A search match on `line`: to the top of the screen unless it is on it already; its comment selected. */
	readonly type: 'show-line';
	readonly line: number;
	readonly layout: ThreadLayout;
};

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

function maxTop(layout: ThreadLayout): number {
	return Math.max(0, layout.lineCount - layout.viewport);
}

/** The lines of comment `index`: from its start to the line before the next one. */
function extent(layout: ThreadLayout, index: number): {start: number; end: number} {
	const start = layout.starts[index] ?? 0;
	const next = layout.starts[index + 1];
	return {start, end: (next ?? layout.lineCount) - 1};
}

/** Scrolls as little as possible to show comment `index`, whole when it fits, from its start when it does not. */
function reveal(top: number, layout: ThreadLayout, index: number): number {
	const {start, end} = extent(layout, index);
	if (start < top) return start;
	if (end >= top + layout.viewport) return clamp(Math.min(start, end - layout.viewport + 1), 0, maxTop(layout));
	return top;
}

/** After paging: keep the selection if it is still in view, else select the first comment that is. */
function selectInView(state: CommentThreadState, layout: ThreadLayout): number {
	const bottom = state.top + layout.viewport - 1;
	const {start, end} = extent(layout, state.selected);
	if (end >= state.top && start <= bottom) return state.selected;
	const firstStarting = layout.starts.findIndex(line => line >= state.top && line <= bottom);
	if (firstStarting !== -1) return firstStarting;
	// One long comment fills the screen: it is the one whose lines these are.
	const covering = layout.starts.findLastIndex(line => line <= state.top);
	return Math.max(0, covering);
}

export function commentThreadReducer(state: CommentThreadState, action: CommentThreadAction): CommentThreadState {
	const {layout} = action;
	const count = layout.starts.length;
	if (count === 0) return {top: 0, selected: 0};
	const page = Math.max(1, layout.viewport - 2);
	switch (action.type) {
		case 'next':
		case 'previous': {
			const selected = clamp(state.selected + (action.type === 'next' ? 1 : -1), 0, count - 1);
			return {selected, top: reveal(state.top, layout, selected)};
		}
		case 'page-down':
		case 'page-up': {
			const top = clamp(state.top + (action.type === 'page-down' ? page : -page), 0, maxTop(layout));
			return {top, selected: selectInView({...state, top}, layout)};
		}
		case 'first':
			return {top: 0, selected: 0};
		case 'last':
			return {top: maxTop(layout), selected: count - 1};
		case 'reply':
			return {...state, reply: {index: clamp(state.selected, 0, count - 1)}};
		case 'show-line': {
			const onScreen = action.line >= state.top && action.line < state.top + layout.viewport;
			const top = onScreen ? state.top : clamp(action.line, 0, maxTop(layout));
			return {top, selected: Math.max(0, layout.starts.findLastIndex(line => line <= action.line))};
		}
	}
}

export const initialCommentThreadState: CommentThreadState = {top: 0, selected: 0};

/** Where the reader was in a thread, kept in the history when they leave it. */
export type ThreadPlace = {readonly top: number; readonly selected: number};

/** Comment `index` selected, at the top of the screen as far as the thread allows (WordPress's `#comment-N`). */
export function focusedOn(layout: ThreadLayout, index: number): CommentThreadState {
	const selected = clamp(index, 0, Math.max(0, layout.starts.length - 1));
	return {selected, top: clamp(layout.starts[selected] ?? 0, 0, maxTop(layout))};
}

/** The thread's state: back at `place`, or at the comment `focusIndex` (the one just sent), or at the top. */
export function useCommentThreadState(layout: ThreadLayout, place?: ThreadPlace, focusIndex?: number) {
	return useReducer(commentThreadReducer, undefined, (): CommentThreadState => {
		if (place) return {top: place.top, selected: place.selected};
		if (focusIndex !== undefined && focusIndex >= 0) return focusedOn(layout, focusIndex);
		return initialCommentThreadState;
	});
}
