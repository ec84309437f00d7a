import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Post} from '../../source/model/post.js';
import {appReducer, initialAppState, type AppState} from '../../source/ui/use-app-state.js';

const topPost = (state: AppState) => {
	const top = state.stack.at(-1)!;
	return top.kind === 'post' && top.ref.kind === 'id' ? top.ref.id : top.kind;
};

describe('the history of places', () => {
	it('goes back through at least 50 posts opened one from another, then to the list', () => {
		let state = initialAppState({kind: 'id', id: 0}, 10);
		for (let id = 1; id <= 60; id++) state = appReducer(state, {type: 'open-elsewhere', ref: {kind: 'id', id}});
		assert.equal(topPost(state), 60);
		for (let expected = 59; expected >= 10; expected--) {
			state = appReducer(state, {type: 'back'});
			assert.equal(topPost(state), expected, 'Esc shows the post opened before');
		}
	});

	it('keeps the place each screen was left at, and gives it back on the way back', () => {
		let state = initialAppState({kind: 'id', id: 1}, 10);
		const post = state.stack.at(-1)!;
		state = appReducer(state, {type: 'open-elsewhere', ref: {kind: 'id', id: 2}});
		const place = {top: 40, shown: {top: {offset: 2400, rank: 0}}, atEnd: false, relatedFocused: true, relatedIndex: 2};
		state = appReducer(state, {type: 'leave', id: post.id, place});
		state = appReducer(state, {type: 'back'});
		const back = state.stack.at(-1)!;
		assert.equal(back.kind === 'post' && back.place, place);
	});

	it('keeps the text of the last posts only, and the place of every one', () => {
		let state = initialAppState({kind: 'id', id: 0}, 10);
		const place = {top: 7, shown: {top: {offset: 420, rank: 1}}, atEnd: false, relatedFocused: false, relatedIndex: 0};
		const post = {id: 0, title: 'A post', link: 'https://blog.example/a/', date: undefined, author: '', commentCount: 0, excerpt: '', categories: [], tags: [], html: '<p>Long.</p>', isSummaryOnly: false, commentsOpen: true};
		for (let id = 1; id <= 30; id++) {
			const top = state.stack.at(-1)!;
			state = appReducer(state, {type: 'leave', id: top.id, place, shown: {post: {...post, id: id - 1}}});
			state = appReducer(state, {type: 'open-elsewhere', ref: {kind: 'id', id}});
		}
		const posts = state.stack.filter(entry => entry.kind === 'post');
		assert.equal(posts.filter(entry => entry.kind === 'post' && entry.shown).length, 9, 'the nine before the one on screen');
		assert.ok(posts.slice(0, -1).every(entry => entry.kind === 'post' && entry.place === place), 'every place is kept');
	});
});

describe('the list\'s place when the page size changes', () => {
	it('keeps the same post highlighted, on the page of the new size that holds it, on the list and a results list', () => {
		let state = initialAppState(undefined, 17);
		state = appReducer(state, {type: 'page', page: 2});
		state = appReducer(state, {type: 'select', index: 3});
		state = appReducer(state, {type: 'push', screen: {kind: 'results', filter: {kind: 'search', text: 'seed'}, page: 3, selected: 0}});
		state = appReducer(state, {type: 'per-page', perPage: 42});
		assert.deepEqual([state.perPage, state.page, state.selected], [42, 1, 20], 'the 21st post: page 1 of 42, its 21st row');
		const results = state.stack.at(-1)!;
		assert.deepEqual(results.kind === 'results' && [results.page, results.selected], [1, 34], 'the 35th result: page 1 of 42, its 35th row');
		state = appReducer(state, {type: 'per-page', perPage: 17});
		assert.deepEqual([state.page, state.selected], [2, 3], 'and back');
	});

	it('takes a highlight past the page\'s end (moving up from the page after) as its last post', () => {
		let state = initialAppState(undefined, 10);
		state = appReducer(state, {type: 'page', page: 2, selectLast: true});
		state = appReducer(state, {type: 'per-page', perPage: 25});
		assert.deepEqual([state.page, state.selected], [1, 19]);
	});

	it('finds a post located with one page size on the list of another', () => {
		let state = initialAppState({kind: 'id', id: 7}, 18);
		state = appReducer(state, {type: 'located', entryId: 1, page: 3, index: 2, perPage: 17});
		assert.deepEqual([state.page, state.selected], [3, 0], 'the 37th post: page 3 of 18, its first row');
	});

	it('Replies to you are a place in the history: the thread opened from one comes back to them with that reply chosen; a thread loaded after they were left is not shown', () => {
		let state = initialAppState(undefined, 10);
		state = appReducer(state, {type: 'push', screen: {kind: 'replies'}});
		const replies = state.stack.at(-1)!;
		state = appReducer(state, {type: 'reply-chosen', reply: '42'});
		const post = {id: 5, title: 'A post', html: '', date: '2024-01-01T00:00:00', author: 'Maren', link: 'https://blog.example/?p=5'} as unknown as Post;
		state = appReducer(state, {type: 'push', onTopOf: replies.id, screen: {kind: 'thread', post}});
		assert.equal(topPost(state), 'thread');
		state = appReducer(state, {type: 'back'});
		assert.deepEqual(state.stack.at(-1), {...replies, chosen: '42'});
		state = appReducer(state, {type: 'back'});
		state = appReducer(state, {type: 'push', onTopOf: replies.id, screen: {kind: 'thread', post}});
		assert.equal(topPost(state), 'list', 'left before the thread came: the list stays');
	});
});
