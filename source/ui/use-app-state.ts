import {useReducer} from 'react';
import type {Comment} from '../model/comment.js';
import type {Post, PostId, PostRef} from '../model/post.js';
import type {PostPlace} from './post-view/use-post-view-state.js';
import type {PostShown} from './post-view/post-view.js';
import type {ThreadPlace} from './comment-thread/use-comment-thread-state.js';
import type {PostFilter} from '../sources/post-filter.js';

/**
 * What is on screen, and the places you came from: the history, like a browser's. The list is always
 * at the bottom; Esc pops. Each entry keeps where you were on it (its `place`, saved when you leave
 * it), so coming back finds the same line and the same selection.
 */
export type Screen =
	| {readonly id: number; readonly kind: 'list'}
	| {
		readonly id: number;
		readonly kind: 'post';
		readonly ref: PostRef;
		/** The post is the list's highlighted one: n/p move the highlight with it (opened from the list, or located on it). */
		readonly followsList: boolean;
		readonly place?: PostPlace;
		/** The post as it was shown (with its neighbours, related posts…), so that coming back shows it at once. */
		readonly shown?: PostShown;
	}
	| {
		readonly id: number;
		readonly kind: 'thread';
		readonly post: Post;
		/** Counts reloads asked for (after a comment was sent from it): a new count is a fresh load. */
		readonly reload?: number;
		readonly place?: ThreadPlace;
		/** The comment just sent: the thread opens scrolled to it, selected, with what the blog did. */
		readonly sent?: SentNotice;
	}
	| {readonly id: number; readonly kind: 'form'; readonly post: Post; readonly replyTo: Comment | undefined}
	/** A list of the posts a search (or a category, a tag, an author) picks: its own page and highlight. */
	| {readonly id: number; readonly kind: 'results'; readonly filter: PostFilter; readonly page: number; readonly selected: number}
	/** The blog's categories and tags, to choose one (`t` on a list). */
	| {readonly id: number; readonly kind: 'terms'}
	/** Replies to you on this blog (`R` on the list); `chosen` is the reply whose thread was opened (its replyKey): chosen again on coming back. */
	| {readonly id: number; readonly kind: 'replies'; readonly chosen?: string};

/** A screen to show, before the history numbers it. */
export type NewScreen = Screen extends infer S ? (S extends Screen ? Omit<S, 'id'> : never) : never;

/** The comment just sent and what the blog did with it: "Your comment was published." */
export type SentNotice = {readonly commentId: number | string; readonly message: string};

/** At least 50 places are kept (the figure); beyond this many, the oldest post is forgotten first. */
export const historyLimit = 100;

export type AppState = {
	/** Posts on a list page: `page` and `selected` (and a results list's) count in pages of this many. */
	readonly perPage: number;
	readonly page: number;
	/** Highlighted post on the list page. */
	readonly selected: number;
	readonly stack: readonly Screen[];
	/** The id the next screen in the history gets. */
	readonly nextId: number;
	readonly showHelp: boolean;
	readonly showRelated: boolean;
	/** The reader has moved on the list: a post's place found later does not move the highlight any more. */
	readonly listMoved: boolean;
};

