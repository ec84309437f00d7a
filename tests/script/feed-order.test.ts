import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

/*
A feed that holds its items is listed newest first by their dates. An item without a date (or with one
that is no date) keeps its place in the feed, and does not leave the dated ones in the feed's order.
*/

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
	const items = [['2025', 'Wed, 01 Jan 2025 10:00:00 GMT'], ['2026', 'Thu, 01 Jan 2026 10:00:00 GMT'], ['2024', 'Mon, 01 Jan 2024 10:00:00 GMT'], ['bad', 'bad']]
		.map(([name, date]) => `<item><title>Post ${name}</title><link>${server.origin}/posts/${name}</link><guid>${server.origin}/posts/${name}</guid><pubDate>${date}</pubDate><description>Post of ${name}.</description></item>`);
	server.route('/feed.xml', {type: 'application/rss+xml', body: `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Years</title><link>${server.origin}/</link>\n${items.join('\n')}\n</channel></rss>\n`});
});

after(async () => {
	await server.close();
});

describe('a feed with an item whose date is no date', () => {
	test('--all --limit 1 gives the newest post, not the feed\'s first', async () => {
		const run = await runInProcess([`${server.origin}/feed.xml`, '--all', '--limit', '1', '--format', 'ndjson']);
		assert.equal(run.code, 0, run.stderr);
		assert.deepEqual(run.stdout.trimEnd().split('\n').map(line => (JSON.parse(line) as {title: string}).title), ['Post 2026']);
	});

	test('--list is newest first, the undated post last where the feed put it; previous and next follow the list', async () => {
		const list = await runInProcess([`${server.origin}/feed.xml`, '--list', '--format', 'json']);
		assert.deepEqual((JSON.parse(list.stdout) as {posts: Array<{title: string}>}).posts.map(post => post.title), ['Post 2026', 'Post 2025', 'Post 2024', 'Post bad']);
		const post = await runInProcess([`${server.origin}/feed.xml`, '--post', `${server.origin}/posts/2025`, '--format', 'json', '--fields', 'title,previous,next']);
		assert.equal(post.code, 0, post.stderr);
		const neighbours = JSON.parse(post.stdout) as {previous: {title: string}; next: {title: string}};
		assert.deepEqual([neighbours.previous.title, neighbours.next.title], ['Post 2024', 'Post 2026']);
	});
});
