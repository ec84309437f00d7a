import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {after, test} from 'node:test';
import {answerAsWordPress, type FakeBlog} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
Neighbours guessed from the kept post (kept-post-parts.test.ts) that fail are asked again from the post
only when the blog answered with a failure: a request it did not answer in time is not waited for twice.
*/

const servers: TestServer[] = [];
const homes: string[] = [];
after(async () => {
	await Promise.all(servers.map(async server => server.close()));
	for (const home of homes) rmSync(home, {recursive: true, force: true});
});

test('neighbours asked from the kept post that time out are not asked again: the print waits for one timeout, not two', async () => {
	const blog: FakeBlog = {name: 'Slow Neighbours', posts: [{id: 7, slug: 'post-7', title: 'Seven', html: '<p>Seven.</p>', date: '2026-01-07T10:00:00'}]};
	let hang = false;
	const server = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		if (hang && (url.searchParams.has('before') || url.searchParams.has('after'))) return new Promise<void>(() => {});
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		});
	});
	servers.push(server);
	const home = temporaryHome();
	homes.push(home);
	const print = async () => runInProcess([server.url, '--post', '7', '--format', 'json', '--no-related'], {home, env: {BLOGTERM_HOME: home, BLOGTERM_TIMEOUT_SCALE: '0.1'}});
	assert.equal((await print()).code, 0);
	hang = true;
	const before = server.requests.length;
	const started = performance.now();
	const run = await print();
	const elapsed = performance.now() - started;
	const neighbourAsks = server.requests.slice(before).filter(asked => /[?&](?:before|after)=/.test(asked.url)).length;
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stderr, /previous and next posts unavailable/);
	// The two neighbours (before and after) asked once each: asked again, they took 3 s and 4 requests.
	assert.equal(neighbourAsks, 2);
	assert.ok(elapsed < 2500, `the run took ${Math.round(elapsed)} ms`);
});
