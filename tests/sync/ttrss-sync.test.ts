import assert from 'node:assert/strict';
import {readFileSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {openSubscriptions} from '../../source/subscriptions/subscriptions.js';
import {createHttpClient} from '../../source/http/client.js';
import {openDatabase} from '../../source/store/db.js';
import {createTtrssClient} from '../../source/sync/ttrss/ttrss-client.js';
import {syncTtrss} from '../../source/sync/ttrss/ttrss-sync.js';
import {runInProcess, temporaryHome} from '../script/run-cli.js';
import {replayUser, startReplayServer, type ReplayServer} from './ttrss-replay.js';

const password = {BLOGTERM_TTRSS_PASSWORD: replayUser.password};

describe('sync with TT-RSS through the command line (recorded answers)', () => {
	let server: ReplayServer;
	let home: string;
	const paths = () => ({config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache')});
	const blogterm = async (...args: string[]) => runInProcess(args, {home, env: password});
	before(async () => {
		server = await startReplayServer();
		home = temporaryHome();
	});
	after(async () => {
		await server.close();
		rmSync(home, {recursive: true, force: true});
	});

	it('--sync tt-rss fills a fresh store with the server\'s feeds, folders and articles', async () => {
		const run = await blogterm('--sync', 'tt-rss', server.url, '--user', 'ada');
		assert.equal(run.stderr, '');
		assert.equal(run.stdout, `Syncing with TT-RSS at ${server.url} as ada: 2 blogs, 6 new posts, 6 unread.\n`);
		assert.equal(run.code, 0);
		const blogs = await blogterm('--blogs');
		assert.match(blogs.stdout, /^Blog Two & Co · 2 unread of 2/m);
		assert.match(blogs.stdout, /^Tech\/\n {2}Blog One · 4 unread of 4/m);
		const river = await blogterm('--river', '--format', 'json');
		const posts = (JSON.parse(river.stdout) as {posts: Array<{title: string; link: string; read: boolean}>}).posts;
		assert.deepEqual(posts.map(post => post.title), ['One post 4', 'One post 3', 'Two post 2', 'One post 2', 'Two post 1', 'One post 1']);
		assert.equal(posts[0]!.link, 'https://one.example/one-4/');
	});

	it('keeps the session in the settings folder for the user alone, and never the password from the environment', () => {
		const file = join(home, 'config', 'sync.json');
		assert.equal(statSync(file).mode & 0o777, 0o600);
		const text = readFileSync(file, 'utf8');
		assert.doesNotMatch(text, new RegExp(replayUser.password));
		assert.match(text, /"sessionId": "RECORDED-SESSION"/);
	});

	it('sends read marks and stars made offline once, in order, when the server answers again', async () => {
		const subscriptions = openSubscriptions(paths(), {http: createHttpClient()});
		try {
			const river = subscriptions.river().posts;
			const first = river.find(post => post.title === 'One post 1')!;
			const second = river.find(post => post.title === 'Two post 2')!;
			subscriptions.markRead(first.blog.url, first.id);
			subscriptions.markRead(second.blog.url, second.id);
		} finally {
			subscriptions.close();
		}
		server.offline = true;
		const offline = await blogterm('--refresh');
		assert.equal(offline.code, 1);
		assert.match(offline.stderr, /^blogterm: TT-RSS \(http:\/\/127\.0\.0\.1:\d+\/\): Could not reach the TT-RSS server at 127\.0\.0\.1:\d+: .+\n$/);
		const status = await blogterm('--sync-status');
		assert.match(status.stdout, /^Waiting to be sent: 2 read marks$/m);
		assert.match(status.stdout, /^Last error: Could not reach/m);
		server.offline = false;
		const before = server.calls.length;
		const back = await blogterm('--refresh');
		assert.equal(back.code, 0, back.stderr);
		const updates = server.calls.slice(before).filter(call => call['op'] === 'updateArticle');
		assert.deepEqual(updates.map(call => [call['article_ids'], call['mode'], call['field']]), [['1,6', 0, 2]]);
		assert.equal(server.articles.get(1)!.unread, false);
		assert.match((await blogterm('--sync-status')).stdout, /^Waiting to be sent: nothing$/m);
		const again = server.calls.length;
		await blogterm('--refresh');
		assert.equal(server.calls.slice(again).filter(call => call['op'] === 'updateArticle').length, 0, 'sent once');
	});

	it('shows as read what was read on the server, and the articles that arrived since, at the next sync', async () => {
		server.articles.get(3)!.unread = false;
		server.publishNewArticles();
		const run = await blogterm('--refresh');
		assert.equal(run.stdout, 'Refreshed 2 blogs · 2 new posts\n');
		const river = JSON.parse((await blogterm('--river', '--format', 'json')).stdout) as {posts: Array<{title: string; read: boolean}>};
		assert.deepEqual(river.posts.filter(post => !post.read).map(post => post.title), ['One post 6', 'One post 5', 'One post 4', 'One post 2', 'Two post 1']);
		const since = server.calls.filter(call => call['op'] === 'getHeadlines' && call['feed_id'] === -4).at(-1)!;
		assert.equal(since['since_id'], 6, 'only what is new since the last article seen');
	});

	it('unfollowing a blog unfollows it on the server', async () => {
		const run = await blogterm('--unfollow', 'Blog Two');
		if (run.code !== 0) {
			const blogs = JSON.parse((await blogterm('--blogs', '--format', 'json')).stdout) as Array<{url: string; title: string}>;
			const two = blogs.find(blog => blog.title === 'Blog Two & Co')!;
			assert.equal((await blogterm('--unfollow', two.url)).code, 0);
		}
		assert.match((await blogterm('--sync-status')).stdout, /^Waiting to be sent: 1 unfollow$/m);
		await blogterm('--refresh');
		assert.equal(server.calls.filter(call => call['op'] === 'unsubscribeFeed').length, 1);
		assert.deepEqual((JSON.parse((await blogterm('--blogs', '--format', 'json')).stdout) as Array<{title: string}>).map(blog => blog.title), ['Blog One']);
	});

	it('an OPML import goes to the server at the next sync; a feed it cannot reach shows the server\'s error', async () => {
		const opml = '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="Gone" type="rss" xmlUrl="http://10.0.0.9/missing.xml"/></body></opml>';
		assert.equal((await runInProcess(['--import', '-'], {home, env: password, input: opml})).code, 0);
		const run = await blogterm('--refresh');
		assert.equal(run.code, 1);
		assert.deepEqual(run.errorLines, [`blogterm: Gone (http://10.0.0.9/missing.xml): TT-RSS at ${new URL(server.url).host} could not follow 10.0.0.9: HTTP/1.1 404 Not Found.`]);
		assert.deepEqual(server.calls.filter(call => call['op'] === 'subscribeToFeed').map(call => call['feed_url']), ['http://10.0.0.9/missing.xml']);
		await blogterm('--refresh');
		assert.equal(server.calls.filter(call => call['op'] === 'subscribeToFeed').length, 1, 'not asked again');
		assert.equal((await blogterm('--unfollow', 'http://10.0.0.9/missing.xml')).code, 0);
	});

	it('--sync off goes back to local subscriptions and keeps what is stored', async () => {
		const run = await blogterm('--sync', 'off');
		assert.equal(run.stdout, 'Sync is off: blogterm refreshes the blogs you follow itself again; everything stored is kept.\n');
		assert.match((await blogterm('--sync-status')).stdout, /^No sync server/);
		assert.match((await blogterm('--blogs')).stdout, /Blog One · 4 unread of 6/);
	});
});

describe('sync errors on the command line', () => {
	it('a wrong password: one sentence, exit 2, nothing kept, the password never printed', async () => {
		const server = await startReplayServer();
		const home = temporaryHome();
		try {
			const run = await runInProcess(['--sync', 'tt-rss', server.url, '--user', 'ada'], {home, env: {BLOGTERM_TTRSS_PASSWORD: 'hunter2-secret'}});
			assert.equal(run.code, 2);
			assert.deepEqual(run.errorLines, [`blogterm: TT-RSS at ${new URL(server.url).host} did not accept the user name ada with that password.`]);
			assert.doesNotMatch(run.stdout + run.stderr, /hunter2/);
			assert.match((await runInProcess(['--sync-status'], {home})).stdout, /^No sync server/);
		} finally {
			await server.close();
			rmSync(home, {recursive: true, force: true});
		}
	});

	it('no password and no terminal to ask on', async () => {
		const run = await runInProcess(['--sync', 'tt-rss', 'https://rss.example/', '--user', 'ada']);
		assert.equal(run.code, 2);
		assert.deepEqual(run.errorLines, ['blogterm: no password: set BLOGTERM_TTRSS_PASSWORD, or run blogterm --sync in a terminal to be asked.']);
	});

	it('usage: --sync needs tt-rss URL and --user', async () => {
		assert.deepEqual((await runInProcess(['--sync', 'feedly'])).errorLines, ['blogterm: --sync takes tt-rss URL or off, not “feedly”.']);
		assert.deepEqual((await runInProcess(['--sync', 'tt-rss', 'https://rss.example/'])).errorLines, ['blogterm: --sync tt-rss needs --user NAME (your TT-RSS user name).']);
	});
});

describe('sync in pages', () => {
	it('reads headlines page after page until a short one (since_id, skip)', async () => {
		const server = await startReplayServer();
		const home = temporaryHome();
		const db = openDatabase({config: join(home, 'config'), data: join(home, 'data')});
		try {
			const client = createTtrssClient({http: createHttpClient(), account: {url: server.url, user: replayUser.login, password: replayUser.password}});
			const report = await syncTtrss(db, client, {now: () => '2026-12-02T12:00:00.000Z', pageSize: 4});
			assert.equal(report.added, 6);
			const pages = server.calls.filter(call => call['op'] === 'getHeadlines' && call['feed_id'] === -4).map(call => [call['since_id'], call['skip'], call['limit']]);
			assert.deepEqual(pages, [[0, 0, 4], [0, 4, 4]]);
		} finally {
			db.close();
			await server.close();
			rmSync(home, {recursive: true, force: true});
		}
	});

	// Read for ever, the sync would never end: the timeout makes that a failure.
	it('a server that ignores skip (the same page again and again) fails the sync in words, not read for ever, and no read mark is set from it', {timeout: 30_000}, async () => {
		const server = await startReplayServer();
		const home = temporaryHome();
		const db = openDatabase({config: join(home, 'config'), data: join(home, 'data')});
		try {
			const client = createTtrssClient({http: createHttpClient(), account: {url: server.url, user: replayUser.login, password: replayUser.password}});
			const ignoringSkip = {...client, headlines: async (request: Parameters<typeof client.headlines>[0]) => client.headlines({...request, skip: 0})};
			await assert.rejects(syncTtrss(db, ignoringSkip, {now: () => '2026-12-02T12:00:00.000Z', pageSize: 4}), (error: Error) => {
				assert.equal(error.message, `The TT-RSS server at ${new URL(server.url).host} sent the same headlines again for the next page (it ignores skip): blogterm stopped reading, and set no read marks or stars from it.`);
				return true;
			});
			assert.equal(server.calls.filter(call => call['op'] === 'getHeadlines').length, 2, 'the second page, the same as the first, ends it');
		} finally {
			db.close();
			await server.close();
			rmSync(home, {recursive: true, force: true});
		}
	});
});
