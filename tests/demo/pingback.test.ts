import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startTestBlog} from './demo-server.js';
import type {TestBlog} from './demo-server.js';
import type {RestComment, RestError, RestPost} from './rest-shapes.js';

/*
The demo blog's pingback (on "Harvest Spreadsheet? Try awk"), as real WordPress keeps one: counted with
the comments in its feeds and shown in its page's thread, listed by its REST API to no visitor, readable
there by its ID with its type.
*/
let blog: TestBlog;
let post: RestPost;
before(async () => {
	blog = await startTestBlog();
	[post] = (await blog.json<RestPost[]>('/wp-json/wp/v2/posts?slug=harvest-spreadsheet-try-awk')).body as [RestPost];
});
after(async () => blog.dispose());

describe('a pingback on the demo blog', () => {
	test('the REST API lists the comments only, refuses type=pingback to a visitor, and gives the pingback by its ID', async () => {
		const listed = await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${post.id}`);
		assert.deepEqual(listed.body.map(comment => comment.type), ['comment', 'comment']);
		assert.equal(listed.response.headers.get('x-wp-total'), '2');
		const refused = await blog.json<RestError>(`/wp-json/wp/v2/comments?post=${post.id}&type=pingback`);
		assert.equal(refused.response.status, 401);
		assert.equal(refused.body.code, 'rest_forbidden_param');
		const one = await blog.json<RestComment & {type: string; author_url: string}>('/wp-json/wp/v2/comments/25');
		assert.equal(one.body.type, 'pingback');
		assert.equal(one.body.author_url, 'https://allotment-almanac.example/2024/10/weighing-with-awk/');
	});

	test('the feeds count it (?feed=rss2&p=ID&withoutcomments=1) and the post\'s comment feed (?feed=rss2&p=ID) holds it, answered at once', async () => {
		const alone = await blog.fetch(`/?feed=rss2&p=${post.id}&withoutcomments=1`);
		assert.equal(alone.status, 200);
		const feed = await alone.text();
		assert.equal(feed.match(/<item>/g)?.length, 1);
		assert.match(feed, /<slash:comments>3<\/slash:comments>/);
		const comments = await (await blog.fetch(`/?feed=rss2&p=${post.id}`)).text();
		assert.match(comments, /<guid isPermaLink="false">[^<]+#comment-25<\/guid>/);
	});

	test('the post\'s page shows it in the thread as WordPress\'s themes do: "Pingback:" and the linking page', async () => {
		const page = await (await blog.fetch(new URL(post.link).pathname)).text();
		assert.match(page, /<li id="comment-25" class="pingback [^"]*">\n<div class="comment-body">\nPingback: <a href="https:\/\/allotment-almanac\.example\/2024\/10\/weighing-with-awk\/" class="url" rel="ugc external nofollow">Allotment Almanac &raquo; Weighing the harvest with awk<\/a>/);
	});
});
