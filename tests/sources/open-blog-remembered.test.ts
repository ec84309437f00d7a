import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {HttpCache} from '../../source/store/cache.js';
import {answerAsWordPress, type FakeBlog} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

/*
Print mode opens a blog read before from what discovery found then (`remembered`): its first request
is the post, not the home page and the REST index; those are asked again alongside when a day old
(tests/script/rediscovery.test.ts), and when a read through what was kept fails, which is then tried
again through what was found now.
*/

const folders: string[] = [];
const servers: TestServer[] = [];
after(async () => {
	await Promise.all(servers.map(async server => server.close()));
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

function keptOnDisk() {
	const folder = mkdtempSync(join(tmpdir(), 'blogterm-remembered-'));
	folders.push(folder);
	return createHttpClient({cache: new HttpCache({directory: folder})});
}

const blog: FakeBlog = {name: 'Remembered Blog', posts: [{id: 7, slug: 'seven', title: 'Post Seven', html: '<p>Seven.</p>', date: '2026-01-07T10:00:00'}]};

/**
 * A WordPress blog whose home page can be held (not answered until released; its feeds, at `/?feed=…`, are
 * answered), and whose REST API can
 * move to /api/ (the old /wp-json/ then answers rest_no_route, as a site that moved it would).
 */
async function heldBlog() {
	let hold: Promise<void> | undefined;
	let release = () => {};
	let moved = false;
	const server = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		// The home page alone (the post's own feed, `/?feed=rss2&p=7`, which gives its comment count, is not held).
		if (url.pathname === '/' && url.search === '' && hold) await hold;
		if (moved) {
			if (url.pathname.startsWith('/wp-json/')) {
				response.writeHead(404, {'content-type': 'application/json'});
				response.end(JSON.stringify({code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: {status: 404}}));
				return;
			}
			if (url.pathname.startsWith('/api/')) url.pathname = url.pathname.replace(/^\/api\//, '/wp-json/');
		}
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers, ...(moved && url.pathname === '/' ? {link: `<${server.url}api/>; rel="https://api.w.org/"`} : {})});
			response.end(body);
		});
	});
	servers.push(server);
	return {
		server,
		holdHomePage() {
			hold = new Promise(resolve => {
				release = resolve;
			});
		},
		releaseHomePage: () => release(),
		moveApi() {
			moved = true;
		},
		paths: () => server.requests.map(request => new URL(request.url, server.url).pathname),
		/** How many times the home page itself (`/`, no query) was asked. */
		homePageAsked: () => server.requests.filter(request => request.url === '/').length,
	};
}

test('a blog read before opens and gives its post while its home page has not answered', async () => {
	const http = keptOnDisk();
	const site = await heldBlog();
	const first = await openBlog(http, site.server.url, {remembered: true});
	assert.equal((await first.fetchPost({kind: 'id', id: 7})).title, 'Post Seven');
	assert.deepEqual(site.paths().slice(0, 2), ['/', '/wp-json/'], 'the first time, discovery comes first');

	site.holdHomePage();
	try {
		const source = await openBlog(http, site.server.url, {remembered: true});
		assert.equal(source.site.name, 'Remembered Blog');
		assert.equal((await source.fetchPost({kind: 'id', id: 7})).title, 'Post Seven');
		// Not asked at all (what was kept is not a day old), so not waited for.
		assert.equal(site.homePageAsked(), 1, 'the home page was asked the first time only');
	} finally {
		site.releaseHomePage();
	}
});

test('without remembered (a follow, the reader\'s refresh), discovery asks the blog first every time', async () => {
	const http = keptOnDisk();
	const site = await heldBlog();
	await openBlog(http, site.server.url);
	const asked = site.server.requests.length;
	await openBlog(http, site.server.url);
	assert.deepEqual(site.paths().slice(asked), ['/', '/wp-json/']);
});

test('a site whose REST API moved since: the read fails through what was kept, and is made through what was found now', async () => {
	const http = keptOnDisk();
	const site = await heldBlog();
	await (await openBlog(http, site.server.url, {remembered: true})).fetchPost({kind: 'id', id: 7});
	site.moveApi();
	const source = await openBlog(http, site.server.url, {remembered: true});
	const post = await source.fetchPost({kind: 'id', id: 7});
	assert.equal(post.title, 'Post Seven');
	assert.ok(site.paths().includes('/api/wp/v2/posts/7'), `asked through the new root: ${site.paths().join(' ')}`);
	// The next run starts from what was found then.
	const asked = site.server.requests.length;
	const next = await openBlog(http, site.server.url, {remembered: true});
	assert.equal((await next.fetchPost({kind: 'id', id: 7})).title, 'Post Seven');
	const paths = site.paths().slice(asked);
	assert.ok(!paths.includes('/wp-json/wp/v2/posts/7'), `the old root is not asked again: ${paths.join(' ')}`);
});

test('a post that is not there is said as before, once (what was found now is the same)', async () => {
	const http = keptOnDisk();
	const site = await heldBlog();
	await openBlog(http, site.server.url, {remembered: true});
	const source = await openBlog(http, site.server.url, {remembered: true});
	await assert.rejects(source.fetchPost({kind: 'id', id: 99}), /There is no post with ID 99/);
	assert.equal(site.paths().filter(path => path === '/wp-json/wp/v2/posts/99').length, 1, 'asked once');
});
