import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {sendComment, type CommentTarget} from '../../source/comments/send-comment.js';
import {startDemoBlog, type DemoBlog} from '../../source/demo/server.js';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {createHttpClient} from '../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

// The demo blog answers comments the way WordPress does (see tests/wordpress/README-observed.md):
// anonymous REST refused with 401, the form's 302 and wp_die pages, moderation for a first-time commenter.
const dataDir = mkdtempSync(join(tmpdir(), 'blogterm-demo-comments-'));
let blog: DemoBlog;
before(async () => {
	blog = await startDemoBlog({dataDir, floodIntervalMs: 0});
});
after(async () => {
	await blog.close();
	rmSync(dataDir, {recursive: true, force: true});
});

// "Shell History as a Garden Diary" has approved comments by Robin Reader, who is published at once.
const postId = 110;
const target = (): CommentTarget => ({
	postId,
	formActionUrl: new URL('wp-comments-post.php', blog.url).href,
	restCommentsUrl: new URL('wp-json/wp/v2/comments', blog.url).href,
});
const robin: CommentDraft = {comment: '', name: 'Robin Reader', email: 'reader@example.com', website: '', saveIdentity: false, parent: 0};

describe('sending comments to the demo blog', () => {
	test('a known commenter is published', async () => {
		const outcome = await sendComment(http, target(), {...robin, comment: `Published at once ${Date.now()}`});
		assert.equal(outcome.kind, 'approved');
	});

	test('a first-time commenter is held, with or without cookie consent', async () => {
		const olive = {...robin, name: 'Olive Newcomer', email: 'olive@example.org'};
		const without = await sendComment(http, target(), {...olive, comment: `Held, no consent ${Date.now()}`});
		assert.equal(without.kind, 'held');
		const withConsent = await sendComment(http, target(), {...olive, comment: `Held, consent ${Date.now()}`, saveIdentity: true});
		assert.equal(withConsent.kind, 'held');
	});

	test('as a feed-only blog (no REST API to ask), with "Save my name…" ticked: held is held, published is published, read from the post\'s page', async () => {
		const feedOnly = (): CommentTarget => ({postId, formActionUrl: target().formActionUrl});
		const held = await sendComment(http, feedOnly(), {...robin, name: 'Alice Newcomer', email: 'alice@example.org', comment: `Held, consent, no REST ${Date.now()}`, saveIdentity: true});
		assert.deepEqual(held.kind === 'held' && [held.message, held.unconfirmed], ['Your comment is awaiting moderation.', undefined], JSON.stringify(held));
		const published = await sendComment(http, feedOnly(), {...robin, comment: `Published, consent, no REST ${Date.now()}`, saveIdentity: true});
		assert.equal(published.kind, 'approved', JSON.stringify(published));
	});

	test('the same comment twice is a duplicate, in the blog\'s words', async () => {
		const draft = {...robin, comment: `Said once ${Date.now()}`};
		assert.equal((await sendComment(http, target(), draft)).kind, 'approved');
		assert.deepEqual(await sendComment(http, target(), draft), {kind: 'refused', reason: 'duplicate', message: 'Duplicate comment detected; it looks as though you’ve already said that!'});
	});
});

describe('a comment on a password-protected post of the demo blog', () => {
	const lockedTarget = async (postPassword?: string): Promise<CommentTarget> => {
		const found = await (await fetch(new URL('wp-json/wp/v2/posts?slug=the-committee-compost-recipe&_fields=id', blog.url))).json() as Array<{id: number}>;
		return {...target(), postId: found[0]!.id, ...(postPassword === undefined ? {} : {postPassword})};
	};
	const readBack = async (postId: number | string, text: string) => {
		const comments = await (await fetch(new URL(`wp-json/wp/v2/comments?post=${postId}&password=sesame&per_page=100`, blog.url))).json() as Array<{content: {rendered: string}}>;
		return comments.filter(comment => comment.content.rendered.includes(text)).length;
	};

	test('with its password it is published once: the password form\'s cookie goes with the comment form', async () => {
		const unlocked = await lockedTarget('sesame');
		const text = `On the compost, with the password ${Date.now()}`;
		const outcome = await sendComment(http, unlocked, {...robin, comment: text});
		assert.equal(outcome.kind, 'approved', JSON.stringify(outcome));
		assert.equal(await readBack(unlocked.postId, text), 1);
	});

	test('published with "Save my name" ticked too: the check that it is readable asks with the post\'s password', async () => {
		const unlocked = await lockedTarget('sesame');
		const text = `On the compost, saved identity ${Date.now()}`;
		const outcome = await sendComment(http, unlocked, {...robin, comment: text, saveIdentity: true});
		assert.equal(outcome.kind, 'approved', JSON.stringify(outcome));
	});

	test('without its password WordPress drops it without a word, and blogterm does not call that a success', async () => {
		const locked = await lockedTarget();
		const text = `On the compost, no password ${Date.now()}`;
		const outcome = await sendComment(http, locked, {...robin, comment: text});
		assert.ok(outcome.kind !== 'approved' && outcome.kind !== 'held', JSON.stringify(outcome));
		assert.equal(await readBack(locked.postId, text), 0);
	});

	test('a password form that sets no cookie: not sent, in words', async () => {
		// A blog without wp-login.php (a 404 page) gives no wp-postpass cookie: the comment form is never posted.
		const elsewhere: CommentTarget = {...await lockedTarget('sesame'), formActionUrl: new URL('nowhere/wp-comments-post.php', blog.url).href};
		const outcome = await sendComment(http, elsewhere, {...robin, comment: `Never sent ${Date.now()}`});
		assert.equal(outcome.kind, 'failed');
		assert.match(outcome.kind === 'failed' ? outcome.message : '', /^127\.0\.0\.1:\d+ did not take the post's password \(HTTP 404\)\. Your comment was not sent\.$/);
	});
});
