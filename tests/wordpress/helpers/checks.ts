import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {DomUtils, parseDocument} from 'htmlparser2';
import {
	describeRun, jsonOf, runBlogterm, stderrLines,
	type CommentSentJson, type PostJson, type PostListJson, type Run,
} from './blogterm.js';
import {getJson, postCommentForm, request, restUrl, wpDieMessage} from './rest.js';
import {createElement} from 'react';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {sendComment} from '../../../source/comments/send-comment.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {frameText, keys, press, waitForFrame, waitForText} from '../../ui/helpers.js';
import type {Commenter, Target} from './target.js';
import {collapse, readComments, type TruthComment, type TruthPost} from './truth.js';

/*
The end-to-end checks, one set for every target: blogterm (the built CLI, in print mode) against
what the blog holds, read directly from the blog. Run against a real WordPress and against the demo
blog, so any place where the demo answers differently from WordPress fails here.
*/

// ---- what to compare with ------------------------------------------------------------------------

/** Whether a date blogterm printed is the instant the blog gave (blogterm prints the blog's offset; the truth is UTC). */
function assertSameInstant(actual: string | null, expected: string, what: string): void {
	assert.ok(actual, `${what}: no date`);
	const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(actual) ? actual : `${actual}Z`;
	assert.equal(new Date(withZone).toISOString(), new Date(expected).toISOString(), `${what}: ${actual} is not ${expected}`);
}

const termNames = (terms: PostJson['categories']): string[] => terms.map(term => (typeof term === 'string' ? term : term.name)).sort();

/** Asserts each piece of text appears in `text`, in this order (whitespace collapsed on both sides). */
function assertTextsInOrder(text: string, pieces: readonly string[], what: string): void {
	const haystack = collapse(text);
	let from = 0;
	for (const piece of pieces) {
		const at = haystack.indexOf(piece, from);
		assert.ok(at >= 0, `${what}: "${piece}" is missing${haystack.includes(piece) ? ' (out of order)' : ''} in:\n${haystack.slice(0, 3000)}`);
		from = at + piece.length;
	}
}

function hrefsIn(html: string): string[] {
	return DomUtils.findAll(element => element.name === 'a', parseDocument(html).children).map(element => element.attribs['href'] ?? '');
}

function depthOf(comment: TruthComment, all: readonly TruthComment[]): number {
	let depth = 0;
	for (let parent = comment.parent; parent !== 0; depth++) {
		parent = all.find(candidate => candidate.id === parent)?.parent ?? 0;
	}
	return depth;
}

/** The posts the checks need, found by what they are rather than by name, so every target can say. */
export function postsOf(target: Target) {
	const {posts} = target.truth;
	const find = (what: string, test: (post: TruthPost) => boolean): TruthPost => {
		const post = posts.find(test);
		if (!post) assert.fail(`${target.name} has no ${what}; a real WordPress has one (scripts/wordpress/seed.php)`);
		return post;
	};
	return {
		newest: () => posts[0]!,
		oldest: () => posts.at(-1)!,
		readable: () => find('open post with text', post => post.commentsOpen && !post.isProtected && post.texts.length > 0 && post.hrefs.length > 0),
		threaded: () => find('open post with replies to replies', post => post.commentsOpen && (post.comments ?? []).some(comment => depthOf(comment, post.comments!) >= 2)),
		busy: () => find('post with more than 100 comments (two pages of the comments API)', post => (post.comments?.length ?? 0) > 100),
		closed: () => find('post with comments closed and a thread', post => !post.commentsOpen && !post.isProtected && (post.comments?.length ?? 0) > 0),
		protectedPost: () => find('password-protected post', post => post.isProtected),
		commentable: () => find('open post to comment on', post => post.commentsOpen && !post.isProtected),
	};
}

const uniqueText = (label: string) => `${label} (e2e ${randomUUID().slice(0, 8)})`;

/** A commenter the blog has never seen. */
const newCommenter = (): Commenter => {
	const tag = randomUUID().slice(0, 8);
	return {name: `New Reader ${tag}`, email: `new-${tag}@example.org`};
};

