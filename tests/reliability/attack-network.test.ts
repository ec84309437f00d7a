import assert from 'node:assert/strict';
import {after, before, describe, test, type TestContext} from 'node:test';
import {brotliCompressSync, gzipSync} from 'node:zlib';
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createHttpClient, httpLimits, type HttpClient} from '../../source/http/client.js';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {BlogError} from '../../source/errors.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {loadSettings} from '../../source/store/settings.js';
import {answer, failFirst, midBodyReset, redirect, startFaultServer, type FaultServer} from './fault-server.js';
import {stackedGzip} from './hostile-servers.js';
import {withEnvironment} from '../helpers/environment.js';

/*
Attacks on the HTTP layer by a server that means harm or a network that breaks, fast enough for
`npm test` (the slow ones are in tests/attack/network.attack.ts). Each prints what it sent and what
came back.
*/

// Every wait at a twentieth of real time: retries after 50 ms and 100 ms, 1.5 s for a whole request.
// Keeps nothing on disk.
const http: HttpClient = createHttpClient({environment: {BLOGTERM_TIMEOUT_SCALE: '0.05'}});

describe('attacks on the HTTP layer', () => {

	let server: FaultServer;
	before(async () => {
		server = await startFaultServer();
	});
	after(async () => server.close());

	/** What the client made of a request: the answer's status and size, or the error's kind and message. */
	async function outcome(promise: Promise<{statusCode: number; body: string}>): Promise<{ok: true; statusCode: number; body: string} | {ok: false; error: BlogError}> {
		try {
			const response = await promise;
			return {ok: true, statusCode: response.statusCode, body: response.body};
		} catch (error) {
			assert.ok(error instanceof BlogError, `a BlogError, not ${String(error)}`);
			assert.doesNotMatch(error.message, /[\u0000-\u001F\u007F-\u009F]/, 'the message is one clean line');
			return {ok: false, error};
		}
	}

	function report(t: TestContext, sent: string, got: Awaited<ReturnType<typeof outcome>>): void {
		t.diagnostic(`sent: ${sent}`);
		t.diagnostic(got.ok ? `came back: ${got.statusCode}, ${got.body.length} characters` : `came back: ${got.error.kind}: ${got.error.message}`);
	}

	describe('stacked Content-Encoding', () => {
		test('gzip a thousand times over (8 MB inside) ends at once in words: at most two layers are undone', async t => {
			const body = stackedGzip(Buffer.alloc(8 * 1024 * 1024, 'a'), 1000);
			server.route('/gzip-1000', answer(200, body, {'content-encoding': Array.from({length: 1000}, () => 'gzip').join(', ')}));
			const result = await outcome(http.getText(`${server.url}gzip-1000`));
			report(t, `200, Content-Encoding: gzip ×1000, ${body.length} bytes that expand to 8 MB`, result);
			assert.equal(result.ok, false, 'the answer is refused');
			assert.equal(!result.ok && result.error.kind, 'unreadable');
			assert.match(!result.ok ? result.error.message : '', /^Could not read 127\.0\.0\.1:\d+: the answer is compressed 1000 times over; blogterm undoes at most 2\.$/);
		});

		test('three layers are refused; two (br inside gzip) are read', async t => {
			const text = 'Two layers are fine. '.repeat(100);
			server.route('/gzip-3', answer(200, stackedGzip(Buffer.from(text), 3), {'content-encoding': 'gzip, gzip, gzip'}));
			const three = await outcome(http.getText(`${server.url}gzip-3`));
			report(t, '200, Content-Encoding: gzip, gzip, gzip', three);
			assert.match(!three.ok ? three.error.message : 'it was read', /compressed 3 times over; blogterm undoes at most 2\.$/);

			server.route('/br-gzip', answer(200, gzipSync(brotliCompressSync(text)), {'content-encoding': 'br, gzip'}));
			const two = await outcome(http.getText(`${server.url}br-gzip`));
			report(t, '200, Content-Encoding: br, gzip', two);
			assert.equal(two.ok && two.body, text);
		});

		test('the same stack sent as a hundred Content-Encoding headers is refused too', async t => {
			server.route('/gzip-headers', (_request, response) => {
				response.writeHead(200, [['content-type', 'text/html'], ...Array.from({length: 100}, () => ['content-encoding', 'gzip'])].flat());
				response.end(stackedGzip(Buffer.from('x'), 100));
			});
			const result = await outcome(http.getText(`${server.url}gzip-headers`));
			report(t, '200 with 100 separate Content-Encoding: gzip headers', result);
			assert.match(!result.ok ? result.error.message : 'it was read', /compressed 100 times over/);
		});
	});

	describe('Content-Length over the limit', () => {
		test('is refused on the header: a server announcing 50 MB, then sending 1 KB and waiting, gets the size message, not a timeout', async t => {
			server.route('/announced-huge', (_request, response) => {
				response.writeHead(200, {'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024)});
				response.write('x'.repeat(1024));
				// …and nothing more: the client must not wait for the body to decide.
			});
			const result = await outcome(http.getText(`${server.url}announced-huge`));
			report(t, '200, Content-Length: 52428800, 1 KB of body, then silence', result);
			assert.equal(!result.ok && result.error.kind, 'unreadable');
			assert.match(!result.ok ? result.error.message : '', /the answer is larger than 20 MB, blogterm's limit\.$/);
		});

		test('a POST whose answer announces more than the limit is refused the same way, and sent once', async t => {
			server.route('/post-huge', (_request, response) => {
				response.writeHead(200, {'content-type': 'application/json', 'content-length': String(httpLimits.maxBodyBytes + 1)});
				response.write('{');
			});
			const result = await outcome(http.postJson(`${server.url}post-huge`, {content: 'Hi'}));
			report(t, `POST answered 200, Content-Length: ${httpLimits.maxBodyBytes + 1}, then silence`, result);
			assert.match(!result.ok ? result.error.message : '', /larger than 20 MB/);
			assert.equal(server.requestsTo('/post-huge').length, 1);
		});
	});

	describe('Retry-After that says "now"', () => {
		for (const [label, retryAfter] of [['zero', '0'], ['negative', '-5'], ['a date in the past', 'Thu, 01 Jan 2015 00:00:00 GMT']] as const) {
			test(`Retry-After ${label} (${retryAfter}) waits at least the normal backoff (50 ms here), never retrying at once`, async t => {
				const path = `/retry-after-${label.replaceAll(' ', '-')}`;
				server.route(path, failFirst(2, answer(503, 'Busy', {'retry-after': retryAfter}), answer(200, 'Now.')));
				const result = await outcome(http.getText(`${server.url}${path.slice(1)}`));
				const times = server.requestsTo(path).map(request => request.at);
				report(t, `503 with Retry-After: ${retryAfter}, twice, then 200; requests ${times.map(time => time - times[0]!).join(', ')} ms apart from the first`, result);
				assert.equal(result.ok && result.body, 'Now.');
				assert.equal(times.length, 3);
				assert.ok(times[1]! - times[0]! >= 45, `waited ${times[1]! - times[0]!} ms before the first retry, not at least the 50 ms backoff`);
				assert.ok(times[2]! - times[1]! >= 95, `waited ${times[2]! - times[1]!} ms before the second retry, not at least the 100 ms backoff`);
			});
		}
	});

	describe('a connection reset in the middle of a body', () => {
		test('on a GET is retried, as the README promises, and the whole answer is given', async t => {
			const whole = 'The whole answer. '.repeat(500);
			server.route('/reset-mid-body', failFirst(1, midBodyReset(Buffer.from(whole), 1000), answer(200, whole, {'content-type': 'text/plain'})));
			const result = await outcome(http.getText(`${server.url}reset-mid-body`));
			report(t, `200 with Content-Length ${whole.length}, 1000 bytes, then a reset; then the whole answer`, result);
			assert.equal(result.ok && result.body, whole);
			assert.equal(server.requestsTo('/reset-mid-body').length, 2);
		});

		test('on a GET that keeps resetting: three requests, then “the connection was reset”', async t => {
			server.route('/always-reset-mid-body', midBodyReset(Buffer.alloc(5000, 'y'), 1000));
			const result = await outcome(http.getText(`${server.url}always-reset-mid-body`));
			report(t, '200, 1000 bytes of 5000, then a reset, every time', result);
			assert.match(!result.ok ? result.error.message : 'it was read', /the connection was reset/);
			assert.equal(server.requestsTo('/always-reset-mid-body').length, 1 + httpLimits.getRetries);
		});

		test('on a POST is never retried: the comment is sent once', async t => {
			server.route('/post-reset-mid-body', midBodyReset(Buffer.alloc(5000, 'z'), 1000));
			const result = await outcome(http.postJson(`${server.url}post-reset-mid-body`, {content: 'Hi'}));
			report(t, 'POST answered 200, 1000 bytes of 5000, then a reset', result);
			assert.equal(result.ok, false);
			assert.equal(server.requestsTo('/post-reset-mid-body').length, 1);
		});
	});

	describe('a WordPress application password goes to the site named, and nowhere else', () => {
		const password = 'abcd efgh ijkl mnop';
		const authorization = `Basic ${Buffer.from(`ada:${password}`).toString('base64')}`;
		const draft: CommentDraft = {comment: 'Hello.', name: 'Ada', email: 'ada@example.com', website: '', saveIdentity: false, parent: 0};
		let home: string;
		const blogs: FaultServer[] = [];
		before(() => {
			home = mkdtempSync(join(tmpdir(), 'blogterm-credentials-'));
		});
		withEnvironment(() => ({BLOGTERM_WP_USER: 'ada', BLOGTERM_WP_APP_PASSWORD: password, BLOGTERM_HOME: home}));
		after(async () => {
			await Promise.all(blogs.map(async blog => blog.close()));
			rmSync(home, {recursive: true, force: true});
		});

		/** A WordPress blog on 127.0.0.1 with one post (1) open for comments; its REST route takes a signed-in comment. */
		async function wordpress(): Promise<FaultServer> {
			const blog = await startFaultServer();
			blogs.push(blog);
			blog.route('/', answer(200, '<!doctype html><title>Blog</title>', {link: `<${blog.url}wp-json/>; rel="https://api.w.org/"`}));
			blog.route('/wp-json/', answer(200, JSON.stringify({name: 'Blog', description: '', url: blog.url.slice(0, -1), home: blog.url.slice(0, -1), namespaces: ['wp/v2']}), {'content-type': 'application/json'}));
			blog.route('/wp-json/wp/v2/posts/1', answer(200, JSON.stringify({
				id: 1, date: '2026-03-01T10:00:00', date_gmt: '2026-03-01T10:00:00', slug: 'hello', link: `${blog.url}hello/`, status: 'publish',
				title: {rendered: 'Hello'}, excerpt: {rendered: '<p>Hi</p>', protected: false}, content: {rendered: '<p>Hi</p>', protected: false},
				comment_status: 'open', author: 1, categories: [], tags: [],
			}), {'content-type': 'application/json'}));
			blog.route('/wp-json/wp/v2/comments', (request, response) => {
				if (request.method !== 'POST') return answer(200, '[]', {'content-type': 'application/json', 'x-wp-total': '0', 'x-wp-totalpages': '0'})(request, response, 0);
				const signedIn = request.headers.authorization !== undefined;
				return answer(signedIn ? 201 : 401, JSON.stringify(signedIn
					? {id: 7, post: 1, parent: 0, status: 'hold', link: `${blog.url}hello/#comment-7`, content: {rendered: '<p>Hello.</p>'}}
					: {code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.', data: {status: 401}}), {'content-type': 'application/json'})(request, response, 0);
			});
			blog.route('/wp-comments-post.php', redirect('/hello/?unapproved=8&moderation-hash=x#comment-8'));
			return blog;
		}

		/** Opens the site as the user named it, comments on post 1, and says which blog heard the password. */
		async function commentOn(t: TestContext, named: string, blogsSeen: Record<string, FaultServer>, setup: string): Promise<void> {
			const source = await openBlog(http, named);
			const post = await source.fetchPost({kind: 'id', id: 1});
			const outcome = await source.submitComment(post, draft);
			t.diagnostic(`sent: ${setup}; BLOGTERM_WP_USER=ada, the site named ${named}`);
			for (const [name, blog] of Object.entries(blogsSeen)) {
				const posts = blog.requests.filter(request => request.method === 'POST');
				t.diagnostic(`came back: ${outcome.kind}; ${name} saw ${posts.map(request => `POST ${request.url.split('?')[0]} ${request.headers.authorization === authorization ? 'with the password' : 'anonymous'}`).join(', ') || 'no POST'}`);
			}
		}

		const sawPassword = (blog: FaultServer) => blog.requests.some(request => request.headers.authorization !== undefined);

		test('the site named gets it (over loopback http), as Basic auth on the REST route', async t => {
			const blog = await wordpress();
			await commentOn(t, blog.url, {'the named blog': blog}, 'a WordPress blog');
			assert.equal(blog.requestsTo('/wp-json/wp/v2/comments').find(request => request.method === 'POST')?.headers.authorization, authorization);
		});

		test('a REST root advertised on another host does not get it: the comment goes there anonymously', async t => {
			const named = await startFaultServer();
			blogs.push(named);
			const elsewhere = await wordpress();
			named.route('/', answer(200, '<!doctype html><title>Blog</title>', {link: `<${elsewhere.url}wp-json/>; rel="https://api.w.org/"`}));
			await commentOn(t, named.url, {'the named site': named, 'the advertised host': elsewhere}, `a home page whose Link header names the REST root ${elsewhere.url}wp-json/`);
			assert.equal(sawPassword(elsewhere), false, 'the other host never saw the password');
			assert.ok(elsewhere.requests.some(request => request.method === 'POST'), 'the comment was still sent, anonymously');
		});

		test('a home page that redirects to another host does not take the password with it', async t => {
			const named = await startFaultServer();
			blogs.push(named);
			const elsewhere = await wordpress();
			named.route('/', redirect(elsewhere.url));
			await commentOn(t, named.url, {'the named site': named, 'the host redirected to': elsewhere}, `a home page that redirects (302) to ${elsewhere.url}`);
			assert.equal(sawPassword(elsewhere), false, 'the other host never saw the password');
		});

		test('a REST route that redirects the signed-in POST to another host: not followed, the other host hears nothing', async t => {
			const blog = await wordpress();
			const elsewhere = await wordpress();
			blog.route('/wp-json/wp/v2/comments', (request, response, count) => {
				if (request.method !== 'POST') return answer(200, '[]', {'content-type': 'application/json'})(request, response, count);
				return redirect(`${elsewhere.url}wp-json/wp/v2/comments`, 307)(request, response, count);
			});
			await commentOn(t, blog.url, {'the named blog': blog, 'the host redirected to': elsewhere}, `a REST route answering 307 to ${elsewhere.url}`);
			assert.equal(elsewhere.requests.length, 0);
		});

		test('a host a settings entry names for the password gets it too', async t => {
			const named = await startFaultServer();
			blogs.push(named);
			const elsewhere = await wordpress();
			named.route('/', answer(200, '<!doctype html><title>Blog</title>', {link: `<${elsewhere.url}wp-json/>; rel="https://api.w.org/"`}));
			mkdirSync(join(home, 'config'), {recursive: true});
			writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({wordpressAccountSites: [elsewhere.url]}));
			await loadSettings();
			try {
				await commentOn(t, named.url, {'the named site': named, 'the host in settings': elsewhere}, `config.json naming ${elsewhere.url}, the REST root advertised there`);
			} finally {
				rmSync(join(home, 'config', 'config.json'));
				await loadSettings();
			}
			assert.equal(elsewhere.requestsTo('/wp-json/wp/v2/comments').find(request => request.method === 'POST')?.headers.authorization, authorization);
		});
	});
});
