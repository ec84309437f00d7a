import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, test} from 'node:test';
import {createHttpClient} from '../../../source/http/client.js';
import {BlogError} from '../../../source/errors.js';
import {findFeedLinks, openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {maxHtmlDepth} from '../../../source/render/html-events.js';
import {fixture, startFeedServer, type FeedServer} from './feed-server.js';

// Keeps nothing on disk.
const http = createHttpClient();

describe('discovering a blog\'s feed', () => {
	let server: FeedServer;

	const html = 'text/html; charset=UTF-8';

	beforeEach(async () => {
		server = await startFeedServer();
	});

	afterEach(async () => {
		await server.close();
	});

	describe('finding the feed from the home page', () => {
		test('follows the page\'s <link rel="alternate"> to the main feed, skipping the comments feed and the REST API link', async () => {
			server.route('/', {type: html, body: fixture('home-with-links.html', server.origin)});
			server.route('/wp/feed/', {type: 'application/rss+xml', body: fixture('wordpress-page-1.xml', server.origin)});
			server.route('/wp/comments/feed/', {type: 'application/rss+xml', body: fixture('wordpress-comments.xml', server.origin)});
			const source = await openFeedBlog(http, server.url);
			assert.equal(source.site.name, 'Green Thumbs – A Garden Diary');
			const gets = server.gets();
			assert.deepEqual(gets.slice(0, 2), ['/', '/wp/feed/']);
			assert.ok(!gets.some(url => url.includes('comments') || url.includes('wp-json')), gets.join(' '));
		});

		test('uses the home page it is given instead of fetching it again', async () => {
			server.route('/', {type: html, body: fixture('home-with-links.html', server.origin)});
			server.route('/wp/feed/', {type: 'application/rss+xml', body: fixture('wordpress-page-1.xml', server.origin)});
			const home = await http.getText(server.url);
			await openFeedBlog(http, home.url, {home});
			assert.equal(server.gets().filter(url => url === '/').length, 1);
		});

		test('names a JSON Feed with application/feed+json', async () => {
			server.route('/', {type: html, body: `<html><head><link rel="alternate" type="application/feed+json" title="JSON Feed" href="/json/feed.json"></head><body></body></html>`});
			server.route('/json/feed.json', {type: 'application/feed+json', body: fixture('json-feed-11.json', server.origin)});
			const source = await openFeedBlog(http, server.url);
			assert.equal(source.description, 'JSON Feed');
		});

		test('tries the usual places, in order, when the page names no feed', async () => {
			server.route('/', {type: html, body: fixture('home-without-links.html', server.origin)});
			server.route('/index.xml', {type: 'application/rss+xml', body: fixture('titles-entities.xml', server.origin)});
			const source = await openFeedBlog(http, server.url);
			assert.equal(source.site.name, 'Entities &amp; Markup', 'RSS text is decoded once, by XML');
			assert.deepEqual(server.gets().slice(0, 6), ['/', '/feed', '/feed/', '/rss.xml', '/atom.xml', '/index.xml']);
		});

		test('an HTML page in a usual place is not taken for a feed', async () => {
			server.route('/', {type: html, body: fixture('home-without-links.html', server.origin)});
			server.route('/feed', {type: html, body: fixture('home-without-links.html', server.origin)});
			server.route('/feed.json', {type: 'application/json', body: fixture('json-feed-text.json', server.origin)});
			const source = await openFeedBlog(http, server.url);
			assert.equal(source.site.name, 'Plain Text Diary');
		});

		test('when nothing is found: a not-a-blog BlogError saying what was tried', async () => {
			server.route('/', {type: html, body: fixture('home-without-links.html', server.origin)});
			await assert.rejects(openFeedBlog(http, server.url), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.equal(error.kind, 'not-a-blog');
				const host = new URL(server.url).host;
				assert.equal(error.message, `No feed found at ${host}: tried the page's <link> tags, /feed, /feed/, /rss.xml, /atom.xml, /index.xml, /feed.json.`);
				return true;
			});
		});

		test('when the feeds the page names cannot be read, the message says so', async () => {
			server.route('/', {type: html, body: fixture('home-with-links.html', server.origin)});
			await assert.rejects(openFeedBlog(http, server.url), /tried the feed the page's <link> tags name \(none could be read\), \/feed,/);
		});
	});

	describe('a feed URL given directly', () => {
		test('opens without looking anywhere else', async () => {
			server.route('/single/atom.xml', {type: 'application/atom+xml', body: fixture('single-item.xml', server.origin)});
			const source = await openFeedBlog(http, `${server.origin}/single/atom.xml`);
			assert.equal(source.site.name, 'One Post Wonder');
			assert.ok(server.gets().every(url => url.startsWith('/single/atom.xml')), server.gets().join(' '));
		});

		test('a feed already fetched as UTF-8 text that declares ISO-8859-1 is fetched again as bytes and read right', async () => {
			server.route('/latin1/rss.xml', {type: 'application/rss+xml', body: fixture('iso-8859-1.xml', server.origin)});
			const home = await http.getText(`${server.origin}/latin1/rss.xml`);
			const source = await openFeedBlog(http, home.url, {home});
			assert.equal(source.site.name, 'Café Müller');
		});
	});

	describe('findFeedLinks', () => {
		test('resolves against <base href>, keeps the page order, and puts plain application/json last', () => {
			const links = findFeedLinks(`<html><head>
			<base href="https://blog.example/sub/">
			<link rel="alternate" type="application/json" href="feed.json">
			<link rel="alternate" type="application/atom+xml" href="atom.xml">
			<link rel="alternate" type="application/rss+xml" title="Comments" href="c.xml">
			<link rel="alternate" type="application/rss+xml" href="/comments/feed/">
			<link rel="alternate" type="application/rss+xml" href="rss.xml">
			<link rel="stylesheet" type="text/css" href="style.css">
		</head><body><link rel="alternate" type="application/rss+xml" href="late.xml"></body></html>`, 'https://blog.example/');
			assert.deepEqual(links, ['https://blog.example/sub/atom.xml', 'https://blog.example/sub/rss.xml', 'https://blog.example/sub/feed.json']);
		});
	});

	test('finds the links of a head nested deeper than blogterm follows, and none after the head', () => {
		const deep = '<div>'.repeat(maxHtmlDepth + 100);
		const links = findFeedLinks(`<html><head>${deep}<link rel="alternate" type="application/rss+xml" href="/deep.xml">${'</div>'.repeat(maxHtmlDepth + 100)}</head>
			<body><link rel="alternate" type="application/atom+xml" href="/late.xml"></body></html>`, 'https://blog.example/');
		assert.deepEqual(links, ['https://blog.example/deep.xml']);
	});
});
