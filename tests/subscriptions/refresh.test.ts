import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {readFeedResponse} from '../../source/sources/feed/parse-feed.js';
import {refreshProgressLine} from '../../source/subscriptions/progress-line.js';
import type {RefreshProgress} from '../../source/subscriptions/subscriptions.js';
import {dailyPosts, startBrokenBlog, startFeedBlog, startHangingBlog, startWordPressBlog, type FeedBlog, type WordPressBlog} from './blog-servers.js';
import {makeTestStore, type TestStore} from './store-helper.js';
import type {TestServer} from '../helpers/http-server.js';

function opmlOf(urls: readonly string[]): string {
	return `<?xml version="1.0"?><opml version="2.0"><body>${urls.map((url, index) => `<outline text="Blog ${index + 1}" type="rss" xmlUrl="${url}"/>`).join('')}</body></opml>`;
}

describe('refreshing a feed blog', () => {
	let store: TestStore;
	let feed: FeedBlog;
	let parses = 0;
	before(async () => {
		store = makeTestStore();
		feed = await startFeedBlog('Feed Blog', dailyPosts('Post', 3, '2024-05-10T10:00:00Z'));
	});
	after(async () => {
		store.remove();
		await feed.close();
	});

	it('asks with If-None-Match, and a 304 is never parsed', async () => {
		const subscriptions = store.open({readFeed: response => {
			parses++;
			return readFeedResponse(response);
		}});
		subscriptions.importOpml(opmlOf([feed.feedUrl]));
		const first = await subscriptions.refresh();
		assert.deepEqual([first.newPosts, first.failures.length, parses], [3, 0, 1]);
		const hits = feed.feedHits.total;
		const second = await subscriptions.refresh();
		assert.equal(feed.feedHits.total, hits + 1, 'the feed was asked');
		assert.equal(feed.feedHits.notModified, 1, 'and answered 304 to the ETag it had sent');
		assert.equal(parses, 1, 'a 304 costs no parsing');
		assert.deepEqual([second.newPosts, second.unchanged, second.failures.length], [0, 1, 0]);
		assert.equal(subscriptions.listBlogs()[0]!.lastError, undefined);
	});

	it('reads the feed again when it changed, adding only the new post', async () => {
		const subscriptions = store.open({readFeed: response => {
			parses++;
			return readFeedResponse(response);
		}});
		feed.posts = [...dailyPosts('Post', 1, '2024-05-11T10:00:00Z', 4), ...feed.posts];
		const result = await subscriptions.refresh();
		assert.deepEqual([result.newPosts, result.changed, parses], [1, 1, 2]);
		const [blog] = subscriptions.listBlogs();
		assert.deepEqual([blog!.title, blog!.unread, blog!.total, blog!.lastUpdated], ['Feed Blog', 4, 4, '2024-05-11T10:00:00.000Z'], 'its own name replaces the file\'s');
		assert.equal(subscriptions.river({perPage: 1}).posts[0]!.title, 'Post 4');
	});
});

describe('refreshing a blog imported with its home page only', () => {
	let store: TestStore;
	let feed: FeedBlog;
	before(async () => {
		store = makeTestStore();
		feed = await startFeedBlog('Found Blog', dailyPosts('Post', 2, '2024-05-10T10:00:00Z'));
	});
	after(async () => {
		store.remove();
		await feed.close();
	});

	it('finds its feed as blogterm SITE would, once, then reads it', async () => {
		const subscriptions = store.open();
		subscriptions.importOpml(`<opml version="2.0"><body><outline text="From the file" htmlUrl="${feed.url}"/></body></opml>`);
		assert.equal(subscriptions.listBlogs()[0]!.kind, 'unknown');
		const result = await subscriptions.refresh();
		assert.deepEqual([result.newPosts, result.failures], [2, []]);
		const [blog] = subscriptions.listBlogs();
		assert.deepEqual([blog!.kind, blog!.feedUrl, blog!.title, blog!.unread], ['feed', feed.feedUrl, 'Found Blog', 2]);
		await subscriptions.refresh();
		assert.equal(feed.feedHits.notModified, 1, 'the next refresh asks the feed directly, conditionally');
	});
});

