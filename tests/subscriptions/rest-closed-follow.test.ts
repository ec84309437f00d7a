import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {closedBlog, postsRouteRefused, restRefusals, startFakeWordPressBlog} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {makeTestStore, type TestStore} from './store-helper.js';

/*
A WordPress whose REST index answers while its posts route refuses visitors (a security plugin): the
reader and print mode read it through its feed (tests/sources/wordpress/rest-closed.test.ts); followed,
it is refreshed from that feed too, where it was followed as WordPress and every refresh failed with the 401.
*/

describe('following a WordPress blog whose posts route refuses visitors', () => {
	let server: TestServer;
	let store: TestStore;
	before(async () => {
		server = await startFakeWordPressBlog(closedBlog(' in the feed'), postsRouteRefused(restRefusals[0]));
		store = makeTestStore();
	});
	after(async () => {
		store.remove();
		await server.close();
	});

	it('follows it by its feed, and a refresh stores the feed’s posts without a failure', async () => {
		const subscriptions = store.open();
		await subscriptions.follow(server.url);
		const [blog] = subscriptions.listBlogs();
		assert.equal(blog?.kind, 'feed', 'followed by its feed, not its REST API');
		const result = await subscriptions.refresh();
		assert.deepEqual(result.failures, []);
		assert.deepEqual(subscriptions.river({blogUrl: blog.url}).posts.map(post => post.title).sort(), ['Five in the feed', 'Four in the feed']);
	});
});
