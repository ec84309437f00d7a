import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, beforeEach, describe, test} from 'node:test';
import {createHttpClient} from '../../source/http/client.js';
import {BlogError} from '../../source/errors.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {userHttpCache} from '../../source/store/cache.js';

/*
"Show what was kept at once": with `cacheFirst`, a GET that was kept on disk is answered from there
without asking the server; the same GET without it asks the server (and keeps the new answer).
*/

const home = mkdtempSync(join(tmpdir(), 'blogterm-cache-first-'));
// Answers are kept in the test's own home, as the reader keeps them in the user's.
const http = createHttpClient({cache: userHttpCache({BLOGTERM_HOME: home})});
after(() => rmSync(home, {recursive: true, force: true}));

describe('getText with cacheFirst', () => {
	let server: TestServer;
	let content = 'first version';
	let version = 1;
	before(async () => {
		server = await startTestServer((request, response) => {
			if (request.url?.startsWith('/missing')) {
				response.writeHead(404, {'content-type': 'text/plain'});
				return response.end('gone');
			}
			const etag = `"v${version}"`;
			if (request.headers['if-none-match'] === etag) {
				response.writeHead(304, {etag});
				return response.end();
			}
			response.writeHead(200, {'content-type': 'text/plain; charset=utf-8', etag});
			response.end(content);
		});
	});
	after(() => server.close());
	beforeEach(() => {
		server.requests.length = 0;
	});

	const setContent = (text: string) => {
		content = text;
		version++;
	};

	test('asks the server when nothing was kept, and keeps the answer', async () => {
		const url = `${server.url}page-a`;
		const response = await http.getText(url, {cache: true, cacheFirst: true});
		assert.equal(response.body, 'first version');
		assert.equal(response.fromCache, undefined, 'a fresh answer is not marked');
		assert.equal(server.requests.length, 1);
	});

	test('answers from disk with no request at all when a copy was kept', async () => {
		const url = `${server.url}page-b`;
		await http.getText(url, {cache: true});
		setContent('second version');
		server.requests.length = 0;

		const kept = await http.getText(url, {cache: true, cacheFirst: true});
		assert.equal(kept.body, 'first version', 'the kept copy, though the server has changed');
		assert.equal(kept.fromCache, true);
		assert.equal(kept.offlineSavedAt, undefined, 'not offline: just not asked yet');
		assert.equal(kept.statusCode, 200);
		assert.equal(server.requests.length, 0, 'the server was not asked');

		// The refresh: asked again without cacheFirst, the server answers and the new copy is kept.
		const fresh = await http.getText(url, {cache: true});
		assert.equal(fresh.body, 'second version');
		assert.equal(fresh.fromCache, undefined);
		assert.equal(server.requests.length, 1);
		assert.equal((await http.getText(url, {cache: true, cacheFirst: true})).body, 'second version');
		assert.equal(server.requests.length, 1);
	});

	test('getBytes gives the kept bytes the same way', async () => {
		const url = `${server.url}page-c`;
		setContent('caf\u00E9');
		await http.getBytes(url, {cache: true});
		server.requests.length = 0;
		const kept = await http.getBytes(url, {cache: true, cacheFirst: true});
		assert.equal(kept.bytes.toString('utf8'), 'caf\u00E9');
		assert.equal(kept.fromCache, true);
		assert.equal(server.requests.length, 0);
	});

	test('without cache: true, cacheFirst changes nothing: the server is asked', async () => {
		const url = `${server.url}page-d`;
		await http.getText(url, {cache: true});
		server.requests.length = 0;
		const response = await http.getText(url, {cacheFirst: true});
		assert.equal(response.fromCache, undefined);
		assert.equal(server.requests.length, 1);
	});

	test('what was not kept (a 404) is asked for every time', async () => {
		const url = `${server.url}missing`;
		assert.equal((await http.getText(url, {cache: true})).statusCode, 404);
		const again = await http.getText(url, {cache: true, cacheFirst: true});
		assert.equal(again.statusCode, 404);
		assert.equal(server.requests.length, 2);
	});

	test('a load cancelled before it starts ends as cancelled, even with a copy on disk', async () => {
		const url = `${server.url}page-e`;
		await http.getText(url, {cache: true});
		const controller = new AbortController();
		controller.abort();
		await assert.rejects(http.getText(url, {cache: true, cacheFirst: true, signal: controller.signal}), (error: BlogError) => error instanceof BlogError && error.kind === 'cancelled');
	});
});

describe('cacheFirst for a blog that could not be reached a moment ago', () => {
	test('the kept copy is marked as an offline copy at once', async () => {
		const server = await startTestServer((_request, response) => {
			response.writeHead(200, {'content-type': 'text/plain'});
			response.end('kept');
		});
		await http.getText(`${server.url}one`, {cache: true});
		await http.getText(`${server.url}two`, {cache: true});
		await server.close();

		const before = await http.getText(`${server.url}two`, {cache: true, cacheFirst: true});
		assert.equal(before.offlineSavedAt, undefined, 'nothing yet says the blog is away');
		const failedOver = await http.getText(`${server.url}one`, {cache: true});
		assert.ok(failedOver.offlineSavedAt, 'asked, the blog did not answer: the kept copy, marked');
		const after = await http.getText(`${server.url}two`, {cache: true, cacheFirst: true});
		assert.equal(after.body, 'kept');
		assert.equal(after.fromCache, true);
		assert.ok(after.offlineSavedAt && !Number.isNaN(Date.parse(after.offlineSavedAt)));
	});
});
