import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {test} from 'node:test';
import {startFakeWordPressBlog, type FakeBlog} from '../helpers/fake-wordpress.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
Neighbours guessed from the kept post (kept-post-parts.test.ts) that fail are asked again from the post
only when the blog answered with a failure: a request it did not answer in time is not waited for twice.
*/

test('neighbours asked from the kept post that time out are not asked again: the print waits for one timeout, not two', async t => {
	const blog: FakeBlog = {name: 'Slow Neighbours', posts: [{id: 7, slug: 'post-7', title: 'Seven', html: '<p>Seven.</p>', date: '2026-01-07T10:00:00'}]};
	let hang = false;
	const server = await startFakeWordPressBlog(blog, url => (hang && (url.searchParams.has('before') || url.searchParams.has('after')) ? 'hang' : undefined));
	const home = temporaryHome();
	t.after(async () => {
		await server.close();
		rmSync(home, {recursive: true, force: true});
	});
	const print = async () => runInProcess([server.url, '--post', '7', '--format', 'json', '--no-related'], {home, env: {BLOGTERM_HOME: home, BLOGTERM_TIMEOUT_SCALE: '0.1'}});
	assert.equal((await print()).code, 0);
	hang = true;
	const before = server.requests.length;
	const run = await print();
	const neighbourAsks = server.requests.slice(before).filter(asked => /[?&](?:before|after)=/.test(asked.url)).length;
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stderr, /previous and next posts unavailable/);
	// The two neighbours (before and after) asked once each, from the kept post: asked again from the post, 4.
	assert.equal(neighbourAsks, 2);
});
