import {useReducer} from 'react';

/** What the post screen remembers between keys. */
export type PostViewState = {
	/** First visible line of the document, at the width and length it was set for. */
	readonly top: number;
	/** The width the document was wrapped to when `top` was set (0: not yet). */
	readonly topWidth: number;
	/** The document's length in lines when `top` was set. */
	readonly topTotal: number;
	/** The reader went to the end (G): stay there when related posts or links arrive below. */
	readonly atEnd: boolean;
	/** Whether the keys go to the Related Posts panel. */
	readonly relatedFocused: boolean;
	readonly relatedIndex: number;
	/** Where the reader was before Tab moved into Related Posts: Tab or Esc goes back there. */
	readonly beforeRelated?: Pick<PostViewState, 'top' | 'topWidth' | 'topTotal' | 'atEnd'>;
	/** A one-line note in the status bar ("Opened in the browser."). */
	readonly message: string | undefined;
	/** A link number being typed after `f` (follow) or `y` (copy), shown in the status bar; Enter acts on it. */
	readonly linkPrompt?: LinkPrompt;
};

export type LinkPrompt = {
	/** `f` follows, `y` copies, `a` reads the page as an article in the reader. */
	readonly purpose: 'follow' | 'copy' | 'article';
	readonly digits: string;
};

export type PostViewAction =
	/**
	 * Move by some lines, or to a line (0 top, 'end' bottom). Relative moves are applied to the state
	 * itself, so keys typed faster than frames are drawn each count (g then Space is line 20, not the end).
	 * `growing`: lines are still to come below (the newer and older posts, Related Posts, the comments
	 * line), so the end shown is not the post's: a move down past it is kept for them, and is no G.
	 */
	| {readonly type: 'scroll'; readonly by?: number; readonly to?: number | 'end'; readonly maxTop: number; readonly width: number; readonly total: number; readonly growing?: boolean}
	/**
	 * Into Related Posts: scrolls as little as needed to show its lines (`start`–`end`), remembering the
	 * place it left. Out of it: back to that place.
	 */
	| {readonly type: 'focus-related'; readonly focused: true; readonly start: number; readonly end: number; readonly viewport: number; readonly maxTop: number; readonly width: number; readonly total: number}
	| {readonly type: 'focus-related'; readonly focused: false}
	| {readonly type: 'select-related'; readonly by: number; readonly count: number}
	| {readonly type: 'message'; readonly message: string | undefined}
	/** `f` or `y`: asks for a link number. */
	| {readonly type: 'prompt-link'; readonly purpose: LinkPrompt['purpose']}
	/** A digit typed (at most 6 kept), or the last taken back (`digit: undefined`). */
	| {readonly type: 'prompt-digit'; readonly digit: string | undefined}
	/** Enter or Esc: the prompt goes (what Enter does is the screen's part). */
	| {readonly type: 'prompt-done'; readonly message?: string};

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, Math.max(0, max)));

export function postViewReducer(state: PostViewState, action: PostViewAction): PostViewState {
	switch (action.type) {
		case 'scroll': {
			// `p j j` in one go, the post shown before its last lines came: lines 3–24 once they come, not the end.
			const keep = action.growing === true && action.to !== 'end';
			const place = topFor(state, action.width, action.total, action.maxTop);
			const current = keep ? place : Math.min(place, action.maxTop);
			const target = action.to === 'end' ? action.maxTop : action.to ?? current + (action.by ?? 0);
			const top = keep ? Math.max(0, target) : clamp(target, action.maxTop);
			// G is the end, wherever the lines still to come take it; a move down is, only with every line in.
			const atEnd = action.to === 'end' ? action.maxTop > 0 || action.growing === true : !action.growing && action.maxTop > 0 && target >= action.maxTop;
			return {...state, top, topWidth: action.width, topTotal: action.total, atEnd, message: undefined};
		}
		case 'focus-related': {
			if (!action.focused) {
				const back = state.beforeRelated ?? {};
				return {...state, ...back, relatedFocused: false, beforeRelated: undefined, message: undefined};
			}
			if (state.relatedFocused) return state;
			const current = Math.min(topFor(state, action.width, action.total, action.maxTop), action.maxTop);
			const beforeRelated = {top: state.top, topWidth: state.topWidth, topTotal: state.topTotal, atEnd: state.atEnd};
			let top = current;
			if (action.start < current) top = action.start;
			else if (action.end >= current + action.viewport) top = Math.min(action.start, action.end - action.viewport + 1);
			top = clamp(top, action.maxTop);
			return {...state, relatedFocused: true, beforeRelated, top, topWidth: action.width, topTotal: action.total, atEnd: false, message: undefined};
		}
		case 'select-related':
			return {...state, relatedIndex: clamp(state.relatedIndex + action.by, action.count - 1)};
		case 'message':
			return {...state, message: action.message};
		case 'prompt-link':
			return {...state, linkPrompt: {purpose: action.purpose, digits: ''}, message: undefined};
		case 'prompt-digit': {
			if (!state.linkPrompt) return state;
			const {digits} = state.linkPrompt;
			const next = action.digit === undefined ? digits.slice(0, -1) : digits.length < 6 ? digits + action.digit : digits;
			return {...state, linkPrompt: {...state.linkPrompt, digits: next}};
		}
		case 'prompt-done':
			return {...state, linkPrompt: undefined, message: action.message};
	}
}

export const initialPostViewState: PostViewState = {top: 0, topWidth: 0, topTotal: 0, atEnd: false, relatedFocused: false, relatedIndex: 0, message: undefined};

/**
 * Where the reader is in a document of `total` lines wrapped to `width`. After a resize re-wraps the text,
 * the same place is the same fraction of the way through it.
 */
export function topFor(state: PostViewState, width: number, total: number, maxTop: number): number {
	if (state.atEnd) return maxTop;
	if (state.topWidth === 0 || state.topWidth === width || state.topTotal === 0) return state.top;
	return Math.round((state.top / state.topTotal) * total);
}

/** Where the reader was in a post, kept in the history when they leave it (everything but the passing note). */
export type PostPlace = Omit<PostViewState, 'message' | 'linkPrompt'>;

export function placeOf(state: PostViewState): PostPlace {
	const {message: _message, linkPrompt: _linkPrompt, ...place} = state;
	return place;
}

/** The post screen's state, back at `place` when the reader returns to it. */
export function usePostViewState(place?: PostPlace) {
	return useReducer(postViewReducer, place, (saved): PostViewState => (saved ? {...saved, message: undefined} : initialPostViewState));
}
