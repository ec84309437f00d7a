import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {proxyFor, proxySettingsFrom} from '../../source/http/proxy.js';
import {startFakeWordPressBlog, type FakeBlog} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {answer, neverAnswer, refusedUrl, selfSignedCertificate, startFaultServer, type FaultServer} from '../reliability/fault-server.js';
import {runInProcess} from '../script/run-cli.js';
import {startLoggingProxy, type LoggingProxy} from './logging-proxy.js';

/*
The conventions a shell user expects (issue 18): HTTPS_PROXY, HTTP_PROXY, NO_PROXY and --proxy for every
request, checked against a logging proxy on loopback; --timeout and --retries.
*/

const blog: FakeBlog = {name: 'Behind a proxy', posts: [{id: 7, slug: 'seven', title: 'Seven', html: '<p>The seventh post.</p>', date: '2026-01-07T03:04:05'}]};

let server: TestServer;
let proxy: LoggingProxy;

before(async () => {
	server = await startFakeWordPressBlog(blog);
	proxy = await startLoggingProxy();
});

after(async () => {
	await server.close();
	await proxy.close();
});

describe('proxies', () => {
	test('HTTP_PROXY: every request goes through the proxy, in absolute form', async () => {
		proxy.log.length = 0;
		const run = await runInProcess([server.url, '--post', '7', '--format', 'json', '--fields', 'title'], {env: {HTTP_PROXY: proxy.url}});
		assert.equal(run.code, 0, run.stderr);
		assert.equal((JSON.parse(run.stdout) as {title: string}).title, 'Seven');
		assert.ok(proxy.log.length >= 3, `requests through the proxy: ${proxy.log.length}`);
		assert.equal(proxy.log.length, server.requests.length, 'each request the blog saw came through the proxy');
		for (const entry of proxy.log) assert.ok(entry.target.startsWith(server.url), entry.target);
	});

	test('http_proxy in lower case, and --proxy URL (with credentials) in place of the variables', async () => {
		proxy.log.length = 0;
		assert.equal((await runInProcess([server.url, '--list', '--ids'], {env: {http_proxy: proxy.url.replace('http://', '')}})).code, 0);
		assert.ok(proxy.log.length > 0, 'a proxy without a scheme is http://');
		proxy.log.length = 0;
		const withCredentials = proxy.url.replace('http://', 'http://ada:s%3Acret@');
		const run = await runInProcess([server.url, '--list', '--ids', '--proxy', withCredentials]);
		assert.equal(run.code, 0, run.stderr);
		assert.ok(proxy.log.length > 0);
		assert.equal(proxy.log[0]!.authorization, `Basic ${Buffer.from('ada:s:cret').toString('base64')}`);
	});

	test('NO_PROXY: the hosts it names are reached directly', async () => {
		proxy.log.length = 0;
		for (const noProxy of ['127.0.0.1', 'localhost,127.0.0.1', '*', `127.0.0.1:${new URL(server.url).port}`]) {
			const run = await runInProcess([server.url, '--list', '--ids'], {env: {HTTP_PROXY: proxy.url, NO_PROXY: noProxy}});
			assert.equal(run.code, 0, run.stderr);
		}
		assert.equal(proxy.log.length, 0);
		const otherPort = await runInProcess([server.url, '--list', '--ids'], {env: {HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1'}});
		assert.equal(otherPort.code, 0);
		assert.ok(proxy.log.length > 0, 'a NO_PROXY entry with another port does not match');
	});

	test('HTTPS_PROXY: an https blog is reached through a CONNECT tunnel, TLS with the blog itself', async () => {
		const secure = await startFaultServer({tls: selfSignedCertificate()});
		secure.route('/', answer(200, 'hi'));
		try {
			proxy.log.length = 0;
			const run = await runInProcess([secure.url, '--list'], {env: {HTTPS_PROXY: proxy.url}});
			assert.equal(run.code, 1);
			// The tunnel reached the blog: its own (self-signed) certificate is what was refused.
			assert.match(run.errorLines[0]!, /^blogterm: Could not reach 127\.0\.0\.1:\d+: its certificate is self-signed\.$/);
			assert.deepEqual(proxy.log.map(entry => [entry.method, entry.target]), [['CONNECT', new URL(secure.url).host]]);
		} finally {
			await secure.close();
		}
	});

	test('a proxy that cannot be reached, or refuses the tunnel, is named as the proxy', async () => {
		const down = await refusedUrl();
		const unreachable = await runInProcess([server.url, '--list', '--format', 'json'], {env: {HTTP_PROXY: down}});
		assert.equal(unreachable.code, 1);
		const error = (JSON.parse(unreachable.stderr) as {error: {code: string; message: string}}).error;
		assert.equal(error.code, 'refused');
		assert.match(error.message, /^Could not reach the proxy 127\.0\.0\.1:\d+ \(for 127\.0\.0\.1:\d+\): connection refused\.$/);
		const refusing = await startLoggingProxy({refuseConnect: true});
		try {
			const run = await runInProcess(['https://blog.example/', '--list'], {env: {HTTPS_PROXY: refusing.url}});
			assert.equal(run.code, 1);
			assert.equal(run.errorLines[0], 'blogterm: Could not read blog.example through the proxy ' + new URL(refusing.url).host + ': the proxy answered 403 to CONNECT blog.example:443.');
		} finally {
			await refusing.close();
		}
	});

	test('a proxy address that is not http:// is refused: --proxy with exit 2, a variable on the first request', async () => {
		const flag = await runInProcess([server.url, '--list', '--proxy', 'socks5://127.0.0.1:1080']);
		assert.equal(flag.code, 2);
		assert.match(flag.errorLines[0]!, /^blogterm: --proxy: “socks5:\/\/127\.0\.0\.1:1080” is not an http:\/\/ proxy/);
		const variable = await runInProcess([server.url, '--list'], {env: {HTTP_PROXY: 'socks5://127.0.0.1:1080'}});
		assert.equal(variable.code, 1);
		assert.match(variable.errorLines[0]!, /HTTP_PROXY: “socks5:\/\/127\.0\.0\.1:1080” is not an http:\/\/ proxy/);
	});

	test('no_proxy rules: a domain covers its subdomains, a leading dot too, a port must match', () => {
		const settings = proxySettingsFrom({https_proxy: 'proxy.example:3128', no_proxy: 'example.org, .internal,10.0.0.1,api.example:8443'})!;
		assert.equal(proxyFor('https://example.org/', settings)?.host, undefined);
		assert.equal(proxyFor('https://blog.example.org/', settings)?.host, undefined);
		assert.equal(proxyFor('https://a.b.internal/', settings)?.host, undefined);
		assert.equal(proxyFor('https://10.0.0.1/', settings)?.host, undefined);
		assert.equal(proxyFor('https://api.example:8443/', settings)?.host, undefined);
		assert.equal(proxyFor('https://api.example/', settings)?.host, 'proxy.example:3128');
		assert.equal(proxyFor('https://notexample.org/', settings)?.host, 'proxy.example:3128');
		assert.equal(proxyFor('http://example.com/', settings), undefined, 'no proxy for http was named');
	});
});

describe('--timeout and --retries', () => {
	let faults: FaultServer;
	before(async () => {
		faults = await startFaultServer();
		faults.route('/silent/', neverAnswer);
		faults.route('/down/', answer(502, 'Bad Gateway'));
	});
	after(async () => faults.close());

	test('--timeout SECONDS ends a request that takes longer (exit 1, code timeout)', async () => {
		const run = await runInProcess([`${faults.url}silent/`, '--list', '--timeout', '0.3', '--format', 'json']);
		assert.equal(run.code, 1);
		const error = (JSON.parse(run.stderr) as {error: {code: string; message: string}}).error;
		assert.equal(error.code, 'timeout');
		assert.match(error.message, /0\.3 s/);
	});

	test('--retries N: a GET answered 502 is asked N more times; 0 asks once', async () => {
		const fast = {env: {BLOGTERM_TIMEOUT_SCALE: '0.01'}};
		const once = await runInProcess([`${faults.url}down/`, '--list', '--retries', '0'], fast);
		assert.equal(once.code, 1);
		assert.equal(faults.requestsTo('/down/').length, 1);
		await runInProcess([`${faults.url}down/`, '--list', '--retries', '3'], fast);
		assert.equal(faults.requestsTo('/down/').length, 1 + 4);
	});

	test('a bad --timeout or --retries is refused (exit 2)', async () => {
		for (const [args, message] of [
			[['--timeout', '0'], /^blogterm: --timeout takes a number of seconds, more than 0 and at most 3600\.$/],
			[['--retries', '-1'], /^blogterm: --retries takes a whole number from 0 to 10\.$/],
			[['--retries', '1.5'], /^blogterm: --retries takes a whole number from 0 to 10\.$/],
		] as const) {
			const run = await runInProcess([server.url, '--list', ...args]);
			assert.equal(run.code, 2, run.stderr);
			assert.match(run.errorLines[0]!, message);
		}
	});
});
