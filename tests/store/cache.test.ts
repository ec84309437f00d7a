import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, before, beforeEach, describe, test} from 'node:test';
import {createHttpClient, type HttpClient} from '../../source/http/client.js';
import {BlogError} from '../../source/errors.js';
import {HttpCache, cacheKey, defaultCacheMaxBytes, offlineNote, userHttpCache} from '../../source/store/cache.js';
import {answer, neverAnswer, startFaultServer, type FaultServer} from '../reliability/fault-server.js';
import {withEnvironment} from '../helpers/environment.js';

const home = mkdtempSync(join(tmpdir(), 'blogterm-cache-'));
after(() => rmSync(home, {recursive: true, force: true}));
const cacheFolder = () => join(home, 'cache', 'http');

describe('the HTTP cache, in the test\'s own BLOGTERM_HOME', () => {
	withEnvironment({BLOGTERM_HOME: home, BLOGTERM_TIMEOUT_SCALE: '0.05'});
	// Answers are kept in the test's own home, as the reader keeps them in the user's.
	let http: HttpClient;
	before(() => {
		http = createHttpClient({cache: userHttpCache()});
	});
	let server: FaultServer;
	beforeEach(async () => {
		server = await startFaultServer();
	});
	// Most tests stop the server themselves (that is "no network"); a second close is harmless.
	afterEach(async () => server.close());

	describe('revalidation', () => {
		test('an ETag is sent back as If-None-Match; a 304 gives the kept body', async () => {
			let version = 1;
			server.route('/etag', (request, response) => {
				if (request.headers['if-none-match'] === `"v${version}"`) {
					response.writeHead(304, {etag: `"v${version}"`});
					response.end();
					return;
				}
				response.writeHead(200, {'content-type': 'application/json', etag: `"v${version}"`, 'x-wp-total': '12'});
				response.end(JSON.stringify({version}));
			});
			const url = `${server.url}etag`;
			const first = await http.getText(url, {cache: true, headers: {accept: 'application/json'}});
			const second = await http.getText(url, {cache: true, headers: {accept: 'application/json'}});
			assert.equal(second.statusCode, 200);
			assert.equal(second.body, first.body);
			assert.equal(second.headers['x-wp-total'], '12', 'the headers the sources read are kept');
			assert.equal(second.offlineSavedAt, undefined, 'revalidated, not offline');
			const [, revalidation] = server.requestsTo('/etag');
			assert.equal(revalidation!.headers['if-none-match'], '"v1"');

			version = 2;
			const third = await http.getText(url, {cache: true, headers: {accept: 'application/json'}});
			assert.deepEqual(JSON.parse(third.body), {version: 2}, 'a changed page is read anew');
			await server.close();
		});

		test('Last-Modified is sent back as If-Modified-Since', async () => {
			const modified = 'Wed, 25 Nov 2026 10:00:00 GMT';
			server.route('/dated', (request, response) => {
				if (request.headers['if-modified-since'] === modified) {
					response.writeHead(304);
					response.end();
					return;
				}
				response.writeHead(200, {'content-type': 'text/html', 'last-modified': modified});
				response.end('<p>Dated</p>');
			});
			await http.getText(`${server.url}dated`, {cache: true});
			assert.equal((await http.getText(`${server.url}dated`, {cache: true})).body, '<p>Dated</p>');
			assert.equal(server.requestsTo('/dated')[1]!.headers['if-modified-since'], modified);
			await server.close();
		});

		test('the same URL asked for JSON and for HTML is kept twice; bytes are kept exactly', async () => {
			server.route('/both', (request, response) => {
				const json = request.headers['accept'] === 'application/json';
				response.writeHead(200, {'content-type': json ? 'application/json' : 'text/html; charset=ISO-8859-1'});
				response.end(json ? '{"a":1}' : Buffer.from([0x43, 0x61, 0x66, 0xE9]));
			});
			const json = await http.getText(`${server.url}both`, {cache: true, headers: {accept: 'application/json'}});
			const html = await http.getBytes(`${server.url}both`, {cache: true});
			await server.close();
			assert.equal((await http.getText(`${server.url}both`, {cache: true, headers: {accept: 'application/json'}})).body, json.body);
			assert.deepEqual((await http.getBytes(`${server.url}both`, {cache: true})).bytes, html.bytes);
		});
	});

	describe('with no network', () => {
		test('a page read before is given from disk, marked with when it was saved', async () => {
			server.route('/list', answer(200, '[1,2,3]', {'content-type': 'application/json'}));
			const before = Date.now();
			await http.getText(`${server.url}list`, {cache: true});
			await server.close();
			const offline = await http.getText(`${server.url}list`, {cache: true});
			assert.equal(offline.body, '[1,2,3]');
			assert.ok(offline.offlineSavedAt);
			assert.ok(Date.parse(offline.offlineSavedAt) >= before - 1000);
			assert.match(offlineNote(offline.offlineSavedAt), /^offline — saved at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d$/);
		});

		test('a page never read still fails in words', async () => {
			await server.close();
			await assert.rejects(http.getText(`${server.url}never-read`, {cache: true}), (error: BlogError) => error.kind === 'network' && /connection refused/.test(error.message));
		});

		test('a server that does not answer in time counts as no network', async () => {
			server.route('/slow', answer(200, 'Kept'));
			await http.getText(`${server.url}slow`, {cache: true});
			server.route('/slow', neverAnswer);
			const offline = await http.getText(`${server.url}slow`, {cache: true});
			assert.equal(offline.body, 'Kept');
			assert.ok(offline.offlineSavedAt);
			await server.close();
		});

		test('a cancelled request stays cancelled (Esc is not “offline”)', async () => {
			server.route('/cancel', answer(200, 'Kept'));
			await http.getText(`${server.url}cancel`, {cache: true});
			server.route('/cancel', neverAnswer);
			const controller = new AbortController();
			const pending = http.getText(`${server.url}cancel`, {cache: true, signal: controller.signal});
			setTimeout(() => controller.abort(), 20);
			await assert.rejects(pending, (error: BlogError) => error.kind === 'cancelled');
			await server.close();
		});

		test('a page that is gone (404) is forgotten', async () => {
			server.route('/gone', answer(200, 'Here'));
			await http.getText(`${server.url}gone`, {cache: true});
			server.route('/gone', answer(404, 'Gone'));
			assert.equal((await http.getText(`${server.url}gone`, {cache: true})).statusCode, 404);
			await server.close();
			await assert.rejects(http.getText(`${server.url}gone`, {cache: true}));
		});
	});

	describe('what is kept', () => {
		test('only GETs asked to be cached, only 200 answers', async () => {
			const folder = cacheFolder();
			const count = () => readdirSync(folder).length;
			server.route('/plain', answer(200, 'x'));
			server.route('/error', answer(500, 'x'));
			server.route('/form', answer(200, 'x'));
			await http.getText(`${server.url}plain`, {cache: true});
			const before = count();
			await http.getText(`${server.url}plain?other`);
			await http.getText(`${server.url}error`, {cache: true});
			await http.postForm(`${server.url}form`, {comment: 'Hi'});
			assert.equal(count(), before);
			await server.close();
		});

		test('the user\'s cache lives in the cache folder and holds at most 200 MB', () => {
			assert.equal(userHttpCache().directory, cacheFolder());
			assert.equal(userHttpCache().maxBytes, 200 * 1024 * 1024);
			assert.equal(defaultCacheMaxBytes, 200 * 1024 * 1024);
		});

		test('a client made without a cache keeps nothing and reads nothing kept', async () => {
			const server = await startFaultServer();
			server.route('/plain', answer(200, Buffer.from('fresh'), {'content-type': 'text/plain'}));
			const count = () => readdirSync(cacheFolder()).length;
			const before = count();
			const keepsNothing = createHttpClient();
			assert.equal((await keepsNothing.getText(`${server.url}plain`, {cache: true})).body, 'fresh');
			assert.equal(count(), before, 'nothing was written');
			await http.getText(`${server.url}plain`, {cache: true});
			await server.close();
			await assert.rejects(keepsNothing.getText(`${server.url}plain`, {cache: true, cacheFirst: true}), BlogError, 'the kept copy is not this client\'s');
		});
	});

	describe('the size limit', () => {
		let directory: string;
		before(() => {
			directory = mkdtempSync(join(tmpdir(), 'blogterm-cache-size-'));
		});
		after(() => rmSync(directory, {recursive: true, force: true}));

		test('past its size, the entries used longest ago are removed first', async () => {
			await server.close();
			// A clock a minute on at every use: the order of uses does not depend on how fast the disk is.
			let minutes = 0;
			const cache = new HttpCache({directory, maxBytes: 20 * 1024, now: () => new Date(Date.UTC(2026, 0, 1, 0, minutes++))});
			const key = (index: number) => cacheKey(`https://blog.example/${index}`, undefined);
			const put = async (index: number) => cache.put(key(index), {url: `https://blog.example/${index}`, statusCode: 200, headers: {}, bytes: Buffer.alloc(1024, index)});
			for (let index = 0; index < 10; index++) await put(index);
			// Read the first again: it is now used more recently than the nine after it.
			assert.ok(await cache.get(key(0)));
			for (let index = 10; index < 18; index++) await put(index);
			assert.ok(await cache.size() <= 20 * 1024, `at most 20 KB, not ${await cache.size()}`);
			assert.equal(await cache.get(key(1)), undefined, 'the one used longest ago is gone');
			assert.ok(await cache.get(key(0)), 'the one read again is kept');
			assert.ok(await cache.get(key(17)), 'the newest is kept');
		});
	});
});
