import assert from 'node:assert/strict';
import {after, before, describe, test, type TestContext} from 'node:test';
import {brotliCompressSync, gzipSync} from 'node:zlib';
import {getText, httpLimits, postJson} from '../../source/http/client.js';
import {BlogError} from '../../source/sources/errors.js';
import {answer, failFirst, midBodyReset, startFaultServer, type FaultServer} from './fault-server.js';
import {stackedGzip} from './hostile-servers.js';

/*
Attacks on the HTTP layer by a server that means harm or a network that breaks, fast enough for
`npm test` (the slow ones are in tests/attack/network.attack.ts). Each prints what it sent and what
came back.
*/

// Every wait at a twentieth of real time: retries after 50 ms and 100 ms, 1.5 s for a whole request.
process.env['BLOGTERM_TIMEOUT_SCALE'] = '0.05';

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
		const result = await outcome(getText(`${server.url}gzip-1000`));
		report(t, `200, Content-Encoding: gzip ×1000, ${body.length} bytes that expand to 8 MB`, result);
		assert.equal(result.ok, false, 'the answer is refused');
		assert.equal(!result.ok && result.error.kind, 'unreadable');
		assert.match(!result.ok ? result.error.message : '', /^Could not read 127\.0\.0\.1:\d+: the answer is compressed 1000 times over; blogterm undoes at most 2\.$/);
	});

	test('three layers are refused; two (br inside gzip) are read', async t => {
		const text = 'Two layers are fine. '.repeat(100);
		server.route('/gzip-3', answer(200, stackedGzip(Buffer.from(text), 3), {'content-encoding': 'gzip, gzip, gzip'}));
		const three = await outcome(getText(`${server.url}gzip-3`));
		report(t, '200, Content-Encoding: gzip, gzip, gzip', three);
		assert.match(!three.ok ? three.error.message : 'it was read', /compressed 3 times over; blogterm undoes at most 2\.$/);

		server.route('/br-gzip', answer(200, gzipSync(brotliCompressSync(text)), {'content-encoding': 'br, gzip'}));
		const two = await outcome(getText(`${server.url}br-gzip`));
		report(t, '200, Content-Encoding: br, gzip', two);
		assert.equal(two.ok && two.body, text);
	});

	test('the same stack sent as a hundred Content-Encoding headers is refused too', async t => {
		server.route('/gzip-headers', (_request, response) => {
			response.writeHead(200, [['content-type', 'text/html'], ...Array.from({length: 100}, () => ['content-encoding', 'gzip'])].flat());
			response.end(stackedGzip(Buffer.from('x'), 100));
		});
		const result = await outcome(getText(`${server.url}gzip-headers`));
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
		const result = await outcome(getText(`${server.url}announced-huge`));
		report(t, '200, Content-Length: 52428800, 1 KB of body, then silence', result);
		assert.equal(!result.ok && result.error.kind, 'unreadable');
		assert.match(!result.ok ? result.error.message : '', /the answer is larger than 20 MB, blogterm's limit\.$/);
	});

	test('a POST whose answer announces more than the limit is refused the same way, and sent once', async t => {
		server.route('/post-huge', (_request, response) => {
			response.writeHead(200, {'content-type': 'application/json', 'content-length': String(httpLimits.maxBodyBytes + 1)});
			response.write('{');
		});
		const result = await outcome(postJson(`${server.url}post-huge`, {content: 'Hi'}));
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
			const result = await outcome(getText(`${server.url}${path.slice(1)}`));
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
		const result = await outcome(getText(`${server.url}reset-mid-body`));
		report(t, `200 with Content-Length ${whole.length}, 1000 bytes, then a reset; then the whole answer`, result);
		assert.equal(result.ok && result.body, whole);
		assert.equal(server.requestsTo('/reset-mid-body').length, 2);
	});

	test('on a GET that keeps resetting: three requests, then “the connection was reset”', async t => {
		server.route('/always-reset-mid-body', midBodyReset(Buffer.alloc(5000, 'y'), 1000));
		const result = await outcome(getText(`${server.url}always-reset-mid-body`));
		report(t, '200, 1000 bytes of 5000, then a reset, every time', result);
		assert.match(!result.ok ? result.error.message : 'it was read', /the connection was reset/);
		assert.equal(server.requestsTo('/always-reset-mid-body').length, 1 + httpLimits.getRetries);
	});

	test('on a POST is never retried: the comment is sent once', async t => {
		server.route('/post-reset-mid-body', midBodyReset(Buffer.alloc(5000, 'z'), 1000));
		const result = await outcome(postJson(`${server.url}post-reset-mid-body`, {content: 'Hi'}));
		report(t, 'POST answered 200, 1000 bytes of 5000, then a reset', result);
		assert.equal(result.ok, false);
		assert.equal(server.requestsTo('/post-reset-mid-body').length, 1);
	});
});
