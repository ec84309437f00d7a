import {useReducer} from 'react';
import {shownText, topAfterRelayout, type ShownText} from '../../render/line-offsets.js';

/** What the post screen remembers between keys. */
export type PostViewState = {
	/** First visible line of the document, as it was laid out when set. */
	readonly top: number;
	/**
	 * The text on screen when `top` was set: the same text is shown again once it is laid out anew (a resize,
	 * Related Posts beside the post or not, the whole article). None: `top` was past the lines then.
	 */
	readonly shown?: ShownText;
	/** What the document was laid out as when `top` was set (see PostViewLayout): laid out so again, `top` stands. */
	readonly laidOutAs?: string;
	/** The reader went to the end (G): stay there when related posts or links arrive below. */
	readonly atEnd: boolean;
	/** Whether the keys go to the Related Posts panel. */
	readonly relatedFocused: boolean;
	readonly relatedIndex: number;
	/** Where the reader was before Tab moved into Related Posts: Tab or Esc goes back there. */
	readonly beforeRelated?: Pick<PostViewState, 'top' | 'shown' | 'laidOutAs' | 'atEnd'>;
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

/** The document as it is laid out now: what a key's move is measured against. */
export type PostViewLayout = {
	/**
	 * What the text is laid out as: its width, and whether it is the whole article. Another (a resize, the
	 * whole article read) finds the top again by its text; the same keeps its line, as when the post comes
	 * back from the blog with its text a little changed, or lines come below it.
	 */
	readonly laidOutAs: string;
	/** Where each line of the document starts in its text (see line-offsets.ts): one per line. */
	readonly starts: readonly number[];
	/** Lines on screen. */
	readonly viewport: number;
	/** The line of the current search match: kept on screen through a new layout, when it was on it. */
	readonly keep?: number;
};

export type PostViewAction =
	/**
	 * Move by some lines, or to a line (0 top, 'end' bottom). Relative moves are applied to the state
	 * itself, so keys typed faster than frames are drawn each count (g then Space is line 20, not the end).
	 * `growing`: lines are still to come below (the newer and older posts, Related Posts, the comments
	 * line), so the end shown is not the post's: a move down past it is kept for them, and is no G.
	 */
	| {readonly type: 'scroll'; readonly by?: number; readonly to?: number | 'end'; readonly layout: PostViewLayout; readonly growing?: boolean}
	/**
	 * Into Related Posts: scrolls as little as needed to show its lines (`start`–`end`), remembering the
	 * place it left. Out of it: back to that place.
	 */
	| {readonly type: 'focus-related'; readonly focused: true; readonly start: number; readonly end: number; readonly layout: PostViewLayout}
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

/** The last line the view can start at. */
export function maxTopOf(layout: PostViewLayout): number {
	return Math.max(0, layout.starts.length - layout.viewport);
}

/** The view at line `top` of `layout`, with the text that shows (none past the lines: still to come). */
function placed(top: number, layout: PostViewLayout): Pick<PostViewState, 'top' | 'shown' | 'laidOutAs'> {
	return {top, shown: top < layout.starts.length ? shownText(layout.starts, top, layout.viewport) : undefined, laidOutAs: layout.laidOutAs};
}

export function postViewReducer(state: PostViewState, action: PostViewAction): PostViewState {
	switch (action.type) {
		case 'scroll': {
			const {layout} = action;
			const maxTop = maxTopOf(layout);
			// `p j j` in one go, the post shown before its last lines came: lines 3–24 once they come, not the end.
			const keep = action.growing === true && action.to !== 'end';
			const place = topFor(state, layout);
			const current = keep ? place : Math.min(place, maxTop);
			const target = action.to === 'end' ? maxTop : action.to ?? current + (action.by ?? 0);
			const top = keep ? Math.max(0, target) : clamp(target, maxTop);
			// G is the end, wherever the lines still to come take it; a move down is, only with every line in.
			const atEnd = action.to === 'end' ? maxTop > 0 || action.growing === true : !action.growing && maxTop > 0 && target >= maxTop;
			return {...state, ...placed(top, layout), atEnd, message: undefined};
		}
		case 'focus-related': {
			if (!action.focused) {
				const back = state.beforeRelated ?? {};
				return {...state, ...back, relatedFocused: false, beforeRelated: undefined, message: undefined};
			}
			if (state.relatedFocused) return state;
			const {layout} = action;
			const maxTop = maxTopOf(layout);
			const current = Math.min(topFor(state, layout), maxTop);
			const beforeRelated = {top: state.top, shown: state.shown, laidOutAs: state.laidOutAs, atEnd: state.atEnd};
			let top = current;
			if (action.start < current) top = action.start;
			else if (action.end >= current + layout.viewport) top = Math.min(action.start, action.end - layout.viewport + 1);
			top = clamp(top, maxTop);
			return {...state, relatedFocused: true, beforeRelated, ...placed(top, layout), atEnd: false, message: undefined};
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

export const initialPostViewState: PostViewState = {top: 0, atEnd: false, relatedFocused: false, relatedIndex: 0, message: undefined};

/**
 * The first line shown of the document as `layout` lays it out, not clamped (past the end while lines are
 * still to come). After a resize, or anything else that lays the text out anew, it is the line that holds
 * the first character that was on screen, so the reader stays at the same words; the current search match
 * stays on screen (a shorter screen too); at the end (G), the end.
 */
export function topFor(state: PostViewState, layout: PostViewLayout): number {
	if (state.atEnd) return maxTopOf(layout);
	if (!state.shown) return state.top;
	const same = state.laidOutAs === layout.laidOutAs;
	return topAfterRelayout(layout.starts, state.shown, layout.viewport, {keep: layout.keep, ...(same ? {top: state.top} : {})});
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
