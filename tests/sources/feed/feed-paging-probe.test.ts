import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, test} from 'node:test';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {manyItemsFeed, startFeedServer, type FeedServer} from './feed-server.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

describe('paging a big feed', () => {
	let server: FeedServer;

	beforeEach(async () => {
		server = await startFeedServer();
	});

	afterEach(async () => {
		await server.close();
	});

	test('a big feed without a generator shows its first page after one fetch: ?paged=2 is asked only when the list reaches past it', async () => {
		server.route('/big/rss.xml', {type: 'application/rss+xml', body: manyItemsFeed(300, server.origin)});
		const source = await openFeedBlog(http, `${server.origin}/big/rss.xml`);
		const first = await source.fetchPostPage(1, 10);
		assert.deepEqual([first.total, first.totalPages, first.posts[0]?.title], [300, 30, 'Post number 300']);
		assert.deepEqual(server.gets(), ['/big/rss.xml']);
		const last = await source.fetchPostPage(30, 10);
		assert.equal(last.posts.at(-1)?.title, 'Post number 1');
		// The server ignores ?paged=2 and sends the same items: the feed holds all there is.
		assert.deepEqual(server.gets(), ['/big/rss.xml', '/big/rss.xml?paged=2']);
		assert.deepEqual([last.total, last.totalIsExact], [300, true]);
	});

	test('a post the big feed does not hold is looked for on ?paged=2 before it is not found', async () => {
		server.route('/big/rss.xml', {type: 'application/rss+xml', body: manyItemsFeed(30, server.origin)});
		server.route('/big/rss.xml?paged=2', {type: 'application/rss+xml', body: manyItemsFeed(31, server.origin).replace(/<item>[\s\S]*<\/item>/, match => match.split('</item>')[0]! + '</item>')});
		const source = await openFeedBlog(http, `${server.origin}/big/rss.xml`);
		const page = await source.fetchPostPage(1, 10);
		assert.equal(page.total, 30);
		const post = await source.fetchPost({kind: 'url', url: `${server.origin}/many/31`});
		assert.equal(post.title, 'Post number 31');
	});
});
