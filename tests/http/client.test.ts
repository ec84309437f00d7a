import assert from 'node:assert/strict';
import {getEventListeners} from 'node:events';
import {createServer as createNetServer, type AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {gzipSync} from 'node:zlib';
import {createHttpClient, httpLimits, type HttpClient} from '../../source/http/client.js';
import {currentHttpLimits} from '../../source/http/limits.js';
import {BlogError} from '../../source/errors.js';
import {waitUntil} from '../helpers/poll.js';
import {
	answer, drip, failFirst, neverAnswer, redirect, refusedUrl, resetConnection, selfSignedCertificate,
	startBlackHole, startFaultServer, type FaultServer,
} from '../reliability/fault-server.js';

/** The BlogError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<BlogError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof BlogError, `a BlogError, not ${String(error)}`);
		assert.doesNotMatch(error.message, /[\u0000-\u001F\u007F-\u009F]/, 'the message is one clean line');
		return error;
	}
	assert.fail('expected the request to fail');
}

describe('the HTTP client', () => {
	// Every wait at a twentieth of real time: 0.5 s to connect, 0.75 s to a first byte, 1.5 s in all,
	// retries after 50 ms and 100 ms. The figures themselves are checked below. Keeps nothing on disk.
	const fast = {BLOGTERM_TIMEOUT_SCALE: '0.05'};
	const http: HttpClient = createHttpClient({environment: fast});

	let server: FaultServer;
	before(async () => {
		server = await startFaultServer();
	});
	after(async () => server.close());

	describe('the limits', () => {
		test('the real figures are the README’s: 10 s to connect, 15 s to a first byte, 30 s in all, 20 MB, 2 retries, 10 redirects', () => {
			assert.equal(httpLimits.connectTimeoutMs, 10_000);
			assert.equal(httpLimits.responseTimeoutMs, 15_000);
			assert.equal(httpLimits.requestTimeoutMs, 30_000);
			assert.equal(httpLimits.maxBodyBytes, 20 * 1024 * 1024);
			assert.equal(httpLimits.getRetries, 2);
			assert.equal(httpLimits.maxRedirects, 10);
		});

		test('BLOGTERM_TIMEOUT_SCALE shortens every wait, and only the waits', () => {
			const scaled = currentHttpLimits({BLOGTERM_TIMEOUT_SCALE: '0.01'});
			assert.equal(scaled.responseTimeoutMs, 150);
			assert.equal(scaled.requestTimeoutMs, 300);
			assert.equal(scaled.retryDelayMs, 10);
			assert.equal(scaled.maxBodyBytes, httpLimits.maxBodyBytes);
			assert.equal(scaled.getRetries, httpLimits.getRetries);
			assert.deepEqual(currentHttpLimits({}), httpLimits);
			assert.deepEqual(currentHttpLimits({BLOGTERM_TIMEOUT_SCALE: 'fast'}), httpLimits, 'a value that is no number is ignored');
		});
	});

	describe('timeouts', () => {
		test('a server that takes the request and never answers: “took longer than … to answer”', async () => {
			server.route('/silent', neverAnswer);
			const error = await failure(http.getText(`${server.url}silent`));
			assert.equal(error.kind, 'timeout');
			assert.equal(error.message, `127.0.0.1:${new URL(server.url).port} took longer than 0.75 s to answer.`);
			assert.equal(server.requestsTo('/silent').length, 1, 'a timeout is not retried');
		});

		test('a server that sends one byte at a time ends in a clear message when the whole request runs out of time', async () => {
			server.route('/drip', drip(50));
			const error = await failure(http.getText(`${server.url}drip`));
			assert.equal(error.kind, 'timeout');
			assert.match(error.message, /did not finish answering within 1\.5 s\.$/);
		});

		test('a connection that never completes: “could not be connected to within …”', async () => {
			const hole = await startBlackHole();
			try {
				const error = await failure(http.getText(hole.url));
				assert.equal(error.kind, 'timeout');
				assert.match(error.message, /could not be connected to within 0\.5 s\.$/);
			} finally {
				hole.close();
			}
		});

		test('Esc (an aborted signal) cancels a request that is waiting for an answer, at once', async () => {
			server.route('/wait', neverAnswer);
			const controller = new AbortController();
			const pending = failure(http.getText(`${server.url}wait`, {signal: controller.signal}));
			await waitUntil(() => server.requestsTo('/wait').length, count => count === 1, 'the first request reaches /wait', 3000);
			controller.abort();
			const error = await pending;
			assert.equal(error.kind, 'cancelled', 'cancelled, not timed out');
		});
	});

	describe('retries', () => {
		test('a GET is retried on 502, 503 and 504 with backoff (50 ms, then 100 ms here), then answers', async () => {
			for (const status of [502, 503, 504]) {
				const path = `/flaky-${status}`;
				server.route(path, failFirst(2, answer(status, 'Bad gateway'), answer(200, 'Finally.')));
				const response = await http.getText(`${server.url}${path.slice(1)}`);
				assert.equal(response.statusCode, 200);
				assert.equal(response.body, 'Finally.');
				const times = server.requestsTo(path).map(request => request.at);
				assert.equal(times.length, 3, `${status}: one request and two retries`);
				assert.ok(times[1]! - times[0]! >= 45, `${status}: waited before the first retry`);
				assert.ok(times[2]! - times[1]! >= 95, `${status}: waited twice as long before the second`);
			}
		});

		test('retries are bounded: a server that always answers 503 gets three requests, and its answer is given', async () => {
			server.route('/down', answer(503, 'Service Unavailable'));
			const response = await http.getText(`${server.url}down`);
			assert.equal(response.statusCode, 503);
			assert.equal(server.requestsTo('/down').length, 1 + httpLimits.getRetries);
		});

		test('a 500 or a 404 is not retried', async () => {
			server.route('/broken', answer(500, 'Critical error'));
			server.route('/gone', answer(404, 'Not found'));
			assert.equal((await http.getText(`${server.url}broken`)).statusCode, 500);
			assert.equal((await http.getText(`${server.url}gone`)).statusCode, 404);
			assert.equal(server.requestsTo('/broken').length, 1);
			assert.equal(server.requestsTo('/gone').length, 1);
		});

		test('a connection reset is retried; one that keeps resetting ends in “the connection was reset”', async () => {
			server.route('/reset-once', failFirst(1, resetConnection, answer(200, 'Back.')));
			assert.equal((await http.getText(`${server.url}reset-once`)).body, 'Back.');
			assert.equal(server.requestsTo('/reset-once').length, 2);

			server.route('/reset', resetConnection);
			const error = await failure(http.getText(`${server.url}reset`));
			assert.equal(error.kind, 'network');
			assert.match(error.message, /the connection was reset|socket hang up/);
			assert.equal(server.requestsTo('/reset').length, 3);
		});

		test('Retry-After is honoured on 429 and 503: the retry waits as long as it says', async () => {
			for (const status of [429, 503]) {
				const path = `/busy-${status}`;
				// 2 s, at a twentieth of real time: 100 ms (the plain backoff would be 50 ms).
				server.route(path, failFirst(1, answer(status, 'Slow down', {'retry-after': '2'}), answer(200, 'OK')));
				assert.equal((await http.getText(`${server.url}${path.slice(1)}`)).statusCode, 200);
				const [first, second] = server.requestsTo(path).map(request => request.at);
				assert.ok(second! - first! >= 95, `${status}: waited ${second! - first!} ms, at least the 100 ms asked`);
			}
		});

		test('a Retry-After longer than 10 s is not waited for, and a 429 without one is not retried; a GET\'s 429 is an error in words', async () => {
			server.route('/later', answer(429, 'Come back in an hour', {'retry-after': '3600'}));
			server.route('/rate-limited', answer(429, 'Too many'));
			const later = await failure(http.getText(`${server.url}later`));
			assert.deepEqual([later.kind, later.statusCode], ['http', 429]);
			assert.match(later.message, /^127\.0\.0\.1:\d+ answered 429, too many requests; it asks to wait 60 min before asking again\.$/);
			assert.match((await failure(http.getText(`${server.url}rate-limited`))).message, /^127\.0\.0\.1:\d+ answered 429, too many requests\.$/);
			assert.equal(server.requestsTo('/later').length, 1);
			assert.equal(server.requestsTo('/rate-limited').length, 1);
		});

		test('a POST is never retried: not on 503, not on a reset', async () => {
			server.route('/post-503', answer(503, 'Busy'));
			server.route('/post-reset', resetConnection);
			assert.equal((await http.postForm(`${server.url}post-503`, {comment: 'Hi'})).statusCode, 503);
			await failure(http.postJson(`${server.url}post-reset`, {content: 'Hi'}));
			assert.equal(server.requestsTo('/post-503').length, 1);
			assert.equal(server.requestsTo('/post-reset').length, 1);
		});

		test('Esc during the wait before a retry cancels it, and no retry is sent', async () => {
			server.route('/slow-retry', answer(503, 'Busy', {'retry-after': '8'}));
			const controller = new AbortController();
			const pending = failure(http.getText(`${server.url}slow-retry`, {signal: controller.signal}));
			await waitUntil(() => server.requestsTo('/slow-retry').length, count => count === 1, 'the first request reaches /slow-retry', 3000);
			controller.abort();
			assert.equal((await pending).kind, 'cancelled');
			assert.equal(server.requestsTo('/slow-retry').length, 1);
		});
	});

	describe('redirects', () => {
		test('are followed for a GET', async () => {
			server.route('/old', redirect('/older', 301));
			server.route('/older', redirect(`${server.url}new`, 307));
			server.route('/new', answer(200, 'Moved here.'));
			const response = await http.getText(`${server.url}old`);
			assert.equal(response.body, 'Moved here.');
			assert.equal(response.url, `${server.url}new`);
		});

		test('a loop ends after 10 redirects with a message that says so', async () => {
			server.route('/loop-a', redirect('/loop-b'));
			server.route('/loop-b', redirect('/loop-a'));
			const error = await failure(http.getText(`${server.url}loop-a`));
			assert.match(error.message, /more than 10 redirects \(a redirect loop\?\)/);
			assert.equal(server.requestsTo('/loop-a').length + server.requestsTo('/loop-b').length, 11);
		});

		test('never to a scheme that is not http or https', async () => {
			for (const target of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://127.0.0.1/feed', 'data:text/html,<h1>hi</h1>', 'mailto:a@example.com']) {
				server.route('/odd', redirect(target));
				const error = await failure(http.getText(`${server.url}odd`));
				assert.match(error.message, /redirected to an address that is not http or https/, target);
			}
		});

		test('a POST is not sent on by a redirect: the other host never hears of the comment', async () => {
			const elsewhere = await startFaultServer();
			try {
				elsewhere.route('/wp-comments-post.php', answer(200, 'Stolen'));
				for (const status of [301, 302, 303, 307, 308]) {
					server.route('/wp-comments-post.php', redirect(`${elsewhere.url}wp-comments-post.php`, status));
					const response = await http.postForm(`${server.url}wp-comments-post.php`, {comment: 'Hello', author: 'Ada'});
					assert.equal(response.statusCode, status, 'the redirect is given to the caller as it is');
				}
				assert.equal(elsewhere.requests.length, 0);
			} finally {
				await elsewhere.close();
			}
		});
	});

	describe('failures below HTTP say what happened in words', () => {
		test('connection refused', async () => {
			const error = await failure(http.getText(await refusedUrl()));
			assert.equal(error.kind, 'network');
			assert.match(error.message, /^Could not read 127\.0\.0\.1:\d+: connection refused\.$/);
		});

		test('a host that does not exist (DNS)', async () => {
			const error = await failure(http.getText('http://no-such-host.invalid/'));
			assert.equal(error.kind, 'network');
			assert.match(error.message, /^Could not read no-such-host\.invalid: (no such host \(DNS lookup failed\)|DNS lookup failed \(temporary failure\))\.$/);
		});

		test('a self-signed TLS certificate', async () => {
			const secure = await startFaultServer({tls: selfSignedCertificate()});
			try {
				secure.route('/', answer(200, 'Secret'));
				const error = await failure(http.getText(secure.url));
				assert.equal(error.kind, 'network');
				assert.match(error.message, /^Could not reach 127\.0\.0\.1:\d+: its certificate is self-signed\.$/);
				assert.equal(secure.requests.length, 0, 'nothing was sent over the connection');
			} finally {
				await secure.close();
			}
		});

		test('an answer Node\'s parser refuses says what is wrong with it, never "Parse Error": two Content-Length headers, a length given two ways', async () => {
			const answers = {
				'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n[] ': /^Could not read 127\.0\.0\.1:\d+: the answer is not valid HTTP: it gives its length twice \(two Content-Length headers, or one beside Transfer-Encoding\), so where it ends cannot be told\.$/,
				'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\n': /^Could not read 127\.0\.0\.1:\d+: the answer is not valid HTTP: its Transfer-Encoding header is wrong, or beside a Content-Length, so where it ends cannot be told\.$/,
				'HTTP/1.1 200 OK\r\nContent-Length: two\r\n\r\n[]': /^Could not read 127\.0\.0\.1:\d+: the answer is not valid HTTP: its Content-Length header is not a number\.$/,
			};
			for (const [raw, expected] of Object.entries(answers)) {
				const rawServer = createNetServer(socket => {
					socket.on('error', () => undefined);
					socket.once('data', () => socket.end(raw));
				});
				await new Promise<void>(resolve => rawServer.listen(0, '127.0.0.1', resolve));
				try {
					const error = await failure(http.getText(`http://127.0.0.1:${(rawServer.address() as AddressInfo).port}/wp-json/`));
					assert.equal(error.kind, 'unreadable');
					assert.match(error.message, expected);
					assert.doesNotMatch(error.message, /Parse Error/);
				} finally {
					await new Promise(resolve => rawServer.close(resolve));
				}
			}
		});

		test('https to a server that speaks only http', async () => {
			server.route('/', answer(200, 'Plain'));
			const error = await failure(http.getText(server.url.replace('http:', 'https:')));
			assert.equal(error.kind, 'network');
			assert.match(error.message, /^Could not reach 127\.0\.0\.1:\d+: /);
		});
	});

	describe('bodies too large or badly compressed', () => {
		const limit = httpLimits.maxBodyBytes;

		test('a body larger than 20 MB is refused, whether its length is announced or not', async () => {
			const big = Buffer.alloc(limit + 1, 'a');
			server.route('/big', answer(200, big));
			server.route('/big-chunked', (_request, response) => {
				response.writeHead(200, {'content-type': 'text/html'});
				for (let offset = 0; offset < big.length; offset += 1024 * 1024) response.write(big.subarray(offset, offset + 1024 * 1024));
				response.end();
			});
			for (const path of ['big', 'big-chunked']) {
				const error = await failure(http.getText(`${server.url}${path}`));
				assert.equal(error.kind, 'unreadable');
				assert.match(error.message, /the answer is larger than 20 MB, blogterm's limit\.$/, path);
			}
		});

		test('a body of just under 20 MB is read', async () => {
			server.route('/just-fits', answer(200, Buffer.alloc(limit - 1, 'b')));
			assert.equal((await http.getBytes(`${server.url}just-fits`)).bytes.length, limit - 1);
		});

		test('a gzip body that expands past 20 MB is stopped (a 21 KB “zip bomb”)', async () => {
			const bomb = gzipSync(Buffer.alloc(limit + 1024));
			assert.ok(bomb.length < 64 * 1024);
			server.route('/bomb', answer(200, bomb, {'content-encoding': 'gzip'}));
			const error = await failure(http.getText(`${server.url}bomb`));
			assert.equal(error.kind, 'unreadable');
			assert.match(error.message, /larger than 20 MB once uncompressed/);
		});

		test('gzip, deflate and br bodies within the limit are read; a corrupt one says so', async () => {
			const {brotliCompressSync, deflateSync, deflateRawSync} = await import('node:zlib');
			const text = 'Hello, compressed world. '.repeat(1000);
			const encoded: Array<[string, Buffer]> = [['gzip', gzipSync(text)], ['deflate', deflateSync(text)], ['deflate', deflateRawSync(text)], ['br', brotliCompressSync(text)]];
			for (const [encoding, body] of encoded) {
				server.route('/compressed', answer(200, body, {'content-encoding': encoding}));
				assert.equal((await http.getText(`${server.url}compressed`)).body, text, encoding);
			}
			server.route('/corrupt', answer(200, Buffer.from('this is not gzip at all'), {'content-encoding': 'gzip'}));
			assert.match((await failure(http.getText(`${server.url}corrupt`))).message, /the compressed answer is corrupt\.$/);
			server.route('/zstd', answer(200, Buffer.from('(\u00B5/\u00FD'), {'content-encoding': 'zstd'}));
			assert.match((await failure(http.getText(`${server.url}zstd`))).message, /compressed in a way blogterm cannot read \(zstd\)/);
		});

		test('a client made with a lower limit keeps to it; the message names it', async () => {
			const small = createHttpClient({environment: fast, limits: {...currentHttpLimits(fast), maxBodyBytes: 1024 * 1024}});
			server.route('/two-mb', answer(200, Buffer.alloc(2 * 1024 * 1024, 'c')));
			assert.match((await failure(small.getText(`${server.url}two-mb`))).message, /larger than 1 MB/);
			assert.equal((await http.getText(`${server.url}two-mb`)).body.length, 2 * 1024 * 1024, 'another client keeps its own limits');
		});
	});

	test('settled() waits for every request under way, one that fails included; at once when there is none', async () => {
		const own = createHttpClient({environment: fast});
		await own.settled();
		server.route('/settled-slow', neverAnswer);
		let ended = false;
		// Never answered: it fails at the first byte's timeout (0.75 s here).
		const request = own.getText(`${server.url}settled-slow`).finally(() => {
			ended = true;
		});
		request.catch(() => undefined);
		await own.settled();
		// Its own callbacks run after the client's: a turn of the event loop, far short of its 0.75 s.
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		assert.ok(ended, 'settled() resolved before the request ended');
	});

	test('twenty requests at once under one signal: it has one listener, not one per request (Node warns past ten), and its abort cancels them all', async () => {
		// Real limits: nothing times out while the requests wait.
		const own = createHttpClient({environment: {}});
		server.route('/under-one-signal', neverAnswer);
		const asked = server.requestsTo('/under-one-signal').length;
		const controller = new AbortController();
		const requests = Array.from({length: 20}, async (_, index) => failure(own.getText(`${server.url}under-one-signal?n=${index}`, {signal: controller.signal})));
		try {
			await waitUntil(() => server.requestsTo('/under-one-signal').length - asked, count => count === 20, 'the server has all twenty requests');
			assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
		} finally {
			// Never left waiting for their 15 s, whatever was found.
			controller.abort();
		}
		for (const error of await Promise.all(requests)) assert.equal(error.kind, 'cancelled', error.message);
	});

	test('settled() waits for work handed to inBackground that asks twice, one request after the other, as discovery does', async () => {
		const own = createHttpClient({environment: fast});
		server.route('/background-home', answer(200, 'home'));
		server.route('/background-index', answer(200, '{}'));
		const asked = server.requests.length;
		// The home page, then the index it names: between the two, no request is under way.
		const work = own.inBackground((async () => {
			await own.getText(`${server.url}background-home`);
			return own.getText(`${server.url}background-index`);
		})());
		// Asked while the first request is under way, as a print run ends while discovery is asked again.
		await own.settled();
		const paths = server.requests.slice(asked).map(request => request.url);
		assert.deepEqual(paths, ['/background-home', '/background-index'], 'settled() resolved before the second request');
		assert.equal((await work).body, '{}');
	});
});
