import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, test} from 'node:test';
import type {CommentDraft} from '../../../source/model/comment-draft.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {BlogError} from '../../../source/errors.js';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {waitUntil} from '../../helpers/poll.js';
import {fixture, startFeedServer, type FeedServer} from './feed-server.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

let server: FeedServer;

/** A WordPress blog at /wp/ whose feed pages with ?paged=N: 3 posts a page, 6 in all, page 3 is a 404. */
function serveWordPress(options: {withoutGenerator?: boolean; emptyLastPage?: boolean} = {}) {
	const page = (number: 1 | 2) => {
		const body = fixture(`wordpress-page-${number}.xml`, server.origin);
		return options.withoutGenerator ? Buffer.from(body.toString('utf8').replace(/<generator>.*<\/generator>/, '')) : body;
	};
	const type = 'application/rss+xml; charset=UTF-8';
	server.route('/wp/feed/', {type, body: page(1)});
	server.route('/wp/feed/?paged=2', {type, body: page(2)});
	if (options.emptyLastPage) {
		server.route('/wp/feed/?paged=3', {type, body: page(2).toString('utf8').replaceAll(/<item>[\s\S]*?<\/item>/g, '')});
	}
	server.route('/wp/pruning-roses/feed/', {type, body: fixture('wordpress-comments.xml', server.origin)});
	server.route('/wp/pruning-roses/', {type: 'text/html; charset=UTF-8', body: fixture('wordpress-post.html', server.origin)});
	server.route('/wp/seed-catalogues/', {type: 'text/html; charset=UTF-8', body: fixture('wordpress-post-closed.html', server.origin)});
	server.route('/wp/wp-comments-post.php', {
		status: 302,
		type: 'text/html',
		body: '',
		headers: {location: `${server.origin}/wp/pruning-roses/?unapproved=13&moderation-hash=5f3a#comment-13`},
	});
}

async function openWordPress(): Promise<BlogSource> {
	return openFeedBlog(http, `${server.origin}/wp/feed/`);
}

const draft: CommentDraft = {
	comment: 'Thank you, pruned mine today.',
	name: 'Grace',
	email: 'grace@example.com',
	website: '',
	saveIdentity: false,
	parent: 0,
};

