import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {runInProcess} from './run-cli.js';

/*
Reading page N of a feed-paged blog (WordPress's ?paged=N) does not read every page before it (issue 18):
a 100-page archive read a page a call used to cost about 5,000 requests.
*/

const perFeedPage = 10;
const postCount = 95;

/** A WordPress feed of 95 posts, 10 a page (page 10 holds 5), ?paged=11 a 404, as WordPress answers. */
function feedPage(page: number, base: string): string | undefined {
	const first = (page - 1) * perFeedPage;
	if (first >= postCount) return undefined;
	const items = Array.from({length: Math.min(perFeedPage, postCount - first)}, (_, index) => {
		const number = postCount - (first + index);
		const date = new Date(Date.UTC(2026, 0, 1) + number * 3_600_000).toUTCString();
		return `<item><title>Post ${number}</title><link>${base}post-${number}/</link><guid isPermaLink="false">${base}?p=${number}</guid><pubDate>${date}</pubDate><description>Excerpt ${number}.</description></item>`;
	}).join('');
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Paged feed</title><link>${base}</link><description>Many pages</description><generator>https://wordpress.org/?v=6.7</generator>${items}</channel></rss>`;
}

let server: TestServer;

before(async () => {
	server = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		if (url.pathname !== '/feed/') {
			response.writeHead(404, {'content-type': 'text/html'});
			response.end('<!doctype html><title>Not found</title>');
			return;
		}
		const body = feedPage(Number(url.searchParams.get('paged') ?? 1), server.url);
		response.writeHead(body ? 200 : 404, {'content-type': 'application/rss+xml; charset=UTF-8'});
		response.end(body ?? '<?xml version="1.0"?><rss version="2.0"><channel><title>Paged feed</title></channel></rss>');
	});
});

after(async () => server.close());

function feedGets(): string[] {
	return server.requests.filter(request => request.url.startsWith('/feed/')).map(request => request.url);
}

describe('a page deep in a WordPress feed', () => {
	test('is read from the feed pages that hold it, not from every page before it', async () => {
		server.requests.length = 0;
		const run = await runInProcess([`${server.url}feed/`, '--list', '--page', '8', '--format', 'json']);
		assert.equal(run.code, 0, run.stderr);
		const page = JSON.parse(run.stdout) as {page: number; total: number; totalIsExact: boolean; posts: Array<{title: string}>};
		assert.deepEqual(page.posts.map(post => post.title), Array.from({length: 10}, (_, index) => `Post ${postCount - 70 - index}`));
		assert.equal(page.totalIsExact, false, 'the end has not been seen');
		assert.ok(page.total >= 80);
		assert.deepEqual(feedGets(), ['/feed/', '/feed/?paged=8', '/feed/?paged=9']);
	});

	test('the last page says how many there are, exactly', async () => {
		server.requests.length = 0;
		const run = await runInProcess([`${server.url}feed/`, '--list', '--page', '10', '--format', 'json']);
		assert.equal(run.code, 0, run.stderr);
		const page = JSON.parse(run.stdout) as {total: number; totalPages: number; totalIsExact: boolean; posts: Array<{title: string}>};
		assert.deepEqual(page.posts.map(post => post.title), ['Post 5', 'Post 4', 'Post 3', 'Post 2', 'Post 1']);
		assert.deepEqual([page.total, page.totalPages, page.totalIsExact], [95, 10, true]);
		assert.deepEqual(feedGets(), ['/feed/', '/feed/?paged=10']);
	});

	test('--all still reads each feed page once, in order', async () => {
		server.requests.length = 0;
		const run = await runInProcess([`${server.url}feed/`, '--all', '--ids']);
		assert.equal(run.code, 0, run.stderr);
		assert.equal(run.stdout.trimEnd().split('\n').length, postCount);
		const gets = feedGets();
		assert.equal(new Set(gets).size, gets.length, `no feed page read twice: ${gets.join(' ')}`);
	});
});
