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

	describe('from a post\'s page that names no feed', () => {
		const postPage = '<!DOCTYPE html><html><head><title>Post one</title></head><body><p>Post one.</p></body></html>';
		const homeNaming = (...feeds: string[]) => `<!DOCTYPE html><html><head><title>Home</title>${feeds.map(href => `<link rel="alternate" type="application/rss+xml" href="${href}">`).join('')}</head><body></body></html>`;
		const feed = (origin: string) => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed-only blog</title><link>${origin}/</link><item><title>Post one</title><link>${origin}/p/1</link><description>Post one.</description></item></channel></rss>\n`;

		test('reads the feed the site\'s home page names, after the usual places beside the post and before those at the root', async () => {
			server.route('/p/1', {type: html, body: postPage});
			server.route('/', {type: html, body: homeNaming('/feeds/main.xml')});
			server.route('/feeds/main.xml', {type: 'application/rss+xml', body: feed(server.origin)});
			const source = await openFeedBlog(http, `${server.origin}/p/1`);
			assert.equal(source.site.name, 'Feed-only blog');
			assert.equal(source.site.key, new URL(server.url).host, 'the blog is known by the home page that named its feed');
			assert.equal((await source.fetchPost({kind: 'url', url: `${server.origin}/p/1`})).title, 'Post one');
			assert.deepEqual(server.gets().slice(0, 9), ['/p/1', '/p/feed', '/p/feed/', '/p/rss.xml', '/p/atom.xml', '/p/index.xml', '/p/feed.json', '/', '/feeds/main.xml']);
		});

		test('tries at most the first three feeds the home page names, and says so when none is found', async () => {
			server.route('/p/1', {type: html, body: postPage});
			server.route('/', {type: html, body: homeNaming(...Array.from({length: 50}, (_, index) => `/broken/${index}.xml`))});
			await assert.rejects(openFeedBlog(http, `${server.origin}/p/1`), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.equal(error.kind, 'not-a-blog');
				assert.equal(error.message, `No feed found at ${new URL(server.url).host}: tried the page's <link> tags, /p/feed, /p/feed/, /p/rss.xml, /p/atom.xml, /p/index.xml, /p/feed.json, the 3 feeds the home page's <link> tags name (none could be read), /feed, /feed/, /rss.xml, /atom.xml, /index.xml, /feed.json.`);
				return true;
			});
			assert.deepEqual(server.gets().filter(url => url.startsWith('/broken/')), ['/broken/0.xml', '/broken/1.xml', '/broken/2.xml']);
		});

		test('a home page that leads to another host is not read for its feeds (nor said to be)', async () => {
			const elsewhere = server.origin.replace('127.0.0.1', 'localhost');
			server.route('/p/1', {type: html, body: postPage});
			server.route('/', request => (request.headers.host?.startsWith('localhost') ? {type: html, body: homeNaming('/feeds/main.xml')} : {status: 302, type: html, body: '', headers: {location: `${elsewhere}/`}}));
			server.route('/feeds/main.xml', {type: 'application/rss+xml', body: feed(elsewhere)});
			await assert.rejects(openFeedBlog(http, `${server.origin}/p/1`), /tried the page's <link> tags, .*\/p\/feed\.json, \/feed,/);
			assert.ok(!server.gets().includes('/feeds/main.xml'), server.gets().join(' '));
		});

		test('a page that is not there (404) is no post: the home page is not read for it', async () => {
			server.route('/', {type: html, body: homeNaming('/feeds/main.xml')});
			server.route('/feeds/main.xml', {type: 'application/rss+xml', body: feed(server.origin)});
			await assert.rejects(openFeedBlog(http, `${server.origin}/no/such/page`), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.match(error.message, /: tried the page's <link> tags, \/no\/such\/feed, .*\/no\/such\/feed\.json, \/feed, /);
				return true;
			});
			assert.ok(!server.gets().includes('/'), server.gets().join(' '));
		});

		test('the home page itself is not read twice', async () => {
			server.route('/', {type: html, body: fixture('home-without-links.html', server.origin)});
			await assert.rejects(openFeedBlog(http, server.url), /tried the page's <link> tags, \/feed,/);
			assert.equal(server.gets().filter(url => url === '/').length, 1);
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
