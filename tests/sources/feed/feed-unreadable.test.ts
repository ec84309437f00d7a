import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {createHttpClient} from '../../../source/http/client.js';
import {BlogError} from '../../../source/errors.js';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {maxFeedItemsPerAnswer} from '../../../source/sources/clean.js';
import {startFeedServer, type FeedServer} from './feed-server.js';

/*
What a feed sends that blogterm cannot read: a field of the wrong type is dropped (never converted), an
item that cannot be read is left out with a note on the list page (print mode says it on stderr), and a
JSON Feed whose items are no list is an error in words.
*/

// Keeps nothing on disk.
const http = createHttpClient();

let server: FeedServer;
let host: string;

const jsonFeed = (items: unknown, fields: Record<string, unknown> = {}) => JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Typed', home_page_url: 'http://typed.example/', ...fields, items});
const valid = (name: string, date: string) => ({id: name, url: `http://typed.example/${name}`, title: `Post ${name}`, content_html: `<p>Text of ${name}.</p>`, date_published: date});
const rss = (items: string) => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Gaps</title><link>http://gaps.example/</link>\n${items}\n</channel></rss>\n`;
const rssItem = (name: string) => `<item><title>Post ${name}</title><link>http://gaps.example/${name}</link><guid>http://gaps.example/${name}</guid><description>Text of ${name}.</description></item>`;

before(async () => {
	server = await startFeedServer();
	host = new URL(server.url).host;
	server.route('/wrong-types.json', {type: 'application/feed+json', body: jsonFeed([
		valid('a', '2026-01-02T00:00:00Z'),
		{id: 5, url: 7, title: ['x'], content_html: '<p>Five.</p>', summary: {text: 'no'}, date_published: 1_767_225_600, tags: 'one', authors: [{name: 3}]},
		null,
		'str',
		valid('b', '2026-01-01T00:00:00Z'),
	])});
	server.route('/nothing-to-show.json', {type: 'application/feed+json', body: jsonFeed([valid('a', '2026-01-02T00:00:00Z'), {id: 'empty'}, {id: 'blank', title: '  ', content_html: ''}])});
	server.route('/items-not-a-list.json', {type: 'application/feed+json', body: jsonFeed({not: 'array'}, {title: 5})});
	server.route('/title-not-text.json', {type: 'application/feed+json', body: jsonFeed([valid('a', '2026-01-02T00:00:00Z')], {title: 5, description: ['d'], home_page_url: 7})});
	server.route('/empty-items.xml', {type: 'application/rss+xml', body: rss([rssItem('a'), '<item></item>', rssItem('b'), '<item><guid isPermaLink="false">just-an-id</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>', '<item/>', rssItem('c')].join('\n'))});
	server.route('/empty-entry.xml', {type: 'application/atom+xml', body: `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom gaps</title><id>urn:gaps</id>\n<entry><id>urn:gaps:1</id><title>Entry one</title><link href="http://gaps.example/1"/><updated>2026-01-01T00:00:00Z</updated></entry>\n<entry></entry>\n</feed>\n`});
	server.route('/clean.xml', {type: 'application/rss+xml', body: rss([rssItem('a'), rssItem('b')].join('\n'))});
});

after(async () => {
	await server.close();
});

describe('a JSON Feed with fields of the wrong types', () => {
	test('a number url, an array title and an object summary are dropped, not converted; a number id is its text', async () => {
		const source = await openFeedBlog(http, `${server.origin}/wrong-types.json`);
		const page = await source.fetchPostPage(1, 10);
		assert.deepEqual(page.posts.map(post => post.id), ['a', '5', 'b']);
		const five = page.posts[1]!;
		assert.equal(five.link, '', 'the number 7 is no link (it was http://127.0.0.1:PORT/7)');
		assert.equal(five.untitled, true, '["x"] is no title (it was "x")');
		assert.equal(five.title, 'Five.', 'the text stands in for the title, as for any post without one');
		assert.equal(five.excerpt, 'Five.', 'an object summary is dropped: the text is the excerpt');
		assert.equal(five.date, undefined, 'a number is no date');
		assert.deepEqual(five.tags, [], 'a string is no list of tags');
		assert.equal(five.author, '', 'a number is no name');
	});

	test('null and "str" among the items are left out with a note on the list page', async () => {
		const source = await openFeedBlog(http, `${server.origin}/wrong-types.json`);
		const page = await source.fetchPostPage(1, 2);
		assert.deepEqual(page.notes, [`${host} sent 2 posts blogterm cannot read (it is not a JSON object): left out.`]);
		assert.equal((await source.fetchPostPage(2, 2)).notes, undefined, 'said once, with the first page');
	});

	test('an item with nothing to show (no title, link or text) is left out with a note', async () => {
		const source = await openFeedBlog(http, `${server.origin}/nothing-to-show.json`);
		const page = await source.fetchPostPage(1, 10);
		assert.deepEqual(page.posts.map(post => post.id), ['a']);
		assert.deepEqual(page.notes, [`${host} sent 2 posts blogterm cannot read (it has no title, link or text): left out.`]);
	});

	test('"items" that is no list is an unreadable feed, said in words (not an empty blog)', async () => {
		await assert.rejects(openFeedBlog(http, `${server.origin}/items-not-a-list.json`), (error: unknown) => {
			assert.ok(error instanceof BlogError, String(error));
			assert.equal(error.kind, 'unreadable');
			assert.equal(error.message, `${host} sent a JSON Feed blogterm cannot read: its items are not a list.`);
			return true;
		});
	});

	test('a feed title, description and home page of the wrong types are dropped: the blog is named by its host', async () => {
		const source = await openFeedBlog(http, `${server.origin}/title-not-text.json`);
		assert.equal(source.site.name, host);
		assert.equal(source.site.description, '');
		assert.equal(source.site.url, `${server.origin}/title-not-text.json`, 'the feed itself stands in for a home page');
	});
});

