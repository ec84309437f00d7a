import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import type {PostSummary} from '../../../source/model/post.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {RepliesView} from '../../../source/ui/home/replies-view.js';
import {KeyRouterProvider} from '../../../source/ui/hooks/use-keys.js';
import type {StoredReply} from '../../../source/store/replies.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {mouse, press, resize, waitFor, waitForFrame, waitForText} from '../helpers.js';
import {memoryHomeData, type MemoryBlog, type MemoryPost} from './memory-home-data.js';

// Keeps nothing on disk.
const http = createHttpClient();
const now = Date.parse('2026-12-02T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

const highlighted = (frame: string) => frame.split('\n').find(line => line.startsWith('▸')) ?? '';
const rowOf = (frame: string, text: string) => frame.split('\n').findIndex(line => line.includes(text));

describe('the mouse on the home screen (--mouse)', () => {
	let demo: TestDemo;
	let posts: readonly PostSummary[];
	before(async () => {
		demo = await startTestDemo();
		posts = (await (await openBlog(http, demo.url)).fetchPostPage(1, 4)).posts;
	});
	after(async () => demo.stop());

	/** Three blogs, two in a folder; four posts of the demo in What is new. */
	function renderHome(startView: 'blogs' | 'river') {
		const blogs: MemoryBlog[] = [
			{url: demo.url, title: 'Demo Blog', folder: undefined, lastUpdated: minutesAgo(5), lastError: undefined},
			{url: 'http://127.0.0.1:9/a/', title: 'Second Blog', folder: 'Feeds', lastUpdated: minutesAgo(60), lastError: undefined},
			{url: 'http://127.0.0.1:9/b/', title: 'Third Blog', folder: 'Feeds', lastUpdated: minutesAgo(90), lastError: undefined},
		];
		const items: MemoryPost[] = posts.map((post, index) => ({blogUrl: demo.url, id: post.id, title: `Item ${index} ${post.title}`, link: post.link, date: minutesAgo(60 * index)}));
		const store = memoryHomeData(http, blogs, items);
		const app = render(<HomeApp data={store.data} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshOnStart={false} refreshMinutes={0} startView={startView} now={() => now} mouse />);
		resize(app.stdout, 80, 24);
		return app;
	}

	it('blogs: the wheel moves the highlight; a click selects a blog, a second opens it; a folder\'s row does nothing', async () => {
		const app = renderHome('blogs');
		await waitForText(app, 'Third Blog');
		await press(app, mouse.wheelDown());
		await waitForFrame(app, current => highlighted(current).includes('Second Blog'));
		await press(app, mouse.wheelUp());
		let frame = await waitForFrame(app, current => highlighted(current).includes('Demo Blog'));
		await press(app, mouse.click(rowOf(frame, '▾ Feeds')));
		await press(app, mouse.click(rowOf(frame, 'Third Blog')));
		frame = await waitForFrame(app, current => highlighted(current).includes('Third Blog'));
		await press(app, mouse.click(rowOf(frame, 'Demo Blog')));
		frame = await waitForFrame(app, current => highlighted(current).includes('Demo Blog'));
		await press(app, mouse.click(rowOf(frame, 'Demo Blog')));
		frame = await waitForText(app, 'Page 1 of');
		assert.match(frame, /The Terminal Gardener/, 'the blog is open in the reader');
		app.unmount();
	});

	it('What is new: the wheel moves the highlight; a click selects a post, a second opens it', async () => {
		const app = renderHome('river');
		await waitForText(app, 'Item 3');
		await press(app, mouse.wheelDown(), mouse.wheelDown());
		let frame = await waitForFrame(app, current => highlighted(current).includes('Item 2'));
		await press(app, mouse.click(rowOf(frame, 'Item 1')));
		frame = await waitForFrame(app, current => highlighted(current).includes('Item 1'));
		await press(app, mouse.click(rowOf(frame, 'Item 1')));
		frame = await waitForText(app, /lines 1–/);
		assert.ok(frame.split('\n')[0]!.includes(posts[1]!.title.slice(0, 20)), `the second post is open:\n${frame}`);
		app.unmount();
	});

	it('Replies to you: a click on a reply selects it, a second opens its thread; the blank line between two is neither', async () => {
		const reply = (index: number): StoredReply => ({
			siteKey: 'demo', siteUrl: demo.url, postId: String(index), postTitle: `Post ${index}`, postLink: demo.url, read: true,
			yourComment: {id: `y${index}`, text: `My comment ${index}`, date: minutesAgo(60)},
			reply: {id: `r${index}`, author: `Author ${index}`, date: minutesAgo(30), text: `Reply text ${index}`, link: demo.url},
		});
		const opened: string[] = [];
		const app = render(<KeyRouterProvider mouse><RepliesView replies={[reply(0), reply(1), reply(2)]} width={80} height={23} isActive onOpen={stored => opened.push(stored.reply.id)} onBack={() => {}} /></KeyRouterProvider>);
		let frame = await waitForText(app, 'Reply text 2');
		const selectedAuthor = (current: string) => current.split('\n').find(line => line.startsWith('▌ ') && line.includes('↳')) ?? '';
		// The blank line under the first reply, then the second reply's text line.
		await press(app, mouse.click(rowOf(frame, 'Reply text 0') + 1), mouse.click(rowOf(frame, 'Reply text 1')));
		await waitForFrame(app, current => selectedAuthor(current).includes('Author 1'));
		await press(app, mouse.wheelDown());
		frame = await waitForFrame(app, current => selectedAuthor(current).includes('Author 2'));
		await press(app, mouse.click(rowOf(frame, 'My comment 2')));
		await waitFor(() => opened.length > 0, 'a reply opened');
		assert.deepEqual(opened, ['r2']);
		app.unmount();
	});
});
