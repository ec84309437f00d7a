import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {buildThread} from '../../source/comments/thread.js';
import {
	allWithReplies, nextMarked, nextSibling, nextTopLevel, parentOf, previousSibling, replyCount, threadShape, unfoldedTo, visibleEntries,
} from '../../source/comments/thread-moves.js';
import {longThread} from './long-thread.js';

const entries = buildThread(longThread);
const shape = threadShape(entries);
const indexOf = (id: number) => entries.findIndex(entry => entry.comment.id === id);
const idAt = (index: number | undefined) => (index === undefined ? undefined : entries[index]!.comment.id);

describe('moving through a 50-comment, 6-deep thread', () => {
	test('each comment knows its true level and its parent, past the deepest indent', () => {
		assert.equal(entries.length, 50);
		assert.deepEqual(shape.level.slice(0, 10), [0, 1, 2, 3, 4, 5, 1, 1, 1, 1]);
		// Level 5 is indented as level 4 (the deepest), and still knows whom it answers.
		assert.equal(entries[indexOf(6)]!.depth, 4);
		assert.equal(idAt(parentOf(shape, indexOf(6))), 5);
		assert.equal(parentOf(shape, indexOf(1)), undefined);
	});

	test('a comment’s replies are counted whole: what folding it hides', () => {
		assert.equal(replyCount(shape, indexOf(1)), 9);
		assert.equal(replyCount(shape, indexOf(2)), 4);
		assert.equal(replyCount(shape, indexOf(6)), 0);
		const folded = visibleEntries(shape, new Set([indexOf(1), indexOf(22)]));
		assert.deepEqual(folded.slice(0, 4).map(idAt), [1, 11, 12, 13]);
		assert.deepEqual(folded.slice(10, 14).map(idAt), [20, 21, 22, 27]);
		assert.equal(folded.length, 50 - 9 - 4);
		assert.deepEqual(visibleEntries(shape, allWithReplies(shape)).map(idAt), [1, 11, 21, 31, 41]);
	});

	test('parent, next and previous sibling, next top-level', () => {
		assert.equal(idAt(parentOf(shape, indexOf(15))), 14);
		assert.equal(idAt(nextSibling(shape, indexOf(12))), 17);
		assert.equal(idAt(nextSibling(shape, indexOf(17))), 18);
		assert.equal(nextSibling(shape, indexOf(20)), undefined, 'the last reply has no next sibling');
		assert.equal(idAt(previousSibling(shape, indexOf(17))), 12);
		assert.equal(previousSibling(shape, indexOf(12)), undefined);
		assert.equal(idAt(nextSibling(shape, indexOf(1))), 11, 'top-level comments are siblings');
		assert.equal(idAt(previousSibling(shape, indexOf(41))), 31);
		assert.equal(idAt(nextTopLevel(shape, indexOf(15))), 21);
		assert.equal(nextTopLevel(shape, indexOf(45)), undefined);
	});

	test('opening a folded comment’s ancestors shows it', () => {
		const open = unfoldedTo(shape, new Set([indexOf(1), indexOf(3), indexOf(11)]), indexOf(5));
		assert.deepEqual([...open].map(idAt), [11]);
	});

	test('the next new comment goes round to the first after the last', () => {
		assert.equal(nextMarked([4, 9, 30], 4), 9);
		assert.equal(nextMarked([4, 9, 30], 30), 4);
		assert.equal(nextMarked([], 3), undefined);
	});
});
