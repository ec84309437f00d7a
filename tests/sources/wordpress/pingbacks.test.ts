import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {startFakeWordPressBlog} from '../../helpers/fake-wordpress.js';
import type {TestServer} from '../../helpers/http-server.js';
import {runInProcess} from '../../script/run-cli.js';

/*
Pingbacks and trackbacks (issue 17): WordPress counts them with the comments ("3 Comments"), its REST API
lists only the comments to a visitor. blogterm counts as the blog counts (its feed's slash:comments) on
the list and the post, and shows them in the thread marked as such, with their link.
*/
const http = createHttpClient();

describe('a WordPress post with a pingback beside its comments', () => {
	let server: TestServer;
	let source: BlogSource;
	before(async () => {
		server = await startFakeWordPressBlog({name: 'Pinged Blog', posts: [
			{id: 3, slug: 'pinged', title: 'Pinged', html: '<p>3</p>', date: '2026-03-03T10:00:00', comments: 2, pingbacks: 1},
			{id: 2, slug: 'quiet', title: 'Quiet', html: '<p>2</p>', date: '2026-03-02T10:00:00', comments: 1},
			{id: 1, slug: 'only-pinged', title: 'Only pinged', html: '<p>1</p>', date: '2026-03-01T10:00:00', pingbacks: 2},
		]});
		source = await openBlog(http, server.url);
	});
	after(async () => server.close());
	beforeEach(() => {
		server.requests.length = 0;
	});

	it('the list counts as the blog counts, from its feed asked beside the list: pingbacks too', async () => {
		const page = await source.fetchPostPage(1, 10);
		assert.deepEqual(page.posts.map(post => [post.id, post.commentCount]), [[3, 3], [2, 1], [1, 2]]);
		assert.ok(!server.requests.some(request => request.url.includes('/wp/v2/comments')), 'the REST API is not asked for counts the feed gave');
	});

	it('the post counts as the blog counts', async () => {
		assert.equal((await source.fetchPost({kind: 'id', id: 3})).commentCount, 3);
		assert.equal((await source.fetchPost({kind: 'slug', slug: 'only-pinged'})).commentCount, 2);
	});

	it('the thread shows the pingback marked as such, with its link, in date order', async () => {
		const {comments} = await source.fetchComments(await source.fetchPost({kind: 'id', id: 3}));
		assert.deepEqual(comments.map(comment => [comment.author, comment.type, comment.authorUrl]), [
			['Reader 1', undefined, undefined],
			['Reader 2', undefined, undefined],
			['Linking Blog 1 » About pinged', 'pingback', 'https://linking1.example/about-pinged/'],
		]);
	});

	it('a post with no pingback costs no request for them', async () => {
		const post = await source.fetchPost({kind: 'id', id: 2});
		server.requests.length = 0;
		assert.deepEqual((await source.fetchComments(post)).comments.map(comment => comment.author), ['Reader 1']);
		assert.deepEqual(server.requests.map(request => new URL(request.url, server.url).pathname), ['/wp-json/wp/v2/comments']);
	});

	it('print mode: "Pingback from …" in text and Markdown, "type": "pingback" in JSON, the blog\'s count in the list', async () => {
		const list = await runInProcess([server.url, '--list', '--width', '100']);
		assert.match(list.stdout, / · 3 comments · ID 3$/m, list.stdout);
		const text = await runInProcess([server.url, '--post', '3', '--comments', '--width', '100']);
		assert.match(text.stdout, /^Pingback from Linking Blog 1 » About pinged\[1\] · /m, text.stdout);
		assert.match(text.stdout, /\[…\] linked to pinged \[…\]/);
		assert.match(text.stdout, /^\[1\] https:\/\/linking1\.example\/about-pinged\/$/m);
		const markdown = await runInProcess([server.url, '--post', '3', '--comments', '--format', 'markdown']);
		// Linked to the page that links here, as text mode's [1] is.
		assert.match(markdown.stdout, /\*\*\[Pingback from Linking Blog 1 » About pinged\]\(https:\/\/linking1\.example\/about-pinged\/\)\*\*/, markdown.stdout);
		const json = JSON.parse((await runInProcess([server.url, '--post', '3', '--comments', '--format', 'json'])).stdout) as {commentCount: number; comments: Array<{type: string; author: string; authorUrl: string | null}>};
		assert.equal(json.commentCount, 3);
		assert.deepEqual(json.comments.map(comment => [comment.type, comment.author, comment.authorUrl]), [
			['comment', 'Reader 1', null],
			['comment', 'Reader 2', null],
			['pingback', 'Linking Blog 1 » About pinged', 'https://linking1.example/about-pinged/'],
		]);
	});
});

describe('a WordPress blog whose feed pages hold another number of posts than ten (posts_per_rss)', () => {
	let server: TestServer;
	before(async () => {
		// Twelve posts, five to a feed page; the pinged one is the eighth, on the feed's second page.
		const posts = Array.from({length: 12}, (_, index) => ({
			id: 12 - index, slug: `post-${12 - index}`, title: `Post ${12 - index}`, html: '<p>.</p>', date: `2026-03-${String(20 - index).padStart(2, '0')}T10:00:00`,
			comments: index % 3, pingbacks: index === 7 ? 1 : 0,
		}));
		server = await startFakeWordPressBlog({name: 'Five a page', postsPerFeed: 5, posts});
	});
	after(async () => server.close());

	it('learns the size from the feed\'s first page and counts every post as the blog does, with no count from the REST API', async () => {
		const source = await openBlog(http, server.url);
		const feedPages = () => server.requests.map(request => new URL(request.url, server.url).search).filter(search => /^\?feed=rss2(?:&paged=\d+)?$/.test(search)).sort();
		server.requests.length = 0;
		// (This fake lists every post on one page.)
		const counts = [0, 1, 2, 0, 1, 2, 0, 2, 2, 0, 1, 2];
		assert.deepEqual((await source.fetchPostPage(1, 10)).posts.map(post => post.commentCount), counts);
		assert.ok(!server.requests.some(request => request.url.includes('/wp/v2/comments')), 'no count from the REST API');
		assert.deepEqual(feedPages(), ['?feed=rss2', '?feed=rss2&paged=2'], 'the first feed page, asked before the size was known, is not asked again once it is');
		server.requests.length = 0;
		assert.deepEqual((await source.fetchPostPage(1, 10)).posts.map(post => post.commentCount), counts);
		assert.deepEqual(feedPages(), ['?feed=rss2', '?feed=rss2&paged=2'], 'the two feed pages of five that hold list page 1, asked at once');
	});
});
