import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {checkHeldComment} from '../../source/comments/held-comments.js';
import type {SentComment} from '../../source/store/my-comments.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {createHttpClient} from '../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

/** A post page as WordPress renders it for the writer of held comment 118 (or without it). */
function page(comment118: 'held' | 'approved' | 'gone'): string {
	const held = comment118 === 'held' ? '<em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em>' : '';
	const own = comment118 === 'gone' ? '' : `<li id="comment-118" class="comment"><article id="div-comment-118" class="comment-body"><footer>${held}</footer><p>Mine.</p></article></li>`;
	return `<html><body><div id="comments" class="comments-area"><ol class="comment-list">
<li id="comment-7" class="comment"><article id="div-comment-7"><p>Someone else’s, <em class="comment-awaiting-moderation">quoted</em>.</p></article></li>
${own}
</ol></div></body></html>`;
}

describe('a held comment, seen through its moderation link', () => {
	let server: TestServer;
	let state: 'held' | 'approved' | 'gone' | 'login-wall' = 'held';
	before(async () => {
		server = await startTestServer((_request, response) => {
			response.setHeader('content-type', 'text/html; charset=utf-8');
			response.end(state === 'login-wall' ? '<html><body><form id="loginform"></form></body></html>' : page(state));
		});
	});
	after(async () => server.close());

	const post = () => new URL('2026/11/03/hello/', server.url).href;
	const sent = (link = `${post()}?unapproved=118&moderation-hash=abc#comment-118`): SentComment => ({id: 118, parent: 0, author: 'Ada', text: 'Mine.', date: '2026-11-03T10:00:00Z', status: 'held', link});

	test('is still held while the page marks it awaiting moderation', async () => {
		state = 'held';
		assert.equal(await checkHeldComment(http, sent(), post()), 'held');
	});

	test('is approved when the page shows it without the mark', async () => {
		state = 'approved';
		assert.equal(await checkHeldComment(http, sent(), post()), 'approved');
	});

	test('has gone when the page no longer shows it', async () => {
		state = 'gone';
		assert.equal(await checkHeldComment(http, sent(), post()), 'gone');
	});

	test('cannot be told from a page with no comments on it, nor without a moderation link: never forgotten on a guess', async () => {
		state = 'login-wall';
		assert.equal(await checkHeldComment(http, sent(), post()), 'unknown');
		state = 'gone';
		assert.equal(await checkHeldComment(http, sent(`${post()}#comment-118`), post()), 'unknown');
	});

	test('is never looked for on another site than the post’s', async () => {
		state = 'gone';
		const before = server.requests.length;
		const elsewhere = `http://localhost:1/hello/?unapproved=118&moderation-hash=abc#comment-118`;
		assert.equal(await checkHeldComment(http, sent(elsewhere), post()), 'unknown');
		assert.equal(server.requests.length, before);
	});
});
