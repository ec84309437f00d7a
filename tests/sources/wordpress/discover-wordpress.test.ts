import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {openBlog} from '../../../source/sources/open-blog.js';
import {advertisedApiRoot} from '../../../source/sources/wordpress/discover-wordpress.js';
import {maxHtmlDepth} from '../../../source/render/html-events.js';
import {BlogError} from '../../../source/errors.js';
import {startTestServer, type TestServer} from '../../helpers/http-server.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

const index = (url: string) => JSON.stringify({name: 'Tiny &amp; Blog', description: 'A test', url, home: url, namespaces: ['oembed/1.0', 'wp/v2']});
const posts = JSON.stringify([{id: 7, date_gmt: '2026-01-02T03:04:05', title: {rendered: 'Hello'}, link: 'x', excerpt: {rendered: ''}}]);

describe('finding WordPress the way it advertises itself', () => {
	const servers: TestServer[] = [];
	after(async () => Promise.all(servers.map(async server => server.close())));

	it('finds the REST API link of a head nested deeper than blogterm follows', () => {
		const deep = '<div>'.repeat(maxHtmlDepth + 100);
		const body = `<html><head>${deep}<link rel="https://api.w.org/" href="/wp-json/">${'</div>'.repeat(maxHtmlDepth + 100)}</head><body></body></html>`;
		assert.deepEqual(advertisedApiRoot({statusCode: 200, url: 'https://blog.example/', headers: {'content-type': 'text/html'}, body}), {url: 'https://blog.example/wp-json/'});
	});

	it('follows the Link header to the REST API', async () => {
		const server = await startTestServer((request, response) => {
			const base = `http://${request.headers.host}/`;
			if (request.url === '/') {
				response.setHeader('link', `<${base}wp-json/>; rel="https://api.w.org/"`);
				return response.end('<html><head></head><body>hi</body></html>');
			}
			if (request.url === '/wp-json/') return response.end(index(base));
			if (request.url?.startsWith('/wp-json/wp/v2/posts')) {
				response.setHeader('x-wp-total', '1');
				response.setHeader('x-wp-totalpages', '1');
				return response.end(posts);
			}
			response.statusCode = 404;
			response.end('[]');
		});
		servers.push(server);
		const source = await openBlog(http, server.url);
		assert.equal(source.description, 'WordPress REST API');
		assert.equal(source.site.name, 'Tiny & Blog');
		const page = await source.fetchPostPage(1, 10);
		assert.deepEqual(page.posts.map(post => post.title), ['Hello']);
		assert.equal(page.total, 1);
	});

	it('finds the <link rel="https://api.w.org/"> tag and falls back to ?rest_route= when /wp-json/ is 404', async () => {
		const server = await startTestServer((request, response) => {
			const base = `http://${request.headers.host}/`;
			const url = new URL(request.url!, base);
			if (url.pathname === '/' && !url.searchParams.has('rest_route')) {
				return response.end(`<html><head><link rel="https://api.w.org/" href="${base}wp-json/"></head></html>`);
			}
			if (url.searchParams.get('rest_route') === '/') return response.end(index(base));
			if (url.searchParams.get('rest_route') === '/wp/v2/posts') {
				response.setHeader('x-wp-total', '1');
				response.setHeader('x-wp-totalpages', '1');
				return response.end(posts);
			}
			response.statusCode = 404;
			response.end('not found');
		});
		servers.push(server);
		const source = await openBlog(http, server.url);
		const page = await source.fetchPostPage(1, 10);
		assert.equal(page.posts[0]?.id, 7);
		assert.ok(server.requests.some(request => request.url.includes('rest_route=%2Fwp%2Fv2%2Fposts')), 'asked through ?rest_route=');
	});

	it('says clearly when a site is neither WordPress nor has a feed', async () => {
		const server = await startTestServer((_request, response) => {
			response.setHeader('content-type', 'text/html');
			response.end('<html><head><title>Just a page</title></head><body>Nothing here</body></html>');
		});
		servers.push(server);
		await assert.rejects(openBlog(http, server.url), (error: unknown) => {
			assert.ok(error instanceof BlogError);
			assert.equal(error.kind, 'not-a-blog');
			assert.match(error.message, /127\.0\.0\.1/);
			return true;
		});
	});

	it('says in words when nothing answers', async () => {
		const server = await startTestServer((_request, response) => response.end());
		const {url} = server;
		await server.close();
		await assert.rejects(openBlog(http, url), /Could not read 127\.0\.0\.1:\d+: connection refused\./);
	});
});
