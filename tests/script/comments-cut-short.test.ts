import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {maxCommentPages, maxPerPage} from '../../source/sources/wordpress/wordpress-source.js';
import {startFakeWordPressBlog, type FakePost} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
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
		const comments = await source.fetchComments(await source.fetchPost({kind: 'id', id: busy.id}));
		assert.equal(read, 5000);
		assert.equal(comments.length, read);
		assert.equal(comments.endsEarly, `${host} has 7,412 comments; blogterm read the first 5,000.`);
		const whole = await source.fetchComments(await source.fetchPost({kind: 'id', id: quiet.id}));
		assert.equal(whole.length, 250);
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
