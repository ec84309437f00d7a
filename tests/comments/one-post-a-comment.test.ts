import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {sendComment, type CommentTarget} from '../../source/comments/send-comment.js';
import {createHttpClient} from '../../source/http/client.js';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {HttpCache} from '../../source/store/cache.js';
import {refusalLifetimeMs, restRefusalsBeside} from '../../source/store/rest-comment-refusals.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {restComment, restErrors} from './wordpress-answers.js';

/*
A blog whose REST API refuses anonymous comments (WordPress's default) costs one POST a comment once
blogterm knows it: the refusal is kept beside the HTTP cache, and the next comment goes to the form.
*/

const homes: string[] = [];
const servers: TestServer[] = [];
after(async () => {
	await Promise.all(servers.map(async server => server.close()));
	for (const home of homes) rmSync(home, {recursive: true, force: true});
});

/** A cache folder as the reader's and print mode's (`cache/http` in a home of its own). */
function cacheFolder(): string {
	const home = mkdtempSync(join(tmpdir(), 'blogterm-refusals-'));
	homes.push(home);
	return join(home, 'cache', 'http');
}

/** An HTTP client with a disk cache in `folder`: each one stands for one run of blogterm. */
function runWith(folder: string) {
	return createHttpClient({cache: new HttpCache({directory: folder})});
}

type Post = {path: string; body: string; authorization: string | undefined};

/** A WordPress on 127.0.0.1 that counts every POST: REST answers `rest`, the form takes every comment. */
async function countingBlog(rest: {status: number; json: unknown} = restErrors.loginRequired): Promise<TestServer & {posts: Post[]}> {
	const posts: Post[] = [];
	let next = 200;
	const server = await startTestServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		if (request.method !== 'POST') {
			response.writeHead(404).end();
			return;
		}
		posts.push({path, body: request.body, authorization: request.headers.authorization});
		if (path === '/wp-comments-post.php') {
			next++;
			response.writeHead(302, {location: `/?p=25&unapproved=${next}&moderation-hash=0123456789abcdef0123456789abcdef#comment-${next}`, 'x-redirect-by': 'WordPress'}).end();
			return;
		}
		response.writeHead(rest.status, {'content-type': 'application/json; charset=UTF-8'}).end(JSON.stringify(rest.json));
	});
	servers.push(server);
	return Object.assign(server, {posts});
}

function targetOn(server: TestServer, options: Partial<CommentTarget> = {}): CommentTarget {
	return {postId: 25, formActionUrl: `${server.url}wp-comments-post.php`, restCommentsUrl: `${server.url}wp-json/wp/v2/comments`, ...options};
}

function draftSaying(comment: string): CommentDraft {
	return {comment, name: 'Dana', email: 'dana@example.com', website: '', saveIdentity: false, parent: 0};
}

const paths = (posts: readonly Post[]) => posts.map(post => post.path);
const commentsIn = (posts: readonly Post[]) => posts.filter(post => post.path === '/wp-comments-post.php').map(post => new URLSearchParams(post.body).get('comment'));

describe('one POST a comment where REST refuses anonymous comments', () => {
	test('the first comment finds out (REST refused, then the form); the next, in another run, is one POST to the form', async () => {
		const blog = await countingBlog();
		const folder = cacheFolder();
		const first = await sendComment(runWith(folder), targetOn(blog), draftSaying('First.'));
		assert.equal(first.kind, 'held');
		assert.deepEqual(paths(blog.posts), ['/wp-json/wp/v2/comments', '/wp-comments-post.php']);
		assert.ok(existsSync(join(folder, '..', 'rest-comment-refusals.json')), 'kept beside the HTTP cache');

		const second = await sendComment(runWith(folder), targetOn(blog), draftSaying('Second.'));
		assert.equal(second.kind, 'held');
		assert.deepEqual(paths(blog.posts.slice(2)), ['/wp-comments-post.php'], 'one POST');
		assert.deepEqual(commentsIn(blog.posts), ['First.', 'Second.'], 'each comment sent once');
	});

	test('what one site refused says nothing about another', async () => {
		const folder = cacheFolder();
		const refusing = await countingBlog();
		await sendComment(runWith(folder), targetOn(refusing), draftSaying('Here.'));
		const open = await countingBlog({status: 201, json: restComment(118, 'hold')});
		const outcome = await sendComment(runWith(folder), targetOn(open), draftSaying('There.'));
		assert.equal(outcome.kind, 'held');
		assert.deepEqual(paths(open.posts), ['/wp-json/wp/v2/comments'], 'REST tried, and it took the comment: no form');
	});

	test('a refusal that is not "log in to comment" (a firewall\'s 403) is not kept: REST is tried next time', async () => {
		const blog = await countingBlog({status: 403, json: {code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.'}});
		const folder = cacheFolder();
		await sendComment(runWith(folder), targetOn(blog), draftSaying('One.'));
		await sendComment(runWith(folder), targetOn(blog), draftSaying('Two.'));
		assert.deepEqual(paths(blog.posts), ['/wp-json/wp/v2/comments', '/wp-comments-post.php', '/wp-json/wp/v2/comments', '/wp-comments-post.php']);
		assert.deepEqual(commentsIn(blog.posts), ['One.', 'Two.']);
	});

	test('with a WordPress password the comment still goes through REST, signed in', async () => {
		const blog = await countingBlog();
		const folder = cacheFolder();
		await sendComment(runWith(folder), targetOn(blog), draftSaying('Anonymous.'));
		const credentials = {user: 'ada', password: 'abcd efgh', hosts: [new URL(blog.url).host]};
		await sendComment(runWith(folder), targetOn(blog, {credentials}), draftSaying('Signed in.'));
		const last = blog.posts.at(-1)!;
		assert.equal(last.path, '/wp-json/wp/v2/comments');
		assert.match(last.authorization ?? '', /^Basic /);
	});

	test('a client with no disk cache (the demo blog, a test) remembers nothing', async () => {
		const blog = await countingBlog();
		await sendComment(createHttpClient(), targetOn(blog), draftSaying('One.'));
		await sendComment(createHttpClient(), targetOn(blog), draftSaying('Two.'));
		assert.equal(blog.posts.length, 4);
		assert.deepEqual(commentsIn(blog.posts), ['One.', 'Two.']);
	});

	test('a refusal is believed for 30 days, then REST is asked once again', () => {
		const folder = cacheFolder();
		let now = new Date('2026-12-02T12:00:00Z');
		const memory = restRefusalsBeside(folder, () => now);
		const url = 'https://blog.example/wp-json/wp/v2/comments';
		assert.equal(memory.refuses(url), false);
		memory.remember(url);
		assert.equal(memory.refuses(url), true);
		assert.equal(memory.refuses('https://other.example/wp-json/wp/v2/comments'), false);
		now = new Date(now.getTime() + refusalLifetimeMs + 1);
		assert.equal(memory.refuses(url), false);
	});

	test('a memory file that is not what blogterm wrote remembers nothing, and is written afresh', () => {
		const folder = cacheFolder();
		mkdirSync(join(folder, '..'), {recursive: true});
		writeFileSync(join(folder, '..', 'rest-comment-refusals.json'), '{"https://blog.example/wp-json/wp/v2/comments": 7, broken');
		const memory = restRefusalsBeside(folder);
		assert.equal(memory.refuses('https://blog.example/wp-json/wp/v2/comments'), false);
		memory.remember('https://blog.example/wp-json/wp/v2/comments');
		assert.equal(memory.refuses('https://blog.example/wp-json/wp/v2/comments'), true);
	});
});
