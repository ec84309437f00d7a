import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

type ListJson = {total: number; totalIsExact: boolean; totalPages: number; posts: Array<{id: string | number; title: string | null; link: string | null; excerpt: string | null}>};

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
});

after(async () => {
	await server.close();
});

/** `--list --format json` of the feed at `path`, all on one page. */
async function list(path: string, ...flags: string[]): Promise<ListJson> {
	const run = await runInProcess([`${server.origin}${path}`, '--list', '--per-page', '50', '--format', 'json', ...flags]);
	assert.equal(run.stderr, '');
	assert.equal(run.code, 0);
	return JSON.parse(run.stdout) as ListJson;
}

const rss = (items: string) => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Static</title><link>http://static.example/</link>${items}</channel></rss>`;

describe('items without ids on a static host (one that ignores ?paged=N)', () => {
	test('a 2-item feed whose items have no guid and no link is listed as 2 items, not 102', async () => {
		// The route answers every query the same, as a static file host does.
		server.route('/static/feed.xml', {type: 'application/rss+xml', body: rss('<item><title>First</title><description>One.</description></item><item><title>Second</title><description>Two.</description></item>')});
		const page = await list('/static/feed.xml', '--per-page', '1');
		assert.equal(page.total, 2);
		assert.equal(page.totalIsExact, true);
		const all = await list('/static/feed.xml');
		assert.deepEqual(all.posts.map(post => post.title), ['First', 'Second']);
		assert.equal(all.total, 2);
	});

	test('a page that brings back the same items as the one before is not new: 12 id-less items stay 12 past the first page', async () => {
		const items = Array.from({length: 12}, (_, index) => `<item><title>Note ${index + 1}</title><description>Text ${index + 1}.</description></item>`).join('');
		server.route('/static12/feed.xml', {type: 'application/rss+xml', body: rss(items)});
		const run = await runInProcess([`${server.origin}/static12/feed.xml`, '--list', '--page', '2', '--format', 'json']);
		const page = JSON.parse(run.stdout) as ListJson;
		assert.equal(page.total, 12);
		assert.equal(page.totalPages, 2);
		assert.deepEqual(page.posts.map(post => post.title), ['Note 11', 'Note 12']);
		assert.ok(server.gets().includes('/static12/feed.xml?paged=2'), 'the second page was asked for, and came back the same');
	});

	test('a page that brings back the same items under new ids (the address it was asked in each guid) is not new', async () => {
		server.route('/echo/feed.xml', request => ({type: 'application/rss+xml', body: rss(Array.from({length: 12}, (_, index) => `<item><title>Echo ${index + 1}</title><guid isPermaLink="false">${request.url}#${index + 1}</guid><description>Same ${index + 1}.</description></item>`).join(''))}));
		const page = await list('/echo/feed.xml');
		assert.equal(page.total, 12);
		assert.equal(page.totalIsExact, true);
		assert.deepEqual(page.posts.map(post => post.title), Array.from({length: 12}, (_, index) => `Echo ${index + 1}`));
	});

	test('entries without ids that share a title or a link are all listed, each with an id of its own', async () => {
		server.route('/shared/feed.xml', {type: 'application/rss+xml', body: rss([
			'<item><title>Weekly links</title><description>Week one.</description></item>',
			'<item><title>Weekly links</title><description>Week two.</description></item>',
			'<item><title>Part A</title><link>http://static.example/series</link><description>A.</description></item>',
			'<item><title>Part B</title><link>http://static.example/series</link><description>B.</description></item>',
			'<item><title>Alone</title><link>http://static.example/alone</link></item>',
		].join(''))});
		const page = await list('/shared/feed.xml');
		assert.deepEqual(page.posts.map(post => [post.title, post.excerpt]), [['Weekly links', 'Week one.'], ['Weekly links', 'Week two.'], ['Part A', 'A.'], ['Part B', 'B.'], ['Alone', null]], 'an item without a description has "excerpt": null');
		assert.equal(new Set(page.posts.map(post => post.id)).size, 5);
		assert.equal(page.posts[4]!.id, 'http://static.example/alone', 'an item whose link is its own keeps its link as its id');
		const again = await list('/shared/feed.xml?utm=1');
		assert.deepEqual(again.posts.map(post => post.id), page.posts.map(post => post.id), 'the same items get the same ids from any URL');
	});
});

describe('every id --list prints opens its post with --post', () => {
	test('tag:, urn:, yt:, guids with a slash or a space, content ids and links', async () => {
		server.route('/ids/atom.xml', {type: 'application/atom+xml', body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ids</title><id>urn:ids</id>
			<entry><id>tag:github.com,2008:Repository/123/v1.0</id><title>Release 1.0</title><link href="http://ids.example/releases/v1.0"/><content>GitHub.</content></entry>
			<entry><id>tag:blogger.com,1999:blog-1.post-2</id><title>Blogger post</title><content>Blogger.</content></entry>
			<entry><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><title>Urn post</title><content>Urn.</content></entry>
			<entry><id>yt:video:abc123</id><title>Video</title><content>YouTube.</content></entry>
			<entry><id>posts/42 draft</id><title>Odd guid</title><content>Odd.</content></entry>
			<entry><id>42</id><title>Numeric guid</title><content>Number.</content></entry>
		</feed>`});
		server.route('/ids/rss.xml', {type: 'application/rss+xml', body: rss('<item><title>No id at all</title><description>Content id.</description></item><item><title>Link only</title><link>http://ids.example/link-only</link></item><item><title>Also no id</title><description>Another.</description></item>')});
		for (const path of ['/ids/atom.xml', '/ids/rss.xml']) {
			const page = await list(path);
			assert.ok(page.posts.length >= 3);
			for (const post of page.posts) {
				const run = await runInProcess([`${server.origin}${path}`, '--post', String(post.id), '--format', 'json']);
				assert.equal(run.code, 0, `--post ${post.id}: ${run.stderr}`);
				assert.equal((JSON.parse(run.stdout) as {title: string}).title, post.title, `--post ${post.id}`);
			}
		}
	});
});
