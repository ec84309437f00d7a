import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, afterEach, before, describe, it} from 'node:test';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import type {Post} from '../../source/model/post.js';
import type {BlogSource} from '../../source/sources/blog-source.js';
import {isAnonymousRestRefusal} from '../../source/comments/send-comment.js';
import {readFormResponse, readRestResponse} from '../../source/comments/outcome.js';
import type {HttpResponse} from '../../source/http/client.js';
import {isBlogError} from '../../source/errors.js';
import {openFeedBlog} from '../../source/sources/feed/discover-feed.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {collapse, htmlText} from './helpers/truth.js';
import type {Seeded} from './helpers/wordpress-target.js';
import {exchangesOf, fixturesDir, readExchanges, recordedOrigin, type Exchange} from './recording/exchange.js';
import {startReplayServer, type ReplayServer} from './recording/replay-server.js';
import {createHttpClient} from '../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

/*
blogterm's sources against real WordPress's recorded answers (tests/fixtures/wordpress/, made by
`npm run test:wordpress -- --record`), served again on 127.0.0.1. What they must read is what
scripts/wordpress/seed.php says it put in the blog (seed.json), never what blogterm read before.
*/

const seed = JSON.parse(readFileSync(join(fixturesDir, 'seed.json'), 'utf8')) as Seeded;
const all = readExchanges();
const seeded = (id: number) => seed.posts.find(post => post.id === id)!;

function assertSameInstant(actual: string | undefined, expected: string, what: string): void {
	assert.ok(actual, `${what}: no date`);
	const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(actual) ? actual : `${actual}Z`;
	assert.equal(new Date(withZone).toISOString(), new Date(expected).toISOString(), `${what}: ${actual} is not ${expected}`);
}

function assertTextsInOrder(html: string, pieces: readonly string[], what: string): void {
	const text = htmlText(html);
	let from = 0;
	for (const piece of pieces) {
		const at = text.indexOf(piece, from);
		assert.ok(at >= 0, `${what}: "${piece}" is missing in: ${text}`);
		from = at + piece.length;
	}
}

/** Replays the recordings whose scenario starts with `prefix`; after each test, fails on any request never recorded. */
function replaying(prefix: string): () => ReplayServer {
	let replay: ReplayServer;
	before(async () => {
		replay = await startReplayServer(all.filter((exchange: Exchange) => exchange.scenario.startsWith(prefix)));
	});
	afterEach(() => {
		assert.deepEqual(replay.unrecorded, [], 'blogterm asked WordPress something that was never recorded: run `npm run test:wordpress -- --record`');
	});
	after(async () => replay.close());
	return () => replay;
}

const onReplay = (url: string, replay: ReplayServer) => url.replace(recordedOrigin, replay.origin);

