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
	assert.equal(run.code, 3, run.stderr);
	assert.ok(server.requests.some(asked => asked.url.includes('p=7')), 'the count was asked alongside the post');
	assert.ok(elapsed < 5000, `the run took ${Math.round(elapsed)} ms`);
});

test('related posts that failed end the run at once, without waiting for what was asked alongside', async () => {
	const blog: FakeBlog = {name: 'Related Fails', posts: [{id: 7, slug: 'post-7', title: 'Seven', html: '<p>Seven.</p>', date: '2026-01-07T10:00:00'}]};
	const server = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		// Jetpack's field cannot be read (the connection drops); its endpoint, asked alongside, never answers.
		if (url.searchParams.get('_fields')?.includes('jetpack-related-posts')) {
			request.socket.destroy();
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
	assert.ok(server.requests.some(asked => asked.url.includes('relatedposts=1')), 'the endpoint was asked alongside the field');
	assert.ok(elapsed < 5000, `the run took ${Math.round(elapsed)} ms`);
});
