import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {openDatabase} from '../../source/store/db.js';
import {queuedChanges} from '../../source/store/sync-table.js';
import {demoFeedAndStore} from './store-helper.js';

describe('starring a post from a blog’s own list (starPost, #24)', () => {
	const suite = demoFeedAndStore();

	it('a post that came from a sync server is starred there at the next sync: queued once, and an unstar not yet sent cancels it', async () => {
		const subscriptions = suite.store.open();
		await subscriptions.follow(suite.feed.url);
		const blog = subscriptions.listBlogs()[0]!;
		const post = subscriptions.river({perPage: 1}).posts[0]!;
		// As a sync links a post to its server ID (see store/sync-table.ts upsertServerPosts).
		const db = openDatabase(suite.store.paths);
		try {
			db.prepare('INSERT INTO sync_posts (post, server_id) VALUES ((SELECT id FROM posts WHERE post_id = ?), 4242)').run(String(post.id));
			assert.equal(subscriptions.starPost(blog.siteKey, post, true), true);
			assert.deepEqual(subscriptions.starredIds(blog.siteKey), new Set([String(post.id)]));
			assert.deepEqual(queuedChanges(db).map(change => [change.serverId, change.field, change.value]), [[4242, 'starred', true]]);
			assert.equal(subscriptions.starPost(blog.url, post, false), true);
			assert.deepEqual(queuedChanges(db), []);
		} finally {
			db.close();
		}
	});

	it('a blog not followed has no row to keep a star: false, and nothing is stored', () => {
		const subscriptions = suite.store.open();
		const post = {id: 1, title: 'Elsewhere', link: 'https://elsewhere.example/1/', date: undefined, author: '', commentCount: undefined, excerpt: '', categories: [], tags: []};
		assert.equal(subscriptions.starPost('elsewhere.example', post, true), false);
		assert.equal(subscriptions.starredIds('elsewhere.example').size, 0);
	});
});
