import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {fixture, manyItemsFeed, startFeedServer, type FeedServer} from './feed-server.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
	const serve = (path: string, name: string, type: string) => server.route(path, {type, body: fixture(name, server.origin)});
	serve('/oldschool/rss.xml', 'rss-091.xml', 'text/xml');
	serve('/rdf/index.rdf', 'rss-10-rdf.xml', 'application/rdf+xml');
	serve('/wp/feed/', 'wordpress-page-1.xml', 'application/rss+xml; charset=UTF-8');
	serve('/atom/atom.xml', 'atom-xml-base.xml', 'application/atom+xml');
	serve('/json/feed.json', 'json-feed-11.json', 'application/feed+json');
	serve('/text/feed.json', 'json-feed-text.json', 'application/json');
	serve('/titles/rss.xml', 'titles-entities.xml', 'application/rss+xml');
	serve('/timeless/rss.xml', 'missing-dates.xml', 'application/rss+xml');
	serve('/latin1/rss.xml', 'iso-8859-1.xml', 'application/rss+xml');
	serve('/cp1252/rss.xml', 'windows-1252.xml', 'text/xml');
	serve('/header/rss.xml', 'header-charset.xml', 'application/rss+xml; charset=ISO-8859-1');
	serve('/bom/rss.xml', 'utf8-bom.xml', 'application/xml; charset=utf-8');
	serve('/single/atom.xml', 'single-item.xml', 'application/atom+xml');
	server.route('/out-of-order/rss.xml', {type: 'application/rss+xml', body: outOfOrderFeed(server.origin)});
	server.route('/many/rss.xml', {type: 'application/rss+xml', body: manyItemsFeed(500, server.origin)});
});

after(async () => {
	await server.close();
});

