import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {closedBlog, postsRouteRefused, restRefusals, startFakeWordPressBlog} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {runInProcess} from './run-cli.js';

/*
README, What works: WordPress with the REST API closed to visitors is read through its feed. A blog whose
REST index answers but whose posts route answers 401 (a security plugin's rest_login_required) failed
--list with that 401 (exit 1), and --post with "There is no post with ID 5" (exit 3) before its feed was
ever asked. Both now read the feed; a post is "no such post" (exit 3) only once the feed was looked in.
*/

let server: TestServer;

before(async () => {
	server = await startFakeWordPressBlog(closedBlog(), postsRouteRefused(restRefusals[0]));
});

after(async () => server.close());

describe('print mode on a WordPress blog whose posts route answers 401 to visitors', () => {
	test('--list lists its feed', async () => {
		const run = await runInProcess([server.url, '--list']);
		assert.equal(run.code, 0, run.stderr);
		assert.deepEqual(run.stdout.trim().split('\n').map(line => line.split('\t')[2]), ['Five', 'Four']);
	});

	test('--post ?p=5 prints the post from the feed; a post the feed does not hold is exit 3, looked for there', async () => {
		const run = await runInProcess([server.url, '--post', `${server.url}?p=5`, '--no-related', '--no-neighbours']);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /^Five$/m);
		const missing = await runInProcess([server.url, '--post', '6']);
		assert.equal(missing.code, 3, missing.stderr);
		assert.equal(missing.stderr, 'blogterm: Closed Blog has no post with ID 6 in its feed.\n');
		assert.ok(server.requests.some(request => request.url.startsWith('/?feed=rss2')), 'the feed was read');
	});
});
