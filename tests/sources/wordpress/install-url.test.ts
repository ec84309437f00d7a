import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openBlog} from '../../../source/sources/open-blog.js';
import {startFakeWordPress} from '../../helpers/fake-wordpress.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

const draft = {comment: 'Hello there.', name: 'Ada', email: 'ada@example.com', website: '', parent: 0, saveIdentity: false};

test("a comment goes to the host whose REST index answered, never to another host the index claims as the blog's address", async () => {
	const posts: string[] = [];
	const server = await startFakeWordPress({id: 5, slug: 'five', title: 'Five', html: '<p>5</p>', date: '2026-01-02T03:04:05'}, {
		claimedUrl: 'http://elsewhere.invalid/',
		onPost: path => posts.push(path),
	});
	try {
		const source = await openBlog(http, server.url, {});
		const post = await source.fetchPost({kind: 'id', id: 5});
		const outcome = await source.submitComment(post, draft);
		assert.ok(posts.includes('/wp-comments-post.php'), `the comment form was posted to this server (POSTs seen: ${posts.join(', ') || 'none'}; outcome ${outcome.kind})`);
	} finally {
		await server.close();
	}
});