export type AppAction =
	| {readonly type: 'select'; readonly index: number}
	/** Move the highlight by some posts within a page of `count`: relative, so fast key repeats each count. */
	| {readonly type: 'move'; readonly by: number; readonly count: number}
	| {readonly type: 'page'; readonly page: number; readonly selectLast?: boolean}
	/** With `onTopOf`, only while the screen with that id is on top (a thread loaded after its Replies were left is not shown). */
	| {readonly type: 'push'; readonly screen: NewScreen; readonly onTopOf?: number}
	/** On Replies to you (the top screen): the reply whose thread is opened. */
	| {readonly type: 'reply-chosen'; readonly reply: string}
	/** Replaces the top screen (Ctrl-X turns a reply form into a comment form). */
	| {readonly type: 'replace'; readonly screen: NewScreen}
	| {readonly type: 'back'}
	/** Opened from the list (Enter): the list follows what n/p do next. */
	| {readonly type: 'open-from-list'; readonly ref: PostRef; readonly index: number}
	/** n/p: the newer or older post, replacing this one (they do not pile up); the list's highlight moves with it. */
	| {readonly type: 'open-neighbour'; readonly ref: PostRef; readonly direction: 'next' | 'previous'}
	/** Any other way to another post (a related post): a new place in the history, Esc comes back. */
	| {readonly type: 'open-elsewhere'; readonly ref: PostRef; readonly post?: Post}
	/** A screen is left (covered or closed): where it was is kept in its history entry. */
	| {readonly type: 'leave'; readonly id: number; readonly place: PostPlace | ThreadPlace; readonly shown?: PostShown}
	/** Where a post opened by itself (`--post`) sits on the list (in pages of `perPage`): Esc shows that page with it highlighted. */
	| {readonly type: 'located'; readonly entryId: number; readonly page: number; readonly index: number; readonly perPage: number}
	/** Another page size (the terminal was resized): the lists keep the same post highlighted, on the page that now holds it. */
	| {readonly type: 'per-page'; readonly perPage: number}
	/** The blog took a comment: show the thread reloaded at it, the one the form was opened from if any. */
	| {readonly type: 'comment-sent'; readonly post: Post; readonly notice: SentNotice; readonly published: boolean}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'toggle-related'}
	/** On a results list (the top screen): the highlight to a row, by some rows, or another page. */
	| {readonly type: 'results-select'; readonly index: number}
	| {readonly type: 'results-move'; readonly by: number; readonly count: number}
	| {readonly type: 'results-page'; readonly page: number; readonly selectLast?: boolean};

const samePost = (a: PostId, b: PostId) => String(a) === String(b);

/** The post with one more comment, as the blog counts it now. */
function counted(post: Post): Post {
	return post.commentCount === undefined ? post : {...post, commentCount: post.commentCount + 1};
}

/** Posts further back than this keep their place but not their text: coming back to them loads them again. */
export const postsKeptShown = 10;

/** Pushes a screen, forgetting the oldest places past the limit (the list at the bottom stays). */
function pushed(state: AppState, screen: NewScreen): AppState {
	const stack = [...state.stack, {...screen, id: state.nextId} as Screen];
	while (stack.length > historyLimit) stack.splice(1, 1);
	// A long history of long posts would hold every one of them in memory.
	const keepFrom = stack.length - postsKeptShown;
	for (const [index, entry] of stack.entries()) {
		if (index < keepFrom && entry.kind === 'post' && entry.shown) stack[index] = {...entry, shown: undefined};
	}
	return {...state, stack, nextId: state.nextId + 1};
}

/** A list's page and highlight, counted in pages of `to` posts instead of `from`: the same post. */
function rebased(place: {readonly page: number; readonly selected: number}, from: number, to: number): {page: number; selected: number} {
	// (Past the page's last post, as after moving up from the top of the page after it: its last post.)
	const position = (Math.max(1, place.page) - 1) * from + Math.max(0, Math.min(place.selected, from - 1));
	return {page: Math.floor(position / to) + 1, selected: position % to};
}

function replaced(state: AppState, screen: NewScreen): AppState {
	return {...state, stack: [...state.stack.slice(0, -1), {...screen, id: state.nextId}], nextId: state.nextId + 1};
}

