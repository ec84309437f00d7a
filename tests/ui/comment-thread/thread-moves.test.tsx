import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {buildThread} from '../../../source/comments/thread.js';
import {CommentThread} from '../../../source/ui/comment-thread/comment-thread.js';
import type {ThreadPlace} from '../../../source/ui/comment-thread/use-comment-thread-state.js';
import {longThread} from '../../comments/long-thread.js';
import {keys, press, renderWithKeys, waitFor, waitForFrame, waitForText} from '../helpers.js';

describe('moves in a comment thread', () => {
	let cleanups: Array<() => void> = [];
	afterEach(() => {
		for (const cleanup of cleanups) cleanup();
		cleanups = [];
	});

	const entries = buildThread(longThread);
	/** The author of the selected comment (its first line, marked ▌). */
	const selectedAuthor = (frame: string) => frame.split('\n').find(line => line.startsWith('▌ '))?.slice(2).trim().split(/ · | ↳ /)[0];

	function thread(options: {newIds?: ReadonlySet<string>; place?: ThreadPlace; onLeave?: (place: ThreadPlace) => void; width?: number} = {}) {
		const app = renderWithKeys(<CommentThread entries={entries} width={options.width ?? 80} height={24} onReply={() => {}} newIds={options.newIds} place={options.place} onLeave={options.onLeave} />);
		cleanups.push(() => app.unmount());
		return app;
	}

	describe('moving through a 50-comment, 6-deep thread', () => {
		test('z folds the chosen comment’s replies (+ 9 replies) and unfolds them; Enter does the same', async () => {
			const app = thread();
			await waitForText(app, 'comment 1 of 50');
			await press(app, 'z');
			let frame = await waitForText(app, '+ 9 replies');
			assert.match(frame, /^▌ \+ 9 replies$/m, 'the fold line is part of the folded comment');
			assert.doesNotMatch(frame, /Comment number 2\./);
			assert.match(frame, /^ {2}Reader 11 · /m, 'the next top-level comment follows');
			await press(app, 'j');
			frame = await waitForText(app, 'comment 11 of 50');
			assert.equal(selectedAuthor(frame), 'Reader 11', 'j goes past the folded replies');
			await press(app, keys.enter);
			await waitForFrame(app, frame => (frame.match(/\+ 9 replies/g) ?? []).length === 2);
			await press(app, 'k', 'z');
			await waitForFrame(app, frame => frame.includes('Comment number 2.') && frame.includes('comment 1 of 50'));
			await press(app, ']');
			frame = await waitForText(app, 'comment 11 of 50');
			assert.match(frame, /^▌ \+ 9 replies$/m, 'Reader 11 stays folded');
		});

		test('Z folds every comment’s replies, then unfolds them all', async () => {
			const app = thread();
			await waitForText(app, 'comment 1 of 50');
			await press(app, 'j', 'j', 'j');
			await waitForText(app, 'comment 4 of 50');
			await press(app, 'Z');
			let frame = await waitForFrame(app, frame => (frame.match(/\+ 9 replies/g) ?? []).length === 5);
			assert.equal(selectedAuthor(frame), 'Reader 1', 'the selection moves to the folded comment it was under');
			for (const top of [1, 11, 21, 31, 41]) assert.match(frame, new RegExp(`Reader ${top} · `));
			await press(app, 'j');
			await waitForText(app, 'comment 11 of 50');
			await press(app, 'z');
			frame = await waitForText(app, '+ 4 replies');
			assert.match(frame, /Comment number 11\./);
			assert.match(frame, /Reader 12 · /);
			await press(app, 'Z', 'Z');
			frame = await waitForFrame(app, frame => !frame.includes('replies') && frame.includes('Comment number 10.'));
			assert.equal(selectedAuthor(frame), 'Reader 11');
		});

		test('] goes to the next top-level comment; J and K to the next and previous reply to the same comment; p to the parent', async () => {
			const app = thread();
			await waitForText(app, 'comment 1 of 50');
			await press(app, ']');
			let frame = await waitForText(app, 'comment 11 of 50');
			assert.equal(selectedAuthor(frame), 'Reader 11');
			await press(app, 'j');
			await waitForText(app, 'comment 12 of 50');
			await press(app, 'J');
			frame = await waitForText(app, 'comment 17 of 50');
			assert.equal(selectedAuthor(frame), 'Reader 17', 'past the five-deep chain under Reader 12');
			await press(app, 'J', 'J', 'J');
			await waitForText(app, 'comment 20 of 50');
			await press(app, 'J');
			await press(app, 'K');
			frame = await waitForText(app, 'comment 19 of 50');
			assert.equal(selectedAuthor(frame), 'Reader 19', 'J at the last reply stays; K goes back one');
			// Down to the deepest (level 5), then up its chain to the top.
			await press(app, ']', 'j', 'j', 'j', 'j', 'j');
			frame = await waitForText(app, 'comment 26 of 50');
			assert.match(frame, /^▌ {13}Reader 26 ↳ Reader 25 · /m, 'past the deepest indent, whom it answers');
			await press(app, 'p');
			await waitForText(app, 'comment 25 of 50');
			await press(app, 'p', 'p', 'p', 'p');
			frame = await waitForText(app, 'comment 21 of 50');
			assert.equal(selectedAuthor(frame), 'Reader 21');
			await press(app, 'p');
			await press(app, 'J');
			await waitForText(app, 'comment 31 of 50');
		});

		test('p opens the folded comment a reply is under when the jump lands there', async () => {
			const app = thread();
			await waitForText(app, 'comment 1 of 50');
			await press(app, 'Z', ']');
			await waitForText(app, 'comment 11 of 50');
			await press(app, 'K');
			const frame = await waitForText(app, 'comment 1 of 50');
			assert.equal((frame.match(/\+ 9 replies/g) ?? []).length >= 2, true);
		});

		test('the folds are kept with the place when the thread is left, and come back with it', async () => {
			let left: ThreadPlace | undefined;
			const first = thread({onLeave: place => { left = place; }});
			await waitForText(first, 'comment 1 of 50');
			await press(first, 'z');
			await waitForText(first, '+ 9 replies');
			first.unmount();
			await waitFor(() => left !== undefined, 'the thread says where it was left');
			const again = thread({place: left});
			const frame = await waitForText(again, '+ 9 replies');
			assert.match(frame, /comment 1 of 50/);
		});

		test('n jumps from one new comment to the next, and round to the first', async () => {
			const app = thread({newIds: new Set(['14', '33', '48'])});
			let frame = await waitForText(app, 'comment 1 of 50 · 3 new');
			assert.match(frame, /n next new/);
			await press(app, 'n');
			frame = await waitForText(app, 'comment 14 of 50');
			assert.match(frame, /^▌ {10}Reader 14 · March 1, 2024 at 9:14 am · new$/m);
			await press(app, 'n');
			await waitForText(app, 'comment 33 of 50');
			await press(app, 'n', 'n');
			await waitForText(app, 'comment 14 of 50');
		});

		test('no line is wider than the terminal, folded or not, at 40 columns', async () => {
			const app = thread({width: 40});
			await waitForText(app, 'comment 1 of 50');
			await press(app, ']', 'z');
			const frame = await waitForText(app, '+ 9 replies');
			for (const line of frame.split('\n')) assert.ok([...line].length <= 40, line);
		});
	});
});
