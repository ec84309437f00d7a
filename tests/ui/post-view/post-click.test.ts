import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {StyledLine} from '../../../source/render/styled-line.js';
import {commentAtLine} from '../../../source/ui/comment-thread/use-comment-thread-state.js';
import {postClickAt, type PostScreenLayout} from '../../../source/ui/post-view/post-click.js';

// "Read the guide [1] and the wiki [2]." on line 1; the guide's text is link 1 too.
const lines: StyledLine[] = [
	[{text: 'Title'}],
	[{text: 'Read the '}, {text: 'guide', role: 'link', link: 1}, {text: '[1]', role: 'link', link: 1}, {text: ' and the wiki '}, {text: '[2]', role: 'link', link: 2}, {text: '.'}],
	[{text: 'Ünïcödé — '}, {text: '[3]', role: 'link', link: 3}],
];
const layout: PostScreenLayout = {lines, top: 1, viewport: 5, margin: 4};

describe('where a click lands on a post', () => {
	it('a numbered link, its text or its number, counted from the text\'s margin and the first line shown', () => {
		assert.deepEqual(postClickAt(layout, 0, 4 + 9), {kind: 'link', number: 1});
		assert.deepEqual(postClickAt(layout, 0, 4 + 15), {kind: 'link', number: 1});
		assert.deepEqual(postClickAt(layout, 0, 4 + 32), {kind: 'link', number: 2});
		assert.equal(postClickAt(layout, 0, 4 + 3), undefined, 'plain text');
		assert.equal(postClickAt(layout, 0, 2), undefined, 'the margin');
		assert.deepEqual(postClickAt(layout, 1, 4 + 10), {kind: 'link', number: 3}, 'columns, not code units');
		assert.equal(postClickAt(layout, 5, 4), undefined, 'the status line');
	});

	it('Related Posts beside the text (inside its border) or under it: the post a line is part of', () => {
		const owners = [undefined, 0, 0, 1];
		assert.deepEqual(postClickAt({...layout, relatedBeside: {left: 60, owners}}, 2, 61), {kind: 'related', index: 0});
		assert.deepEqual(postClickAt({...layout, relatedBeside: {left: 60, owners}}, 4, 70), {kind: 'related', index: 1});
		assert.equal(postClickAt({...layout, relatedBeside: {left: 60, owners}}, 1, 61), undefined, 'the heading');
		const under: PostScreenLayout = {...layout, top: 0, viewport: 8, relatedUnder: {start: 2, owners}};
		assert.deepEqual([2, 3, 4, 5].map(row => postClickAt(under, row, 0)), [undefined, {kind: 'related', index: 0}, {kind: 'related', index: 0}, {kind: 'related', index: 1}], 'the heading, then its posts\' lines');
	});

	it('« previous and next »: each of their lines, counted from the first line shown; not the lines around them', () => {
		const tail: PostScreenLayout = {...layout, top: 1, viewport: 8, neighbours: {start: 3, previousRows: 2, nextRows: 1}};
		assert.deepEqual([1, 2, 3, 4, 5].map(row => postClickAt(tail, row, 4)), [undefined, {kind: 'neighbour', which: 'previous'}, {kind: 'neighbour', which: 'previous'}, {kind: 'neighbour', which: 'next'}, undefined]);
		const onlyNext: PostScreenLayout = {...tail, neighbours: {start: 3, previousRows: 0, nextRows: 1}};
		assert.deepEqual([2, 3].map(row => postClickAt(onlyNext, row, 4)), [{kind: 'neighbour', which: 'next'}, undefined]);
	});
});

describe('which comment a line of the thread is part of', () => {
	// Comments at lines 0–2, 4–5 and 7; blank lines between them.
	const thread = {starts: [0, 4, 7], lineCount: 8, viewport: 5};
	it('the comment whose lines it is among; none on the blank line between two, or past the end', () => {
		assert.deepEqual([0, 2, 3, 4, 5, 6, 7, 8].map(line => commentAtLine(thread, line)), [0, 0, undefined, 1, 1, undefined, 2, undefined]);
	});
});
