import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {after, describe, test} from 'node:test';
import {startFakeWordPressBlog, type FakeBlog, type Override} from '../helpers/fake-wordpress.js';
import {waitUntil} from '../helpers/poll.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
What a part of a print asks alongside another is cancelled when that other fails: the run ends as soon as
it has said so, not when a request no longer needed times out (a run waits for what it asked before it
ends, and a process for its open sockets). Here the blog never answers what was asked alongside, and
blogterm's timeouts are four times real time (a minute), so only a cancel ends such a request before
then: the run ends with every unanswered request given up by blogterm. (Were one waited for, the test
would fail at its own limit, 20 s, well before that minute.)
*/

describe('a print that fails ends without waiting for what it asked alongside', () => {
	const homes: string[] = [];
	after(() => {
		for (const home of homes) rmSync(home, {recursive: true, force: true});
	});

	/** Prints with `args` from a fake blog that `answer` breaks; the run, once every request left unanswered was given up. */
	async function printFrom(blog: FakeBlog, answer: Override, args: readonly string[]) {
		const server = await startFakeWordPressBlog(blog, answer);
		const home = temporaryHome();
		homes.push(home);
		try {
			const run = await runInProcess([server.url, ...args], {home, env: {BLOGTERM_HOME: home, BLOGTERM_TIMEOUT_SCALE: '4'}});
			// The server hears of a cancelled request when its connection closes, a moment after blogterm let it go.
			await waitUntil(() => server.hung(), ({asked, closed}) => closed === asked, 'every request left unanswered is given up by blogterm');
			return run;
		} finally {
			await server.close();
		}
	}

	test('a post that is not there: its comment count is not waited for', {timeout: 20_000}, async () => {
		// The post's own feed (where its count is read) never answers.
		const run = await printFrom({name: 'No Such Post', posts: []}, url => (url.searchParams.get('p') === '7' ? 'hang' : undefined), ['--post', '7']);
		// (What is asked alongside may be cancelled before the server has it.)
		assert.equal(run.code, 3, run.stderr);
	});

	test('related posts that failed: what was asked alongside them is not waited for', {timeout: 20_000}, async () => {
		const blog: FakeBlog = {name: 'Related Fails', posts: [{id: 7, slug: 'post-7', title: 'Seven', html: '<p>Seven.</p>', date: '2026-01-07T10:00:00'}]};
		const run = await printFrom(blog, (url, response) => {
			// Jetpack's field cannot be read (an answer past blogterm's limit: no retry); its endpoint, asked alongside, never answers.
			if (url.searchParams.get('_fields')?.includes('jetpack-related-posts')) {
				response.writeHead(200, {'content-type': 'application/json', 'content-length': String(10 ** 12)});
				response.flushHeaders();
				return 'answered';
			}
			return url.searchParams.has('relatedposts') ? 'hang' : undefined;
		}, ['--post', '7', '--format', 'json']);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stderr, /related posts unavailable/);
	});

	test('a list that cannot be read: the feed asked alongside is not waited for', {timeout: 20_000}, async () => {
		const run = await printFrom({name: 'List Fails', posts: []}, (url, response) => {
			// The blog's feed (its comment counts) never answers; its list of posts fails.
			if (url.searchParams.has('feed')) return 'hang';
			if (url.pathname !== '/wp-json/wp/v2/posts') return undefined;
			response.writeHead(500, {'content-type': 'application/json'});
			response.end('{"code":"internal_server_error","message":"No."}');
			return 'answered';
		}, ['--list']);
		assert.equal(run.code, 1, run.stderr);
	});
});
