import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {after, test} from 'node:test';
import {answerAsWordPress, type FakeBlog} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
What a part of a print asks alongside another is cancelled when that other fails: the run ends as soon as
it has said so, not when a request no longer needed times out (a run waits for what it asked before it
ends, and a process for its open sockets).
*/

const servers: TestServer[] = [];
const homes: string[] = [];
after(async () => {
	await Promise.all(servers.map(async server => server.close()));
	for (const home of homes) rmSync(home, {recursive: true, force: true});
});

test('a post that is not there ends the run at once, without waiting for its comment count', async () => {
	const blog: FakeBlog = {name: 'No Such Post', posts: []};
	const server = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		// The post's own feed (where its count is read) never answers.
		if (url.searchParams.get('p') === '7') return new Promise<void>(() => {});
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		});
	});
	servers.push(server);
	const home = temporaryHome();
	homes.push(home);
	const started = performance.now();
	// Its 15 s timeout, unscaled: waiting for it would be seen.
	const run = await runInProcess([server.url, '--post', '7'], {home, env: {BLOGTERM_HOME: home}});
	const elapsed = performance.now() - started;
	// (What is asked alongside may be cancelled before the server has it: not counted here.)
	assert.equal(run.code, 3, run.stderr);
	assert.ok(elapsed < 5000, `the run took ${Math.round(elapsed)} ms`);
});

test('related posts that failed end the run at once, without waiting for what was asked alongside', async () => {
	const blog: FakeBlog = {name: 'Related Fails', posts: [{id: 7, slug: 'post-7', title: 'Seven', html: '<p>Seven.</p>', date: '2026-01-07T10:00:00'}]};
	const server = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		// Jetpack's field cannot be read (an answer past blogterm's limit: no retry); its endpoint, asked alongside, never answers.
		if (url.searchParams.get('_fields')?.includes('jetpack-related-posts')) {
			response.writeHead(200, {'content-type': 'application/json', 'content-length': String(10 ** 12)});
			response.flushHeaders();
			return;
		}
		if (url.searchParams.has('relatedposts')) return new Promise<void>(() => {});
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		});
	});
	servers.push(server);
	const home = temporaryHome();
	homes.push(home);
	const started = performance.now();
	const run = await runInProcess([server.url, '--post', '7', '--format', 'json'], {home, env: {BLOGTERM_HOME: home}});
	const elapsed = performance.now() - started;
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stderr, /related posts unavailable/);
	assert.ok(elapsed < 5000, `the run took ${Math.round(elapsed)} ms`);
});

test('a list that cannot be read ends the run at once, without waiting for the feed asked alongside', async () => {
	const blog: FakeBlog = {name: 'List Fails', posts: []};
	const server = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		// The blog's feed (its comment counts) never answers; its list of posts fails.
		if (url.searchParams.has('feed')) return new Promise<void>(() => {});
		if (url.pathname === '/wp-json/wp/v2/posts') {
			response.writeHead(500, {'content-type': 'application/json'});
			response.end('{"code":"internal_server_error","message":"No."}');
			return;
		}
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		});
	});
	servers.push(server);
	const home = temporaryHome();
	homes.push(home);
	const started = performance.now();
	const run = await runInProcess([server.url, '--list'], {home, env: {BLOGTERM_HOME: home}});
	const elapsed = performance.now() - started;
	assert.equal(run.code, 1, run.stderr);
	assert.ok(elapsed < 5000, `the run took ${Math.round(elapsed)} ms`);
});
