import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {after, describe, test} from 'node:test';
import {startFakeWordPressBlog, type FakeBlog} from '../helpers/fake-wordpress.js';
import {startTestServer} from '../helpers/http-server.js';
import {runInProcess, temporaryHome, type CliRun} from './run-cli.js';

/*
Never pass stale data off as fresh (issue 18): print mode reads the blog or fails; a copy kept on disk is
printed only when asked for (--cache fallback, --offline), and then says so in the data.
*/

const blog: FakeBlog = {
	name: 'Kept Blog',
	posts: [
		{id: 7, slug: 'seven', title: 'Seven', html: '<p>The seventh post.</p>', date: '2026-01-07T03:04:05'},
		{id: 6, slug: 'six', title: 'Six', html: '<p>The sixth post.</p>', date: '2026-01-06T03:04:05'},
	],
};

const homes: string[] = [];
after(() => {
	for (const home of homes) rmSync(home, {recursive: true, force: true});
});

function newHome(): string {
	const home = temporaryHome();
	homes.push(home);
	return home;
}

const isoSecond = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function jsonError(run: CliRun): {code: string; exit: number; message: string} {
	assert.equal(run.errorLines.length, 1, run.stderr);
	return (JSON.parse(run.errorLines[0]!) as {error: {code: string; exit: number; message: string}}).error;
}

/** A blog read once into `home` (fresh), then gone: its port refuses connections. */
async function blogReadThenGone(home: string, ...reads: string[][]): Promise<string> {
	const server = await startFakeWordPressBlog(blog);
	for (const args of reads) {
		const run = await runInProcess([server.url, ...args], {home});
		assert.equal(run.code, 0, run.stderr);
		assert.doesNotMatch(run.stdout, /Offline copy/, 'a fresh answer is not marked');
	}
	await server.close();
	return server.url;
}

describe('fresh or fail (the default)', () => {
	test('a blog that cannot be reached exits 1, says a copy can be printed with --cache fallback, and prints nothing', async () => {
		const home = newHome();
		const site = await blogReadThenGone(home, ['--post', '7'], ['--list']);
		for (const args of [['--post', '7'], ['--list']]) {
			const run = await runInProcess([site, ...args], {home});
			assert.equal(run.code, 1, run.stderr);
			assert.equal(run.stdout, '', 'no stale copy printed');
			assert.equal(run.errorLines.length, 1, run.stderr);
			assert.match(run.errorLines[0]!, /^blogterm: Could not read 127\.0\.0\.1:\d+: connection refused\. A copy saved at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ can be printed with --cache fallback\.$/);
		}
		const json = await runInProcess([site, '--post', '7', '--format', 'json'], {home});
		assert.equal(json.code, 1);
		assert.equal(json.stdout, '');
		const error = jsonError(json);
		assert.equal(error.code, 'refused');
		assert.match(error.message, /can be printed with --cache fallback/);
	});
});

describe('--cache fallback', () => {
	test('prints the kept copy, and says so: a first line in text and Markdown, "offline" in JSON', async () => {
		const home = newHome();
		const site = await blogReadThenGone(home, ['--post', '7'], ['--list']);
		const text = await runInProcess([site, '--post', '7', '--cache', 'fallback'], {home});
		assert.equal(text.code, 0, text.stderr);
		assert.match(text.stdout.split('\n')[0]!, /^Offline copy, saved at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: not read from the blog now\.$/);
		assert.match(text.stdout, /The seventh post\./);
		const markdown = await runInProcess([site, '--post', '7', '--cache', 'fallback', '--format', 'markdown'], {home});
		assert.equal(markdown.code, 0, markdown.stderr);
		assert.match(markdown.stdout, /^Offline copy, saved at \S+: not read from the blog now\.\n\n/);
		const post = JSON.parse((await runInProcess([site, '--post', '7', '--cache', 'fallback', '--format', 'json'], {home})).stdout) as {offline: {savedAt: string} | null; title: string};
		assert.equal(post.title, 'Seven');
		assert.match(post.offline!.savedAt, isoSecond);
		const list = JSON.parse((await runInProcess([site, '--list', '--cache', 'fallback', '--format', 'json'], {home})).stdout) as {offline: {savedAt: string} | null; posts: unknown[]};
		assert.match(list.offline!.savedAt, isoSecond);
		assert.equal(list.posts.length, 2);
		const listText = await runInProcess([site, '--list', '--cache', 'fallback'], {home});
		assert.match(listText.stdout, /^Offline copy, saved at /);
	});

	test('a blog that answers is read fresh: "offline" is null and there is no first line', async () => {
		const server = await startFakeWordPressBlog(blog);
		try {
			const home = newHome();
			const post = JSON.parse((await runInProcess([server.url, '--post', '7', '--cache', 'fallback', '--format', 'json'], {home})).stdout) as {offline: unknown};
			assert.equal(post.offline, null);
			const list = JSON.parse((await runInProcess([server.url, '--list', '--format', 'json'], {home})).stdout) as {offline: unknown};
			assert.equal(list.offline, null);
		} finally {
			await server.close();
		}
	});
});

