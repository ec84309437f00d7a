import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, initialAppState, type AppState} from '../../source/ui/use-app-state.js';

const topPost = (state: AppState) => {
	const top = state.stack.at(-1)!;
	return top.kind === 'post' && top.ref.kind === 'id' ? top.ref.id : top.kind;
};

describe('the history of places', () => {
	it('goes back through at least 50 posts opened one from another, then to the list', () => {
		let state = initialAppState({kind: 'id', id: 0});
		for (let id = 1; id <= 60; id++) state = appReducer(state, {type: 'open-elsewhere', ref: {kind: 'id', id}});
		assert.equal(topPost(state), 60);
		for (let expected = 59; expected >= 10; expected--) {
			state = appReducer(state, {type: 'back'});
			assert.equal(topPost(state), expected, 'Esc shows the post opened before');
		}
	});

	it('keeps the place each screen was left at, and gives it back on the way back', () => {
		let state = initialAppState({kind: 'id', id: 1});
		const post = state.stack.at(-1)!;
		state = appReducer(state, {type: 'open-elsewhere', ref: {kind: 'id', id: 2}});
		const place = {top: 40, topWidth: 80, topTotal: 200, atEnd: false, relatedFocused: true, relatedIndex: 2};
		state = appReducer(state, {type: 'leave', id: post.id, place});
		state = appReducer(state, {type: 'back'});
		const back = state.stack.at(-1)!;
		assert.equal(back.kind === 'post' && back.place, place);
	});

	it('keeps the text of the last posts only, and the place of every one', () => {
		let state = initialAppState({kind: 'id', id: 0});
		const place = {top: 7, topWidth: 80, topTotal: 100, atEnd: false, relatedFocused: false, relatedIndex: 0};
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
