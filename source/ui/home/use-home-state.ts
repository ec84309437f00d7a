import {useReducer} from 'react';
import type {PostId} from '../../model/post.js';
import {refreshProgressLine} from '../../subscriptions/progress-line.js';
import type {FollowedBlog, FoundBlog, RefreshProgress, RiverItem} from './home-data.js';

/** The two lists of the home screen: the followed blogs, and what is new across them (the river). */
export type HomeView = 'blogs' | 'river';

/** Following a blog: the address typed, then what was found at it, shown before it is followed. */
export type Adding =
	| {readonly phase: 'typing'; readonly url: string; readonly error?: string}
	| {readonly phase: 'finding'; readonly url: string}
	| {readonly phase: 'found'; readonly url: string; readonly found: FoundBlog}
	| {readonly phase: 'following'; readonly url: string; readonly found: FoundBlog};

/** What is open over the home screen: a blog's list (the reader as `blogterm SITE`), or a post from the river. */
export type Opened =
	| {readonly kind: 'blog'; readonly url: string}
	| {readonly kind: 'post'; readonly blogUrl: string; readonly id: PostId; readonly threadAt?: string};

/**
 * The river's highlighted post: which post (so that it stays on it as the list is read again, posts
 * coming in above it) and the row it was last seen on (where the highlight goes when the post is gone).
 */
export type RiverSelection = {
	/** The post's key (riverKey); undefined: the post on row `index`, whichever it is. */
	readonly key: string | undefined;
	readonly index: number;
};

/** A question asked once (y/n) before something a key alone should not do: it cannot be undone. */
export type Confirm =
	| {readonly kind: 'unfollow'; readonly blog: FollowedBlog}
	/** `C`: every post of every blog marked read; `unread` is how many that is. */
	| {readonly kind: 'mark-all-read'; readonly unread: number};

export type RefreshState = {
	/** A refresh of every blog is under way. */
	readonly running: boolean;
	readonly progress: RefreshProgress | undefined;
};

export type HomeState = {
	readonly view: HomeView;
	/** The highlighted blog, by its address (stays on it when the list changes around it). */
	readonly blogUrl: string | undefined;
	/** The highlighted post of the river (and of the Starred folder). */
	readonly river: RiverSelection;
	readonly adding: Adding | undefined;
	/** What is asked once before it is done (y/n): unfollowing a blog, marking every post read. */
	readonly confirm: Confirm | undefined;
	readonly opened: Opened | undefined;
	readonly refresh: RefreshState;
	/** A line about what just happened ("Followed Demo Blog."), shown until the next key. */
	readonly notice: string | undefined;
};

export type HomeAction =
	| {readonly type: 'switch-view'; readonly view?: HomeView}
	| {readonly type: 'select-blog'; readonly url: string | undefined}
	| {readonly type: 'select-river'; readonly index: number; readonly key?: string}
	/** The list was read again: the highlighted post is now on row `index` (or, gone, another post took its place). */
	| {readonly type: 'river-moved'; readonly index: number; readonly key: string | undefined}
	| {readonly type: 'start-adding'}
	| {readonly type: 'type-url'; readonly url: string}
	| {readonly type: 'finding'}
	| {readonly type: 'found'; readonly found: FoundBlog}
	| {readonly type: 'not-found'; readonly error: string}
	| {readonly type: 'following'}
	/** `already`: the blog was followed before (a second follow changes nothing, and says so). */
	| {readonly type: 'followed'; readonly found: FoundBlog; readonly already?: boolean}
	| {readonly type: 'stop-adding'}
	| {readonly type: 'ask'; readonly confirm: Confirm}
	| {readonly type: 'answer'}
	| {readonly type: 'open'; readonly opened: Opened}
	| {readonly type: 'close'}
	| {readonly type: 'refresh-started'}
	| {readonly type: 'refresh-progress'; readonly progress: RefreshProgress}
	| {readonly type: 'refresh-done'; readonly progress: RefreshProgress | undefined}
	| {readonly type: 'notice'; readonly notice: string | undefined};

