import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, describe, test} from 'node:test';
import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {openFeedBlog} from '../../source/sources/feed/discover-feed.js';
import {filterHeading, noPostsMessage, searchTerms} from '../../source/sources/post-filter.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {fixture, startFeedServer, type FeedServer} from './feed/feed-server.js';

const http = createHttpClient();

type RestPost = {id: number; title: {rendered: string}; excerpt: {rendered: string}; content: {rendered: string; protected: boolean}; author: number; date: string};

describe('a search over a WordPress blog (the demo, which answers search= as WordPress does)', () => {
	let demo: TestDemo;
	let all: RestPost[];
	before(async () => {
		demo = await startTestDemo();
		({body: all} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=100&_fields=id,title,excerpt,content,author,date'));
	});
	after(async () => demo.stop());

	/** The posts every word of `text` is in (title, excerpt or content, case ignored), newest first, none password-protected: what WordPress gives a visitor. */
	const expected = (text: string) => all.filter(post => !post.content.protected && searchTerms(text).every(term => [post.title.rendered, post.excerpt.rendered, post.content.rendered].some(field => field.toLowerCase().includes(term.text)) !== term.exclude)).map(post => post.id);

	test('finds the posts with every word, case ignored, newest first, paged with the totals', async () => {
		const source = await openBlog(http, demo.url);
		const wanted = expected('compost');
		assert.ok(wanted.length >= 3, `the demo has posts about compost (${wanted.length})`);
		assert.ok(wanted.length < all.length);
		const first = await source.fetchPostPage(1, 2, {filter: {kind: 'search', text: 'COMPOST'}});
		assert.equal(first.total, wanted.length);
		assert.equal(first.totalPages, Math.ceil(wanted.length / 2));
		const ids = [...first.posts.map(post => post.id)];
		for (let page = 2; page <= first.totalPages; page++) ids.push(...(await source.fetchPostPage(page, 2, {filter: {kind: 'search', text: 'compost'}})).posts.map(post => post.id));
		assert.deepEqual(ids, wanted);
		const two = await source.fetchPostPage(1, 100, {filter: {kind: 'search', text: 'compost queue'}});
		assert.deepEqual(two.posts.map(post => post.id), expected('compost queue'));
		assert.ok(two.total < first.total, 'two words: posts with both');
	});

	test('a search nothing matches is an empty list, not an error', async () => {
		const source = await openBlog(http, demo.url);
		const page = await source.fetchPostPage(1, 10, {filter: {kind: 'search', text: 'xylophone'}});
		assert.equal(page.total, 0);
		assert.deepEqual(page.posts, []);
		assert.equal(noPostsMessage({kind: 'search', text: 'xylophone'}), 'No posts match “xylophone”.');
		// Each filter in a sentence of its own (it read "No posts in Category Uncategorized.").
		assert.equal(noPostsMessage({kind: 'category', term: {id: 1, name: 'Uncategorized', taxonomy: 'category'}}), 'No posts in the category “Uncategorized”.');
		assert.equal(noPostsMessage({kind: 'tag', term: {id: 2, name: 'tmux', taxonomy: 'tag'}}), 'No posts tagged “tmux”.');
		assert.equal(noPostsMessage({kind: 'author', id: 3, name: 'Dana'}), 'No posts by Dana.');
		assert.equal(filterHeading({kind: 'search', text: 'protest'}), 'Search: “protest”');
	});

	test('orderby=relevance puts the posts with the words in their title first, as WordPress does; without a search it is refused', async () => {
		const {body} = await demo.rest<Array<{id: number; title: {rendered: string}}>>('wp/v2/posts?search=compost&orderby=relevance&per_page=100&_fields=id,title');
		const inTitle = body.map(post => post.title.rendered.toLowerCase().includes('compost'));
		assert.ok(inTitle[0], 'a title with the word comes first');
		assert.deepEqual(inTitle, [...inTitle].sort((a, b) => Number(b) - Number(a)), 'every title match before every other match');
		const refused = await fetch(new URL('wp-json/wp/v2/posts?orderby=relevance', demo.url));
		assert.equal(refused.status, 400);
		assert.equal(((await refused.json()) as {code: string}).code, 'rest_no_search_term_defined');
	});

	test('author= lists one author’s posts', async () => {
		const author = all[0]!.author;
		const {body} = await demo.rest<RestPost[]>(`wp/v2/posts?author=${author}&per_page=100&_fields=id,author`);
		assert.deepEqual(body.map(post => post.id), all.filter(post => post.author === author).map(post => post.id));
	});
});

describe('a search over a feed blog: over the items it holds, every page of them', () => {
	let server: FeedServer;
	beforeEach(async () => {
		server = await startFeedServer();
		const type = 'application/rss+xml; charset=UTF-8';
		server.route('/wp/feed/', {type, body: fixture('wordpress-page-1.xml', server.origin)});
		server.route('/wp/feed/?paged=2', {type, body: fixture('wordpress-page-2.xml', server.origin)});
	});
	afterEach(async () => server.close());

	test('finds words in titles and text on both pages of the feed, case ignored; nothing found is an empty list', async () => {
		const source = await openFeedBlog(http, `${server.origin}/wp/feed/`);
		const roses = await source.fetchPostPage(1, 10, {filter: {kind: 'search', text: 'Roses'}});
		assert.deepEqual(roses.posts.map(post => post.title), ['Pruning roses in late winter', 'Roses that bloom in winter']);
		assert.equal(roses.total, 2);
		const inText = await source.fetchPostPage(1, 10, {filter: {kind: 'search', text: 'secateurs'}});
		assert.deepEqual(inText.posts.map(post => post.title), ['Tool care before spring']);
		const none = await source.fetchPostPage(1, 10, {filter: {kind: 'search', text: 'tulips'}});
		assert.equal(none.total, 0);
		assert.deepEqual(none.posts, []);
	});

	test('-word leaves out the posts with the word, and a quote left open runs to the end, as on a WordPress blog', async () => {
		const source = await openFeedBlog(http, `${server.origin}/wp/feed/`);
		const titles = async (text: string) => (await source.fetchPostPage(1, 10, {filter: {kind: 'search', text}})).posts.map(post => post.title);
		assert.deepEqual(await titles('roses -pruning'), ['Roses that bloom in winter']);
		assert.deepEqual(await titles('"roses that'), ['Roses that bloom in winter'], 'an open quote is a phrase to the end');
		assert.deepEqual(await titles('"roses that"'), ['Roses that bloom in winter']);
		const withoutRoses = await titles('-roses');
		assert.ok(withoutRoses.length > 0 && withoutRoses.every(title => !/roses/i.test(title)), withoutRoses.join(', '));
		assert.equal(withoutRoses.length + 2, (await source.fetchPostPage(1, 10)).total, 'every post but the two with roses');
	});

	test('a category, a tag or an author picks the items the feed gives them', async () => {
		const source = await openFeedBlog(http, `${server.origin}/wp/feed/`);
		const gardening = await source.fetchPostPage(1, 10, {filter: {kind: 'category', term: {id: 'gardening', name: 'Gardening', taxonomy: 'category'}}});
		assert.deepEqual(gardening.posts.map(post => post.title), ['Pruning roses in late winter', 'Compost in the cold', 'Roses that bloom in winter']);
		const bob = await source.fetchPostPage(1, 10, {filter: {kind: 'author', id: 'Bob Digger', name: 'Bob Digger'}});
		assert.deepEqual(bob.posts.map(post => post.title), ['Compost in the cold', 'Tool care before spring']);
	});
});