describe('a blog read through its feed', () => {
	beforeEach(async () => {
		server = await startFeedServer();
	});

	afterEach(async () => {
		await server.close();
	});

	describe('paging a WordPress feed with ?paged=N', () => {
		test('reads page after page until a 404, and the list grows as it goes', async () => {
			serveWordPress();
			const source = await openWordPress();
			const first = await source.fetchPostPage(1, 2);
			assert.deepEqual(first.posts.map(post => post.title), ['Pruning roses in late winter', 'Seed catalogues & dreaming']);
			assert.ok(first.totalPages > 1, 'a next page is offered');
			const second = await source.fetchPostPage(2, 2);
			assert.deepEqual(second.posts.map(post => post.title), ['Compost in the cold', 'Roses that bloom in winter']);
			const third = await source.fetchPostPage(3, 2);
			assert.deepEqual(third.posts.map(post => post.title), ['Tool care before spring', 'Hello, garden!']);
			assert.deepEqual([third.total, third.totalPages], [6, 3]);
			const past = await source.fetchPostPage(4, 2);
			assert.deepEqual(past.posts, []);
			assert.deepEqual(server.gets(), ['/wp/feed/', '/wp/feed/?paged=2', '/wp/feed/?paged=3']);
		});

		test('an empty page is the end too', async () => {
			serveWordPress({emptyLastPage: true});
			const source = await openWordPress();
			const page = await source.fetchPostPage(1, 50);
			assert.deepEqual([page.posts.length, page.total, page.totalPages], [6, 6, 1]);
			assert.deepEqual(server.gets(), ['/wp/feed/', '/wp/feed/?paged=2', '/wp/feed/?paged=3']);
		});

		test('a WordPress feed that hides its generator is found to page when ?paged=2 brings new posts', async () => {
			serveWordPress({withoutGenerator: true});
			const source = await openWordPress();
			const page = await source.fetchPostPage(1, 10);
			assert.equal(page.total, 6);
		});

		test('a server error on a later page is an http BlogError, not the end of the list', async () => {
			serveWordPress();
			server.route('/wp/feed/?paged=2', {status: 500, type: 'text/html', body: 'oops'});
			const source = await openWordPress();
			await assert.rejects(source.fetchPostPage(2, 3), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.equal(error.kind, 'http');
				assert.equal(error.statusCode, 500);
				return true;
			});
		});
	});

	describe('finding a post', () => {
		test('by its WordPress ID (the ?p= guid), its slug, its URL with or without the final slash, and its ?p= URL', async () => {
			serveWordPress();
			const source = await openWordPress();
			assert.equal((await source.fetchPost({kind: 'id', id: 106})).title, 'Pruning roses in late winter');
			assert.equal((await source.fetchPost({kind: 'slug', slug: 'seed-catalogues'})).title, 'Seed catalogues & dreaming');
			assert.equal((await source.fetchPost({kind: 'url', url: `${server.origin}/wp/compost-in-the-cold`})).title, 'Compost in the cold');
			assert.equal((await source.fetchPost({kind: 'url', url: `${server.origin}/wp/pruning-roses/#comments`})).title, 'Pruning roses in late winter');
			// On the second feed page: found by reading on.
			assert.equal((await source.fetchPost({kind: 'url', url: `${server.origin}/wp/?p=102`})).title, 'Tool care before spring');
		});

		test('a WordPress post beyond the pages read is asked for on its own (?p=ID&feed=rss2&withoutcomments=1), then placed among its neighbours', async () => {
			serveWordPress();
			const pageTwo = fixture('wordpress-page-2.xml', server.origin).toString('utf8');
			const onlyHello = pageTwo.replaceAll(/<item>[\s\S]*?<\/item>/g, item => item.includes('?p=101<') ? item : '');
			server.route('/wp/?p=101&feed=rss2&withoutcomments=1', {type: 'application/rss+xml; charset=UTF-8', body: onlyHello});
			const source = await openWordPress();
			const post = await source.fetchPost({kind: 'id', id: 101});
			assert.equal(post.title, 'Hello, garden!');
			assert.deepEqual(server.gets().filter(url => url.includes('feed')), ['/wp/feed/', '/wp/?p=101&feed=rss2&withoutcomments=1']);
			const around = await source.fetchNeighbours(post);
			assert.equal(around.next?.title, 'Tool care before spring');
			assert.equal(around.previous, undefined);
		});

		test('a post WordPress says it does not have is not looked for page after page', async () => {
			serveWordPress();
			server.route('/wp/?name=gone&feed=rss2&withoutcomments=1', {status: 404, type: 'application/rss+xml; charset=UTF-8', body: fixture('wordpress-page-2.xml', server.origin).toString('utf8').replaceAll(/<item>[\s\S]*?<\/item>/g, '')});
			const source = await openWordPress();
			await assert.rejects(source.fetchPost({kind: 'slug', slug: 'gone'}), (error: unknown) => error instanceof BlogError && error.kind === 'not-found');
			assert.ok(!server.gets().includes('/wp/feed/?paged=2'));
		});

		test('a post the feed does not hold is a not-found BlogError', async () => {
			serveWordPress();
			const source = await openWordPress();
			await assert.rejects(source.fetchPost({kind: 'slug', slug: 'no-such-post'}), (error: unknown) => {
				assert.ok(error instanceof BlogError);
				assert.equal(error.kind, 'not-found');
				assert.match(error.message, /no post “no-such-post”/);
				return true;
			});
		});
	});

	describe('previous and next', () => {
		test('previous is older, next is newer, reading the next feed page when needed', async () => {
			serveWordPress();
			const source = await openWordPress();
			const compost = await source.fetchPost({kind: 'slug', slug: 'compost-in-the-cold'});
			const around = await source.fetchNeighbours(compost);
			assert.equal(around.previous?.title, 'Roses that bloom in winter');
			assert.equal(around.next?.title, 'Seed catalogues & dreaming');
		});

		test('the newest has no next and the oldest no previous', async () => {
			serveWordPress();
			const source = await openWordPress();
			const newest = await source.fetchNeighbours(await source.fetchPost({kind: 'id', id: 106}));
			assert.equal(newest.next, undefined);
			assert.equal(newest.previous?.title, 'Seed catalogues & dreaming');
			const oldest = await source.fetchNeighbours(await source.fetchPost({kind: 'id', id: 101}));
			assert.equal(oldest.previous, undefined);
			assert.equal(oldest.next?.title, 'Tool care before spring');
		});
	});

	describe('comments from the comment feed', () => {
		test('wfw:commentRss: read-only comments, oldest first, WordPress comment IDs kept, replies nested as the post\'s page nests them', async () => {
			serveWordPress();
			const source = await openWordPress();
			const post = await source.fetchPost({kind: 'id', id: 106});
			const {comments} = await source.fetchComments(post);
			assert.deepEqual(comments.map(comment => [comment.id, comment.author, comment.parent, comment.date, comment.status]), [
				[11, 'Carol', 0, '2024-01-17T08:30:00.000Z', 'approved'],
				[12, 'Bob Digger', 11, '2024-01-18T20:00:00.000Z', 'approved'],
			]);
			assert.match(comments[0]!.html, new RegExp(`href="${server.origin}/wp/tool-care/"`));
		});

		test('Atom link rel="replies": thr:in-reply-to threads replies under their parent', async () => {
			server.route('/atom/atom.xml', {type: 'application/atom+xml', body: fixture('atom-xml-base.xml', server.origin)});
			server.route('/atom/posts/make/comments.xml', {type: 'application/atom+xml', body: fixture('atom-replies.xml', server.origin)});
			const source = await openFeedBlog(http, `${server.origin}/atom/atom.xml`);
			const post = await source.fetchPost({kind: 'slug', slug: 'make'});
			assert.equal(post.commentCount, 3);
			const {comments} = await source.fetchComments(post);
			assert.deepEqual(comments.map(comment => [comment.author, comment.parent]), [
				['Frank', 0],
				['Eve', 0],
				['Dana Static', 'tag:static.example,2024:make:c2'],
			]);
			assert.equal(comments[2]?.authorUrl, 'https://static.example/about/');
			assert.equal(comments[0]?.html, '<p>Nice post &lt;3</p>');
		});

		test('a post without a comment feed, or whose comment feed is gone, has no comments', async () => {
			serveWordPress();
			const source = await openWordPress();
			const post = await source.fetchPost({kind: 'id', id: 105});
			assert.deepEqual(await source.fetchComments(post), {comments: []});
			assert.ok(server.gets().includes('/wp/seed-catalogues/feed/'));
		});
	});

	describe('WordPress\'s comment form on the post\'s page', () => {
		test('found: comments are open and a comment is POSTed to wp-comments-post.php with the post\'s comment_post_ID', async () => {
			serveWordPress();
			const source = await openWordPress();
			const post = await source.fetchPost({kind: 'id', id: 106});
			assert.equal(post.commentsOpen, true);
			assert.equal(await source.canComment(post), true);
			const outcome = await source.submitComment(post, draft);
			assert.equal(outcome.kind, 'held');
			const posts = server.requests.filter(request => request.method === 'POST');
			assert.equal(posts.length, 1);
			assert.equal(posts[0]?.url, '/wp/wp-comments-post.php');
			const fields = Object.fromEntries(new URLSearchParams(posts[0].body));
			assert.equal(fields['comment_post_ID'], '106');
			assert.equal(fields['comment'], 'Thank you, pruned mine today.');
			assert.equal(fields['author'], 'Grace');
			assert.equal(fields['email'], 'grace@example.com');
			assert.equal(fields['comment_parent'], '0');
			// The post's page was read once, however often it was asked about.
			assert.equal(server.gets().filter(url => url === '/wp/pruning-roses/').length, 1);
		});

		test('not found: comments are closed, and nothing is sent', async () => {
			serveWordPress();
			const source = await openWordPress();
			const post = await source.fetchPost({kind: 'id', id: 105});
			assert.equal(post.commentsOpen, false);
			assert.equal(await source.canComment(post), false);
			const outcome = await source.submitComment(post, draft);
			assert.equal(outcome.kind, 'refused');
			assert.equal(server.requests.filter(request => request.method === 'POST').length, 0);
		});

		test('Esc while the post\'s page loads cancels opening the post, and the page is read again next time', async () => {
			serveWordPress();
			let release = () => {};
			const held = new Promise<void>(resolve => {
				release = resolve;
			});
			server.route('/wp/pruning-roses/', async () => {
				await held;
				return {type: 'text/html; charset=UTF-8', body: fixture('wordpress-post.html', server.origin)};
			});
			const source = await openWordPress();
			const controller = new AbortController();
			const opening = source.fetchPost({kind: 'id', id: 106}, {signal: controller.signal});
			await waitUntil(() => server.gets(), gets => gets.includes('/wp/pruning-roses/'), 'the post page is asked for');
			controller.abort();
			await assert.rejects(opening, (error: unknown) => error instanceof BlogError && error.kind === 'cancelled');
			release();
			const post = await source.fetchPost({kind: 'id', id: 106});
			assert.equal(post.commentsOpen, true);
		});

		test('a post whose page cannot be read is not open for comments', async () => {
			serveWordPress();
			const source = await openWordPress();
			const post = await source.fetchPost({kind: 'id', id: 104});
			assert.equal(post.commentsOpen, false);
			assert.equal(await source.canComment(post), false);
		});
	});

	describe('related posts', () => {
		test('ranked over the posts the feed holds: shared categories first, never the post itself', async () => {
			serveWordPress();
			const source = await openWordPress();
			await source.fetchPostPage(1, 10);
			const post = await source.fetchPost({kind: 'id', id: 106});
			const related = await source.fetchRelated(post, 5);
			assert.ok(!related.some(item => item.id === post.id));
			assert.deepEqual(related.slice(0, 2).map(item => [item.title, item.context]), [
				['Roses that bloom in winter', 'In Gardening'],
				['Compost in the cold', 'In Gardening'],
			]);
		});
	});
});
