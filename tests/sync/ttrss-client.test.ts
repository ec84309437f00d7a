import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createHttpClient, httpLimits} from '../../source/http/client.js';
import {isSyncError} from '../../source/sync/sync-error.js';
import {createTtrssClient, serverAddress, type TtrssClientOptions} from '../../source/sync/ttrss/ttrss-client.js';
import {startTestServer} from '../helpers/http-server.js';
import {recordedSession, replayUser, startReplayServer, type ReplayServer} from './ttrss-replay.js';

const http = createHttpClient({limits: {...httpLimits, getRetries: 0, retryDelayMs: 10}});

function clientOf(server: {url: string}, account: Partial<TtrssClientOptions['account']> = {}, onSession?: (id: string | undefined) => void) {
	return createTtrssClient({http, account: {url: server.url, user: replayUser.login, password: replayUser.password, ...account}, ...(onSession ? {onSession} : {})});
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	assert.fail('expected a rejection');
}

describe('TT-RSS client (recorded answers)', () => {
	let server: ReplayServer;
	before(async () => {
		server = await startReplayServer();
	});
	after(async () => server.close());

	it('logs in and reads the feeds, their categories as folders, and the counters', async () => {
		const sessions: Array<string | undefined> = [];
		const client = clientOf(server, {}, id => sessions.push(id));
		assert.deepEqual(await client.logIn(), {apiLevel: 15});
		assert.deepEqual(sessions, [recordedSession]);
		const feeds = await client.feeds();
		assert.deepEqual(feeds.map(feed => [feed.title, feed.categoryId, feed.unread]), [['Blog One', 1, 4], ['Blog Two & Co', 0, 2]]);
		assert.match(feeds[0]!.feedUrl, /^http:\/\/10\.231\.\d+\.2\/one\.xml$/);
		// Special (-1), Labels (-2) and Uncategorized (0) are no folders.
		assert.deepEqual((await client.categories()).map(category => category.title), ['Tech']);
		const counters = await client.counters();
		assert.equal(counters.unreadByFeed.get(1), 4);
		assert.equal(counters.unreadByFeed.get(2), 2);
		assert.equal(counters.globalUnread, 6);
	});

	it('reads getUnread\'s count, which this version sends as a string', async () => {
		assert.equal(await clientOf(server).unread(), 6);
	});

	it('reads headlines in pages as the server sends them: tags [""] is no tag, the excerpt and the HTML kept apart', async () => {
		const client = clientOf(server);
		const first = await client.headlines({sinceId: 0, skip: 0, limit: 4});
		const second = await client.headlines({sinceId: 0, skip: 4, limit: 4});
		assert.deepEqual([...first, ...second].map(article => article.title), ['One post 1', 'Two post 1', 'One post 2', 'Two post 2', 'One post 3', 'One post 4']);
		const article = first[0]!;
		assert.deepEqual(article.tags, []);
		assert.equal(article.excerpt, 'Body of One post 1, with bold text.');
		assert.equal(article.html, '<p>Body of One post 1, with <b>bold</b> text.</p>');
		assert.equal(article.link, 'https://one.example/one-1/');
		assert.equal(article.date, '2026-11-01T10:00:00.000Z');
		assert.equal(article.author, 'ada@one.example (Ada)');
		assert.equal(article.unread, true);
		const request = server.calls.findLast(call => call['op'] === 'getHeadlines')!;
		assert.equal(request['excerpt_length'], 300, 'without excerpt_length this version sends an empty excerpt');
		assert.equal(request['since_id'], 0);
		assert.equal(request['skip'], 4);
	});

	it('marks read and stars on the server', async () => {
		const client = clientOf(server);
		await client.setRead([1], true);
		await client.setStarred([5], true);
		assert.equal(server.articles.get(1)!.unread, false);
		assert.equal(server.articles.get(5)!.marked, true);
		const updates = server.calls.filter(call => call['op'] === 'updateArticle').map(call => [call['article_ids'], call['mode'], call['field']]);
		assert.deepEqual(updates.slice(-2), [['1', 0, 2], ['5', 1, 0]]);
	});

	it('follows a feed (its feed ID) and says the server\'s reason when it cannot reach one', async () => {
		const client = clientOf(server);
		assert.equal(await client.subscribe('http://10.0.0.2/one.xml'), 1);
		const error = await rejection(client.subscribe('http://10.0.0.2/missing.xml'));
		assert.ok(isSyncError(error));
		assert.equal(error.message, `TT-RSS at ${new URL(server.url).host} could not follow 10.0.0.2: HTTP/1.1 404 Not Found.`);
		await client.unsubscribe(2);
		assert.deepEqual((await client.feeds()).map(feed => feed.title), ['Blog One']);
	});

	it('logs in again, once, when the session has ended', async () => {
		const client = clientOf(server);
		await client.logIn();
		server.expireSession();
		const logins = server.calls.filter(call => call['op'] === 'login').length;
		assert.equal((await client.feeds()).length > 0, true);
		assert.equal(server.calls.filter(call => call['op'] === 'login').length, logins + 1);
	});
});

