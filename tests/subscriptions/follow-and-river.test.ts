import assert from 'node:assert/strict';
import {after, afterEach, before, describe, it} from 'node:test';
import {openDatabase} from '../../source/store/db.js';
import {countedPerBlog} from '../../source/store/posts-table.js';
import type {Subscriptions} from '../../source/subscriptions/subscriptions.js';
import {openStoredSubscriptions} from '../../source/subscriptions/stored-subscriptions.js';
import {waitUntil} from '../helpers/poll.js';
import {dailyPosts, startFeedBlog, startWordPressBlog, type FeedBlog, type WordPressBlog} from './blog-servers.js';
import {makeTestStore, type TestStore} from './store-helper.js';

describe('following blogs and the river', () => {
	let store: TestStore;
	let feed: FeedBlog;
	let wordpress: WordPressBlog;
	let subscriptions: Subscriptions;
	before(async () => {
		store = makeTestStore();
		// Interleaved: the feed's posts at 10:00, WordPress's at 12:00 the day before each.
		feed = await startFeedBlog('Feed Blog', dailyPosts('Feed post', 4, '2024-05-10T10:00:00Z'));
		wordpress = await startWordPressBlog('Word Blog', dailyPosts('Word post', 3, '2024-05-09T12:00:00Z'));
		subscriptions = store.open();
	});
	afterEach(() => {
		// The counts the home screen shows are kept, not counted: after every step they must equal the posts.
		const db = openDatabase(store.paths);
		try {
			const kept = db.prepare('SELECT id, post_count AS total, unread_count AS unread FROM blogs ORDER BY id').all();
			assert.deepEqual(kept, countedPerBlog(db));
		} finally {
			db.close();
		}
	});
	after(async () => {
		store.remove();
		await Promise.all([feed.close(), wordpress.close()]);
	});

	it('finds a blog as blogterm SITE does and shows what it found before following it', async () => {
		const found = await subscriptions.discover(wordpress.url.replace(/^http:\/\//, 'http://'));
		assert.equal(found.title, 'Word Blog');
		assert.equal(found.kind, 'wordpress');
		assert.equal(found.sourceDescription, 'WordPress REST API');
		assert.equal(subscriptions.hasFollowedBlogs(), false, 'discovering follows nothing');
	});

	it('follows a feed blog and a WordPress blog, each with its posts unread', async () => {
		const followedFeed = await subscriptions.follow(feed.url);
		assert.equal(followedFeed.title, 'Feed Blog');
		assert.equal(followedFeed.feedUrl, feed.feedUrl);
		assert.deepEqual([followedFeed.unread, followedFeed.total], [4, 4]);
		assert.equal(followedFeed.lastUpdated, '2024-05-10T10:00:00.000Z');
		const followedWordPress = await subscriptions.follow(wordpress.url, {folder: 'Work'});
		assert.deepEqual([followedWordPress.kind, followedWordPress.folder, followedWordPress.unread], ['wordpress', 'Work', 3]);
		assert.equal(followedWordPress.feedUrl, `${wordpress.url}feed/`, 'the feed its home page names, for export');
		assert.equal(subscriptions.hasFollowedBlogs(), true);
	});

	it('following a blog twice keeps one', async () => {
		await subscriptions.follow(feed.url);
		assert.equal(subscriptions.listBlogs().length, 2);
	});

	it('lists the posts of every blog newest first, with the blog on each', () => {
		const page = subscriptions.river({perPage: 4});
		assert.deepEqual(page.posts.map(post => `${post.blog.title}: ${post.title}`), [
			'Feed Blog: Feed post 1',
			'Word Blog: Word post 1',
			'Feed Blog: Feed post 2',
			'Word Blog: Word post 2',
		]);
		assert.deepEqual([page.total, page.totalPages], [7, 2]);
		assert.deepEqual(subscriptions.river({page: 2, perPage: 4}).posts.map(post => post.title), ['Feed post 3', 'Word post 3', 'Feed post 4']);
		assert.ok(page.posts.every(post => !post.read));
		assert.equal(typeof subscriptions.river({blogUrl: wordpress.url}).posts[0]!.id, 'number', 'a WordPress ID stays a number');
	});

	it('marks a post read and unread, and counts unread per blog', () => {
		const [newest] = subscriptions.river({perPage: 1}).posts;
		subscriptions.markRead(newest!.blog.url, newest!.id);
		assert.equal(subscriptions.getBlog(feed.url)!.unread, 3);
		assert.equal(subscriptions.river({perPage: 1}).posts[0]!.read, true);
		assert.deepEqual(subscriptions.river({unread: true, perPage: 2}).posts.map(post => post.title), ['Word post 1', 'Feed post 2']);
		assert.ok(subscriptions.readIds(newest!.blog.siteKey).has(String(newest!.id)), 'the reader sees it read by the site key');
		subscriptions.markUnread(newest!.blog.url, newest!.id);
		assert.equal(subscriptions.getBlog(feed.url)!.unread, 4);
	});

	it('jumps to the next unread post across blogs, skipping read ones', () => {
		const river = subscriptions.river({perPage: 10}).posts;
		subscriptions.markRead(wordpress.url, river[1]!.id);
		const first = subscriptions.nextUnread();
		assert.equal(first?.title, 'Feed post 1');
		const second = subscriptions.nextUnread({blogUrl: first.blog.url, postId: first.id});
		assert.equal(second?.title, 'Feed post 2', 'Word post 1 is read: skipped');
		const third = subscriptions.nextUnread({blogUrl: second.blog.url, postId: second.id});
		assert.equal(third?.title, 'Word post 2');
	});

	it('marks a blog read, then everything read', () => {
		assert.equal(subscriptions.markBlogRead(wordpress.url), 2);
		assert.deepEqual(subscriptions.listBlogs().map(blog => [blog.title, blog.unread]), [['Feed Blog', 4], ['Word Blog', 0]]);
		assert.equal(subscriptions.markAllRead(), 4);
		assert.equal(subscriptions.nextUnread(), undefined);
		assert.equal(subscriptions.river({unread: true}).total, 0);
	});

	it('keeps the text of a post read so it opens offline, and finds it by its words', () => {
		const [post] = subscriptions.river({blogUrl: wordpress.url, perPage: 1}).posts;
		assert.equal(subscriptions.storedPost(wordpress.url, post!.id), undefined, 'WordPress posts come without their text');
		assert.equal(subscriptions.savePostText(wordpress.url, {...post!, html: '<p>Marmalade sandwiches</p>', isSummaryOnly: false, commentsOpen: true}), true);
		assert.equal(subscriptions.savePostText('https://not-followed.example/', {...post!, html: '', isSummaryOnly: false, commentsOpen: true}), false);
		const stored = subscriptions.storedPost(wordpress.url, post!.id);
		assert.equal(stored?.html, '<p>Marmalade sandwiches</p>');
		assert.equal(stored?.title, post!.title);
		assert.deepEqual(subscriptions.search('marmalade').map(found => found.title), [post!.title]);
		assert.deepEqual(subscriptions.search('"Feed post 3 (').map(found => found.title), ['Feed post 3'], 'what is typed is words, not FTS5 syntax');
	});

	it('keeps the text of a post read from the home screen\'s store, which loads the HTML to text with the first post kept', async () => {
		// The home screen opens the store without OPML and without the HTML renderer (stored-subscriptions.ts).
		const home = openStoredSubscriptions(store.paths);
		try {
			const [post] = home.river({blogUrl: wordpress.url, perPage: 2}).posts.slice(1);
			assert.equal(home.storedPost(wordpress.url, post!.id), undefined, 'WordPress posts come without their text');
			assert.equal(home.savePostText(wordpress.url, {...post!, html: '<p>Gooseberry fool</p>', isSummaryOnly: false, commentsOpen: true}), true);
			const stored = await waitUntil(() => home.storedPost(wordpress.url, post!.id), found => found !== undefined, 'its text is kept');
			assert.equal(stored?.html, '<p>Gooseberry fool</p>');
			assert.deepEqual(home.search('gooseberry').map(found => found.title), [post!.title]);
		} finally {
			home.close();
		}
	});

	it('unfollows a blog and forgets its posts', () => {
		assert.equal(subscriptions.unfollow(wordpress.url), true);
		assert.equal(subscriptions.unfollow(wordpress.url), false);
		assert.deepEqual(subscriptions.listBlogs().map(blog => blog.title), ['Feed Blog']);
		assert.equal(subscriptions.river().total, 4);
	});

	it('says in words when there is no blog to follow', async () => {
		await assert.rejects(subscriptions.follow(`${feed.url}nothing-here/`), /No feed found/);
		assert.equal(subscriptions.listBlogs().length, 1);
	});
});
