import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {maxCommentPages, maxPerPage} from '../../source/sources/wordpress/wordpress-source.js';
import {maxFeedItemsPerAnswer} from '../../source/sources/clean.js';
import {openFeedBlog} from '../../source/sources/feed/discover-feed.js';
import {startFakeWordPressBlog, type FakePost} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

/*
A post with more comments than blogterm reads (50 pages of 100): the thread is the first 5,000, and it
says so, with the count the blog claims (X-WP-Total), where the reader and print mode say other cuts.
*/

const busy: FakePost = {id: 1, slug: 'busy', title: 'Busy', html: '<p>Busy.</p>', date: '2026-01-11T10:00:00', comments: 7412};
const quiet: FakePost = {id: 2, slug: 'quiet', title: 'Quiet', html: '<p>Quiet.</p>', date: '2026-01-12T10:00:00', comments: 250};
const read = maxCommentPages * maxPerPage;

let server: TestServer;
let host: string;
before(async () => {
	server = await startFakeWordPressBlog({name: 'Busy Blog', posts: [busy, quiet]});
	host = new URL(server.url).host;
});
after(async () => server.close());

describe('a WordPress post with more comments than blogterm reads', () => {
	test('its thread is the first 5,000, and says the blog has 7,412', async () => {
		const source = await openBlog(createHttpClient(), server.url);
		const thread = await source.fetchComments(await source.fetchPost({kind: 'id', id: busy.id}));
		assert.equal(read, 5000);
		assert.equal(thread.comments.length, read);
		assert.equal(thread.endsEarly, `${host} has 7,412 comments; blogterm read the first 5,000.`);
		const whole = await source.fetchComments(await source.fetchPost({kind: 'id', id: quiet.id}));
		assert.equal(whole.comments.length, 250);
		assert.equal(whole.endsEarly, undefined, 'a thread read to its end says nothing');
	});

	test('print mode prints the comments read and says the rest on stderr (text, then JSON)', async () => {
		const text = await runInProcess([server.url, '--post', String(busy.id), '--comments', '--no-related', '--no-neighbours']);
		assert.equal(text.code, 0);
		assert.equal(text.stderr, `blogterm: ${host} has 7,412 comments; blogterm read the first 5,000.\n`);
		assert.match(text.stdout, /Comment 5000 on busy\./);
		assert.doesNotMatch(text.stdout, /Comment 5001 on busy\./);

		const json = await runInProcess([server.url, '--post', String(busy.id), '--comments', '--no-related', '--no-neighbours', '--format', 'json']);
		assert.equal(json.code, 0);
		assert.deepEqual(JSON.parse(json.stderr), {warning: {code: 'cut_short', message: `${host} has 7,412 comments; blogterm read the first 5,000.`}});
		const document = JSON.parse(json.stdout) as {commentCount: number; comments: unknown[]};
		assert.equal(document.comments.length, read, '`comments` is what was read');
		assert.equal(document.commentCount, 7412, '`commentCount` stays the blog\'s own');

		const whole = await runInProcess([server.url, '--post', String(quiet.id), '--comments', '--no-related', '--no-neighbours']);
		assert.equal(whole.stderr, '', 'a thread read to its end says nothing');
	});
});

/*
A feed blog's post whose comment feed holds more comments than blogterm reads from one feed (20,000):
the thread is those it lists first, and says how many the feed holds, as a WordPress thread cut short does.
(The note reaches the reader and print mode as any thread's does: above, and tests/ui/comment-thread/.)
*/

/** An RSS comment feed of `count` comments, newest first (as WordPress lists them): comment N is a minute after N-1. */
function commentFeed(origin: string, slug: string, count: number): string {
	const items: string[] = [];
	for (let number = count; number >= 1; number--) {
		const date = new Date(Date.UTC(2025, 0, 1) + number * 60_000).toUTCString();
		items.push(`<item><title>By: Reader ${number}</title><link>${origin}/${slug}/#comment-${number}</link><dc:creator>Reader ${number}</dc:creator><pubDate>${date}</pubDate><guid>${origin}/?comment=${number}</guid><description>Comment ${number} on ${slug}.</description></item>`);
	}
	return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments on ${slug}</title><link>${origin}/${slug}/</link><description>Comments</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

function postFeed(origin: string, posts: ReadonlyArray<{slug: string; comments: number}>): string {
	const items = posts.map(({slug, comments}, index) => `<item><title>${slug}</title><link>${origin}/${slug}/</link><guid>${origin}/${slug}/</guid><pubDate>${new Date(Date.UTC(2025, 0, 10 - index)).toUTCString()}</pubDate><description>About ${slug}.</description><wfw:commentRss>${origin}/${slug}/feed/</wfw:commentRss><slash:comments>${comments}</slash:comments></item>`);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Feed Only</title><link>${origin}/</link><description>A blog with a feed</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

describe('a feed post whose comment feed holds more comments than blogterm reads', () => {
	const many = maxFeedItemsPerAnswer + 7;
	let feeds: FeedServer;
	let feedHost: string;
	let note: string;
	before(async () => {
		feeds = await startFeedServer();
		feedHost = new URL(feeds.url).host;
		note = `${feedHost}'s comment feed has 20,007 comments; blogterm read the first 20,000 it lists.`;
		feeds.route('/feed/', {type: 'application/rss+xml', body: postFeed(feeds.origin, [{slug: 'crowded', comments: many}, {slug: 'calm', comments: 3}])});
		feeds.route('/crowded/feed/', {type: 'application/rss+xml', body: commentFeed(feeds.origin, 'crowded', many)});
		feeds.route('/calm/feed/', {type: 'application/rss+xml', body: commentFeed(feeds.origin, 'calm', 3)});
	});
	after(async () => feeds.close());

	test('its thread is the 20,000 the feed lists first (its newest), and says the feed has 20,007', async () => {
		assert.equal(maxFeedItemsPerAnswer, 20_000);
		const source = await openFeedBlog(createHttpClient(), `${feeds.origin}/feed/`);
		const thread = await source.fetchComments(await source.fetchPost({kind: 'slug', slug: 'crowded'}));
		assert.equal(thread.comments.length, maxFeedItemsPerAnswer);
		assert.equal(thread.comments[0]?.author, 'Reader 8', 'the oldest read is the 20,000th listed');
		assert.equal(thread.comments.at(-1)?.author, `Reader ${many}`);
		assert.equal(thread.endsEarly, note);
		const whole = await source.fetchComments(await source.fetchPost({kind: 'slug', slug: 'calm'}));
		assert.equal(whole.comments.length, 3);
		assert.equal(whole.endsEarly, undefined, 'a thread read to its end says nothing');
	});
});