/** Dated items out of order, an undated one between them and one whose date is no date at the end. */
function outOfOrderFeed(origin: string): string {
	const items = [
		['Twenty-five', 'Wed, 01 Jan 2025 10:00:00 GMT'],
		['Undated', undefined],
		['Twenty-six', 'Thu, 01 Jan 2026 10:00:00 GMT'],
		['Twenty-four', 'Mon, 01 Jan 2024 10:00:00 GMT'],
		['Bad date', 'bad'],
	].map(([title, date]) => `<item><title>${title}</title><link>${origin}/out-of-order/${title!.toLowerCase()}</link>${date ? `<pubDate>${date}</pubDate>` : ''}<description>${title}.</description></item>`);
	return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Out of order</title><link>${origin}/out-of-order/</link>\n${items.join('\n')}\n</channel></rss>\n`;
}

async function open(path: string) {
	return openFeedBlog(http, `${server.origin}${path}`);
}

async function allPosts(path: string) {
	const source = await open(path);
	const page = await source.fetchPostPage(1, 100);
	return {source, page, posts: page.posts};
}

describe('every feed format is read into posts', () => {
	test('RSS 0.91: titles, links, summaries, no dates', async () => {
		const {source, posts} = await allPosts('/oldschool/rss.xml');
		assert.equal(source.description, 'RSS feed');
		assert.equal(source.site.name, 'Old School Notes');
		assert.deepEqual(posts.map(post => [post.title, post.link, post.date]), [
			['Tables & frames', `${server.origin}/oldschool/tables.html`, undefined],
			['Hello, web', `${server.origin}/oldschool/hello.html`, undefined],
		]);
		const post = await source.fetchPost({kind: 'url', url: `${server.origin}/oldschool/tables.html`});
		assert.equal(post.isSummaryOnly, true);
		assert.match(post.html, new RegExp(`<a href="${server.origin}/oldschool/more.html">More</a>`));
	});

	test('RSS 1.0 (RDF): dc:creator, dc:date, dc:subject and content:encoded', async () => {
		const {source, posts} = await allPosts('/rdf/index.rdf');
		assert.equal(source.description, 'RSS feed');
		assert.deepEqual(posts.map(post => [post.title, post.author, post.date]), [
			['Thinking in triples', 'Tim', '2003-06-02T09:30:00+02:00'],
			['Ontologies for breakfast', 'Tim', '2003-05-20T08:00:00.000Z'],
		]);
		assert.deepEqual(posts[0]?.categories.map(term => term.name), ['Semantics']);
		const full = await source.fetchPost({kind: 'slug', slug: 'triples'});
		assert.equal(full.isSummaryOnly, false);
		assert.match(full.html, /the whole graph/);
		const summary = await source.fetchPost({kind: 'slug', slug: 'ontologies'});
		assert.equal(summary.isSummaryOnly, true);
		assert.equal(summary.html, 'Only a summary here.');
	});

	test('RSS 2.0 from WordPress: CDATA content, dc:creator, categories and slash:comments', async () => {
		const {source, posts} = await allPosts('/wp/feed/');
		assert.equal(source.description, 'RSS feed');
		assert.equal(source.site.name, 'Green Thumbs – A Garden Diary');
		assert.equal(source.site.url, `${server.origin}/wp`);
		const first = posts[0]!;
		assert.equal(first.title, 'Pruning roses in late winter');
		assert.equal(first.author, 'Ann Gardener');
		assert.equal(first.date, '2024-01-16T09:15:00.000Z');
		assert.equal(first.commentCount, 2);
		assert.deepEqual(first.categories.map(term => term.name), ['Gardening', 'Roses']);
		assert.equal(posts[1]?.title, 'Seed catalogues & dreaming');
		const post = await source.fetchPost({kind: 'id', id: first.id});
		assert.equal(post.isSummaryOnly, false);
		assert.match(post.html, new RegExp(`<a href="${server.origin}/wp/outward-bud/">outward-facing bud</a>`));
		assert.match(post.html, new RegExp(`src="${server.origin}/wp/wp-content/uploads/rose.jpg"`));
	});

	test('Atom 1.0: HTML titles as text, tags and categories, thr:count, the feed author for entries without one', async () => {
		const {source, posts} = await allPosts('/atom/atom.xml');
		assert.equal(source.description, 'Atom feed');
		assert.equal(source.site.name, 'Static & Sure');
		assert.equal(source.site.description, 'A static site');
		assert.deepEqual(posts.map(post => post.title), ['Building with make', 'Plain text <title> kept', 'Only a summary']);
		const make = posts[0]!;
		assert.equal(make.date, '2024-03-03T10:00:00+01:00');
		assert.equal(make.commentCount, 3);
		assert.equal(make.author, 'Dana Static');
		assert.deepEqual(make.tags.map(term => term.name), ['Build']);
		assert.deepEqual(make.categories.map(term => term.name), ['Tools']);
		assert.equal(posts[1]?.author, 'Guest Writer');
		const summary = await source.fetchPost({kind: 'url', url: `${server.origin}/atom/posts/summary`});
		assert.equal(summary.isSummaryOnly, true);
		assert.match(summary.html, new RegExp(`href="${server.origin}/atom/posts/summary/"`));
	});

	test('JSON Feed 1.1: content_html, tags, authors, and an item without a title', async () => {
		const {source, posts} = await allPosts('/json/feed.json');
		assert.equal(source.description, 'JSON Feed');
		assert.equal(source.site.name, 'Microblog &amp; More', 'a JSON Feed title is text');
		assert.deepEqual(posts.map(post => [post.title, post.author]), [
			['A long post about bicycles', 'Jay Son'],
			['Rode to work in the rain today.', 'Guest'],
		]);
		assert.deepEqual(posts[0]?.tags.map(term => term.name), ['bikes', 'commuting']);
		const post = await source.fetchPost({kind: 'id', id: '2'});
		assert.equal(post.html, '<p>Rode to work in the rain today.</p>');
		assert.equal(post.isSummaryOnly, false);
	});

	test('JSON Feed 1.0 with only content_text: the text is escaped, not read as HTML', async () => {
		const {source, posts} = await allPosts('/text/feed.json');
		assert.equal(posts[0]?.title, 'Angle brackets <are> text');
		assert.equal(posts[0]?.author, 'Tex T.');
		const post = await source.fetchPost({kind: 'id', id: 't1'});
		assert.equal(post.html, '<p>First paragraph with &lt;b&gt;not bold&lt;/b&gt; &amp; an ampersand.</p>\n<p>Second paragraph.</p>');
		assert.equal(post.isSummaryOnly, false);
	});
});

describe('real-world quirks', () => {
	test('entities (decoded once: a double-encoded one shows as written), CDATA markup and escape sequences in titles become plain text', async () => {
		const {source, posts} = await allPosts('/titles/rss.xml');
		assert.equal(source.site.name, 'Entities &amp; Markup', 'RSS text is decoded once, by XML');
		assert.deepEqual(posts.map(post => post.title), [
			'Don’t panic – it’s only &amp; encoded twice',
			'Bold move & café talk',
			'Escaped markup in a title',
			'Sneaky red title',
		]);
	});

	test('missing and unreadable dates are allowed, and an undated item keeps its place in the feed', async () => {
		const {posts} = await allPosts('/timeless/rss.xml');
		assert.deepEqual(posts.map(post => [post.title, post.date]), [
			['Undated thoughts', undefined],
			['A date nobody can read', undefined],
			['A proper date', '2024-01-02T15:00:00.000Z'],
		]);
	});

	test('one undated item does not turn sorting off: the dated ones are newest first around it, and previous/next follow', async () => {
		const {source, posts} = await allPosts('/out-of-order/rss.xml');
		assert.deepEqual(posts.map(post => [post.title, post.date]), [
			['Twenty-six', '2026-01-01T10:00:00.000Z'],
			['Undated', undefined],
			['Twenty-five', '2025-01-01T10:00:00.000Z'],
			['Twenty-four', '2024-01-01T10:00:00.000Z'],
			['Bad date', undefined],
		], 'the undated items stay second and last, where the feed put them');
		const newest = await source.fetchPost({kind: 'id', id: posts[0]!.id});
		const neighbours = await source.fetchNeighbours(newest);
		assert.equal(neighbours.next, undefined, 'nothing is newer than the newest');
		assert.equal(neighbours.previous?.title, 'Undated');
		const middle = await source.fetchNeighbours(await source.fetchPost({kind: 'id', id: posts[2]!.id}));
		assert.deepEqual([middle.previous?.title, middle.next?.title], ['Twenty-four', 'Undated']);
	});

	test('ISO-8859-1 declared in the XML prolog', async () => {
		const {source, posts} = await allPosts('/latin1/rss.xml');
		assert.equal(source.site.name, 'Café Müller');
		assert.equal(posts[0]?.title, 'Crème brûlée für alle');
		assert.equal(posts[0]?.excerpt, 'Grüße aus Köln © 2024');
	});

	test('windows-1252 “smart quotes” declared in the XML prolog', async () => {
		const {source, posts} = await allPosts('/cp1252/rss.xml');
		assert.equal(source.site.name, '“Smart” quotes – a blog');
		assert.equal(posts[0]?.title, 'It’s “quoted” … and costs €5');
	});

	test('ISO-8859-1 declared only in the HTTP Content-Type', async () => {
		const {posts} = await allPosts('/header/rss.xml');
		assert.equal(posts[0]?.title, 'Señor Piña');
	});

	test('UTF-8 with a byte order mark', async () => {
		const {source, posts} = await allPosts('/bom/rss.xml');
		assert.equal(source.site.name, 'Über BOM – 日本');
		assert.equal(posts[0]?.title, 'Ça marche ✓');
	});

	test('a feed with a single item', async () => {
		const {source, page} = await allPosts('/single/atom.xml');
		assert.deepEqual([page.total, page.totalPages, page.posts.length], [1, 1, 1]);
		const post = await source.fetchPost({kind: 'slug', slug: 'only'});
		assert.deepEqual(await source.fetchNeighbours(post), {previous: undefined, next: undefined});
	});

	test('a feed with 500 items is paged over the items it holds, and says it holds 500', async () => {
		const source = await open('/many/rss.xml');
		const first = await source.fetchPostPage(1, 20);
		assert.deepEqual([first.total, first.totalPages], [500, 25]);
		assert.equal(first.posts[0]?.title, 'Post number 500');
		const last = await source.fetchPostPage(25, 20);
		assert.deepEqual(last.posts.map(post => post.title).slice(-2), ['Post number 2', 'Post number 1']);
		const past = await source.fetchPostPage(26, 20);
		assert.deepEqual([past.posts.length, past.total], [0, 500]);
		const requests = server.gets().filter(url => url.startsWith('/many/'));
		// The feed itself and one look at ?paged=2 (which answered the same items): nothing per page.
		assert.deepEqual(requests, ['/many/rss.xml', '/many/rss.xml?paged=2']);
	});
});
