import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {createHttpClient} from '../../../source/http/client.js';
import {BlogError} from '../../../source/errors.js';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {startFeedServer, type FeedServer} from './feed-server.js';

/*
What a feed sends that blogterm cannot read: a field of the wrong type is dropped (never converted), and
a JSON Feed whose items are no list is an error in words.
*/

// Keeps nothing on disk.
const http = createHttpClient();

let server: FeedServer;
let host: string;

const jsonFeed = (items: unknown, fields: Record<string, unknown> = {}) => JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Typed', home_page_url: 'http://typed.example/', ...fields, items});
const valid = (name: string, date: string) => ({id: name, url: `http://typed.example/${name}`, title: `Post ${name}`, content_html: `<p>Text of ${name}.</p>`, date_published: date});

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
	server.route('/items-not-a-list.json', {type: 'application/feed+json', body: jsonFeed({not: 'array'}, {title: 5})});
	server.route('/title-not-text.json', {type: 'application/feed+json', body: jsonFeed([valid('a', '2026-01-02T00:00:00Z')], {title: 5, description: ['d'], home_page_url: 7})});
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
