import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {buildThread} from '../../../source/comments/thread.js';
import type {Comment, CommentsRead} from '../../../source/model/comment.js';
import type {Post} from '../../../source/model/post.js';
import type {SentComment} from '../../../source/store/my-comments.js';
import {BlogError} from '../../../source/errors.js';
import {CommentThread} from '../../../source/ui/comment-thread/comment-thread.js';
import {CommentThreadScreen} from '../../../source/ui/comment-thread/comment-thread-screen.js';
import {commentThreadReducer, topIn, type ThreadLayout} from '../../../source/ui/comment-thread/use-comment-thread-state.js';
import {fakeSource, post} from '../comment-form/fixtures.js';
import {keys, press, renderWithKeys, waitForFrame, waitForText} from '../helpers.js';

describe('the comment thread, its reducer and screen', () => {
	let cleanups: Array<() => void> = [];
	afterEach(() => {
		for (const cleanup of cleanups) cleanup();
		cleanups = [];
	});

	function comment(id: number, parent = 0, author = `Reader ${id}`, html = `<p>Comment number ${id}.</p>`): Comment {
		return {id, parent, author, authorUrl: undefined, date: `2024-02-${String(id).padStart(2, '0')}T10:00:00`, html, status: 'approved'};
	}

	const twelve = Array.from({length: 12}, (_, index) => comment(index + 1));
	const selectedAuthor = (frame: string) => frame.split('\n').find(line => line.startsWith('▌ '))?.slice(2).split(' · ')[0];

	describe('the comment thread', () => {
		test('shows the comments threaded, the first selected, and where the reader is', async () => {
			const entries = buildThread([comment(1), comment(2, 1, 'Eli'), comment(3)]);
			const app = renderWithKeys(<CommentThread entries={entries} width={80} height={12} onReply={() => {}} />);
			cleanups.push(() => app.unmount());
			const frame = await waitForText(app, 'comment 1 of 3');
			assert.equal(selectedAuthor(frame), 'Reader 1');
			assert.match(frame, /^ {5}Eli · February 2, 2024 at 10:00 am$/m);
			assert.match(frame, /r reply · Esc back · ↓\/↑ move · z\/Z fold · \? help$/m);
		});

		test('j and k move the selection; r replies to the selected comment', async () => {
			const replies: Comment[] = [];
			const app = renderWithKeys(<CommentThread entries={buildThread(twelve)} width={80} height={12} onReply={comment => replies.push(comment)} />);
			cleanups.push(() => app.unmount());
			await waitForText(app, 'comment 1 of 12');
			await press(app, 'j', 'j', keys.down);
			const frame = await waitForText(app, 'comment 4 of 12');
			assert.equal(selectedAuthor(frame), 'Reader 4');
			await press(app, 'k');
			await waitForText(app, 'comment 3 of 12');
			await press(app, 'r');
			await waitForFrame(app, () => replies.length === 1);
			assert.equal(replies[0]!.id, 3);
		});

		test('pages like a post: Space and b, g and G', async () => {
			const app = renderWithKeys(<CommentThread entries={buildThread(twelve)} width={80} height={12} onReply={() => {}} />);
			cleanups.push(() => app.unmount());
			await waitForText(app, 'comment 1 of 12');
			await press(app, ' ');
			let frame = await waitForFrame(app, frame => !frame.includes('Comment number 1.'));
			assert.notEqual(selectedAuthor(frame), 'Reader 1', 'the selection follows the page');
			await press(app, 'G');
			frame = await waitForText(app, 'comment 12 of 12');
			assert.match(frame, /Comment number 12\./);
			assert.match(frame, /100%/);
			await press(app, 'b');
			await waitForFrame(app, frame => !frame.includes('Comment number 12.'));
			await press(app, 'g');
			frame = await waitForText(app, 'comment 1 of 12');
			assert.match(frame, /Comment number 1\./);
		});

		test('without onReply (comments closed), r does nothing and is not offered', async () => {
			const app = renderWithKeys(<CommentThread entries={buildThread(twelve)} width={80} height={12} />);
			cleanups.push(() => app.unmount());
			const frame = await waitForText(app, 'comment 1 of 12');
			assert.doesNotMatch(frame, /r reply/);
		});

		test('opens at a given comment, selected and at the top of the screen (the one just sent)', async () => {
			const app = renderWithKeys(<CommentThread entries={buildThread(twelve)} width={80} height={12} focusId={9} onReply={() => {}} />);
			cleanups.push(() => app.unmount());
			const frame = await waitForText(app, 'comment 9 of 12');
			assert.equal(selectedAuthor(frame), 'Reader 9');
			assert.equal(frame.split('\n')[0], '▌ Reader 9 · February 9, 2024 at 10:00 am');
		});

		test('opens where it was left (its place), not at the top', async () => {
			const app = renderWithKeys(<CommentThread entries={buildThread(twelve)} width={80} height={12} place={{top: 12, selected: 4}} onReply={() => {}} />);
			cleanups.push(() => app.unmount());
			const frame = await waitForText(app, 'comment 5 of 12');
			assert.equal(selectedAuthor(frame), 'Reader 5');
			assert.doesNotMatch(frame, /Comment number 1\./);
		});

		test('no line is wider than the terminal', async () => {
			const long = comment(1, 0, 'Someone with an extraordinarily long name indeed', `<p>${'word '.repeat(80)}</p>`);
			const app = renderWithKeys(<CommentThread entries={buildThread([long, comment(2, 1), comment(3, 2)])} width={40} height={20} onReply={() => {}} />);
			cleanups.push(() => app.unmount());
			const frame = await waitForText(app, 'comment 1 of 3');
			for (const line of frame.split('\n')) assert.ok(line.length <= 40, line);
		});
	});

	describe('paging the thread (reducer)', () => {
		// Three comments of 3, 12 and 3 lines (blank separators included), 8 lines on screen.
		const layout: ThreadLayout = {starts: [0, 4, 17], lineCount: 20, viewport: 8};

		test('selecting the next comment scrolls just enough to show it, from its start when it is too long', () => {
			let state = commentThreadReducer({top: 0, selected: 0}, {type: 'next', layout});
			assert.deepEqual(state, {top: 4, selected: 1});
			state = commentThreadReducer(state, {type: 'next', layout});
			assert.deepEqual(state, {top: 12, selected: 2});
			state = commentThreadReducer(state, {type: 'previous', layout});
			assert.deepEqual(state, {top: 4, selected: 1});
		});

		test('paging keeps a visible selection, and selects what is on screen otherwise', () => {
			let state = commentThreadReducer({top: 0, selected: 0}, {type: 'page-down', layout});
			assert.deepEqual(state, {top: 6, selected: 1});
			state = commentThreadReducer(state, {type: 'page-down', layout});
			assert.deepEqual(state, {top: 12, selected: 1});
			state = commentThreadReducer(state, {type: 'last', layout});
			assert.deepEqual(state, {top: 12, selected: 2});
			state = commentThreadReducer(state, {type: 'first', layout});
			assert.deepEqual(state, {top: 0, selected: 0});
		});

		test('after a resize, the top is the line holding the words that were at the top, and keys move from there', () => {
			// Two comments (a head line, then body lines of 40 characters at 80 columns, 20 at 40), a blank line between.
			const second = 2 ** 32;
			const body = (step: number, count: number) => Array.from({length: count}, (_, line) => 1 + line * step);
			const wideOffsets = [...[0, ...body(40, 3)], second, ...[0, ...body(40, 3)].map(offset => second + offset)];
			const narrowOffsets = [...[0, ...body(20, 6)], second, ...[0, ...body(20, 6)].map(offset => second + offset)];
			const wide: ThreadLayout = {starts: [0, 4], lineCount: wideOffsets.length, viewport: 3, offsets: wideOffsets, width: 80};
			const narrow: ThreadLayout = {starts: [0, 8], lineCount: narrowOffsets.length, viewport: 3, offsets: narrowOffsets, width: 40};
			// The second comment's first body line at the top (its head above the screen).
			const state = commentThreadReducer({top: 0, selected: 0}, {type: 'scroll', by: 6, layout: wide});
			assert.equal(state.top, 6);
			assert.equal(state.selected, 1);
			assert.equal(topIn(state, narrow), 9, 'the same line of text, not line 6');
			assert.equal(topIn(state, wide), 6, 'and back');
			assert.equal(commentThreadReducer(state, {type: 'scroll', by: 1, layout: narrow}).top, 10);
		});
	});

	describe('the comment thread screen', () => {
		function screen(options: {comments?: () => Promise<CommentsRead>; canComment?: boolean; post?: Post; myComments?: SentComment[]} = {}) {
			const source = fakeSource(() => Promise.resolve({kind: 'approved', id: 1, link: undefined}));
			source.fetchComments = options.comments ?? (() => Promise.resolve({comments: [comment(1), comment(2, 1, 'Eli')]}));
			source.canComment = () => options.canComment ?? true;
			const replies: Array<[Post, Comment | undefined]> = [];
			let backs = 0;
			// Under the reader's key router, as in the app: keys reach the thread from its first frame.
			const app = renderWithKeys(
				<CommentThreadScreen
					source={source}
					post={options.post ?? post}
					width={80}
					height={16}
					isActive
					onBack={() => backs++}
					onReply={(replyPost, replyTo) => replies.push([replyPost, replyTo])}
					myComments={options.myComments}
				/>,
			);
			cleanups.push(() => app.unmount());
			return {app, replies, backs: () => backs};
		}

		test('loads the comments, then r replies to the selected one and c comments on the post', async () => {
			const {app, replies} = screen();
			const frame = await waitForText(app, 'c comment · Esc back');
			assert.match(frame.split('\n')[0]!, /^Comments on “Leave a comment here”/);
			assert.match(frame, /comment 1 of 2/);
			await press(app, 'G');
			await waitForText(app, 'comment 2 of 2');
			await press(app, 'r');
			await waitForFrame(app, () => replies.length === 1);
			assert.equal(replies[0]![1]!.id, 2);
			await press(app, 'c');
			await waitForFrame(app, () => replies.length === 2);
			assert.deepEqual(replies[1], [post, undefined]);
		});

		test('a thread blogterm stopped reading says so in a dim line above it, and keeps the screen\'s height', async () => {
			const cut = 'blog.example has 7,412 comments; blogterm read the first 5,000.';
			const {app} = screen({comments: () => Promise.resolve({comments: twelve, endsEarly: cut})});
			const frame = await waitForText(app, 'comment 1 of 12');
			const lines = frame.split('\n');
			assert.equal(lines[1], cut, 'under the heading, before the first comment');
			assert.match(lines[2]!, /Reader 1/);
			assert.ok(lines.length <= 16, `${lines.length} rows`);
			assert.match(lines.at(-1)!, /c comment · Esc back/, 'the hints line stays on screen');
		});

		test('comments closed: the thread stays readable, with no way to reply', async () => {
			const {app, replies} = screen({canComment: false});
			const frame = await waitForText(app, 'Comments are closed.');
			assert.match(frame, /Comment number 1\./);
			await press(app, 'r', 'c');
			assert.deepEqual(replies, []);
		});

		test('no comments yet', async () => {
			const {app} = screen({comments: () => Promise.resolve({comments: []})});
			const frame = await waitForText(app, 'No comments yet.');
			assert.match(frame, /c leave a reply · Esc back/);
		});

		test('my held comment is shown to me as awaiting moderation', async () => {
			const mine: SentComment = {id: 9, parent: 1, author: 'Olive', text: 'Comment number 9.', date: '2024-02-09T10:00:00', status: 'held'};
			const {app} = screen({myComments: [mine]});
			const frame = await waitForText(app, 'Your comment is awaiting moderation.');
			assert.match(frame, /Olive · February 9, 2024 at [0-9:]+ [ap]m · \(yours\)/);
		});

		test('a failure to load says why; r retries; Esc goes back', async () => {
			let calls = 0;
			const {app, backs} = screen({comments: () => {
				calls++;
				if (calls === 1) return Promise.reject(new BlogError('timeout', 'blog.example took longer than 15 s to answer.'));
				return Promise.resolve({comments: [comment(1)]});
			}});
			await waitForText(app, 'blog.example took longer than 15 s to answer.');
			await press(app, 'r');
			await waitForText(app, 'comment 1 of 1');
			await press(app, keys.escape);
			await waitForFrame(app, () => backs() === 1);
		});
	});
});
