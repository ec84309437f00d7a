/**
 * blogterm against a real Tiny Tiny RSS (`npm run test:ttrss`): a fresh store synced, a post read and
 * starred in blogterm seen on the server, a post read on the server seen in blogterm, and marks made
 * while the server cannot be reached sent once when it can. blogterm reaches the server through a
 * loopback proxy of the test's, which the test closes and opens again (the server itself goes on).
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, Socket, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {openSubscriptions} from '../../source/subscriptions/subscriptions.js';
import {createHttpClient} from '../../source/http/client.js';
import {callApi, items, logIn, realServer, updateFeed, writeFeed, type RealServer} from './real-server.js';

const cliPath = process.env['BLOGTERM_E2E_CLI'] || fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

type Run = {code: number | null; stdout: string; stderr: string};

/** A TCP proxy on 127.0.0.1 to the server, counting the updateArticle calls that pass; closed and opened again on its port. */
class Proxy {
	updateArticleCalls = 0;
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();
	port = 0;

	constructor(private readonly target: URL) {}

	async open(): Promise<void> {
		const server = createServer(client => {
			this.sockets.add(client);
			const upstream = new Socket();
			this.sockets.add(upstream);
			upstream.connect(Number(this.target.port), this.target.hostname);
			client.on('data', chunk => {
				this.updateArticleCalls += (String(chunk).match(/"op":"updateArticle"/g) ?? []).length;
				upstream.write(chunk);
			});
			upstream.on('data', chunk => client.write(chunk));
			const end = () => {
				client.destroy();
				upstream.destroy();
				this.sockets.delete(client);
				this.sockets.delete(upstream);
			};
			client.on('close', end).on('error', end);
			upstream.on('close', end).on('error', end);
		});
		await new Promise<void>(resolve => server.listen(this.port, '127.0.0.1', resolve));
		this.port = (server.address() as {port: number}).port;
		this.server = server;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>(resolve => (this.server ? this.server.close(() => resolve()) : resolve()));
		this.server = undefined;
	}
}

describe('blogterm with a real TT-RSS', () => {
	let server: RealServer;
	let sid: string;
	let proxy: Proxy;
	const home = mkdtempSync(join(tmpdir(), 'blogterm-ttrss-e2e-'));
	const paths = {config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache')};

	const blogterm = async (...args: string[]): Promise<Run> => new Promise(resolve => {
		const child = spawn(process.execPath, [cliPath, ...args], {env: {...process.env, BLOGTERM_HOME: home, BLOGTERM_TTRSS_PASSWORD: server.user.password}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => {
			stdout += String(chunk);
		});
		child.stderr.on('data', chunk => {
			stderr += String(chunk);
		});
		child.on('close', code => resolve({code, stdout, stderr}));
	});

	/** The server's article with this title, as the API gives it. */
	const article = async (title: string) => {
		const {answer} = await callApi(server, {op: 'getHeadlines', sid, feed_id: -4, view_mode: 'all_articles', limit: 200});
		const found = (answer.content as unknown as Array<{id: number; title: string; unread: boolean; marked: boolean}>).find(entry => entry.title === title);
		assert.ok(found, `the server has no article “${title}”`);
		return found;
	};

	before(async () => {
		server = realServer();
		sid = await logIn(server);
		const one = await callApi(server, {op: 'subscribeToFeed', sid, feed_url: writeFeed(server, 'e2e-one', 'E2E One', items('One', 1, 3)), category_id: server.categoryId});
		const two = await callApi(server, {op: 'subscribeToFeed', sid, feed_url: writeFeed(server, 'e2e-two', 'E2E Two', items('Two', 1, 2)), category_id: 0});
		for (const answer of [one, two]) await updateFeed(server, sid, (answer.answer.content['status'] as {feed_id: number}).feed_id);
		proxy = new Proxy(new URL(server.url));
		await proxy.open();
	});
	after(async () => {
		await proxy.close();
		rmSync(home, {recursive: true, force: true});
	});

	it('syncs a fresh store: the server\'s feeds, folders and articles', async () => {
		const run = await blogterm('--sync', 'tt-rss', `http://127.0.0.1:${proxy.port}/`, '--user', server.user.login);
		assert.equal(run.stderr, '');
		assert.match(run.stdout, /^Syncing with TT-RSS at http:\/\/127\.0\.0\.1:\d+\/ as ada: 2 blogs, 5 new posts, 5 unread\.\n$/);
		const blogs = await blogterm('--blogs');
		assert.match(blogs.stdout, /^Tech\/\n {2}E2E One · 3 unread of 3/m);
		assert.match(blogs.stdout, /^E2E Two · 2 unread of 2/m);
	});

	it('a post read and starred in blogterm is read and starred on the server', async () => {
		const subscriptions = openSubscriptions(paths, {http: createHttpClient()});
		try {
			const post = subscriptions.river().posts.find(entry => entry.title === 'One post 2')!;
			subscriptions.markRead(post.blog.url, post.id);
			assert.equal(subscriptions.star(post.blog.url, post.id, true), true);
		} finally {
			subscriptions.close();
		}
		const run = await blogterm('--refresh');
		assert.equal(run.code, 0, run.stderr);
		const onServer = await article('One post 2');
		assert.equal(onServer.unread, false);
		assert.equal(onServer.marked, true);
	});

	it('a post read on the server shows read in blogterm at the next sync', async () => {
		const {id} = await article('Two post 1');
		await callApi(server, {op: 'updateArticle', sid, article_ids: String(id), mode: 0, field: 2});
		assert.equal((await blogterm('--refresh')).code, 0);
		const river = JSON.parse((await blogterm('--river', '--format', 'json')).stdout) as {posts: Array<{title: string; read: boolean}>};
		assert.deepEqual(river.posts.filter(post => post.read).map(post => post.title).sort(), ['One post 2', 'Two post 1']);
	});

	it('offline: reads what it holds; the marks it owes are sent once when the server answers again', async () => {
		await proxy.close();
		const subscriptions = openSubscriptions(paths, {http: createHttpClient()});
		try {
			const post = subscriptions.river().posts.find(entry => entry.title === 'One post 3')!;
			subscriptions.markRead(post.blog.url, post.id);
		} finally {
			subscriptions.close();
		}
		const offline = await blogterm('--refresh');
		assert.equal(offline.code, 1);
		assert.match(offline.stderr, /Could not reach the TT-RSS server/);
		assert.match((await blogterm('--river')).stdout, /One post 3/);
		assert.match((await blogterm('--sync-status')).stdout, /^Waiting to be sent: 1 read mark$/m);
		await proxy.open();
		const before = proxy.updateArticleCalls;
		assert.equal((await blogterm('--refresh')).code, 0);
		assert.equal((await article('One post 3')).unread, false);
		assert.equal(proxy.updateArticleCalls - before, 1, 'sent once');
		await blogterm('--refresh');
		assert.equal(proxy.updateArticleCalls - before, 1, 'not sent again');
		assert.match((await blogterm('--sync-status')).stdout, /^Waiting to be sent: nothing$/m);
	});

	it('a feed the server cannot reach shows the server\'s error', async () => {
		const run = await blogterm('--follow', `${server.feedsUrl}/missing.xml`);
		assert.match(run.stderr, /^blogterm: TT-RSS at 127\.0\.0\.1:\d+ could not follow 10\.231\.\d+\.2: HTTP\/1\.1 404 Not Found\.$/m);
	});
});
