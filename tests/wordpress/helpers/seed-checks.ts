import assert from 'node:assert/strict';
import {it} from 'node:test';
import {postsOf} from './checks.js';
import type {WordPressTarget} from './wordpress-target.js';

/*
The suite reads what a blog holds through its REST API (./truth.ts). For WordPress, check that reading
against what scripts/wordpress/seed.php put in, so the oracle itself is known to be right.
*/
export function defineSeedChecks(target: () => WordPressTarget): void {
	it('WordPress\'s REST API shows what seed.php put in: posts, order, authors, terms, text and threads', () => {
		const {seeded, truth} = target();
		assert.equal(truth.total, seeded.total);
		assert.deepEqual(truth.posts.map(post => post.id), seeded.posts.map(post => post.id));
		for (const [index, held] of truth.posts.entries()) {
			const put = seeded.posts[index]!;
			const what = `post ${put.id}`;
			assert.equal(held.slug, put.slug, what);
			assert.equal(held.title, put.title, what);
			assert.equal(held.link, put.link, what);
			assert.equal(held.date, put.date, what);
			assert.equal(held.author, put.author, what);
			assert.deepEqual([...held.categories].sort(), [...put.categories].sort(), what);
			assert.deepEqual([...held.tags].sort(), [...put.tags].sort(), what);
			assert.equal(held.commentsOpen, put.commentsOpen, what);
			assert.equal(held.isProtected, put.isProtected, what);
			for (const text of held.texts) assert.ok(put.texts.includes(text), `${what}: "${text}" was not seeded`);
			assert.equal(held.texts.length, put.isProtected ? 0 : put.texts.length - 1, `${what}: every paragraph but the one with a link`);
			assert.deepEqual(held.hrefs, put.href ? [put.href] : [], what);
			if (put.isProtected) assert.equal(held.comments, undefined, `${what}: WordPress hides a protected post's comments`);
			// (Comments this suite sent, on a site started by hand and tested twice, are not the seed's.)
			else assert.deepEqual(held.comments?.filter(comment => !comment.text.includes('(e2e ')), put.comments, what);
		}
	});

	it('the suite finds the seeded thread, busy, closed and protected posts', () => {
		const {seeded} = target();
		const posts = postsOf(target());
		assert.equal(posts.threaded().id, seeded.threadedPostId);
		assert.equal(posts.busy().id, seeded.busyPostId);
		assert.equal(posts.closed().id, seeded.closedPostId);
		assert.equal(posts.protectedPost().id, seeded.protectedPostId);
		assert.equal(seeded.totalPages, Math.ceil(seeded.total / seeded.perPage));
	});
}
