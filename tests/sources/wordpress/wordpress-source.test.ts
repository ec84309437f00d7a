import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {specialPosts} from '../../../source/demo/content/index.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {BlogError} from '../../../source/errors.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

type RestPost = {id: number; slug: string; link: string; date: string; title: {rendered: string}; tags: number[]; categories: number[]};

describe('a WordPress blog through its REST API (the demo blog)', () => {
	let demo: TestDemo;
	let source: BlogSource;
	let all: RestPost[];
	before(async () => {
		demo = await startTestDemo();
		source = await openBlog(http, demo.url);
		all = (await demo.rest<RestPost[]>('wp/v2/posts?per_page=100')).body;
	});
	after(async () => demo.stop());

	it('lists posts newest first, with the totals from X-WP-Total and X-WP-TotalPages', async () => {
		const page = await source.fetchPostPage(2, 10);
		assert.equal(page.total, all.length);
		assert.equal(page.totalPages, Math.ceil(all.length / 10));
		assert.deepEqual(page.posts.map(post => post.id), all.slice(10, 20).map(post => post.id));
		assert.ok(page.posts.every(post => post.author.length > 0), 'every post has its author');
		// WordPress does not list the comments of a password-protected post to visitors.
		const {body: withExcerpts} = await demo.rest<Array<{id: number; excerpt: {protected: boolean}}>>('wp/v2/posts?per_page=100&_fields=id,excerpt');
		const isProtected = new Set<unknown>(withExcerpts.filter(post => post.excerpt.protected).map(post => post.id));
		assert.ok(page.posts.some(post => isProtected.has(post.id)), 'the page holds the protected post');
		assert.ok(page.posts.filter(post => !isProtected.has(post.id)).every(post => typeof post.commentCount === 'number'), 'every other post has a comment count');
	});

	it('counts comments per post on the list as the blog holds them', async () => {
		const page = await source.fetchPostPage(1, 100);
		const withComments = page.posts.find(post => (post.commentCount ?? 0) > 0)!;
		const {headers} = await demo.rest(`wp/v2/comments?post=${withComments.id}&per_page=1`);
		assert.equal(withComments.commentCount, Number(headers.get('x-wp-total')));
	});

	it('treats a page past the end as the end, not as an error', async () => {
		const page = await source.fetchPostPage(99, 10);
		assert.deepEqual(page.posts, []);
		assert.equal(page.total, all.length);
	});

	it('finds a post by ID, by slug, by pretty URL and by ?p= URL', async () => {
		const target = all[3]!;
		for (const ref of [
			{kind: 'id', id: target.id},
			{kind: 'slug', slug: target.slug},
			{kind: 'url', url: target.link},
			{kind: 'url', url: `${demo.url}?p=${target.id}`},
		] as const) {
			const post = await source.fetchPost(ref);
			assert.equal(post.id, target.id, `found by ${ref.kind}`);
			assert.ok(post.html.length > 0);
		}
	});

	it('says there is no such post', async () => {
		await assert.rejects(source.fetchPost({kind: 'id', id: 999_999}), (error: unknown) => error instanceof BlogError && error.kind === 'not-found');
		await assert.rejects(source.fetchPost({kind: 'slug', slug: 'no-such-post-here'}), (error: unknown) => error instanceof BlogError && error.kind === 'not-found');
	});

	it('gives the chronological neighbours, across list pages', async () => {
		const tenth = await source.fetchPost({kind: 'id', id: all[9]!.id});
		const neighbours = await source.fetchNeighbours(tenth);
		assert.equal(neighbours.previous?.id, all[10]!.id, 'previous is the older post, first on page 2');
		assert.equal(neighbours.next?.id, all[8]!.id, 'next is the newer post');
		const newest = await source.fetchPost({kind: 'id', id: all[0]!.id});
		assert.equal((await source.fetchNeighbours(newest)).next, undefined);
	});

	it('reads the whole thread, oldest first, with parents', async () => {
		const page = await source.fetchPostPage(1, 100);
		const busiest = [...page.posts].sort((a, b) => (b.commentCount ?? 0) - (a.commentCount ?? 0))[0]!;
		const post = await source.fetchPost({kind: 'id', id: busiest.id});
		const {comments} = await source.fetchComments(post);
		assert.equal(comments.length, busiest.commentCount);
		assert.ok(comments.some(comment => comment.parent !== 0), 'some comments are replies');
		const dates = comments.map(comment => comment.date ?? '');
		assert.deepEqual(dates, [...dates].sort());
	});

	it('knows a post with comments closed', async () => {
		const closed = await source.fetchPost({kind: 'slug', slug: specialPosts.commentsClosed});
		assert.equal(await source.canComment(closed), false);
		assert.ok((await source.fetchComments(closed)).comments.length > 0, 'its thread stays readable');
	});

	it('offers no comment form on a password-protected post, whose body it does not have', async () => {
		const {body} = await demo.rest<Array<{id: number; excerpt: {protected: boolean}}>>('wp/v2/posts?per_page=100&_fields=id,excerpt');
		const locked = body.find(post => post.excerpt.protected)!;
		const post = await source.fetchPost({kind: 'id', id: locked.id});
		assert.equal(post.isProtected, true);
		assert.equal(post.html, '');
		assert.equal(await source.canComment(post), false);
	});

	it('reads a password-protected post with its password: the body, the comment count and the thread', async () => {
		const locked = await source.fetchPost({kind: 'slug', slug: specialPosts.passwordProtected});
		await assert.rejects(source.fetchComments(locked), /password protected/);
		for (const ref of [{kind: 'id', id: locked.id} as const, {kind: 'slug', slug: specialPosts.passwordProtected} as const, {kind: 'url', url: locked.link} as const]) {
			const post = await source.fetchPost(ref, {password: 'sesame'});
			assert.equal(post.isProtected, true);
			assert.equal(post.password, 'sesame');
			assert.match(post.html, /compost/i);
			assert.equal(post.commentCount, 1);
			const {comments} = await source.fetchComments(post);
			assert.equal(comments.length, 1);
		}
	});

	it('refuses a wrong password in words, with its own kind', async () => {
		const locked = await source.fetchPost({kind: 'slug', slug: specialPosts.passwordProtected});
		await assert.rejects(source.fetchPost({kind: 'id', id: locked.id}, {password: 'open sesame'}), (error: unknown) => {
			assert.ok(error instanceof BlogError);
			assert.equal(error.kind, 'wrong-password');
			assert.equal(error.message, 'That password is not right.');
			return true;
		});
	});

	it('marks a protected post in the list', async () => {
		const locked = await source.fetchPost({kind: 'slug', slug: specialPosts.passwordProtected});
		for (let page = 1; page <= Math.ceil(all.length / 10); page++) {
			const found = (await source.fetchPostPage(page, 10)).posts.find(post => post.id === locked.id);
			if (found) return assert.equal(found.isProtected, true);
		}
		assert.fail('the protected post is on a list page');
	});

	it('takes related posts from Jetpack when the blog has it', async () => {
		const post = await source.fetchPost({kind: 'slug', slug: specialPosts.withJetpack});
		const related = await source.fetchRelated(post, 5);
		assert.ok(related.length > 0);
		assert.ok(related.every(item => item.id !== post.id), 'never the post itself');
		assert.equal(new Set(related.map(item => item.id)).size, related.length, 'never twice');
	});

	it('ranks posts sharing tags and categories when the blog has no Jetpack', async () => {
		const post = await source.fetchPost({kind: 'slug', slug: specialPosts.withoutJetpack});
		const related = await source.fetchRelated(post, 5);
		assert.ok(related.length > 0 && related.length <= 5);
		assert.ok(related.every(item => item.id !== post.id));
		const tagIds = new Set(post.tags.map(tag => tag.id));
		const first = all.find(candidate => candidate.id === related[0]!.id)!;
		assert.ok(first.tags.some(tag => tagIds.has(tag)) || first.categories.some(category => post.categories.some(term => term.id === category)), 'the best one shares terms');
		assert.match(related[0]!.context, /Shares|In /);
	});

	it('finds nothing related for a post that shares nothing', async () => {
		const post = await source.fetchPost({kind: 'slug', slug: specialPosts.noRelated});
		assert.deepEqual(await source.fetchRelated(post, 5), []);
	});
});

describe('commenting on a password-protected post of a WordPress blog (the demo blog)', () => {
	let demo: TestDemo;
	let source: BlogSource;
	before(async () => {
		demo = await startTestDemo();
		source = await openBlog(http, demo.url);
	});
	after(async () => demo.stop());

	it('takes a comment once the post is unlocked: offered, sent with the password\'s cookie, published and in its thread', async () => {
		const locked = await source.fetchPost({kind: 'slug', slug: specialPosts.passwordProtected});
		assert.equal(await source.canComment(locked), false, 'locked: the password first');
		const post = await source.fetchPost({kind: 'id', id: locked.id}, {password: 'sesame'});
		assert.equal(await source.canComment(post), true);
		const text = `Unlocked and answered ${Date.now()}`;
		const outcome = await source.submitComment(post, {comment: text, name: 'Robin Reader', email: 'reader@example.com', website: '', saveIdentity: false, parent: 0});
		assert.equal(outcome.kind, 'approved', JSON.stringify(outcome));
		const {comments: thread} = await source.fetchComments(post);
		assert.equal(thread.filter(comment => comment.html.includes(text)).length, 1, 'in the thread once');
	});
});
