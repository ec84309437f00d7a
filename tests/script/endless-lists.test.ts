import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFakeWordPressBlog, wordPressPost, type FakeBlog} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {maxFeedPages} from '../../source/sources/feed/feed-paging.js';
import {maxWholeBlogPosts} from '../../source/script/run-list.js';
import {maxFeedItemsPerAnswer} from '../../source/sources/clean.js';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

/*
A whole-blog read (--all, -o) of a blog that never ends: a WordPress whose X-WP-TotalPages is a billion and
whose every page holds new posts, one that ignores `page` and sends its first page again, a feed whose
?paged=N never runs out. Each stops, prints what it read, says on stderr what was cut, and exits 1.
*/

/** Post `number` of an endless blog: the higher the number, the older the post. */
function endlessPost(number: number, base: string) {
	const id = 1_000_000_000 - number;
	const date = new Date(Date.UTC(2026, 0, 1) - number * 60_000).toISOString().slice(0, 19);
	return wordPressPost({id, slug: `post-${id}`, title: `Post ${id}`, html: '<p>Body.</p>', date}, base);
}

const blog: FakeBlog = {name: 'Endless', posts: []};

/** Page `page` of an endless RSS feed (a WordPress generator, so it pages with ?paged=N), ten new items each. */
function endlessFeedPage(page: number, base: string): string {
	const items = Array.from({length: 10}, (_, index) => {
		const number = (page - 1) * 10 + index;
		const date = new Date(Date.UTC(2026, 0, 1) - number * 60_000).toUTCString();
		return `<item><title>Item ${number}</title><link>${base}item-${number}/</link><guid isPermaLink="false">${base}?p=${number}</guid><pubDate>${date}</pubDate><description>Item.</description></item>`;
	}).join('');
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Endless feed</title><link>${base}</link><description>Never ends</description><generator>https://wordpress.org/?v=6.7</generator>${items}</channel></rss>`;
}

/** Pages of this many posts are page 1 whatever page is asked for: a server that ignores `page`. */
const stuckPerPage = 7;

let server: TestServer;
/** A WordPress whose every list page holds new posts (but pages of `stuckPerPage`), and an endless feed at /feed/. */
before(async () => {
	server = await startFakeWordPressBlog(blog, (url, response) => {
		const base = `${url.origin}/`;
		if (url.pathname === '/feed/') {
			response.writeHead(200, {'content-type': 'application/rss+xml; charset=UTF-8'});
			response.end(endlessFeedPage(Number(url.searchParams.get('paged') ?? 1), base));
			return 'answered';
		}
		if (url.pathname === '/wp-json/wp/v2/posts' && url.searchParams.has('page') && !url.searchParams.has('slug')) {
			const perPage = Number(url.searchParams.get('per_page') ?? 10);
			const page = perPage === stuckPerPage ? 1 : Number(url.searchParams.get('page'));
			const posts = Array.from({length: perPage}, (_, index) => endlessPost(((page - 1) * perPage) + index, base));
			response.writeHead(200, {'content-type': 'application/json', 'x-wp-total': '100000000000', 'x-wp-totalpages': '1000000000'});
			response.end(JSON.stringify(posts));
			return 'answered';
		}
		return undefined;
	});
});

after(async () => server.close());

function listRequests(): number {
	return server.requests.filter(request => request.url.startsWith('/wp-json/wp/v2/posts?')).length;
}

describe('a whole-blog read of a blog that never ends', {timeout: 30_000}, () => {
	test('--all stops after 10,000 posts (100 requests) and prints them; stderr says what was cut and that --limit reads on (exit 1)', async () => {
		server.requests.length = 0;
		const run = await runInProcess([server.url, '--all', '-f', 'json', '--cache', 'never']);
		assert.equal(run.code, 1, run.stderr);
		const ids = (JSON.parse(run.stdout) as {posts: Array<{id: number}>}).posts.map(post => post.id);
		assert.equal(ids.length, maxWholeBlogPosts);
		assert.equal(new Set(ids).size, maxWholeBlogPosts);
		assert.equal(listRequests(), maxWholeBlogPosts / 100);
		assert.deepEqual(JSON.parse(run.stderr), {error: {
			code: 'cut_short',
			exit: 1,
			message: 'Stopped after 10,000 posts (page 100 of 1,000,000,000): --all reads at most 10,000 posts; --limit N reads up to N. The 10,000 posts found are printed.',
		}});
	});

	test('a server that ignores page and sends page 1 again: stopped at page 2, each post printed once (exit 1)', async () => {
		server.requests.length = 0;
		const run = await runInProcess([server.url, '--all', '--per-page', String(stuckPerPage), '--ids', '--cache', 'never']);
		assert.equal(run.code, 1, run.stderr);
		assert.deepEqual(run.stdout.trimEnd().split('\n'), Array.from({length: stuckPerPage}, (_, index) => String(1_000_000_000 - index)));
		assert.equal(listRequests(), 2);
		assert.deepEqual(run.errorLines, [`blogterm: ${new URL(server.url).host} sent page 2 with no post that earlier pages had not (does it ignore the page asked for?): stopped there, after 7 posts. The 7 posts found are printed.`]);
	});

	test('a WordPress feed whose ?paged=N never runs out: read to its 100th page, then said (exit 1)', async () => {
		const run = await runInProcess([`${server.url}feed/`, '--all', '--ids', '--cache', 'never']);
		assert.equal(run.code, 1, run.stderr);
		assert.equal(run.stdout.trimEnd().split('\n').length, maxFeedPages * 10);
		assert.deepEqual(run.errorLines, [`blogterm: blogterm reads 100 pages of ${new URL(server.url).host}'s feed and no more (it may go on): stopped there. The 1,000 posts found are printed.`]);
	});
});

describe('a feed with more posts than blogterm reads of one (20,000)', () => {
	let feeds: FeedServer;
	let note: string;
	before(async () => {
		feeds = await startFeedServer();
		note = `${new URL(feeds.url).host}'s feed has 20,003 posts; blogterm read the first 20,000 it lists.`;
		const items = Array.from({length: maxFeedItemsPerAnswer + 3}, (_, index) => ({id: String(index), url: `http://long.example/${index}`, title: `Post ${index}`}));
		feeds.route('/feed.json', {type: 'application/feed+json', body: JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Long', items})});
	});
	after(async () => feeds.close());

	test('its last page says on stderr why the list ends there (exit 0); read whole, it is cut short (exit 1)', async () => {
		const page = await runInProcess([`${feeds.origin}/feed.json`, '--list', '--page', '200', '--per-page', '100', '--width', '80', '--cache', 'never']);
		assert.equal(page.code, 0, page.stderr);
		const lines = page.stdout.trimEnd().split('\n');
		assert.equal(lines[0], 'Page 200 of 200+ · 20,000+ posts', 'counts past a thousand are written with commas, as everywhere else');
		assert.equal(lines.at(-1), `http://long.example/${maxFeedItemsPerAnswer - 1}`);
		assert.deepEqual(page.errorLines, [`blogterm: ${note}`]);
		const whole = await runInProcess([`${feeds.origin}/feed.json`, '--all', '--limit', '30000', '--ids', '--cache', 'never']);
		assert.equal(whole.code, 1, whole.stderr);
		assert.equal(whole.stdout.trimEnd().split('\n').length, maxFeedItemsPerAnswer);
		assert.deepEqual(whole.errorLines, [`blogterm: ${note} The 20,000 posts found are printed.`]);
	});
});