describe('RSS and Atom items that cannot be read', () => {
	test('<item></item>, <item/> and an item with only a guid and a date are left out with one note; the rest listed', async () => {
		const source = await openFeedBlog(http, `${server.origin}/empty-items.xml`);
		const page = await source.fetchPostPage(1, 10);
		assert.deepEqual(page.posts.map(post => post.title), ['Post a', 'Post b', 'Post c']);
		assert.deepEqual(page.notes, [`${host} sent 3 posts blogterm cannot read (it has no title, link or text): left out.`]);
		const found = await source.fetchPostPage(1, 10, {filter: {kind: 'search', text: 'Post'}});
		assert.deepEqual(found.notes, page.notes, 'a search over the feed says it too: what was left out could have matched');
	});

	test('an empty Atom <entry> is left out with a note', async () => {
		const source = await openFeedBlog(http, `${server.origin}/empty-entry.xml`);
		const page = await source.fetchPostPage(1, 10);
		assert.deepEqual(page.posts.map(post => post.title), ['Entry one']);
		assert.deepEqual(page.notes, [`${host} sent 1 of its posts blogterm cannot read (it has no title, link or text): left out.`]);
	});

	test('a feed whose items all read has no note', async () => {
		const source = await openFeedBlog(http, `${server.origin}/clean.xml`);
		assert.equal((await source.fetchPostPage(1, 10)).notes, undefined);
	});
});

describe('a feed paged with ?paged=N', () => {
	test('a page\'s note goes with the list page where that feed page\'s posts begin', async () => {
		const wordpress = (items: string) => rss(items).replace('<link>', '<generator>https://wordpress.org/?v=6.5</generator><link>');
		server.route('/wp/feed/', {type: 'application/rss+xml', body: wordpress([rssItem('1'), rssItem('2'), rssItem('3')].join('\n'))});
		server.route('/wp/feed/?paged=2', {type: 'application/rss+xml', body: wordpress([rssItem('4'), '<item></item>', rssItem('5'), rssItem('6')].join('\n'))});
		server.route('/wp/feed/?paged=3', {status: 404, type: 'application/rss+xml', body: wordpress('')});
		const source = await openFeedBlog(http, `${server.origin}/wp/feed/`);
		const pages = [];
		for (let number = 1; number <= 3; number++) pages.push(await source.fetchPostPage(number, 2));
		assert.deepEqual(pages.map(page => page.posts.map(post => post.title)), [['Post 1', 'Post 2'], ['Post 3', 'Post 4'], ['Post 5', 'Post 6']]);
		assert.deepEqual(pages.map(page => page.notes), [undefined, [`${host} sent 1 of its posts blogterm cannot read (it has no title, link or text): left out.`], undefined], 'feed page 2 begins with the 4th post: list page 2');
	});
});

describe('a feed with more posts than blogterm reads (20,000)', () => {
	test('the list ends at the first 20,000 it lists, and its last page says it ends there only because blogterm read no further', async () => {
		const items = Array.from({length: maxFeedItemsPerAnswer + 3}, (_, index) => ({id: String(index), url: `http://typed.example/${index}`, title: `Post ${index}`}));
		server.route('/long.json', {type: 'application/feed+json', body: jsonFeed(items)});
		const source = await openFeedBlog(http, `${server.origin}/long.json`);
		const first = await source.fetchPostPage(1, 100);
		assert.equal(first.total, maxFeedItemsPerAnswer);
		assert.equal(first.totalIsExact, false, 'the feed holds more');
		assert.equal(first.endsEarly, undefined, 'said where the list ends, not on every page');
		const last = await source.fetchPostPage(first.totalPages, 100);
		assert.equal(last.posts.at(-1)?.title, `Post ${maxFeedItemsPerAnswer - 1}`);
		assert.equal(last.endsEarly, `${host}'s feed has 20,003 posts; blogterm read the first 20,000 it lists.`);
		assert.equal(last.notes, undefined, 'nothing was left out for being unreadable');
	});
});
