import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {plainLineOffsets} from '../../../source/render/line-offsets.js';
import {lineText} from '../../../source/render/styled-line.js';
import {wrapPlainText} from '../../../source/render/wrap.js';
import {initialPostViewState, postViewReducer, topFor, type PostViewAction, type PostViewLayout} from '../../../source/ui/post-view/use-post-view-state.js';

/** A document of `total` lines of ten characters each, `viewport` of them on screen. */
const linesOf = (total: number, viewport = 22): PostViewLayout => ({laidOutAs: '80', starts: Array.from({length: total}, (_, index) => index * 10), viewport});
const at = linesOf(200);
const keys = (...moves: Array<{by: number} | {to: number | 'end'}>): PostViewAction[] => moves.map(move => ({type: 'scroll', ...move, layout: at}));

// Forty numbered sentences, wrapped at 60 and at 30 columns: the same text, laid out twice.
const text = Array.from({length: 40}, (_, index) => `Sentence${index + 1} tells of the garden and its beds.`).join(' ');
function wrapped(width: number, viewport = 10) {
	const lines = wrapPlainText(text, width);
	return {lines: lines.map(line => lineText(line)), layout: {laidOutAs: String(width), starts: plainLineOffsets(lines).starts, viewport} satisfies PostViewLayout};
}

describe('where the post view is', () => {
	it('counts every key typed faster than frames are drawn: G, g, Space, Space is line 40', () => {
		const state = keys({to: 'end'}, {to: 0}, {by: 20}, {by: 20}).reduce(postViewReducer, initialPostViewState);
		assert.equal(topFor(state, at), 40);
	});

	it('never scrolls past the end or above the top', () => {
		assert.equal(keys({by: 500}).reduce(postViewReducer, initialPostViewState).top, 178);
		assert.equal(keys({by: -5}).reduce(postViewReducer, initialPostViewState).top, 0);
	});

	it('stays at the end when lines arrive below after G', () => {
		const state = keys({to: 'end'}).reduce(postViewReducer, initialPostViewState);
		assert.equal(topFor(state, linesOf(230)), 208);
	});

	it('keeps a move down past the end shown while lines are still to come below, and takes it for no G (p j j: line 3, not the end)', () => {
		// The post's text is here (22 lines, all on screen); the newer and older posts and Related Posts are on their way.
		const growing = {layout: linesOf(22, 23), growing: true};
		const state = [{by: 1}, {by: 1}].map((move): PostViewAction => ({type: 'scroll', ...move, ...growing})).reduce(postViewReducer, initialPostViewState);
		assert.equal(topFor(state, linesOf(35, 23)), 2, 'once they come: lines 3–24');
		assert.equal(topFor(state, linesOf(22, 23)), 2, 'meanwhile the screen clamps it (the view shows the top)');
		const ended = ([{type: 'scroll', to: 'end', ...growing}] as PostViewAction[]).reduce(postViewReducer, state);
		assert.equal(topFor(ended, linesOf(35, 23)), 12, 'G stays at the end as they come');
	});

	it('after a resize, the top line is the one holding the word that was first on it; back at the first width, the same line as before', () => {
		const wide = wrapped(60);
		const narrow = wrapped(30);
		const state = postViewReducer(initialPostViewState, {type: 'scroll', to: 9, layout: wide.layout});
		const firstWord = wide.lines[9]!.split(' ')[0]!;
		const narrowTop = topFor(state, narrow.layout);
		assert.ok(narrow.lines[narrowTop]!.split(' ').includes(firstWord), `“${narrow.lines[narrowTop]}” holds “${firstWord}”`);
		assert.ok(!narrow.lines[narrowTop - 1]!.split(' ').includes(firstWord), 'and is the first line that does');
		assert.equal(topFor(state, wide.layout), 9);
		// A key after the resize moves from the line shown, not from the line number kept for the other width.
		const moved = postViewReducer(state, {type: 'scroll', by: 1, layout: narrow.layout});
		assert.equal(moved.top, narrowTop + 1);
	});

	it('laid out as before, keeps its line, whatever the text says now (the post come back from the blog, a word changed)', () => {
		const state = keys({by: 50}).reduce(postViewReducer, initialPostViewState);
		const changed = {...at, starts: at.starts.map((start, line) => start + Math.floor(line / 3))};
		assert.equal(topFor(state, changed), 50);
	});

	it('keeps the current search match on screen through a resize, when it was on screen', () => {
		const wide = wrapped(60);
		const narrow = wrapped(30);
		const state = postViewReducer(initialPostViewState, {type: 'scroll', to: 5, layout: wide.layout});
		// A match on the last line shown (5–14): narrower, the text from the top to it takes more lines than the screen has.
		const match = /Sentence\d+/.exec(wide.lines[14]!)![0];
		const wideLine = wide.lines.findIndex(line => line.includes(match));
		assert.equal(wideLine, 14);
		const narrowLine = narrow.lines.findIndex(line => line.includes(match));
		const plain = topFor(state, narrow.layout);
		assert.ok(narrowLine >= plain + 10, 'without it, the match would be below the screen');
		const kept = topFor(state, {...narrow.layout, keep: narrowLine});
		assert.equal(kept, narrowLine - 9, 'the view moves as little as it must: the match on its last line');
		// A match the reader had scrolled away from is not brought back.
		const away = narrow.lines.findIndex(line => line.includes('Sentence40'));
		assert.equal(topFor(state, {...narrow.layout, keep: away}), plain);
	});

	it('Tab into Related Posts and back returns to the same words, across a resize', () => {
		const wide = wrapped(60);
		const narrow = wrapped(30);
		let state = postViewReducer(initialPostViewState, {type: 'scroll', to: 4, layout: wide.layout});
		state = postViewReducer(state, {type: 'focus-related', focused: true, start: 20, end: 24, layout: wide.layout});
		assert.equal(topFor(state, wide.layout), 15);
		state = postViewReducer(state, {type: 'focus-related', focused: false});
		const firstWord = wide.lines[4]!.split(' ')[0]!;
		assert.ok(narrow.lines[topFor(state, narrow.layout)]!.split(' ').includes(firstWord));
	});
});