describe('TT-RSS client errors, each one sentence', () => {
	it('a wrong password', async () => {
		const server = await startReplayServer();
		try {
			const error = await rejection(clientOf(server, {password: 'wrong'}).logIn());
			assert.ok(isSyncError(error) && error.kind === 'login');
			assert.equal(error.message, `TT-RSS at ${new URL(server.url).host} did not accept the user name ada with that password.`);
			assert.doesNotMatch(error.message, /wrong/);
		} finally {
			await server.close();
		}
	});

	it('an API switched off (API_DISABLED)', async () => {
		const server = await startReplayServer();
		try {
			const error = await rejection(clientOf(server, {user: 'bob', password: 'bob-password'}).logIn());
			assert.ok(isSyncError(error) && error.kind === 'api-disabled');
			assert.equal(error.message, `The TT-RSS server at ${new URL(server.url).host} has its API switched off for bob: turn on "Enable API" in its Preferences.`);
		} finally {
			await server.close();
		}
	});

	it('a session that ends again at once (NOT_LOGGED_IN after logging in again): one try, no loop', async () => {
		const server = await startReplayServer({alwaysExpired: true});
		try {
			const error = await rejection(clientOf(server).feeds());
			assert.ok(isSyncError(error) && error.kind === 'session');
			assert.equal(server.calls.filter(call => call['op'] === 'login').length, 2);
		} finally {
			await server.close();
		}
	});

	it('a server of a version it does not know', async () => {
		const server = await startReplayServer({apiLevel: 3});
		try {
			const error = await rejection(clientOf(server).logIn());
			assert.ok(isSyncError(error) && error.kind === 'version');
			assert.equal(error.message, `The TT-RSS server at ${new URL(server.url).host} speaks API level 3; blogterm needs 9 or newer.`);
		} finally {
			await server.close();
		}
	});

	it('refuses http to another machine before sending anything', () => {
		assert.throws(() => serverAddress('http://rss.example/tt-rss'), /only over https: use https:\/\/rss\.example\/tt-rss\//);
		assert.equal(serverAddress('rss.example/tt-rss'), 'https://rss.example/tt-rss/');
		assert.equal(serverAddress('http://127.0.0.1:8080/tt-rss/api/'), 'http://127.0.0.1:8080/tt-rss/');
	});

	it('does not follow a redirect to another host: the password is not sent there', async () => {
		const elsewhere = await startTestServer((_request, response) => response.end('{}'));
		const redirecting = await startReplayServer({redirectTo: elsewhere.url.replace('127.0.0.1', 'localhost') + 'api/'});
		try {
			const error = await rejection(clientOf(redirecting).logIn());
			assert.ok(isSyncError(error) && error.kind === 'insecure');
			assert.match(error.message, /sent blogterm to another address \(http:\/\/localhost:\d+\); your password was not sent there\.$/);
			assert.equal(elsewhere.requests.length, 0);
		} finally {
			await redirecting.close();
			await elsewhere.close();
		}
	});

	it('a server that cannot be reached', async () => {
		const server = await startReplayServer();
		server.offline = true;
		try {
			const error = await rejection(clientOf(server).logIn());
			assert.ok(isSyncError(error) && error.kind === 'unreachable');
			assert.match(error.message, /^Could not reach the TT-RSS server at 127\.0\.0\.1:\d+: /);
			assert.doesNotMatch(error.message, new RegExp(replayUser.password));
		} finally {
			await server.close();
		}
	});
});
