import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {BlogError} from '../../../source/errors.js';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {closedBlog, postsRouteRefused, refuseAsWordPress, restRefusals, startFakeWordPressBlog} from '../../helpers/fake-wordpress.js';

/*
A WordPress blog whose REST index answers but whose posts route will not list posts to a visitor (401 or
403), as security plugins answer: it is read through its feed (`?feed=rss2`), as one whose REST index is
closed, from the first read that finds it so; each refusal real plugins send (restRefusals).
*/
// Keeps nothing on disk.
const http = createHttpClient();
const blog = closedBlog();

describe('WordPress with its posts closed to visitors, its REST index open', () => {
	for (const refusal of restRefusals) {
		test(`${refusal.status} ${refusal.code}: the list is the feed's, from the first page`, async () => {
			const server = await startFakeWordPressBlog(blog, postsRouteRefused(refusal));
			try {
				const source = await openBlog(http, server.url);
				const page = await source.fetchPostPage(1, 10);
				assert.deepEqual(page.posts.map(post => post.title), ['Five', 'Four']);
				assert.match(source.description, /feed/i, 'read through its feed from then on');
				assert.ok(!('apiRootUrl' in source), 'what it is read from is the feed');
				assert.ok(server.requests.some(request => request.url === '/?feed=rss2'), 'WordPress\'s own feed, which the home page does not name');
			} finally {
				await server.close();
			}
		});
	}

	test('a post asked for first, by ?p= URL, ID or slug, is read from the feed; one the feed does not hold is no such post there', async () => {
		const server = await startFakeWordPressBlog(blog, postsRouteRefused(restRefusals[0]));
		try {
			for (const ref of [{kind: 'url', url: `${server.url}?p=5`}, {kind: 'id', id: 5}, {kind: 'slug', slug: 'five'}] as const) {
				const source = await openBlog(http, server.url);
				const post = await source.fetchPost(ref);
				assert.equal(post.title, 'Five', JSON.stringify(ref));
			}
			const source = await openBlog(http, server.url);
			await assert.rejects(source.fetchPost({kind: 'id', id: 6}), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.equal(error.kind, 'not-found');
				assert.equal(error.message, 'Closed Blog has no post with ID 6 in its feed.');
				return true;
			});
		} finally {
			await server.close();
		}
	});

	test('a post a visitor may not read on an open blog (core\'s 401 rest_forbidden for a draft) is no such post, and the blog stays WordPress', async () => {
		const server = await startFakeWordPressBlog(blog, (url, response) => (url.pathname === '/wp-json/wp/v2/posts/9' ? refuseAsWordPress(response, {status: 401, code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.'}) : undefined));
		try {
			const source = await openBlog(http, server.url);
			await assert.rejects(source.fetchPost({kind: 'id', id: 9}), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.equal(error.kind, 'not-found');
				assert.match(error.message, /^There is no post with ID 9 on /);
				return true;
			});
			assert.equal(source.description, 'WordPress REST API');
			assert.ok(!server.requests.some(request => request.url.includes('feed=rss2&paged') || request.url === '/?feed=rss2'), 'its feed was not read as the blog');
		} finally {
			await server.close();
		}
	});

	test('with no feed either, the read fails saying both, as a site blogterm cannot read', async () => {
		const server = await startFakeWordPressBlog(blog, (url, response) => {
			if (url.searchParams.has('feed')) {
				response.writeHead(404, {'content-type': 'text/html'}).end('<!doctype html><title>Not found</title>');
				return 'answered';
			}
			return postsRouteRefused(restRefusals[1])(url, response);
		});
		try {
			const source = await openBlog(http, server.url);
			await assert.rejects(source.fetchPostPage(1, 10), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.equal(error.kind, 'not-a-blog');
				assert.match(error.message, /^127\.0\.0\.1:\d+ answered 401 for the list of posts: Only authenticated users can access the REST API\. No feed found at 127\.0\.0\.1:\d+: tried /);
				return true;
			});
		} finally {
			await server.close();
		}
	});
});
