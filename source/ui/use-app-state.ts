import {useReducer} from 'react';
import type {Comment} from '../model/comment.js';
import type {Post, PostRef} from '../model/post.js';

/** What is on screen. The list is always at the bottom of the stack; Esc pops. */
export type Screen =
	| {readonly kind: 'list'}
	| {readonly kind: 'post'; readonly ref: PostRef}
	/** `reload` counts reloads asked for (after a comment was sent from it): a new count is a fresh load. */
	| {readonly kind: 'thread'; readonly post: Post; readonly reload?: number}
	| {readonly kind: 'form'; readonly post: Post; readonly replyTo: Comment | undefined};

export type AppState = {
	readonly page: number;
	/** Highlighted post on the list page. */
	readonly selected: number;
	readonly stack: readonly Screen[];
	readonly showHelp: boolean;
	readonly showRelated: boolean;
	/**
	 * The post on screen is the list's highlighted one: opened from the list, then moved from with n/p
	 * (the list is newest first, as the neighbours are). Back on the list, the highlight is on it.
	 */
	readonly listFollowsPost: boolean;
};

export type AppAction =
	| {readonly type: 'select'; readonly index: number}
	/** Move the highlight by some posts within a page of `count`: relative, so fast key repeats each count. */
	| {readonly type: 'move'; readonly by: number; readonly count: number}
	| {readonly type: 'page'; readonly page: number; readonly selectLast?: boolean}
	| {readonly type: 'push'; readonly screen: Screen}
	/** Replaces the top screen (n/p moves from post to post without piling them up). */
	| {readonly type: 'replace'; readonly screen: Screen}
	| {readonly type: 'back'}
	/** Opened from the list (Enter): the list follows what n/p do next. */
	| {readonly type: 'open-from-list'; readonly ref: PostRef; readonly index: number}
	/** n/p: the newer or older post, replacing this one; the list's highlight moves with it. */
	| {readonly type: 'open-neighbour'; readonly ref: PostRef; readonly direction: 'next' | 'previous'; readonly perPage: number}
	/** Any other way to another post (a related post): the list no longer knows where it is. */
	| {readonly type: 'open-elsewhere'; readonly ref: PostRef}
	/** The blog took a comment: show the thread reloaded, the one the form was opened from if any. */
	| {readonly type: 'comment-sent'; readonly post: Post}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'toggle-related'};

export function appReducer(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'select':
			return {...state, selected: Math.max(0, action.index)};
		case 'move': {
			const current = Math.min(state.selected, action.count - 1);
			return {...state, selected: Math.max(0, Math.min(action.count - 1, current + action.by))};
		}
		case 'page':
			// Moving up past the top of a page lands on the last post of the one before; the list clamps it.
			return {...state, page: Math.max(1, action.page), selected: action.selectLast ? Number.MAX_SAFE_INTEGER : 0};
		case 'open-from-list':
			return {...state, listFollowsPost: true, selected: action.index, stack: [...state.stack, {kind: 'post', ref: action.ref}]};
		case 'open-neighbour': {
			const stack = [...state.stack.slice(0, -1), {kind: 'post' as const, ref: action.ref}];
			if (!state.listFollowsPost) return {...state, stack};
			// The list is newest first: the older post is the next row, the newer one the row before.
			const position = (state.page - 1) * action.perPage + state.selected + (action.direction === 'previous' ? 1 : -1);
			if (position < 0) return {...state, stack};
			return {...state, stack, page: Math.floor(position / action.perPage) + 1, selected: position % action.perPage};
		}
		case 'open-elsewhere':
			return {...state, listFollowsPost: false, stack: [...state.stack.slice(0, -1), {kind: 'post', ref: action.ref}]};
		case 'push':
			return {...state, stack: [...state.stack, action.screen]};
		case 'replace':
			return {...state, stack: [...state.stack.slice(0, -1), action.screen]};
		case 'comment-sent': {
			const below = state.stack.at(-2);
			if (below?.kind === 'thread' && String(below.post.id) === String(action.post.id)) {
				return {...state, stack: [...state.stack.slice(0, -2), {...below, reload: (below.reload ?? 0) + 1}]};
			}
			return {...state, stack: [...state.stack.slice(0, -1), {kind: 'thread', post: action.post}]};
		}
		case 'back':
			return state.stack.length > 1 ? {...state, stack: state.stack.slice(0, -1)} : state;
		case 'toggle-help':
			return {...state, showHelp: !state.showHelp};
		case 'toggle-related':
			return {...state, showRelated: !state.showRelated};
	}
}

export function useAppState(initialPost: PostRef | undefined) {
	return useReducer(appReducer, undefined, (): AppState => ({
		page: 1,
		selected: 0,
		stack: initialPost ? [{kind: 'list'}, {kind: 'post', ref: initialPost}] : [{kind: 'list'}],
		showHelp: false,
		showRelated: true,
		listFollowsPost: false,
	}));
}
