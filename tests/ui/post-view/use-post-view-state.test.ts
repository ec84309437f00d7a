import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialPostViewState, postViewReducer, topFor, type PostViewAction} from '../../../source/ui/post-view/use-post-view-state.js';

const at = {maxTop: 178, width: 80, total: 200};
const keys = (...moves: Array<{by: number} | {to: number | 'end'}>): PostViewAction[] => moves.map(move => ({type: 'scroll', ...move, ...at}));

describe('where the post view is', () => {
	it('counts every key typed faster than frames are drawn: G, g, Space, Space is line 40', () => {
		const state = keys({to: 'end'}, {to: 0}, {by: 20}, {by: 20}).reduce(postViewReducer, initialPostViewState);
		assert.equal(topFor(state, 80, 200, 178), 40);
	});

	it('never scrolls past the end or above the top', () => {
		assert.equal(keys({by: 500}).reduce(postViewReducer, initialPostViewState).top, 178);
		assert.equal(keys({by: -5}).reduce(postViewReducer, initialPostViewState).top, 0);
	});

	it('stays at the end when lines arrive below after G', () => {
		const state = keys({to: 'end'}).reduce(postViewReducer, initialPostViewState);
		assert.equal(topFor(state, 80, 230, 208), 208);
	});

	it('keeps a move down past the end shown while lines are still to come below, and takes it for no G (p j j: line 3, not the end)', () => {
		// The post's text is here (22 lines, all on screen); the newer and older posts and Related Posts are on their way.
		const growing = {maxTop: 0, width: 80, total: 22, growing: true};
		const state = [{by: 1}, {by: 1}].map((move): PostViewAction => ({type: 'scroll', ...move, ...growing})).reduce(postViewReducer, initialPostViewState);
		assert.equal(topFor(state, 80, 35, 12), 2, 'once they come: lines 3–24');
		assert.equal(topFor(state, 80, 22, 0), 2, 'meanwhile the screen clamps it (the view shows the top)');
		const ended = ([{type: 'scroll', to: 'end', ...growing}] as PostViewAction[]).reduce(postViewReducer, state);
		assert.equal(topFor(ended, 80, 35, 12), 12, 'G stays at the end as they come');
	});

	it('keeps the same place after a resize re-wraps the text', () => {
		const state = keys({by: 50}).reduce(postViewReducer, initialPostViewState);
		assert.equal(topFor(state, 60, 300, 278), 75, '50 of 200 lines is 75 of 300');
	});
});
