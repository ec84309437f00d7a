import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {pressTogether, resize, waitForFrame, waitForText} from '../helpers.js';

/** A list row: the title, then its date and author (`Jan 13, 2025 · Maren Holt`). */
const postRow = /^[▸ ] [● ] .*\b[A-Z][a-z]{2} \d{1,2}, \d{4} · /u;
const rowsOf = (frame: string) => frame.split('\n').filter(line => postRow.test(line));
const highlighted = (frame: string) => frame.split('\n').find(line => line.startsWith('▸')) ?? '';

describe('the posts list\'s page size, without --per-page', () => {
	// Keeps nothing on disk.
	const http = createHttpClient();
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo();
	});
	after(async () => demo.stop());

	function renderList(columns: number, rows: number) {
		// As the demo blog opens when no blog is followed: a line under the reader.
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} readMarks={{readIds: () => new Set(), markRead() {}}} note="No blogs followed yet: blogterm --follow URL follows one." />);
		resize(app.stdout, columns, rows);
		return app;
	}

	test('is as many posts as the list shows: every post of the page on screen at 80×24, the line under the reader too', async () => {
		const app = renderList(80, 24);
		try {
			// 38 posts, 18 a page (24 rows: the note's, and the name, the description, a blank, the excerpt and the status line).
			const frame = await waitForText(app, 'Page 1 of 3 · 38 posts');
			assert.equal(rowsOf(frame).length, 18, `18 rows:\n${frame}`);
			assert.equal(frame.split('\n').length, 24, 'as tall as the terminal');
			assert.match(frame.split('\n').at(-1)!, /^No blogs followed yet/u);
		} finally {
			app.unmount();
		}
	});

	test('a resize in steps, as a window is dragged, asks the blog for one page, of the size it ends at', async () => {
		const asked: number[] = [];
		const app = render(<App site={demo.url} openSource={async (url, signal) => {
			const source = await openBlog(http, url, {signal});
			const fetchPostPage = source.fetchPostPage.bind(source);
			source.fetchPostPage = async (page, perPage, options) => {
				asked.push(perPage);
				return fetchPostPage(page, perPage, options);
			};
			return source;
		}} readMarks={{readIds: () => new Set(), markRead() {}}} />);
		try {
			resize(app.stdout, 80, 24);
			await waitForText(app, 'Page 1 of 2 · 38 posts');
			const before = asked.length;
			// One size after the other, each drawn before the next (the frame as tall as the terminal): the terminal's
			// resize events as a window is dragged. Not setImmediate: React draws in a task of its scheduler queued
			// after it, so a size went undrawn (28) or came while the frame before it was still being finished.
			for (const rows of [28, 32, 36, 40, 44, 48]) {
				resize(app.stdout, 80, rows);
				await waitForFrame(app, frame => frame.split('\n').length === rows);
			}
			await waitForText(app, 'Page 1 of 1 · 38 posts');
			assert.deepEqual(asked.slice(before), [43], 'one page of 43, for 48 rows');
		} finally {
			app.unmount();
		}
	});

	test('follows the terminal\'s size, with the post highlighted kept', async () => {
		const app = renderList(160, 48);
		try {
			await waitForText(app, 'Page 1 of 1 · 38 posts');
			// The last post, the 38th.
			pressTogether(app, 'G');
			const last = highlighted(await waitForFrame(app, frame => highlighted(frame).includes('·') && rowsOf(frame).at(-1) === highlighted(frame)));
			const title = last.slice(4, 30);
			resize(app.stdout, 80, 24);
			// Of 18 a page, the 38th post is the 2nd of page 3.
			const frame = await waitForFrame(app, current => current.includes('Page 3 of 3 · 38 posts') && highlighted(current).includes(title));
			assert.equal(rowsOf(frame).length, 2, `page 3 holds the last 2 posts:\n${frame}`);
			resize(app.stdout, 160, 48);
			await waitForFrame(app, current => current.includes('Page 1 of 1 · 38 posts') && highlighted(current).includes(title));
		} finally {
			app.unmount();
		}
	});
});
