import assert from 'node:assert/strict';
import {test} from 'node:test';
import wrapAnsi from 'wrap-ansi';
import {demoBlogContent} from '../../source/demo/server.js';
import {seededComments, specialPosts} from '../../source/demo/content/index.js';

const blog = demoBlogContent();
const bySlug = (slug: string) => blog.posts.find(post => post.slug === slug)!;

test('the demo blog has at least 32 posts over several months, newest first', () => {
	assert.ok(blog.posts.length >= 32);
	const months = new Set(blog.posts.map(post => post.date.toISOString().slice(0, 7)));
	assert.ok(months.size >= 4, `${months.size} months`);
	const times = blog.posts.map(post => post.date.getTime());
	assert.deepEqual(times, [...times].sort((a, b) => b - a));
	assert.equal(new Set(blog.posts.map(post => post.id)).size, blog.posts.length, 'unique ids');
	assert.equal(new Set(blog.posts.map(post => post.slug)).size, blog.posts.length, 'unique slugs');
	assert.ok(!blog.posts.some(post => /lorem ipsum/i.test(post.content)));
});

test('at least 4 categories and 12 tags are in use, and posts share tags', () => {
	assert.ok(blog.categories.filter(term => term.count > 0).length >= 4);
	assert.ok(blog.tags.filter(term => term.count > 0).length >= 12);
	assert.ok(blog.tags.filter(term => term.count >= 2).length >= 8);
});

test('the long post is more than five screens at 80×24 and has every kind of element', () => {
	const post = bySlug(specialPosts.long);
	const text = post.content.replaceAll(/<\/(p|h2|h3|li|pre|blockquote|figure)>/g, '\n\n').replaceAll(/<[^>]+>/g, '');
	const lines = wrapAnsi(text, 80, {hard: true}).split('\n').length;
	assert.ok(lines > 120, `${lines} lines`);
	for (const pattern of [/<h2/, /<h3/, /<ul/, /<ol/, /<li>[^<]*<ul>/, /<blockquote/, /<pre[^>]*><code>/, /<a href="https?:\/\//, /<a href="\/[^/]/, /<img [^>]*alt="[^"]+"/, /<strong>/, /<em>/]) {
		assert.match(post.content, pattern);
	}
});

test('one post has comments closed, one shares no term with any other, and Jetpack is on some posts only', () => {
	assert.equal(bySlug(specialPosts.commentsClosed).commentsOpen, false);
	assert.equal(blog.posts.filter(post => !post.commentsOpen).length, 1);

	const lonely = bySlug(specialPosts.noRelated);
	const termIds = new Set([...lonely.categories, ...lonely.tags].map(term => term.id));
	assert.ok(!blog.posts.some(post => post !== lonely && [...post.categories, ...post.tags].some(term => termIds.has(term.id))));
	assert.equal(lonely.jetpackRelated, undefined);

	const withJetpack = blog.posts.filter(post => post.jetpackRelated);
	assert.ok(withJetpack.length >= 3);
	assert.ok(withJetpack.length < blog.posts.length / 2);
	assert.ok(withJetpack.every(post => post.jetpackRelated!.length >= 3 && !post.jetpackRelated!.includes(post.id)));
	assert.equal(bySlug(specialPosts.withoutJetpack).jetpackRelated, undefined);
});

test('several posts have threaded comments, some replies three deep', () => {
	const byId = new Map(seededComments.map(comment => [comment.id, comment]));
	const depth = (id: number): number => {
		const comment = byId.get(id)!;
		return comment.parent === 0 ? 1 : 1 + depth(comment.parent);
	};
	const threaded = new Set(seededComments.filter(comment => comment.parent !== 0).map(comment => comment.post));
	assert.ok(threaded.size >= 4, `${threaded.size} threaded posts`);
	assert.ok(seededComments.some(comment => depth(comment.id) >= 3));
	for (const comment of seededComments) {
		if (comment.parent !== 0) assert.equal(byId.get(comment.parent)?.post, comment.post, `comment ${comment.id} replies on its own post`);
	}
});
