import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {sendComment} from '../../source/comments/send-comment.js';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {runInProcess} from '../script/run-cli.js';
import {answer, neverAnswer, redirect, refusedUrl, resetConnection, selfSignedCertificate, startFaultServer, type FaultServer} from './fault-server.js';
import {createHttpClient, type HttpClient} from '../../source/http/client.js';
import {withEnvironment} from '../helpers/environment.js';

/*
Faults seen from the two places a user meets them: sending a comment (never sent twice, never sent
on to another host) and print mode (one line in words for each way a connection can fail).
*/

const draft: CommentDraft = {comment: 'Hello there.', name: 'Ada', email: 'ada@example.com', website: '', saveIdentity: false, parent: 0};

describe('network faults', () => {
	withEnvironment({BLOGTERM_TIMEOUT_SCALE: '0.05'});
	// Keeps nothing on disk.
	let http: HttpClient;
	before(() => {
		http = createHttpClient();
	});

	let blog: FaultServer;
	let elsewhere: FaultServer;
	before(async () => {
		[blog, elsewhere] = await Promise.all([startFaultServer(), startFaultServer()]);
		elsewhere.route('/wp-comments-post.php', answer(302, '', {location: `${elsewhere.url}post/#comment-1`}));
		elsewhere.route('/wp-json/wp/v2/comments', answer(201, '{"id":1,"status":"approved"}', {'content-type': 'application/json'}));
	});
	after(async () => Promise.all([blog.close(), elsewhere.close()]));

	describe('a comment is sent once, to the blog only', () => {
		test('a redirect from the form or the REST route to another host is not followed: that host hears nothing', async () => {
			for (const status of [301, 302, 307, 308]) {
				blog.route('/wp-comments-post.php', redirect(`${elsewhere.url}wp-comments-post.php`, status));
				blog.route('/wp-json/wp/v2/comments', redirect(`${elsewhere.url}wp-json/wp/v2/comments`, status));
				const outcome = await sendComment(http, {postId: 1, formActionUrl: `${blog.url}wp-comments-post.php`, restCommentsUrl: `${blog.url}wp-json/wp/v2/comments`}, draft);
				assert.notEqual(outcome.kind, 'approved', `HTTP ${status}`);
			}
			assert.equal(elsewhere.requests.length, 0);
		});

		test('a 503 or a reset while sending is not retried: one POST, and the user is told what is known', async () => {
			blog.route('/busy/wp-comments-post.php', answer(503, '<p>Busy</p>'));
			const busy = await sendComment(http, {postId: 1, formActionUrl: `${blog.url}busy/wp-comments-post.php`}, draft);
			assert.equal(busy.kind, 'refused');
			assert.equal(blog.requestsTo('/busy/wp-comments-post.php').length, 1);

			blog.route('/reset/wp-comments-post.php', resetConnection);
			const reset = await sendComment(http, {postId: 1, formActionUrl: `${blog.url}reset/wp-comments-post.php`}, draft);
			assert.equal(reset.kind, 'unknown');
			assert.match(reset.kind === 'unknown' ? reset.message : '', /It is not known whether your comment arrived/);
			assert.equal(blog.requestsTo('/reset/wp-comments-post.php').length, 1);

			blog.route('/slow/wp-comments-post.php', neverAnswer);
			const slow = await sendComment(http, {postId: 1, formActionUrl: `${blog.url}slow/wp-comments-post.php`}, draft);
			assert.equal(slow.kind, 'unknown', 'sent, no answer: it may have arrived');
			assert.equal(blog.requestsTo('/slow/wp-comments-post.php').length, 1);
		});

		test('connection refused: “not sent”', async () => {
			const outcome = await sendComment(http, {postId: 1, formActionUrl: `${await refusedUrl()}wp-comments-post.php`}, draft);
			assert.equal(outcome.kind, 'failed');
			assert.match(outcome.kind === 'failed' ? outcome.message : '', /connection refused\. Your comment was not sent\.$/);
		});
	});

	describe('print mode says in words why a blog could not be reached', () => {
		test('DNS, TLS, refused, no answer, a redirect loop, a server that keeps failing: one line each, exit 1', async () => {
			const secure = await startFaultServer({tls: selfSignedCertificate()});
			secure.route('/', answer(200, 'hi'));
			blog.route('/silent/', neverAnswer);
			blog.route('/loop/', redirect('/loop/'));
			blog.route('/down/', answer(502, 'Bad Gateway'));
			const fast = {BLOGTERM_TIMEOUT_SCALE: '0.01'};
			try {
				const cases: Array<[string, string, RegExp]> = [
					['DNS', 'http://no-such-host.invalid/', /^blogterm: Could not read no-such-host\.invalid: (no such host \(DNS lookup failed\)|DNS lookup failed \(temporary failure\))\.$/],
					['TLS', secure.url, /^blogterm: Could not reach 127\.0\.0\.1:\d+: its certificate is self-signed\.$/],
					['refused', await refusedUrl(), /^blogterm: Could not read 127\.0\.0\.1:\d+: connection refused\.$/],
					['no answer', `${blog.url}silent/`, /^blogterm: 127\.0\.0\.1:\d+ took longer than 0\.15 s to answer\.$/],
					['a redirect loop', `${blog.url}loop/`, /^blogterm: Could not read 127\.0\.0\.1:\d+: more than 10 redirects \(a redirect loop\?\)\.$/],
					['502 after retries', `${blog.url}down/`, /^blogterm: 127\.0\.0\.1:\d+ answered 502\.$/],
				];
				const runs = await Promise.all(cases.map(async ([, site]) => runInProcess([site, '--list'], {env: fast})));
				for (const [index, run] of runs.entries()) {
					const [name, , message] = cases[index]!;
					assert.equal(run.code, 1, `${name}: ${run.stderr}`);
					assert.equal(run.stdout, '');
					assert.equal(run.errorLines.length, 1, `${name}: ${run.stderr}`);
					assert.match(run.errorLines[0]!, message, name);
				}
				assert.equal(blog.requestsTo('/down/').length, 3, 'a 502 is retried twice, no more');
			} finally {
				await secure.close();
			}
		});
	});
});
