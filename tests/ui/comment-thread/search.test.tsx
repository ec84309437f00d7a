import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import type {Comment} from '../../../source/model/comment.js';
import {CommentThreadScreen} from '../../../source/ui/comment-thread/comment-thread-screen.js';
import {wrappedToFirst} from '../../../source/ui/search/use-text-search.js';
import {fakeSource, post} from '../comment-form/fixtures.js';
import {keys, press, renderWithKeys, waitFor, waitForFrame, waitForText} from '../helpers.js';

describe('search in a comment thread', () => {
	let cleanups: Array<() => void> = [];
	afterEach(() => {
		for (const cleanup of cleanups) cleanup();
		cleanups = [];
	});

	function comment(id: number, html: string): Comment {
		return {id, parent: 0, author: `Reader ${id}`, authorUrl: undefined, date: `2024-02-${String(id).padStart(2, '0')}T10:00:00`, html, status: 'approved'};
	}

	// Twenty comments, many screens at 80×16; "compost" in comments 3 and 17.
	const comments = Array.from({length: 20}, (_, index) => comment(index + 1, index === 2 ? '<p>I add Compost in spring.</p>' : index === 16 ? '<p>Too much compost burns the roots.</p>' : `<p>Comment number ${index + 1}.</p>`));
	const selectedAuthor = (frame: string) => frame.split('\n').find(line => line.startsWith('▌ '))?.slice(2).split(' · ')[0];
	const statusLine = (frame: string) => frame.split('\n').filter(line => line.trim() !== '').at(-1) ?? '';

	function screen() {
		const source = fakeSource(() => Promise.resolve({kind: 'approved', id: 1, link: undefined}));
		source.fetchComments = () => Promise.resolve({comments});
		const replies: Array<Comment | undefined> = [];
		let backs = 0;
		const app = renderWithKeys(<CommentThreadScreen source={source} post={post} width={80} height={16} isActive onBack={() => backs++} onReply={(_post, replyTo) => replies.push(replyTo)} />);
		cleanups.push(() => app.unmount());
		return {app, replies, backs: () => backs};
	}

	describe('searching the comments', () => {
		test('/ finds a word in the thread, selects its comment, n wraps with a line saying so; Esc clears, a second Esc goes back', async () => {
			const {app, backs} = screen();
			await waitForText(app, 'comment 1 of 20');
			await press(app, '/', ...'compost');
			let frame = await waitForFrame(app, shown => statusLine(shown).includes('/compost▏'));
			assert.match(frame, /match 1 of 2/);
			assert.equal(selectedAuthor(frame), 'Reader 3', 'the comment with the match is selected');
			await press(app, keys.enter, 'n');
			frame = await waitForText(app, 'match 2 of 2');
			assert.equal(selectedAuthor(frame), 'Reader 17');
			assert.match(frame, /Too much compost burns the roots\./);
			await press(app, 'n');
			frame = await waitForText(app, 'match 1 of 2');
			assert.ok(statusLine(frame).includes(wrappedToFirst), statusLine(frame));
			await press(app, keys.escape);
			await waitForFrame(app, shown => !shown.includes('match'));
			assert.equal(backs(), 0, 'Esc cleared the search; it did not leave the thread');
			await press(app, keys.escape);
			await waitFor(() => backs() === 1, 'the second Esc goes back');
		});

		test('keys typed into the search line are text, not commands (r does not reply)', async () => {
			const {app, replies} = screen();
			await waitForText(app, 'comment 1 of 20');
			await press(app, '/', ...'roots');
			await waitForFrame(app, shown => statusLine(shown).includes('/roots▏') && shown.includes('match 1 of 1'));
			assert.deepEqual(replies, []);
		});
	});
});
