import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {dailyPosts, startFeedBlog, type FeedBlog} from '../subscriptions/blog-servers.js';
import {replayUser, startReplayServer, type ReplayServer} from '../sync/ttrss-replay.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
Every JSON document print mode writes starts with schemaVersion (README "For scripts", --help): a post,
a list, a comment sent, and each many-blogs, search and sync command's document; --blogs and --replies
are arrays, as they have been from the start.
*/

describe('every JSON document print mode writes starts with schemaVersion', () => {
	let demo: TestDemo;
	let feed: FeedBlog;
	let sync: ReplayServer;
	let home: string;
	let syncHome: string;
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		feed = await startFeedBlog('Feed Blog', dailyPosts('Feed post', 2, '2024-05-10T10:00:00Z'));
		sync = await startReplayServer();
		home = temporaryHome();
		syncHome = temporaryHome();
	});
	after(async () => {
		await Promise.all([demo.stop(), feed.close(), sync.close()]);
		rmSync(home, {recursive: true, force: true});
		rmSync(syncHome, {recursive: true, force: true});
	});

	it('for each command that takes --format json, in the order a script would run them', async () => {
		const opml = `<opml version="2.0"><body><outline text="Feed Blog" xmlUrl="${feed.feedUrl}"/></body></opml>`;
		const ada = ['--name', 'Ada', '--email', 'ada@example.com'];
		const runs: Array<{readonly args: readonly string[]; readonly home?: string; readonly input?: string}> = [
			{args: [demo.url, '--post', '5']},
			{args: [demo.url, '--post', '5', '--fields', 'id,title']},
			{args: [demo.url, '--list']},
			{args: [demo.url, '--all', '--limit', '3']},
			{args: [demo.url, '--list', '--search', 'compost']},
			{args: [demo.url, '--post', '5', '--comment', 'Noted.', ...ada]},
			{args: ['--follow', demo.url]},
			{args: ['--import', '-'], input: opml},
			{args: ['--refresh']},
			{args: ['--blogs']},
			{args: ['--river']},
			{args: ['--river', '--search', 'post']},
			{args: ['--replies']},
			{args: ['--unfollow', feed.feedUrl]},
			{args: ['--sync-status'], home: syncHome},
			{args: ['--sync', 'tt-rss', sync.url, '--user', replayUser.login], home: syncHome},
			{args: ['--sync-status'], home: syncHome},
			{args: ['--sync', 'off'], home: syncHome},
		];
		const arrays = new Set(['--blogs', '--replies']);
		// Every run is made and checked, so that a failure names each document without it.
		const without: string[] = [];
		for (const run of runs) {
			const said = run.args.join(' ');
			const result = await runInProcess([...run.args, '--format', 'json'], {home: run.home ?? home, env: {BLOGTERM_TTRSS_PASSWORD: replayUser.password}, ...(run.input === undefined ? {} : {input: run.input})});
			assert.equal(result.code, 0, `${said}: ${result.stderr}`);
			// --blogs and --replies print an array, as they have from the start (README): scripts read `.[]`.
			if (arrays.has(said)) {
				if (!Array.isArray(JSON.parse(result.stdout))) without.push(`${said} (not an array)`);
				continue;
			}
			const document = jsonOrUndefined(result.stdout);
			if (document === undefined || Object.keys(document)[0] !== 'schemaVersion' || document['schemaVersion'] !== 1) without.push(said);
		}
		assert.deepEqual(without, []);
	});
});

/** The document as an object; undefined for text, or an array (which has no first key). */
function jsonOrUndefined(text: string): Record<string, unknown> | undefined {
	try {
		const value = JSON.parse(text) as unknown;
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
	} catch {
		return undefined;
	}
}