describe('the WordPress source against recorded WordPress answers', () => {
	const replay = replaying('wordpress source:');
	let source: BlogSource;
	before(async () => {
		source = await openBlog(http, replay().url);
	});

	it('opens the blog through its REST API, with the name WordPress gives', () => {
		assert.equal(source.description, 'WordPress REST API');
		assert.equal(source.site.name, seed.name);
	});

	it('lists every page with WordPress\'s totals, newest first, each post as seeded', async () => {
		const seen: Array<number | string> = [];
		for (let page = 1; page <= seed.totalPages; page++) {
			const listed = await source.fetchPostPage(page, 10);
			assert.equal(listed.total, seed.total);
			assert.equal(listed.totalPages, seed.totalPages);
			for (const summary of listed.posts) {
				const held = seeded(Number(summary.id));
				assert.equal(summary.title, held.title, `title of post ${held.id}`);
				assert.equal(summary.link, onReplay(held.link, replay()), `link of post ${held.id}`);
				assert.equal(summary.author, held.author, `author of post ${held.id}`);
				assertSameInstant(summary.date, held.date, `date of post ${held.id}`);
				// As the blog counts (its feed's slash:comments): pingbacks too, and a protected post's.
				assert.equal(summary.commentCount, held.blogCommentCount, `comment count of post ${held.id}`);
			}
			seen.push(...listed.posts.map(summary => summary.id));
		}
		assert.deepEqual(seen, seed.posts.map(post => post.id));
		const past = await source.fetchPostPage(seed.totalPages + 1, 10);
		assert.deepEqual({posts: past.posts, total: past.total}, {posts: [], total: seed.total});
	});

	it('asks for the sticky posts alongside the first page (WordPress answers sticky=true; the seed has none): the page as seeded, none marked', async () => {
		const listed = await source.fetchPostPage(1, 10, {stickyFirst: true});
		assert.deepEqual(listed.posts.map(post => post.id), seed.posts.slice(0, 10).map(post => post.id));
		assert.ok(listed.posts.every(post => post.sticky === false), 'WordPress says each is not sticky');
		const asked = exchangesOf('wordpress source: the first page, sticky posts first', all).find(exchange => /[?&]sticky=true/.test(exchange.path));
		assert.ok(asked, 'the sticky posts were asked for');
		assert.equal(asked.status, 200);
	});

	it('reads a post by ID, slug, link and ?p=, with its text, terms and author as seeded', async () => {
		const held = seed.posts.find(post => post.commentsOpen && !post.isProtected && post.comments.length === 0)!;
		for (const ref of [{kind: 'slug', slug: held.slug}, {kind: 'url', url: onReplay(held.link, replay())}, {kind: 'url', url: `${replay().origin}/?p=${held.id}`}] as const) {
			const post = await source.fetchPost(ref);
			assert.equal(post.id, held.id, JSON.stringify(ref));
			assert.equal(post.title, held.title);
			assert.equal(post.author, held.author);
			assert.deepEqual(post.categories.map(term => term.name).sort(), [...held.categories].sort());
			assert.deepEqual(post.tags.map(term => term.name).sort(), [...held.tags].sort());
			assertTextsInOrder(post.html, held.texts, `post ${held.id}`);
			assert.ok(post.html.includes(held.href!), `the link ${held.href} is in the post`);
			assert.equal(post.commentsOpen, true);
		}
		const threaded = await source.fetchPost({kind: 'id', id: seed.threadedPostId});
		assert.equal(threaded.title, seeded(seed.threadedPostId).title);
		assert.equal(threaded.commentCount, seeded(seed.threadedPostId).blogCommentCount);
	});

	it('says a post that does not exist is not found, keeps a protected post\'s text to itself, sees a closed post closed', async () => {
		await assert.rejects(source.fetchPost({kind: 'id', id: 999_999}), error => isBlogError(error) && error.kind === 'not-found');
		const locked = await source.fetchPost({kind: 'id', id: seed.protectedPostId});
		assert.equal(locked.title, seeded(seed.protectedPostId).title);
		assert.equal(locked.html.trim(), '');
		assert.equal(locked.isProtected, true);
		const closed = await source.fetchPost({kind: 'id', id: seed.closedPostId});
		assert.equal(closed.commentsOpen, false);
	});

	it('finds each post\'s older and newer neighbour, and none past either end', async () => {
		const link = (index: number) => {
			const post = seed.posts[index];
			return post ? {id: post.id, title: post.title, link: onReplay(post.link, replay())} : undefined;
		};
		for (const id of [seed.threadedPostId, seed.posts[0]!.id, seed.posts.at(-1)!.id]) {
			const index = seed.posts.findIndex(post => post.id === id);
			const neighbours = await source.fetchNeighbours(await source.fetchPost({kind: 'id', id}));
			assert.deepEqual(neighbours, {previous: link(index + 1), next: link(index - 1)}, `neighbours of post ${id}`);
		}
	});

	it('reads a thread as seeded: every approved comment, its parent, author, date and text; 105 comments over two pages', async () => {
		for (const id of [seed.threadedPostId, seed.busyPostId, seed.closedPostId]) {
			const held = seeded(id);
			const {comments} = await source.fetchComments(await source.fetchPost({kind: 'id', id}));
			assert.deepEqual(comments.map(comment => ({id: comment.id, parent: comment.parent, author: comment.author, text: collapse(htmlText(comment.html))})),
				held.comments.map(comment => ({id: comment.id, parent: comment.parent, author: comment.author, text: comment.text})), `comments of post ${id}`);
			for (const [index, comment] of comments.entries()) assertSameInstant(comment.date, held.comments[index]!.date, `date of comment ${comment.id}`);
		}
		assert.equal(seeded(seed.busyPostId).comments.length, 105);
	});

	it('counts a pingback as the blog does, and shows it in the thread marked as such, with its link', async () => {
		const held = seeded(seed.pingbackPostId);
		assert.equal(held.blogCommentCount, held.commentCount + 1, 'the seed has one pingback beside the comments');
		const post = await source.fetchPost({kind: 'id', id: held.id});
		assert.equal(post.commentCount, held.blogCommentCount);
		const {comments} = await source.fetchComments(post);
		assert.deepEqual(comments.filter(comment => comment.type === undefined).map(comment => [comment.id, comment.author]), held.comments.map(comment => [comment.id, comment.author]));
		const pings = comments.filter(comment => comment.type !== undefined);
		assert.deepEqual(pings.map(comment => [comment.id, comment.type, comment.author, comment.authorUrl]), [[seed.pingbackId, 'pingback', 'Another Walker » Hills we walked', 'https://walker.example/2024/02/hills/']]);
		assert.match(collapse(htmlText(pings[0]!.html)), /the same walk, written up by blogterm e2e/);
	});

	it('ranks related posts from the blog\'s own, never the post itself', async () => {
		const post = await source.fetchPost({kind: 'id', id: seed.threadedPostId});
		const related = await source.fetchRelated(post, 5);
		assert.ok(related.length > 0);
		for (const candidate of related) {
			assert.notEqual(candidate.id, post.id);
			assert.ok(seed.posts.some(held => held.id === candidate.id), `related post ${candidate.id} is on the blog`);
		}
	});

	it('reads WordPress\'s answers to comments: published, too fast, duplicate, held, a reply, closed, protected', async () => {
		const post = async (id: number) => source.fetchPost({kind: 'id', id});
		const draft = (comment: string, name = seed.knownCommenter.name, email = seed.knownCommenter.email, parent = 0): CommentDraft => ({comment, name, email, website: '', saveIdentity: false, parent});
		/** Where WordPress sent the browser, as recorded: the id of the comment it made. */
		const recordedId = (scenario: string) => Number(/#comment-(\d+)$/.exec(exchangesOf(scenario, all).find(exchange => exchange.headers['location'])?.headers['location'] ?? '')?.[1]);
		const target: Post = await post(seed.commentPostId);

		const published = await source.submitComment(target, draft('Sent by blogterm, published.'));
		assert.deepEqual(published, {kind: 'approved', id: recordedId('wordpress source: send published'), link: `${onReplay(seeded(seed.commentPostId).link, replay())}#comment-${recordedId('wordpress source: send published')}`});
		const tooFast = await source.submitComment(target, draft('Sent by blogterm, too fast.'));
		assert.deepEqual(tooFast.kind === 'refused' && tooFast.reason, 'too-fast', JSON.stringify(tooFast));
		const duplicate = await source.submitComment(target, draft('Sent by blogterm, published.'));
		assert.deepEqual(duplicate.kind === 'refused' && duplicate.reason, 'duplicate', JSON.stringify(duplicate));
		const held = await source.submitComment(target, draft('Sent by blogterm, held.', 'First Timer', 'first-timer@example.org'));
		assert.equal(held.kind, 'held', JSON.stringify(held));
		assert.equal(held.kind === 'held' && held.id, recordedId('wordpress source: send held'));
		const reply = await source.submitComment(await post(seed.threadedPostId), draft('Sent by blogterm, a reply.', undefined, undefined, seeded(seed.threadedPostId).comments[0]!.id));
		assert.equal(reply.kind === 'approved' && reply.id, recordedId('wordpress source: send a reply'), JSON.stringify(reply));
		const closed = await source.submitComment(await post(seed.closedPostId), draft('Sent by blogterm, closed.'));
		assert.deepEqual(closed.kind === 'refused' && closed.reason, 'closed', JSON.stringify(closed));
		const locked = await post(seed.protectedPostId);
		assert.equal(source.canComment(locked), false, 'blogterm does not offer to comment on a protected post');
		const sentAnyway = await source.submitComment(locked, draft('Sent by blogterm, protected.'));
		assert.notEqual(sentAnyway.kind, 'approved', JSON.stringify(sentAnyway));
		assert.notEqual(sentAnyway.kind, 'held', JSON.stringify(sentAnyway));
	});
});

describe('the WordPress source against a recorded WordPress with plain permalinks', () => {
	const replay = replaying('wordpress source (plain permalinks):');

	it('finds the REST API at ?rest_route=, lists the posts, reads a ?p= post and its thread', async () => {
		const source = await openBlog(http, replay().url);
		assert.equal(source.site.name, seed.name.replace('(pretty)', '(plain)'));
		const first = await source.fetchPostPage(1, 10);
		assert.deepEqual({total: first.total, totalPages: first.totalPages}, {total: seed.total, totalPages: seed.totalPages});
		assert.deepEqual(first.posts.map(post => post.title), seed.posts.slice(0, 10).map(post => post.title));
		assert.ok(first.posts.every(post => post.link.startsWith(`${replay().origin}/?p=`)), 'plain links');
		const held = seeded(seed.threadedPostId);
		const post = await source.fetchPost({kind: 'url', url: `${replay().origin}/?p=${held.id}`});
		assert.equal(post.title, held.title);
		assertTextsInOrder(post.html, held.texts, held.title);
		const {comments} = await source.fetchComments(post);
		assert.deepEqual(comments.map(comment => [comment.id, comment.parent, comment.author]), held.comments.map(comment => [comment.id, comment.parent, comment.author]));
	});
});

describe('the feed source against recorded WordPress feeds', () => {
	const replay = replaying('feed source');

	it('lists the RSS feed\'s posts, newest first, with the seeded titles, links, authors and dates, a page at a time', async () => {
		const source = await openFeedBlog(http, `${replay().origin}/feed/`);
		const first = await source.fetchPostPage(1, 10);
		const second = await source.fetchPostPage(2, 10);
		const listed = [...first.posts, ...second.posts];
		// WordPress's feeds title a password-protected post "Protected: …".
		assert.deepEqual(listed.map(post => post.title), seed.posts.slice(0, 20).map(post => (post.isProtected ? `Protected: ${post.title}` : post.title)));
		for (const [index, post] of listed.entries()) {
			const held = seed.posts[index]!;
			assert.equal(post.link, onReplay(held.link, replay()));
			assert.equal(post.author, held.author);
			assertSameInstant(post.date, held.date, `date of ${held.title}`);
		}
	});

	it('reads a post\'s text and its thread from the feed and the post\'s comment feed', async () => {
		const source = await openFeedBlog(http, `${replay().origin}/feed/`);
		const held = seeded(seed.threadedPostId);
		const post = await source.fetchPost({kind: 'url', url: onReplay(held.link, replay())});
		assert.equal(post.title, held.title);
		assertTextsInOrder(post.html, held.texts, held.title);
		const {comments} = await source.fetchComments(post);
		assert.deepEqual(comments.map(comment => comment.author), held.comments.map(comment => comment.author));
		// WordPress's comment feed starts a reply with "In reply to NAME." (it has no other way to say so);
		// the reply is nested under that comment (the post's page says so), and the line is left out.
		assert.deepEqual(comments.map(comment => comment.parent), held.comments.map(comment => comment.parent));
		assert.ok(held.comments.some(comment => comment.parent !== 0), 'the recording holds replies');
		assert.deepEqual(comments.map(comment => collapse(htmlText(comment.html))), held.comments.map(comment => comment.text));
	});

	it('reads the Atom feed the same', async () => {
		const source = await openFeedBlog(http, `${replay().origin}/feed/atom/`);
		const first = await source.fetchPostPage(1, 10);
		assert.deepEqual(first.posts.map(post => [post.title, post.link, post.author]), seed.posts.slice(0, 10).map(post => [post.title, onReplay(post.link, replay()), post.author]));
	});
});

describe('reading WordPress\'s recorded answers to a comment', () => {
	const answerTo = (probe: string): HttpResponse => {
		const [exchange] = exchangesOf(`probe: ${probe}`, all);
		return {statusCode: exchange!.status, url: `${recordedOrigin}${exchange!.path}`, headers: exchange!.headers, body: typeof exchange!.body === 'string' ? exchange!.body : JSON.stringify(exchange!.body)};
	};
	const location = (probe: string) => new URL(answerTo(probe).headers['location'] as string);

	it('a 302 to #comment-ID is published, with that ID and link; one with unapproved=ID is held', () => {
		for (const probe of ['form: published', 'form: a reply']) {
			const to = location(probe);
			assert.deepEqual(readFormResponse(answerTo(probe)), {kind: 'approved', id: Number(to.hash.replace('#comment-', '')), link: to.href}, probe);
		}
		const held = readFormResponse(answerTo('form: held'));
		assert.equal(held.kind, 'held');
		assert.equal(held.kind === 'held' && held.id, Number(location('form: held').searchParams.get('unapproved')));
	});

	it('each wp_die page is refused for its reason, in WordPress\'s words', () => {
		const cases = [
			['form: too fast', 'too-fast', 'You are posting comments too quickly. Slow down.'],
			['form: duplicate', 'duplicate', 'already said that'],
			['form: no name', 'invalid', 'Please fill the required fields.'],
			['form: no email', 'invalid', 'Please fill the required fields.'],
			['form: no comment', 'invalid', 'Please type your comment text.'],
			['form: a bad email', 'invalid', 'Please enter a valid email address.'],
			['form: comments closed', 'closed', 'Sorry, comments are closed for this item.'],
		] as const;
		for (const [probe, reason, words] of cases) {
			const outcome = readFormResponse(answerTo(probe));
			assert.equal(outcome.kind === 'refused' && outcome.reason, reason, `${probe}: ${JSON.stringify(outcome)}`);
			assert.ok(outcome.kind === 'refused' && outcome.message.includes(words), `${probe}: ${JSON.stringify(outcome)}`);
		}
	});

	it('the empty 200 for a post that is gone or password-protected is not taken for a success', () => {
		for (const probe of ['form: a post that does not exist', 'form: a password-protected post']) {
			assert.equal(readFormResponse(answerTo(probe)).kind, 'refused', probe);
		}
	});

	it('WordPress\'s refusal of an anonymous REST comment is known for what it is', () => {
		const answer = answerTo('an anonymous REST comment');
		assert.ok(isAnonymousRestRefusal(answer));
		const outcome = readRestResponse(answer);
		assert.equal(outcome.kind === 'refused' && outcome.reason, 'login-required', JSON.stringify(outcome));
	});
});
