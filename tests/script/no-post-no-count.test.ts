import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {after, test} from 'node:test';
import {answerAsWordPress, type FakeBlog} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
A post asked by ID has its comment count asked alongside it. When there is no such post, the count is
cancelled with it: the run ends as soon as it has said so, not when the count's own request times out
(a run waits for what it asked before it ends).
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
