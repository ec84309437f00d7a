import assert from 'node:assert/strict';
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {rediscoverAfterMs} from '../../source/sources/open-blog.js';
import {startFakeWordPressBlog, type FakeBlog} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
Print mode opens a WordPress blog read before from what discovery found then (its home page and REST
index, kept on disk), and asks the blog for them again only when they are a day old (or when a read
through them fails, tests/sources/open-blog-remembered.test.ts). Print mode runs in this process: a run
ends only when every request it started has ended (as a process would wait for them), so what it asked
is all in the server's log then.
*/

const blog: FakeBlog = {name: 'Printed Daily', posts: [{id: 7, slug: 'seven', title: 'Post Seven', html: '<p>Seven.</p>', date: '2026-01-07T10:00:00'}]};
let server: TestServer;
const home = temporaryHome();

before(async () => {
	server = await startFakeWordPressBlog(blog);
});

after(async () => {
	await server.close();
	rmSync(home, {recursive: true, force: true});
});

/** Prints post 7 and gives the paths (with their queries) the blog was asked for by that run. */
async function printPost(): Promise<string[]> {
	const asked = server.requests.length;
	const run = await runInProcess([server.url, '--post', '7', '--format', 'text'], {home});
	assert.equal(run.stderr, '');
	assert.equal(run.code, 0);
	assert.match(run.stdout, /Post Seven/);
	return server.requests.slice(asked).map(request => request.url);
}

/** Makes every answer kept on disk look saved `ms` ago (the time is on each entry's first line). */
function ageKeptCopies(ms: number): void {
	const folder = join(home, 'cache', 'http');
	for (const entry of readdirSync(folder, {recursive: true, withFileTypes: true})) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const content = readFileSync(path);
		const end = content.indexOf(10);
		const meta = JSON.parse(content.subarray(0, end).toString('utf8')) as Record<string, unknown>;
		if (typeof meta['savedAt'] !== 'string') continue;
		meta['savedAt'] = new Date(Date.now() - ms).toISOString();
		writeFileSync(path, Buffer.concat([Buffer.from(JSON.stringify(meta), 'utf8'), content.subarray(end)]));
	}
}

const discovery = (paths: readonly string[]) => paths.filter(path => path === '/' || path === '/wp-json/');

test('a post printed again within a day asks for the post alone, not the home page and REST index; a day later they are asked again', async () => {
	assert.deepEqual(discovery(await printPost()), ['/', '/wp-json/'], 'the first time, discovery comes first');

	const again = await printPost();
	assert.deepEqual(discovery(again), [], `within the day: ${again.join(' ')}`);
	assert.ok(again.some(path => path.startsWith('/wp-json/wp/v2/posts/7?')), `the post is asked: ${again.join(' ')}`);

	ageKeptCopies(rediscoverAfterMs + 60_000);
	assert.deepEqual(discovery(await printPost()), ['/', '/wp-json/'], 'a day later, asked again alongside the post');

	// What was asked then starts a new day.
	assert.deepEqual(discovery(await printPost()), []);
});