export function homeReducer(state: HomeState, action: HomeAction): HomeState {
	switch (action.type) {
		case 'switch-view':
			return {...state, notice: undefined, view: action.view ?? (state.view === 'blogs' ? 'river' : 'blogs')};
		case 'select-blog':
			return {...state, notice: undefined, blogUrl: action.url};
		case 'select-river':
			return {...state, notice: undefined, river: {key: action.key, index: Math.max(0, action.index)}};
		case 'river-moved':
			return state.river.key === action.key && state.river.index === action.index ? state : {...state, river: {key: action.key, index: action.index}};
		case 'start-adding':
			return {...state, notice: undefined, adding: {phase: 'typing', url: ''}};
		case 'type-url':
			return state.adding?.phase === 'typing' || state.adding?.phase === 'found' ? {...state, adding: {phase: 'typing', url: action.url}} : state;
		case 'finding':
			return state.adding?.phase === 'typing' ? {...state, adding: {phase: 'finding', url: state.adding.url}} : state;
		case 'found':
			return state.adding?.phase === 'finding' ? {...state, adding: {phase: 'found', url: state.adding.url, found: action.found}} : state;
		case 'not-found':
			// Back to the field, the address kept, with why.
			return state.adding && state.adding.phase !== 'typing' ? {...state, adding: {phase: 'typing', url: state.adding.url, error: action.error}} : state;
		case 'following':
			return state.adding?.phase === 'found' ? {...state, adding: {...state.adding, phase: 'following'}} : state;
		case 'followed':
			return {...state, adding: undefined, view: 'blogs', blogUrl: action.found.url, notice: `${action.already ? 'Already following' : 'Followed'} ${action.found.title}.`};
		case 'stop-adding':
			return {...state, adding: undefined};
		case 'ask':
			return {...state, notice: undefined, confirm: action.confirm};
		case 'answer':
			return {...state, confirm: undefined};
		case 'open':
			return {...state, notice: undefined, opened: action.opened};
		case 'close':
			return {...state, opened: undefined};
		case 'refresh-started':
			return {...state, refresh: {running: true, progress: undefined}};
		case 'refresh-progress':
			return state.refresh.running ? {...state, refresh: {running: true, progress: action.progress}} : state;
		case 'refresh-done':
			return {...state, refresh: {running: false, progress: action.progress ?? state.refresh.progress}};
		case 'notice':
			return {...state, notice: action.notice};
	}
}

export function initialHomeState(view: HomeView = 'blogs'): HomeState {
	return {
		view,
		blogUrl: undefined,
		river: {key: undefined, index: 0},
		adding: undefined,
		confirm: undefined,
		opened: undefined,
		refresh: {running: false, progress: undefined},
		notice: undefined,
	};
}

export function useHomeState(view?: HomeView) {
	return useReducer(homeReducer, view, initialHomeState);
}

/** A post's identity in the river: its blog and its ID. */
export function riverKey(item: Pick<RiverItem, 'blogUrl' | 'id'>): string {
	return `${item.blogUrl} ${String(item.id)}`;
}

/** The row of the highlighted post: where the post is now; gone, the row it was on (the last row, past the end). */
export function selectedRiverRow(items: readonly RiverItem[], selection: RiverSelection): number {
	if (selection.key !== undefined) {
		const row = items.findIndex(item => riverKey(item) === selection.key);
		if (row !== -1) return row;
	}
	return Math.min(selection.index, Math.max(0, items.length - 1));
}

/** The next unread post after `from` (wrapping round to the top), or undefined when every post is read. */
export function nextUnread(items: readonly RiverItem[], from: number): number | undefined {
	for (let step = 1; step <= items.length; step++) {
		const index = (from + step) % items.length;
		if (!items[index]!.read) return index;
	}
	return undefined;
}

/** "Refreshing 37 of 500 · 2 failed" (the store's words; the failures only when there are some), then "Refreshed 500 blogs · 2 failed". */
export function progressLine(progress: RefreshProgress | undefined, running: boolean): string {
	if (!progress) return running ? 'Refreshing…' : '';
	if (running) return refreshProgressLine(progress);
	const failed = progress.failed > 0 ? ` · ${progress.failed} failed` : '';
	return `Refreshed ${progress.total} ${progress.total === 1 ? 'blog' : 'blogs'}${failed}`;
}