function assertExit(run: Run, code: number): void {
	assert.equal(run.code, code, describeRun(run));
}

/** A refusal or failure: exit code, and one line on stderr, `blogterm: …`, in words. */
function assertOneErrorLine(run: Run, code: number, words?: RegExp): void {
	assertExit(run, code);
	const lines = stderrLines(run);
	assert.equal(lines.length, 1, `one line on stderr:\n${describeRun(run)}`);
	assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
	if (lines[0]!.startsWith('{')) {
		// With --format json the line is {"error": {"code", "exit", "message"}} (issue 18).
		const {error} = JSON.parse(lines[0]!) as {error: {code: string; exit: number; message: string}};
		assert.equal(error.exit, code, describeRun(run));
		assert.match(error.code, /^[a-z][a-z0-9_]*$/, describeRun(run));
		if (words) assert.match(`blogterm: ${error.message}`, words, describeRun(run));
	} else {
		assert.match(lines[0]!, /^blogterm: \S/, describeRun(run));
		if (words) assert.match(lines[0]!, words, describeRun(run));
	}
	assert.equal(run.stdout, '', 'nothing on stdout');
}

// ---- the checks -----------------------------------------------------------------------------------

/** Defines every check against the target `open` gives; returns a getter for it, for checks of its own. */
export function defineBlogChecks<T extends Target>(open: () => Promise<T>): () => T {
	let target: T;
	before(async () => {
		target = await open();
	});
	after(async () => {
		await target?.close();
	});

	const site = () => target.siteUrl;
	const list = async (...args: string[]) => runBlogterm([site(), '--list', '--format', 'json', ...args]);
	const post = async (ref: string | number, ...args: string[]) => runBlogterm([site(), '--post', String(ref), '--format', 'json', ...args]);
	const comment = async (ref: string | number, text: string, commenter: Commenter, ...args: string[]) =>
		runBlogterm([site(), '--post', String(ref), '--comment', text, '--name', commenter.name, '--email', commenter.email, '--format', 'json', ...args]);

	describe('the post list', () => {
		it('prints the first page with the blog\'s totals, newest first, each post as the blog has it', async () => {
			const run = await list();
			assertExit(run, 0);
			const page = jsonOf<PostListJson>(run);
			const {truth} = target;
			assert.equal(page.page, 1);
			assert.equal(page.total, truth.total);
			assert.equal(page.totalPages, Math.ceil(truth.total / truth.perPage));
			const expected = truth.posts.slice(0, truth.perPage);
			assert.deepEqual(page.posts.map(listed => listed.id), expected.map(held => held.id));
			for (const [index, listed] of page.posts.entries()) {
				const held = expected[index]!;
				assert.equal(listed.title, held.title, `title of post ${held.id}`);
				assert.equal(listed.link, held.link, `link of post ${held.id}`);
				assert.equal(listed.author, held.author, `author of post ${held.id}`);
				assertSameInstant(listed.date, held.date, `date of post ${held.id}`);
				// As the blog counts: pingbacks and trackbacks too.
				assert.equal(listed.commentCount, held.blogCommentCount, `comment count of post ${held.id}`);
			}
		});

		it('pages through every post exactly once, the last page holding what is left', async () => {
			const {truth} = target;
			const totalPages = Math.ceil(truth.total / truth.perPage);
			const seen: Array<number | string> = [];
			const numbers = Array.from({length: totalPages}, (_, index) => index + 1);
			const runs = await Promise.all(numbers.map(async number => list('--page', String(number))));
			for (const [index, run] of runs.entries()) {
				const number = index + 1;
				assertExit(run, 0);
				const page = jsonOf<PostListJson>(run);
				assert.equal(page.page, number);
				assert.equal(page.totalPages, totalPages);
				assert.equal(page.posts.length, number < totalPages ? truth.perPage : truth.total - truth.perPage * (totalPages - 1));
				seen.push(...page.posts.map(listed => listed.id));
			}
			assert.deepEqual(seen, truth.posts.map(held => held.id));
		});

		it('--per-page changes the page size and the number of pages', async () => {
			const {truth} = target;
			const totalPages = Math.ceil(truth.total / 7);
			const run = await list('--per-page', '7', '--page', String(totalPages));
			assertExit(run, 0);
			const page = jsonOf<PostListJson>(run);
			assert.equal(page.totalPages, totalPages);
			assert.equal(page.total, truth.total);
			assert.deepEqual(page.posts.map(listed => listed.id), truth.posts.slice(7 * (totalPages - 1)).map(held => held.id));
		});

		it('a page past the end is empty, not an error', async () => {
			const run = await list('--page', String(Math.ceil(target.truth.total / target.truth.perPage) + 1));
			assertExit(run, 0);
			assert.deepEqual(jsonOf<PostListJson>(run).posts, []);
		});
	});

	describe('a post', () => {
		it('prints its title, link, date, author, categories, tags and text as the blog holds them', async () => {
			const held = postsOf(target).readable();
			const run = await post(held.id);
			assertExit(run, 0);
			const printed = jsonOf<PostJson>(run);
			assert.equal(printed.id, held.id);
			assert.equal(printed.title, held.title);
			assert.equal(printed.link, held.link);
			assert.equal(printed.author, held.author);
			assertSameInstant(printed.date, held.date, 'date');
			assert.deepEqual(termNames(printed.categories), [...held.categories].sort());
			assert.deepEqual(termNames(printed.tags), [...held.tags].sort());
			assertTextsInOrder(printed.text, held.texts, 'text');
			assert.deepEqual(hrefsIn(printed.html).filter(href => /^https?:/.test(href)), held.hrefs, 'links in html');
			assert.equal(printed.commentsOpen, true);
			assert.equal(printed.commentCount, held.blogCommentCount);
		});

		it('finds the same post by its ID, its slug, its link and its ?p= URL', async () => {
			// One a visitor can read without a password.
			const readable = target.truth.posts.filter(candidate => !candidate.isProtected);
			const held = readable[Math.floor(readable.length / 2)]!;
			const refs = [String(held.id), held.slug, held.link, new URL(`?p=${held.id}`, site()).toString()];
			const runs = await Promise.all(refs.map(async ref => post(ref)));
			for (const [index, run] of runs.entries()) {
				const ref = refs[index]!;
				assertExit(run, 0);
				const printed = jsonOf<PostJson>(run);
				assert.equal(printed.id, held.id, `--post ${ref}`);
				assert.equal(printed.title, held.title, `--post ${ref}`);
				assert.equal(printed.link, held.link, `--post ${ref}`);
			}
		});

		it('links each post to its older (previous) and newer (next) neighbour, across list pages', async () => {
			const {posts, perPage} = target.truth;
			const neighbours = (index: number) => ({
				previous: posts[index + 1] ? {id: posts[index + 1]!.id, title: posts[index + 1]!.title, link: posts[index + 1]!.link} : null,
				next: posts[index - 1] ? {id: posts[index - 1]!.id, title: posts[index - 1]!.title, link: posts[index - 1]!.link} : null,
			});
			// The newest, the last of list page 1, the first of page 2, the oldest.
			const indexes = [0, perPage - 1, perPage, posts.length - 1];
			const runs = await Promise.all(indexes.map(async index => post(posts[index]!.id, ...(posts[index]!.isProtected ? ['--password', target.protectedPassword] : []))));
			for (const [at, run] of runs.entries()) {
				const index = indexes[at]!;
				assertExit(run, 0);
				const printed = jsonOf<PostJson>(run);
				assert.deepEqual({previous: printed.previous, next: printed.next}, neighbours(index), `neighbours of post ${posts[index]!.id} (${index + 1}. newest)`);
			}
		});

		it('a post that does not exist exits 3, by ID, by slug and by URL', async () => {
			const refs = ['999999', 'no-such-post-anywhere', new URL('?p=999999', site()).toString()];
			for (const run of await Promise.all(refs.map(async ref => post(ref)))) assertOneErrorLine(run, 3);
		});

		it('a password-protected post without --password exits 3 and says to give it; a wrong one exits 2', async () => {
			const held = postsOf(target).protectedPost();
			assertOneErrorLine(await post(held.id), 3, /^blogterm: “.+” is password protected: give --password$/);
			assertOneErrorLine(await post(held.id, '--password', 'not-the-password'), 2, /^blogterm: That password is not right\.$/);
		});

		it('a password-protected post with --password prints its text and its thread, by ID and by slug', async () => {
			const held = postsOf(target).protectedPost();
			for (const ref of [String(held.id), held.slug]) {
				const run = await post(ref, '--password', target.protectedPassword, '--comments');
				assertExit(run, 0);
				const printed = jsonOf<PostJson>(run);
				assert.equal(printed.title, held.title);
				assert.notEqual(printed.html.trim(), '', 'the body, with the password');
				assert.ok(Array.isArray(printed.comments), 'the thread, with the password');
			}
		});

		it('a post with comments closed says so, and its thread still prints', async () => {
			const held = postsOf(target).closed();
			const run = await post(held.id, '--comments');
			assertExit(run, 0);
			const printed = jsonOf<PostJson>(run);
			assert.equal(printed.commentsOpen, false);
			assert.deepEqual(printed.comments?.map(printedComment => printedComment.id), held.comments!.map(heldComment => heldComment.id));
		});
	});

	describe('the comment thread', () => {
		const assertThread = (printed: PostJson, held: readonly TruthComment[]) => {
			assert.ok(printed.comments, '--comments gives comments');
			const byId = new Map(printed.comments.map(printedComment => [String(printedComment.id), printedComment]));
			assert.deepEqual([...byId.keys()].sort(), held.map(heldComment => String(heldComment.id)).sort(), 'the approved comments, and only those');
			for (const heldComment of held) {
				const printedComment = byId.get(String(heldComment.id))!;
				assert.equal(Number(printedComment.parent), heldComment.parent, `parent of comment ${heldComment.id}`);
				assert.equal(printedComment.author, heldComment.author, `author of comment ${heldComment.id}`);
				assert.equal(collapse(printedComment.text), heldComment.text, `text of comment ${heldComment.id}`);
				assertSameInstant(printedComment.date, heldComment.date, `date of comment ${heldComment.id}`);
			}
			// Oldest first, every reply after its parent.
			const order = printed.comments.map(printedComment => String(printedComment.id));
			for (const heldComment of held) {
				if (heldComment.parent !== 0) assert.ok(order.indexOf(String(heldComment.parent)) < order.indexOf(String(heldComment.id)), `reply ${heldComment.id} after its parent`);
			}
			if (printed.commentCount !== null) assert.equal(printed.commentCount, held.length);
		};

		it('--comments prints the approved comments with their replies under the right parents, nothing held or spam', async () => {
			const held = postsOf(target).threaded();
			const run = await post(held.id, '--comments');
			assertExit(run, 0);
			assertThread(jsonOf<PostJson>(run), held.comments!);
		});

		it('a thread longer than one page of the comments API prints whole', async () => {
			const held = postsOf(target).busy();
			const run = await post(held.id, '--comments');
			assertExit(run, 0);
			assertThread(jsonOf<PostJson>(run), held.comments!);
		});
	});

	describe('the reader', () => {
		it('a password-protected post asks for its password; a wrong one is refused, the right one shows the text', async () => {
			const held = postsOf(target).protectedPost();
			const http = createHttpClient();
			const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
			const app = render(createElement(App, {site: site(), openSource: async (url: string, signal: AbortSignal) => openBlog(http, url, {signal}), perPage: 10, readMarks: noMarks, initialPost: {kind: 'id', id: held.id}}));
			try {
				await waitForText(app, 'This post is password protected.', 15_000);
				assert.ok(frameText(app).includes(held.title));
				await press(app, 'not-the-password', keys.enter);
				await waitForText(app, 'That password is not right.', 15_000);
				await press(app, target.protectedPassword, keys.enter);
				await waitForFrame(app, frame => !frame.includes('Password:') && /lines 1–/.test(frame), 15_000);
			} finally {
				app.unmount();
			}
		});
	});

	describe('how the blog itself answers (no blogterm)', () => {
		it('advertises its REST API in a Link header on every page', async () => {
			const home = await request(site());
			assert.equal(home.status, 200);
			assert.match(home.headers.get('link') ?? '', /rel="https:\/\/api\.w\.org\/"/);
		});

		it('gives the totals in X-WP-Total and X-WP-TotalPages, and a 400 rest_post_invalid_page_number past the end', async () => {
			const {truth} = target;
			const first = await getJson<unknown[]>(restUrl(target.restRoot, 'wp/v2/posts', {per_page: 10}));
			assert.equal(first.status, 200);
			assert.equal(first.headers.get('x-wp-total'), String(truth.total));
			assert.equal(first.headers.get('x-wp-totalpages'), String(Math.ceil(truth.total / 10)));
			const past = await getJson<{code: string}>(restUrl(target.restRoot, 'wp/v2/posts', {per_page: 10, page: Math.ceil(truth.total / 10) + 1}));
			assert.equal(past.status, 400);
			assert.equal(past.body.code, 'rest_post_invalid_page_number');
		});

		it('answers a comments page past the end with 200 and []', async () => {
			const held = postsOf(target).threaded();
			const past = await getJson<unknown[]>(restUrl(target.restRoot, 'wp/v2/comments', {post: held.id, page: 99}));
			assert.equal(past.status, 200);
			assert.deepEqual(past.body, []);
			assert.equal(past.headers.get('x-wp-total'), String(held.comments!.length));
		});

		it('refuses an anonymous REST comment with 401 rest_comment_login_required', async () => {
			const held = postsOf(target).commentable();
			const answer = await request(restUrl(target.restRoot, 'wp/v2/comments'), {
				method: 'POST',
				headers: {'content-type': 'application/json'},
				body: JSON.stringify({post: held.id, author_name: 'Rest Reader', author_email: 'rest@example.org', content: uniqueText('Via REST')}),
			});
			assert.equal(answer.status, 401);
			assert.equal((JSON.parse(answer.text) as {code: string}).code, 'rest_comment_login_required');
		});

		it('answers the comment form: 302 to #comment-ID, then 429 too fast, then 409 duplicate', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const text = uniqueText('Straight to the form');
			const fields = {postId: held.id, author: target.knownCommenter.name, email: target.knownCommenter.email, comment: text};
			const sent = await postCommentForm(site(), fields);
			assert.equal(sent.status, 302);
			const location = sent.headers.get('location') ?? '';
			const id = Number(/#comment-(\d+)$/.exec(location)?.[1]);
			assert.ok(id > 0, `Location ${location}`);
			assert.doesNotMatch(location, /unapproved=/);

			const tooFast = await postCommentForm(site(), {...fields, comment: uniqueText('Too soon')});
			assert.equal(tooFast.status, 429);
			assert.equal(wpDieMessage(tooFast.text), 'You are posting comments too quickly. Slow down.');

			const duplicate = await postCommentForm(site(), fields);
			assert.equal(duplicate.status, 409);
			assert.match(wpDieMessage(duplicate.text), /^Duplicate comment detected; it looks as though you’ve already said that!/);

			const stored = (await target.storedComments(held.id)).filter(storedComment => storedComment.content === text);
			assert.deepEqual(stored.map(storedComment => [storedComment.id, storedComment.status]), [[id, 'approved']]);
		});

		it('answers the comment form for a held comment with unapproved=ID and a moderation-hash', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const commenter = newCommenter();
			const sent = await postCommentForm(site(), {postId: held.id, author: commenter.name, email: commenter.email, comment: uniqueText('Hold me')});
			assert.equal(sent.status, 302);
			const location = new URL(sent.headers.get('location') ?? '', site());
			const id = Number(location.hash.replace('#comment-', ''));
			assert.equal(location.searchParams.get('unapproved'), String(id));
			assert.match(location.searchParams.get('moderation-hash') ?? '', /^[\da-f]{32}$/);
			const stored = (await target.storedComments(held.id)).find(storedComment => storedComment.id === id);
			assert.equal(stored?.status, 'held');

			// With "Save my name, email, and website" ticked, the blog remembers the writer by cookie instead:
			// the Location is a published comment's, so a client that ticks it cannot tell "held" from it.
			await target.forgetRecentComments();
			const other = newCommenter();
			const consented = await postCommentForm(site(), {postId: held.id, author: other.name, email: other.email, comment: uniqueText('Hold me, with cookies'), cookiesConsent: true});
			assert.equal(consented.status, 302);
			const consentedLocation = consented.headers.get('location') ?? '';
			assert.match(consentedLocation, /#comment-\d+$/);
			assert.doesNotMatch(consentedLocation, /unapproved=|moderation-hash=/);
			const consentedId = Number(/#comment-(\d+)$/.exec(consentedLocation)?.[1]);
			assert.equal((await target.storedComments(held.id)).find(storedComment => storedComment.id === consentedId)?.status, 'held');
		});

		it('answers the comment form with an empty 200 for a post that does not exist, and 405 to a GET', async () => {
			await target.forgetRecentComments();
			const answer = await postCommentForm(site(), {postId: 999_999, author: target.knownCommenter.name, email: target.knownCommenter.email, comment: uniqueText('Nowhere to go')});
			assert.equal(answer.status, 200);
			assert.equal(answer.text, '');
			assert.equal(answer.headers.get('location'), null);
			const get = await request(new URL('wp-comments-post.php', site()).toString());
			assert.equal(get.status, 405);
			assert.equal(get.headers.get('allow'), 'POST');
		});

		it('keeps a password-protected post\'s body and thread to itself, and answers a comment on it with an empty 200', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).protectedPost();
			const single = await getJson<{content: {rendered: string; protected: boolean}}>(restUrl(target.restRoot, `wp/v2/posts/${held.id}`));
			assert.deepEqual(single.body.content, {rendered: '', protected: true});
			const thread = await getJson<{code: string}>(restUrl(target.restRoot, 'wp/v2/comments', {post: held.id}));
			assert.equal(thread.status, 401);
			assert.equal(thread.body.code, 'rest_cannot_read_post');
			const text = uniqueText('Without the password');
			const answer = await postCommentForm(site(), {postId: held.id, author: target.knownCommenter.name, email: target.knownCommenter.email, comment: text});
			assert.equal(answer.status, 200);
			assert.equal(answer.text, '');
			assert.deepEqual((await target.storedComments(held.id)).filter(stored => stored.content === text), []);
		});

		it('answers the comment form with 200 and the reason for missing fields and a bad email, 403 on a closed post', async () => {
			await target.forgetRecentComments();
			const open = postsOf(target).commentable();
			const closed = postsOf(target).closed();
			const {name, email} = target.knownCommenter;
			const cases = [
				{fields: {postId: open.id, author: '', email, comment: 'No name'}, status: 200, message: 'Error: Please fill the required fields.'},
				{fields: {postId: open.id, author: name, email: '', comment: 'No email'}, status: 200, message: 'Error: Please fill the required fields.'},
				{fields: {postId: open.id, author: name, email, comment: ''}, status: 200, message: 'Error: Please type your comment text.'},
				{fields: {postId: open.id, author: name, email: 'not-an-email', comment: 'Bad email'}, status: 200, message: 'Error: Please enter a valid email address.'},
				{fields: {postId: closed.id, author: name, email, comment: 'Too late'}, status: 403, message: 'Sorry, comments are closed for this item.'},
			];
			for (const {fields, status, message} of cases) {
				const answer = await postCommentForm(site(), fields);
				assert.equal(answer.status, status, JSON.stringify(fields));
				assert.equal(answer.headers.get('location'), null);
				assert.equal(wpDieMessage(answer.text), message, JSON.stringify(fields));
				assert.match(answer.text, /<title>Comment Submission Failure<\/title>/);
			}
		});
	});

	describe('sending a comment through blogterm', () => {
		/** The comments on a post whose text is this one, as the blog stores them. */
		const storedWith = async (postId: number, text: string) => (await target.storedComments(postId)).filter(stored => stored.content.includes(text));

		it('is published: exit 0, {status: "approved", id, link}, and the blog holds it, approved, visible to all', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const text = uniqueText('Published from blogterm');
			const run = await comment(held.id, text, target.knownCommenter);
			assertExit(run, 0);
			const sent = jsonOf<CommentSentJson>(run);
			assert.equal(sent.status, 'approved');
			assert.match(sent.link ?? '', new RegExp(`#comment-${sent.id}$`));
			const stored = await storedWith(held.id, text);
			assert.deepEqual(stored.map(storedComment => ({id: storedComment.id, parent: storedComment.parent, author: storedComment.author, email: storedComment.email, status: storedComment.status})),
				[{id: Number(sent.id), parent: 0, author: target.knownCommenter.name, email: target.knownCommenter.email, status: 'approved'}]);
			const visible = await readComments(target.restRoot, held.id);
			assert.ok(visible?.some(visibleComment => visibleComment.id === Number(sent.id)), 'anyone can read it');
		});

		it('--reply-to sends a reply that the blog files under its parent', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).threaded();
			const parent = held.comments!.find(heldComment => heldComment.parent === 0)!;
			const text = uniqueText('A reply from blogterm');
			const run = await comment(held.id, text, target.knownCommenter, '--reply-to', String(parent.id));
			assertExit(run, 0);
			const sent = jsonOf<CommentSentJson>(run);
			const stored = await storedWith(held.id, text);
			assert.deepEqual(stored.map(storedComment => [storedComment.id, storedComment.parent]), [[Number(sent.id), parent.id]]);
		});

		it('--comment - reads the comment from stdin, lines and all', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const first = uniqueText('First line from stdin');
			const run = await runBlogterm([site(), '--post', String(held.id), '--comment', '-', '--name', target.knownCommenter.name, '--email', target.knownCommenter.email, '--format', 'json'],
				{stdin: `${first}\nSecond line.\n`});
			assertExit(run, 0);
			const sent = jsonOf<CommentSentJson>(run);
			const stored = await storedWith(held.id, first);
			assert.deepEqual(stored.map(storedComment => storedComment.id), [Number(sent.id)]);
			assert.match(stored[0]!.content, /Second line\./);
		});

		it('is held for moderation when the blog says so: exit 0, {status: "held"}, held in the blog, hidden from others', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const hold = await target.holdComments();
			try {
				const text = uniqueText('Held from blogterm');
				const run = await comment(held.id, text, hold.commenter);
				assertExit(run, 0);
				const sent = jsonOf<CommentSentJson>(run);
				assert.equal(sent.status, 'held');
				const stored = await storedWith(held.id, text);
				assert.deepEqual(stored.map(storedComment => [storedComment.id, storedComment.status]), [[Number(sent.id), 'held']]);
				const visible = await readComments(target.restRoot, held.id);
				assert.ok(!visible?.some(visibleComment => visibleComment.id === Number(sent.id)), 'others do not see it');
			} finally {
				await hold.undo();
			}
		});

		it('with "Save my name…" ticked and no REST API to ask (as on a feed-only blog): held or published as the post\'s page shows it to its writer', async () => {
			// The Location says nothing of moderation then; the comment_author_* cookies the blog sets make its page show a held comment to its writer.
			const http = createHttpClient();
			const held = postsOf(target).commentable();
			const to = {postId: held.id, formActionUrl: new URL('wp-comments-post.php', site()).href};
			await target.forgetRecentComments();
			const stranger = newCommenter();
			const heldText = uniqueText('Held, name saved');
			const heldOutcome = await sendComment(http, to, {comment: heldText, name: stranger.name, email: stranger.email, website: '', saveIdentity: true, parent: 0});
			assert.deepEqual(heldOutcome.kind === 'held' && [heldOutcome.message, heldOutcome.unconfirmed], ['Your comment is awaiting moderation.', undefined], JSON.stringify(heldOutcome));
			assert.deepEqual((await storedWith(held.id, heldText)).map(storedComment => storedComment.status), ['held']);
			await target.forgetRecentComments();
			const publishedText = uniqueText('Published, name saved');
			const published = await sendComment(http, to, {comment: publishedText, name: target.knownCommenter.name, email: target.knownCommenter.email, website: '', saveIdentity: true, parent: 0});
			assert.equal(published.kind, 'approved', JSON.stringify(published));
			assert.deepEqual((await storedWith(held.id, publishedText)).map(storedComment => storedComment.status), ['approved']);
		});

		it('from a first-time commenter is held (WordPress\'s "previously approved comment" rule)', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const text = uniqueText('First time here');
			const run = await comment(held.id, text, newCommenter());
			assertExit(run, 0);
			const sent = jsonOf<CommentSentJson>(run);
			assert.equal(sent.status, 'held');
			assert.deepEqual((await storedWith(held.id, text)).map(storedComment => storedComment.status), ['held']);
		});

		it('sent twice is refused as a duplicate: exit 4 in the blog\'s words, and the blog holds one', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const text = uniqueText('Said once');
			assertExit(await comment(held.id, text, target.knownCommenter), 0);
			await target.forgetRecentComments();
			assertOneErrorLine(await comment(held.id, text, target.knownCommenter), 4, /already said that/);
			assert.equal((await storedWith(held.id, text)).length, 1);
		});

		it('sent too soon after another is refused as too fast: exit 4, and the blog does not hold it', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			assertExit(await comment(held.id, uniqueText('The first of two'), target.knownCommenter), 0);
			const text = uniqueText('The second, too soon');
			assertOneErrorLine(await comment(held.id, text, target.knownCommenter), 4, /too quickly/);
			assert.deepEqual(await storedWith(held.id, text), []);
		});

		it('on a post with comments closed is refused: exit 4, and the blog does not hold it', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).closed();
			const text = uniqueText('Knocking on a closed door');
			assertOneErrorLine(await comment(held.id, text, target.knownCommenter), 4, /closed/i);
			assert.deepEqual(await storedWith(held.id, text), []);
		});

		it('on a password-protected post: without --password exit 3 and not sent; with it published (the password form\'s cookie goes with it), held once by the blog', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).protectedPost();
			const text = uniqueText('With the password');
			assertOneErrorLine(await comment(held.id, text, target.knownCommenter), 3, /give --password/);
			assert.deepEqual(await storedWith(held.id, text), []);
			const run = await comment(held.id, text, target.knownCommenter, '--password', target.protectedPassword);
			assertExit(run, 0);
			const sent = jsonOf<CommentSentJson>(run);
			assert.equal(sent.status, 'approved', describeRun(run));
			assert.deepEqual((await storedWith(held.id, text)).map(stored => [stored.id, stored.status]), [[Number(sent.id), 'approved']]);
		});

		it('with fields missing exits 2 before sending, one line per field in the form\'s words', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const text = uniqueText('Nameless');
			const run = await comment(held.id, text, {name: '', email: ''});
			assertExit(run, 2);
			// With --format json, one JSON error object whose message holds each field's sentence (issue 18).
			const lines = stderrLines(run);
			assert.equal(lines.length, 1, describeRun(run));
			const {error} = JSON.parse(lines[0]!) as {error: {code: string; message: string}};
			assert.equal(error.code, 'invalid_comment', describeRun(run));
			assert.equal(error.message.match(/Fill out this field/g)?.length, 2, describeRun(run));
			assert.equal(run.stdout, '');
			assert.deepEqual(await storedWith(held.id, text), []);
		});

		it('with a bad email exits 2 before sending, in the form\'s words', async () => {
			await target.forgetRecentComments();
			const held = postsOf(target).commentable();
			const text = uniqueText('Bad address');
			const run = await comment(held.id, text, {name: 'Someone', email: 'not-an-email'});
			assertOneErrorLine(run, 2, /Please enter a valid email address\./);
			assert.deepEqual(await storedWith(held.id, text), []);
		});
	});

	return () => target;
}
