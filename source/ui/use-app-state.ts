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
	}));
}