export function appReducer(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'select':
			return {...state, listMoved: true, selected: Math.max(0, action.index)};
		case 'move': {
			const current = Math.min(state.selected, action.count - 1);
			return {...state, listMoved: true, selected: Math.max(0, Math.min(action.count - 1, current + action.by))};
		}
		case 'page':
			// Moving up past the top of a page lands on the last post of the one before; the list clamps it.
			return {...state, listMoved: true, page: Math.max(1, action.page), selected: action.selectLast ? Number.MAX_SAFE_INTEGER : 0};
		case 'open-from-list':
			return {...pushed(state, {kind: 'post', ref: action.ref, followsList: true}), selected: action.index};
		case 'open-neighbour': {
			const top = state.stack.at(-1);
			const followsList = top?.kind === 'post' && top.followsList;
			const next = replaced(state, {kind: 'post', ref: action.ref, followsList});
			if (!followsList) return next;
			// The list is newest first: the older post is the next row, the newer one the row before.
			const position = (state.page - 1) * state.perPage + state.selected + (action.direction === 'previous' ? 1 : -1);
			if (position < 0) return next;
			return {...next, page: Math.floor(position / state.perPage) + 1, selected: position % state.perPage};
		}
		case 'open-elsewhere':
			// A post already fetched (a link followed to it) shows at once, at its top.
			return pushed(state, {kind: 'post', ref: action.ref, followsList: false, ...(action.post ? {shown: {post: action.post}} : {})});
		case 'push':
			if (action.onTopOf !== undefined && state.stack.at(-1)?.id !== action.onTopOf) return state;
			return pushed(state, action.screen);
		case 'reply-chosen': {
			const top = state.stack.at(-1);
			if (top?.kind !== 'replies') return state;
			return {...state, stack: [...state.stack.slice(0, -1), {...top, chosen: action.reply}]};
		}
		case 'replace':
			return replaced(state, action.screen);
		case 'leave':
			return {
				...state,
				stack: state.stack.map(screen => {
					if (screen.id !== action.id) return screen;
					if (screen.kind === 'post') return {...screen, place: action.place as PostPlace, shown: action.shown ?? screen.shown};
					if (screen.kind === 'thread') return {...screen, place: action.place as ThreadPlace};
					return screen;
				}),
			};
		case 'located': {
			// Found after Esc (the list already on screen): the list goes there, unless the reader has moved on it.
			if (state.listMoved) return state;
			return {
				...state,
				...rebased({page: action.page, selected: action.index}, action.perPage, state.perPage),
				stack: state.stack.map(screen => (screen.id === action.entryId && screen.kind === 'post' ? {...screen, followsList: true} : screen)),
			};
		}
		case 'comment-sent': {
			// The blog counts a published comment at once: every place showing the post shows the new count.
			const stack = !action.published ? state.stack : state.stack.map(screen => {
				if (screen.kind === 'thread' && samePost(screen.post.id, action.post.id)) return {...screen, post: counted(screen.post)};
				if (screen.kind === 'post' && screen.shown && samePost(screen.shown.post.id, action.post.id)) return {...screen, shown: {...screen.shown, post: counted(screen.shown.post)}};
				return screen;
			});
			const post = action.published ? counted(action.post) : action.post;
			const below = stack.at(-2);
			if (below?.kind === 'thread' && samePost(below.post.id, action.post.id)) {
				const thread: Screen = {...below, reload: (below.reload ?? 0) + 1, place: undefined, sent: action.notice};
				return {...state, stack: [...stack.slice(0, -2), thread]};
			}
			return replaced({...state, stack}, {kind: 'thread', post, sent: action.notice});
		}
		case 'back':
			return state.stack.length > 1 ? {...state, stack: state.stack.slice(0, -1)} : state;
		case 'per-page': {
			if (action.perPage === state.perPage) return state;
			const stack = state.stack.map(screen => (screen.kind === 'results' ? {...screen, ...rebased(screen, state.perPage, action.perPage)} : screen));
			return {...state, ...rebased(state, state.perPage, action.perPage), perPage: action.perPage, stack};
		}
		case 'toggle-help':
			return {...state, showHelp: !state.showHelp};
		case 'toggle-related':
			return {...state, showRelated: !state.showRelated};
		case 'results-select':
		case 'results-move':
		case 'results-page': {
			const top = state.stack.at(-1);
			if (top?.kind !== 'results') return state;
			const next = action.type === 'results-select'
				? {...top, selected: Math.max(0, action.index)}
				: action.type === 'results-move'
					? {...top, selected: Math.max(0, Math.min(action.count - 1, Math.min(top.selected, action.count - 1) + action.by))}
					: {...top, page: Math.max(1, action.page), selected: action.selectLast ? Number.MAX_SAFE_INTEGER : 0};
			return {...state, stack: [...state.stack.slice(0, -1), next]};
		}
	}
}

export function initialAppState(initialPost: PostRef | undefined, perPage: number): AppState {
	return {
		perPage,
		page: 1,
		selected: 0,
		stack: initialPost ? [{id: 0, kind: 'list'}, {id: 1, kind: 'post', ref: initialPost, followsList: false}] : [{id: 0, kind: 'list'}],
		nextId: 2,
		showHelp: false,
		showRelated: true,
		listMoved: false,
	};
}

export function useAppState(initialPost: PostRef | undefined, perPage: number) {
	return useReducer(appReducer, undefined, () => initialAppState(initialPost, perPage));
}
