import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {createHttpClient} from '../../../source/http/client.js';
import {fullTextsInMemory} from '../../../source/full-text/full-text-store.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {resize, waitForText} from '../helpers.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import type {RefreshProgress} from '../../../source/ui/home/home-data.js';
import {storeHomeData, storeReadMarks} from '../../../source/ui/home/store-home-data.js';
import {startTestDemo} from '../../helpers/demo.js';
import {demoFeedAndStore} from '../../subscriptions/store-helper.js';

const http = createHttpClient();

describe('the home screen’s data from the store', () => {
	const suite = demoFeedAndStore();

	it('follows what discovery found, lists it with its counts, and reads and marks its posts in the river', async () => {
		const subscriptions = suite.store.open();
		const data = storeHomeData(subscriptions);
		const found = await data.discover(suite.feed.url, new AbortController().signal);
		assert.match(found.kind, /RSS feed|Atom feed/);
		assert.ok(found.feedUrl, 'a feed blog says its feed');
		await data.follow(found);
		const [blog] = data.blogs();
		assert.equal(blog?.title, found.title);
		assert.ok(blog.total > 0 && blog.unread === blog.total, 'its posts are stored, unread');
		const river = data.river(500);
		assert.equal(river.length, blog.total);
		assert.ok(river.every(item => item.blogTitle === found.title && !item.read));
		data.setRead(blog.url, river[0]!.id, true);
		assert.equal(data.blogs()[0]!.unread, blog.total - 1);
		assert.ok(data.readIds(blog.url).has(String(river[0]!.id)));
		data.setRead(blog.url, river[0]!.id, false);
		assert.equal(data.blogs()[0]!.unread, blog.total);
		data.markBlogRead(blog.url);
		assert.equal(data.blogs()[0]!.unread, 0);
		// A refresh says how far it has got, and ends with every blog counted.
		const seen: RefreshProgress[] = [];
		const done = await data.refresh(progress => seen.push(progress), new AbortController().signal);
		assert.deepEqual(done, {done: 1, total: 1, failed: 0});
		assert.ok(seen.length > 0);
		data.unfollow(blog.url);
		assert.equal(data.blogs().length, 0);
	});

	it('a password-protected post is marked so in What is new, and its line says Protected:', async () => {
		const wordpress = await startTestDemo();
		const subscriptions = suite.store.open();
		const data = storeHomeData(subscriptions);
		try {
			await data.follow(await data.discover(wordpress.url, new AbortController().signal));
			const river = data.river(500);
			const locked = river.filter(item => item.isProtected === true);
			assert.deepEqual(locked.map(item => item.title), ['The Committee’s Compost Recipe']);
			assert.ok(river.length > 10 && river.filter(item => item.isProtected !== true).length === river.length - 1);
			const app = render(createElement(HomeApp, {data, openSource: async (url: string, signal: AbortSignal) => openBlog(http, url, {signal}), perPage: 10, refreshOnStart: false, refreshMinutes: 0, startView: 'river'}));
			resize(app.stdout, 100, 60);
			const frame = await waitForText(app, 'Protected: The Committee’s Compost Recipe');
			assert.equal(frame.split('\n').filter(line => line.includes('Protected:')).length, 1);
			app.unmount();
		} finally {
			// The other tests here follow only the feed blog.
			for (const blog of data.blogs()) data.unfollow(blog.url);
			await wordpress.stop();
		}
	});

	/**
	 * The home screen on the followed feed blog, which another blogterm (a script's --unfollow, on its own
	 * connection to the store) then unfollows; `key` is pressed on its row. The frame that says so.
	 */
	async function pressOnBlogUnfollowedElsewhere(key: string, props: Partial<Parameters<typeof HomeApp>[0]> = {}) {
		const data = storeHomeData(suite.store.open());
		await data.follow(await data.discover(suite.feed.url, new AbortController().signal));
		const [blog] = data.blogs();
		const app = render(createElement(HomeApp, {data, openSource: async (url: string, signal: AbortSignal) => openBlog(http, url, {signal}), perPage: 10, refreshOnStart: false, refreshMinutes: 0, startView: 'blogs', ...props}));
		try {
			resize(app.stdout, 100, 30);
			await waitForText(app, blog!.title);
			const other = suite.store.open();
			other.unfollow(blog!.url);
			other.close();
			app.stdin.write(key);
			return {blog: blog!, frame: await waitForText(app, `${blog!.url} is not followed.`)};
		} finally {
			app.unmount();
		}
	}

	it('A on a blog that another blogterm unfollowed meanwhile says so, and the blog leaves the list', async () => {
		const {blog, frame} = await pressOnBlogUnfollowedElsewhere('A');
		assert.ok(!frame.includes(blog.title), 'its row is gone');
	});

	it('F on a blog that another blogterm unfollowed meanwhile says so (not “Full text on”), sets nothing, and the blog leaves the list', async () => {
		const fullTexts = fullTextsInMemory();
		const {blog, frame} = await pressOnBlogUnfollowedElsewhere('F', {fullTexts, readFullText: async () => Promise.reject(new Error('not asked in this test'))});
		assert.ok(!frame.includes('Full text on'), 'not said to be on');
		assert.ok(!frame.includes(blog.title), 'its row is gone');
		assert.equal(fullTexts.isAutomatic(blog.siteKey!), false, 'nothing set');
	});

	it('the reader’s read marks go to the store by site key, keeping the text of a followed blog’s post', async () => {
		const subscriptions = suite.store.open();
		await subscriptions.follow(suite.feed.url);
		const source = await openBlog(http, suite.feed.url);
		const post = await source.fetchPost({kind: 'id', id: (await source.fetchPostPage(1, 1)).posts[0]!.id});
		const marks = storeReadMarks(subscriptions);
		marks.markRead(source.site.key, post.id, post);
		assert.ok(marks.readIds(source.site.key).has(String(post.id)));
		const blogUrl = subscriptions.listBlogs()[0]!.url;
		assert.equal(subscriptions.river({blogUrl}).posts.find(each => String(each.id) === String(post.id))?.read, true, 'read in the river too');
		assert.ok(subscriptions.storedPost(blogUrl, post.id)?.html, 'its text is kept for reading offline');
		// A blog not followed (blogterm SITE on any blog): the mark is kept, the text is not, nothing fails.
		marks.markRead('elsewhere.example', 7, post);
		assert.ok(marks.readIds('elsewhere.example').has('7'));
	});
});