describe('--offline (--cache only)', () => {
	test('asks nothing of the network: the kept copy, marked offline', async () => {
		const server = await startFakeWordPressBlog(blog);
		try {
			const home = newHome();
			assert.equal((await runInProcess([server.url, '--post', '7'], {home})).code, 0);
			const before = server.requests.length;
			for (const flags of [['--offline'], ['--cache', 'only']]) {
				const run = await runInProcess([server.url, '--post', '7', '--format', 'json', ...flags], {home});
				assert.equal(run.code, 0, run.stderr);
				const post = JSON.parse(run.stdout) as {title: string; offline: {savedAt: string}};
				assert.equal(post.title, 'Seven');
				assert.match(post.offline.savedAt, isoSecond);
			}
			assert.equal(server.requests.length, before, 'no request reached the blog');
		} finally {
			await server.close();
		}
	});

	test('a post read by its slug, asked for by its ID offline: the message names no REST API route', async () => {
		const server = await startFakeWordPressBlog(blog);
		try {
			const home = newHome();
			assert.equal((await runInProcess([server.url, '--post', 'seven'], {home})).code, 0);
			const run = await runInProcess([server.url, '--post', '7', '--offline'], {home});
			assert.equal(run.code, 1);
			assert.match(run.stderr, /^blogterm: Nothing of 127\.0\.0\.1:\d+ is kept for offline reading; read it once without --offline\.\n$/);
		} finally {
			await server.close();
		}
	});

	test('nothing kept: exit 1, code "offline", and no request', async () => {
		const server = await startFakeWordPressBlog(blog);
		try {
			const run = await runInProcess([server.url, '--post', '7', '--offline', '--format', 'json'], {home: newHome()});
			assert.equal(run.code, 1);
			assert.equal(run.stdout, '');
			const error = jsonError(run);
			assert.equal(error.code, 'offline');
			assert.match(error.message, /^Nothing of 127\.0\.0\.1:\d+ is kept for offline reading; read it once without --offline\.$/);
			assert.equal(server.requests.length, 0);
		} finally {
			await server.close();
		}
	});
});

describe('--cache never', () => {
	test('keeps nothing and reads nothing kept', async () => {
		const home = newHome();
		const site = await blogReadThenGone(home, ['--post', '7', '--cache', 'never']);
		const run = await runInProcess([site, '--post', '7', '--cache', 'fallback'], {home});
		assert.equal(run.code, 1, 'nothing was kept to fall back on');
		assert.match(run.errorLines[0]!, /^blogterm: Could not read 127\.0\.0\.1:\d+: connection refused\.$/);
		const kept = newHome();
		const again = await blogReadThenGone(kept, ['--post', '7']);
		const never = await runInProcess([again, '--post', '7', '--cache', 'never'], {home: kept});
		assert.equal(never.code, 1);
		assert.match(never.errorLines[0]!, /connection refused\.$/, 'the kept copy is not mentioned: it is not read');
	});
});

describe('usage', () => {
	test('a bad --cache, --offline with another mode, and a comment offline are refused (exit 2)', async () => {
		const site = 'http://127.0.0.1:9/';
		const cases: Array<[string[], RegExp]> = [
			[['--list', '--cache', 'sometimes'], /^blogterm: --cache is never, fallback or only, not “sometimes”\.$/],
			[['--list', '--offline', '--cache', 'fallback'], /^blogterm: --offline and --cache fallback cannot be used together/],
			[['--post', '7', '--comment', 'Hi', '--name', 'A', '--email', 'a@example.com', '--offline'], /^blogterm: --offline cannot send a comment/],
		];
		for (const [args, message] of cases) {
			const run = await runInProcess([site, ...args]);
			assert.equal(run.code, 2, run.stderr);
			assert.match(run.errorLines[0]!, message);
		}
	});
});

describe('a feed URL that answers 404', () => {
	test('is an error (exit 1, http_404), not the feed the home page names', async () => {
		const server = await startTestServer((request, response) => {
			if (request.url === '/') {
				response.writeHead(200, {'content-type': 'text/html'});
				response.end('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed/"></head><body>Home</body></html>');
				return;
			}
			if (request.url === '/feed/') {
				response.writeHead(200, {'content-type': 'application/rss+xml'});
				response.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Other</title><link>http://x/</link><item><title>A</title><link>http://x/a</link><guid>a</guid></item></channel></rss>');
				return;
			}
			response.writeHead(404, {'content-type': 'text/html'});
			response.end('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed/"></head><body>Not found</body></html>');
		});
		try {
			const run = await runInProcess([`${server.url}old-feed.xml`, '--list', '--format', 'json']);
			assert.equal(run.code, 1, run.stderr);
			assert.equal(run.stdout, '');
			const error = jsonError(run);
			assert.equal(error.code, 'http_404');
			assert.match(error.message, /answered 404 for the feed \/old-feed\.xml: there is no feed at that address\./);
			assert.ok(!server.requests.some(request => request.url === '/feed/'), 'the home page\'s feed was not read instead');
			const home = await runInProcess([server.url, '--list', '--format', 'json']);
			assert.equal(home.code, 0, 'the home page still finds its feed');
		} finally {
			await server.close();
		}
	});
});
