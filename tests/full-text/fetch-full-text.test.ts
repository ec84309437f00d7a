import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {createHttpClient, httpLimits} from '../../source/http/client.js';
import {fetchFullText} from '../../source/full-text/fetch-full-text.js';
import {BlogError} from '../../source/errors.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {startSummaryBlog, summaryPosts} from './summary-blog.js';

let blog: TestServer;
before(async () => {
	blog = await startSummaryBlog();
});
after(async () => blog.close());

const http = createHttpClient();
const pageOf = (index: number) => `${blog.url}${summaryPosts[index]!.slug}`;
const fetchPost = (index: number) => fetchFullText(http, pageOf(index), {summary: summaryPosts[index]!.summary});

describe('fetching a post’s page through the HTTP client', () => {
	test('a WordPress post page gives its article, links absolute against the page', async () => {
		const result = await fetchPost(0);
		assert.equal(result.kind, 'article');
		if (result.kind !== 'article') return;
		assert.equal(result.article.url, pageOf(0));
		assert.match(result.article.html, /Every autumn the allotment/);
		assert.ok(result.article.html.includes(`href="${blog.url}2026/09/leaf-mould/"`));
	});

	test('a Ghost page gives its article', async () => {
		const result = await fetchPost(1);
		assert.equal(result.kind, 'article');
		if (result.kind === 'article') assert.match(result.article.html, /The three clouds that matter/);
	});

	test('a cookie wall, a PDF and a login redirect say in words that they hold no article', async () => {
		assert.deepEqual(await fetchPost(2), {kind: 'not-an-article', message: 'The post\'s page asks to accept cookies first (a consent page): it holds no article.'});
		assert.deepEqual(await fetchPost(3), {kind: 'not-an-article', message: 'The post\'s page is a PDF, not an article.'});
		assert.deepEqual(await fetchPost(4), {kind: 'not-an-article', message: 'The post\'s page asks to sign in first (a login page): it holds no article.'});
	});

	test('a redirect to an address that is not http or https is not followed', async () => {
		await assert.rejects(fetchPost(5), (error: unknown) => error instanceof BlogError && /redirected to an address that is not http or https/.test(error.message));
	});

	test('a page that is gone, or not a web address, says so', async () => {
		assert.deepEqual(await fetchFullText(http, `${blog.url}no-such-post/`), {kind: 'not-an-article', message: 'The post\'s page is not there any more (404).'});
		assert.deepEqual(await fetchFullText(http, 'javascript:alert(1)'), {kind: 'not-an-article', message: 'The post\'s page is not a web address blogterm can read.'});
	});
});

describe('the client’s limits hold for pages too', () => {
	let server: TestServer;
	before(async () => {
		server = await startTestServer((request, response) => {
			if (request.url === '/huge') {
				response.writeHead(200, {'content-type': 'text/html'});
				// Larger than the small client's limit below, without saying so in a header.
				response.write('<html><body>');
				response.end(`<p>${'a'.repeat(300 * 1024)}</p>`);
			} else if (request.url === '/latin1') {
				response.writeHead(200, {'content-type': 'text/html; charset=ISO-8859-1'});
				const paragraph = '<p>Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9: the page names its encoding, and every word of it reads right, with commas, and more.</p>';
				response.end(Buffer.from(`<html><body><article>${paragraph.repeat(8)}</article></body></html>`, 'latin1'));
			} else {
				response.writeHead(200, {'content-type': 'image/png'});
				response.end(Buffer.from([0x89, 0x50, 0x4E, 0x47]));
			}
		});
	});
	after(async () => server.close());

	test('a page larger than the client takes is refused in words', async () => {
		const small = createHttpClient({limits: {...httpLimits, maxBodyBytes: 100 * 1024}});
		await assert.rejects(fetchFullText(small, `${server.url}huge`), (error: unknown) => error instanceof BlogError && /larger than 0\.1 MB/.test(error.message));
	});

	test('a page in the encoding its header names reads right', async () => {
		const result = await fetchFullText(http, `${server.url}latin1`);
		assert.equal(result.kind, 'article');
		if (result.kind === 'article') assert.match(result.article.html, /Café crème, naïve résumé/);
	});

	test('an image is not a web page', async () => {
		assert.deepEqual(await fetchFullText(http, `${server.url}picture`), {kind: 'not-an-article', message: 'The post\'s page is not a web page (image/png), not an article.'});
	});
});
