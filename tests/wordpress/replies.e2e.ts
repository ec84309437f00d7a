import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {describeRun, jsonOf, runBlogterm} from './helpers/blogterm.js';
import {postCommentForm} from './helpers/rest.js';
import {openWordPress, type WordPressTarget} from './helpers/wordpress-target.js';

// Replies to you (issue 20) against a real WordPress: a comment sent by blogterm (print mode, which
// remembers it), answered through WordPress's own comment form by another commenter the blog already
// approved, is found by `--replies`.

type ReplyJson = {blog: string; post: {id: string; title: string; link: string}; yourComment: {id: string; text: string}; reply: {id: string; author: string; date: string; text: string; link: string}};

describe('replies to a comment sent by blogterm, on a real WordPress', () => {
	let wordpress: WordPressTarget;
	before(async () => {
		wordpress = await openWordPress('pretty');
	});
	after(async () => wordpress.close());

	it('--replies finds the reply WordPress filed under the comment, and nothing else', async () => {
		const postId = wordpress.seeded.commentPostId;
		// "(e2e …)": the seed check leaves out the comments this suite sent.
		const mark = `(e2e replies ${process.pid}-${Date.now()})`;
		await wordpress.forgetRecentComments();
		const sent = await runBlogterm([wordpress.siteUrl, '--post', String(postId), '--comment', `Is anyone there? ${mark}`, '--name', wordpress.knownCommenter.name, '--email', wordpress.knownCommenter.email, '--format', 'json']);
		assert.equal(sent.code, 0, describeRun(sent));
		const mine = jsonOf<{id: number; status: string}>(sent);
		assert.equal(mine.status, 'approved', describeRun(sent));

		// Someone the blog already approved (a commenter of the seeded thread) answers it through the comment form.
		const others = (await wordpress.storedComments(wordpress.seeded.threadedPostId))
			.filter(comment => comment.status === 'approved' && comment.email !== wordpress.knownCommenter.email);
		const someone = others[0]!;
		assert.ok(someone, 'the seeded thread has another approved commenter');
		await wordpress.forgetRecentComments();
		const answer = await postCommentForm(wordpress.siteUrl, {postId, parent: mine.id, author: someone.author, email: someone.email, comment: `Yes, here. ${mark}`});
		assert.equal(answer.status, 302, answer.text.slice(0, 500));
		const replyId = /#comment-(\d+)/.exec(answer.headers.get('location') ?? '')?.[1];
		assert.ok(replyId, answer.headers.get('location') ?? 'no Location');

		const run = await runBlogterm(['--replies', '--format', 'json']);
		assert.equal(run.code, 0, describeRun(run));
		const replies = jsonOf<{replies: ReplyJson[]}>(run).replies.filter(reply => reply.yourComment.id === String(mine.id));
		assert.equal(replies.length, 1, describeRun(run));
		assert.equal(replies[0]!.reply.id, replyId);
		assert.equal(replies[0]!.reply.author, someone.author);
		assert.equal(replies[0]!.reply.text, `Yes, here. ${mark}`);
		assert.match(replies[0]!.reply.link, new RegExp(`#comment-${replyId}$`));
		assert.ok(replies[0]!.blog.startsWith(new URL(wordpress.siteUrl).origin), replies[0]!.blog);
	});
});
