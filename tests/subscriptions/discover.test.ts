import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createHttpClient} from '../../source/http/client.js';
import {discoverBlog} from '../../source/subscriptions/discover.js';
import {startFakeWordPressBlog} from '../helpers/fake-wordpress.js';

test('a WordPress blog whose home page names no feed is exported by ?feed=rss2, the feed every WordPress serves', async () => {
	const server = await startFakeWordPressBlog({name: 'Plain Blog', posts: [{id: 1, slug: 'one', title: 'One', html: '<p>One.</p>', date: '2026-11-01T10:00:00'}]});
	try {
		const found = await discoverBlog(createHttpClient(), server.url);
		assert.equal(found.kind, 'wordpress');
		assert.equal(found.feedUrl, `${server.url}?feed=rss2`);
	} finally {
		await server.close();
	}
});
