import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {buildThread} from '../../../source/comments/thread.js';
import type {Comment} from '../../../source/model/comment.js';
import {CommentThread} from '../../../source/ui/comment-thread/comment-thread.js';
import {KeyRouterProvider} from '../../../source/ui/hooks/use-keys.js';
import {keys, press, renderWithKeys, waitForFrame} from '../helpers.js';

// A resize re-wraps the comments (the thread screen passes it the terminal's width): the words at the top
// of the screen stay at the top, the current search match and the selected comment on screen.

describe('a resize keeps the reader’s place in a comment thread', () => {
	let cleanups: Array<() => void> = [];
	afterEach(() => {
		for (const cleanup of cleanups) cleanup();
		cleanups = [];
	});

	const sentences = (id: number) => [
		`Comment${id} opens with a few words about the beds and the paths between them.`,
		`Its middle${id} says what was sown, and when, and what came up after the rain.`,
		`And it ends${id} with ${id === 9 ? 'zucchini, ' : ''}the tools put back in the shed for the night.`,
	].join(' ');
	const comments: Comment[] = Array.from({length: 12}, (_, index) => ({
		id: index + 1, parent: 0, author: `Reader ${index + 1}`, authorUrl: undefined, date: `2024-02-${String(index + 1).padStart(2, '0')}T10:00:00`,
		html: `<p>${sentences(index + 1)}</p>`, status: 'approved',
	}));
	const entries = buildThread(comments);
	const thread = (width: number) => <CommentThread entries={entries} width={width} height={14} onReply={() => {}} />;

	function open(width: number) {
		const app = renderWithKeys(thread(width));
		cleanups.push(() => app.unmount());
		/** The terminal is now `columns` wide: the frame drawn for it. */
		const resizeTo = async (columns: number) => {
			app.rerender(<KeyRouterProvider>{thread(columns)}</KeyRouterProvider>);
			return waitForFrame(app, frame => frame.split('\n').every(line => line.length <= columns) && frame.split('\n').some(line => line.length > columns - 12));
		};
		return {app, resizeTo};
	}

	/** The text of a line of the thread, without the two columns that mark the selected comment. */
	const textOf = (line: string) => line.slice(2).trim();
	const topText = (frame: string) => textOf(frame.split('\n')[0] ?? '');

	test('paged down, the first word on screen stays on the top line at 50 columns, and the top line is the same back at 100', async () => {
		const {app, resizeTo} = open(100);
		await waitForFrame(app, frame => frame.includes('comment 1 of 12'));
		// Two pages down, each drawn before the next is pressed (a frame between the two is not the place read).
		await press(app, ' ');
		const once = await waitForFrame(app, shown => !shown.includes('comment 1 of'));
		const afterOne = /comment \d+ of 12/.exec(once)![0];
		await press(app, ' ');
		let frame = await waitForFrame(app, shown => !shown.includes(afterOne) && !shown.includes('Reader 1 ') && !shown.includes('Reader 2 '));
		// (A blank line between two comments: the words of the line under it.)
		const lines = frame.split('\n');
		const wideTop = textOf(lines[0]!) === '' ? textOf(lines[1]!) : textOf(lines[0]!);
		const word = wideTop.split(' ')[0]!;
		frame = await resizeTo(50);
		const narrowTop = frame.split('\n').slice(0, 2).map(line => textOf(line)).join(' ');
		assert.ok(narrowTop.split(' ').includes(word), `“${word}” is at the top at 50 columns:\n${frame}`);
		frame = await resizeTo(100);
		assert.equal(frame.split('\n').slice(0, 2).map(line => textOf(line)).join(' ').includes(wideTop), true, `back at 100 columns, the same top:\n${frame}`);
	});

	test('the current search match stays on screen, its comment selected', async () => {
		const {app, resizeTo} = open(100);
		await waitForFrame(app, frame => frame.includes('comment 1 of 12'));
		await press(app, '/', ...'zucchini', keys.enter);
		let frame = await waitForFrame(app, shown => shown.includes('match 1 of 1') && !shown.includes('/zucchini▏'));
		assert.match(frame, /comment 9 of 12/);
		assert.match(topText(frame), /zucchini/, 'the match off screen came to the top');
		frame = await resizeTo(40);
		assert.ok(frame.split('\n').slice(0, -1).some(line => line.includes('zucchini')), `the match is on screen at 40 columns:\n${frame}`);
		assert.match(frame, /comment 9 of 12 · \d+% · match 1 of 1/);
	});

	test('the selected comment, on screen before the resize, is on screen after it', async () => {
		const {app, resizeTo} = open(100);
		await waitForFrame(app, frame => frame.includes('comment 1 of 12'));
		await press(app, 'j', 'j');
		let frame = await waitForFrame(app, shown => shown.includes('comment 3 of 12'));
		assert.ok(frame.includes('▌ Reader 3'));
		frame = await resizeTo(40);
		assert.ok(frame.split('\n').some(line => line.startsWith('▌ Reader 3')), `Reader 3's comment starts on screen at 40 columns:\n${frame}`);
	});
});