describe('refreshing a WordPress blog', () => {
	let store: TestStore;
	let wordpress: WordPressBlog;
	before(async () => {
		store = makeTestStore();
		wordpress = await startWordPressBlog('Word Blog', dailyPosts('Post', 30, '2024-05-10T10:00:00Z'));
	});
	after(async () => {
		store.remove();
		await wordpress.close();
	});

	it('asks only for what changed since the last refresh, and only the fields the river needs', async () => {
		const subscriptions = store.open();
		await subscriptions.follow(wordpress.url);
		const first = wordpress.postQueries.at(-1)!;
		assert.equal(first.get('modified_after'), null);
		assert.ok(!first.get('_fields')!.split(',').includes('content'), 'no post bodies');
		wordpress.posts = [
			{id: 31, title: 'New post', date: '2024-05-11T10:00:00Z'},
			{...wordpress.posts[5]!, title: 'Edited title', modified: '2024-05-11T11:00:00Z'},
			...wordpress.posts.filter(post => post.id !== 6),
		];
		const result = await subscriptions.refresh();
		const second = wordpress.postQueries.at(-1)!;
		assert.equal(second.get('modified_after'), '2024-05-09T10:00:00', 'the newest change seen, a day back');
		assert.equal(second.get('orderby'), 'modified');
		assert.deepEqual([result.newPosts, result.changed, result.failures.length], [1, 1, 0]);
		const titles = subscriptions.river({perPage: 100}).posts.map(post => post.title);
		assert.equal(titles.length, 31);
		assert.ok(titles.includes('Edited title') && !titles.includes('Post 6'));
	});
});

describe('refreshing many blogs when some fail', () => {
	let store: TestStore;
	let good: FeedBlog[];
	let broken: TestServer;
	let hanging: TestServer;
	before(async () => {
		store = makeTestStore();
		good = await Promise.all([1, 2, 3].map(async number => startFeedBlog(`Good ${number}`, dailyPosts(`Good ${number} post`, 2, '2024-05-10T10:00:00Z'))));
		broken = await startBrokenBlog();
		hanging = await startHangingBlog();
	});
	after(async () => {
		store.remove();
		await Promise.all([...good, broken, hanging].map(async server => server.close()));
	});

	it('reads the others while one hangs and one fails, and says why each failed', async () => {
		// The hanging blog is given up on after 1.5 s: time enough for the four others to be read through the
		// other slot on a busy machine (at 0.3 s they sometimes were not, and the order below failed).
		const subscriptions = store.open({limits: {connectTimeoutMs: 1000, responseTimeoutMs: 1500, requestTimeoutMs: 3000, getRetries: 0}});
		subscriptions.importOpml(opmlOf([`${hanging.url}feed.xml`, `${broken.url}feed.xml`, ...good.map(blog => blog.feedUrl)]));
		const progress: RefreshProgress[] = [];
		const result = await subscriptions.refresh({concurrency: 2, onProgress: step => progress.push(step)});
		assert.deepEqual([result.total, result.failures.length, result.newPosts], [5, 2, 6]);
		const messages = new Map(result.failures.map(failure => [failure.url, failure.message]));
		assert.match(messages.get(`${broken.url}feed.xml`)!, /answered 500/);
		assert.match(messages.get(`${hanging.url}feed.xml`)!, /took longer than 1\.5 s to answer/);
		assert.deepEqual(progress.map(step => `${step.done}/${step.total} · ${step.failed}`).at(-1), '5/5 · 2');
		assert.equal(progress[0]!.done, 0, 'told at the start');
		assert.equal(refreshProgressLine(progress[0]!), 'Refreshing 1 of 5');
		assert.equal(refreshProgressLine({done: 36, total: 500, failed: 2}), 'Refreshing 37 of 500 · 2 failed');
		assert.equal(progress.at(-1)!.blog?.url, `${hanging.url}feed.xml`, 'the hanging blog held only its own slot: the others finished first');
		const blogs = subscriptions.listBlogs();
		assert.match(blogs.find(blog => blog.url === `${hanging.url}feed.xml`)!.lastError!, /took longer/);
		assert.deepEqual(blogs.filter(blog => blog.lastError === undefined).map(blog => [blog.title, blog.unread]), [['Good 1', 2], ['Good 2', 2], ['Good 3', 2]]);
	});

	it('a blog that works again loses its error', async () => {
		const subscriptions = store.open();
		subscriptions.unfollow(`${broken.url}feed.xml`);
		subscriptions.unfollow(`${hanging.url}feed.xml`);
		const result = await subscriptions.refresh();
		assert.equal(result.failures.length, 0);
		assert.ok(subscriptions.listBlogs().every(blog => blog.lastError === undefined));
	});
});
