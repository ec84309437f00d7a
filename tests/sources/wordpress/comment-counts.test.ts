import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {startFakeWordPressBlog, type FakePost} from '../../helpers/fake-wordpress.js';
import type {TestServer} from '../../helpers/http-server.js';

// Keeps nothing on disk.
const http = createHttpClient();

function post(id: number, comments: number): FakePost {
	return {id, slug: `post-${id}`, title: `Post ${id}`, html: `<p>${id}</p>`, date: `2026-01-${String(10 + id).padStart(2, '0')}T10:00:00`, comments};
}

describe('comment counts on a WordPress list page', () => {
	let server: TestServer | undefined;
	after(async () => server?.close());

	async function countsOf(posts: FakePost[]): Promise<Map<unknown, number | undefined>> {
		await server?.close();
		server = await startFakeWordPressBlog({name: 'Busy Blog', posts});
		const source = await openBlog(http, server.url);
		const page = await source.fetchPostPage(1, 10);
		return new Map(page.posts.map(summary => [summary.id, summary.commentCount]));
	}

	it('are all right when the page holds more than 100 comments between its posts (a few pages of them)', async () => {
		const counts = await countsOf([post(1, 60), post(2, 45), post(3, 0), post(4, 130), post(5, 7)]);
		assert.deepEqual([...counts], [[1, 60], [2, 45], [3, 0], [4, 130], [5, 7]]);
	});

	it('are all right when the page holds thousands of comments (each post asked for its own)', async () => {
		const counts = await countsOf([post(1, 1500), post(2, 1), post(3, 0), post(4, 999)]);
		assert.deepEqual([...counts], [[1, 1500], [2, 1], [3, 0], [4, 999]]);
	});

	it('are still right at 100 comments or fewer (one request)', async () => {
		const counts = await countsOf([post(1, 99), post(2, 1)]);
		assert.deepEqual([...counts], [[1, 99], [2, 1]]);
	});
});

describe('a WordPress post with more than 100 comments', () => {
	let server: TestServer;
	before(async () => {
		server = await startFakeWordPressBlog({name: 'Busy Blog', posts: [post(1, 250), post(2, 3)]});
	});
	after(async () => server.close());

	it('has its whole count and its whole thread', async () => {
		const source = await openBlog(http, server.url);
		const one = await source.fetchPost({kind: 'id', id: 1});
		assert.equal(one.commentCount, 250);
		assert.equal((await source.fetchComments(one)).comments.length, 250);
	});
});
