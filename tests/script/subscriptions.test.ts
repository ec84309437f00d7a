import assert from 'node:assert/strict';
import {rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startBrokenBlog, dailyPosts, startFeedBlog, startWordPressBlog, type FeedBlog, type WordPressBlog} from '../subscriptions/blog-servers.js';
import type {TestServer} from '../helpers/http-server.js';
import {refusedUrl} from '../reliability/fault-server.js';
import {controlCharacters, ensureBuilt, runCli, runInProcess, temporaryHome} from './run-cli.js';

describe('print mode for many blogs', () => {
	let home: string;
	let feed: FeedBlog;
	let wordpress: WordPressBlog;
	let broken: TestServer;
	const run = async (args: readonly string[], input?: string) => runInProcess(args, {home, ...(input === undefined ? {} : {input})});
	before(async () => {
		ensureBuilt();
		home = temporaryHome();
		feed = await startFeedBlog('Feed Blog', dailyPosts('Feed post', 3, '2024-05-10T10:00:00Z'));
		wordpress = await startWordPressBlog('Word \u001B[31mBlog', dailyPosts('Word post', 2, '2024-05-09T12:00:00Z'));
		broken = await startBrokenBlog();
	});
	after(async () => {
		rmSync(home, {recursive: true, force: true});
		await Promise.all([feed.close(), wordpress.close(), broken.close()]);
	});

	it('--follow finds and follows a blog and says what it found', async () => {
		const followed = await run(['--follow', feed.url]);
		assert.deepEqual([followed.code, followed.errorLines], [0, []]);
		assert.equal(followed.stdout, `Following Feed Blog (${feed.url}): 3 posts, 3 unread.\n`);
		const json = await run(['--follow', wordpress.url, '--folder', 'Work', '--format', 'json']);
		assert.equal(json.code, 0);
		assert.deepEqual(JSON.parse(json.stdout), {
			schemaVersion: 1, url: wordpress.url, title: 'Word Blog', feedUrl: `${wordpress.url}feed/`, folder: 'Work', unread: 2, total: 2,
			lastUpdated: '2024-05-09T12:00:00.000Z', lastError: null,
		});
	});

	it('--blogs lists them, as JSON with every field', async () => {
		const {code, stdout} = await run(['--blogs', '--format', 'json']);
		assert.equal(code, 0);
		const blogs = JSON.parse(stdout) as Array<Record<string, unknown>>;
		assert.deepEqual(blogs.map(blog => Object.keys(blog)), Array.from({length: 2}, () => ['url', 'title', 'feedUrl', 'folder', 'unread', 'total', 'lastUpdated', 'lastError']));
		assert.deepEqual(blogs.map(blog => [blog['title'], blog['folder'], blog['unread']]), [['Feed Blog', null, 3], ['Word Blog', 'Work', 2]]);
		const text = await run(['--blogs']);
		assert.match(text.stdout, /^Feed Blog · 3 unread of 3 · updated May 10, 2024\n/);
		assert.match(text.stdout, /\nWork\/\n {2}Word Blog · 2 unread of 2/);
		assert.doesNotMatch(text.stdout, controlCharacters);
	});

	it('--river gives posts across blogs, newest first, each with its blog and whether it was read', async () => {
		const {code, stdout} = await run(['--river', '--per-page', '3', '--format', 'json']);
		assert.equal(code, 0);
		const river = JSON.parse(stdout) as {page: number; totalPages: number; total: number; posts: Array<Record<string, unknown>>};
		assert.deepEqual([river.page, river.totalPages, river.total], [1, 2, 5]);
		assert.deepEqual(river.posts.map(post => [post['title'], (post['blog'] as {title: string}).title, post['read']]), [
			['Feed post 1', 'Feed Blog', false],
			['Word post 1', 'Word Blog', false],
			['Feed post 2', 'Feed Blog', false],
		]);
		assert.deepEqual(Object.keys(river.posts[0]!), ['id', 'title', 'link', 'date', 'author', 'commentCount', 'excerpt', 'blog', 'read']);
		const page2 = JSON.parse((await run(['--river', '--page', '2', '--per-page', '3', '--format', 'json'])).stdout) as typeof river;
		assert.deepEqual(page2.posts.map(post => post['title']), ['Word post 2', 'Feed post 3']);
		const text = await run(['--river', '--unread', '--per-page', '1']);
		assert.match(text.stdout, /^Page 1 of 5 · 5 posts\n\n● Feed post 1\n {4}Feed Blog · May 10, 2024/);
		assert.equal(text.stdout, `Page 1 of 5 · 5 posts\n\n● Feed post 1\n    Feed Blog · May 10, 2024 · ID ${feed.url}?p=1\n    ${feed.url}posts/1/\n`, 'each post: unread sign and title, then its blog, date, author and ID, then its link');
	});

	it('--blogs and --river with a folder no blog is in exit 3 and name the folders there are', async () => {
		const blogs = await run(['--blogs', '--folder', 'Nope']);
		assert.deepEqual([blogs.code, blogs.stdout, blogs.errorLines], [3, '', ['blogterm: No blogs in folder “Nope”. The folders: Work.']]);
		const river = await run(['--river', '--folder', 'Nope', '--format', 'json']);
		assert.deepEqual([river.code, river.stdout], [3, '']);
		assert.deepEqual(JSON.parse(river.errorLines[0]!), {error: {code: 'not_found', exit: 3, message: 'No blogs in folder “Nope”. The folders: Work.'}});
		// A folder as the store writes it: `Work/` is Work.
		const work = await run(['--river', '--folder', 'Work/', '--format', 'json']);
		assert.equal(work.code, 0);
		assert.deepEqual((JSON.parse(work.stdout) as {posts: Array<{blog: {title: string}}>}).posts.map(post => post.blog.title), ['Word Blog', 'Word Blog']);
		const fresh = temporaryHome();
		try {
			assert.deepEqual((await runInProcess(['--river', '--folder', 'Nope'], {home: fresh})).errorLines, ['blogterm: No blogs in folder “Nope”: you follow no blogs.']);
			// A folder whose blogs were never read (imported) is there: it has no posts yet, exit 0.
			const opml = '<opml version="2.0"><body><outline text="Later"><outline text="Unread" xmlUrl="https://later.example/feed"/></outline></body></opml>';
			assert.equal((await runInProcess(['--import', '-'], {home: fresh, input: opml})).code, 0);
			const later = await runInProcess(['--river', '--folder', 'Later'], {home: fresh});
			assert.deepEqual([later.code, later.stdout, later.errorLines], [0, 'No posts in folder “Later”.\n', []]);
		} finally {
			rmSync(fresh, {recursive: true, force: true});
		}
	});

	it('--import reads OPML from stdin, one line on stderr per entry skipped', async () => {
		const opml = `<opml version="1.0"><body><outline text="Again" xmlUrl="${feed.feedUrl}"/><outline text="Broken" xmlUrl="${broken.url}feed"/><outline text="Nothing"/></body></opml>`;
		const {code, stdout, errorLines} = await run(['--import', '-'], opml);
		assert.equal(code, 0);
		assert.equal(stdout, 'Imported 1 blog (1 already followed); 1 skipped. blogterm --refresh reads them.\n');
		assert.deepEqual(errorLines, ['blogterm: entry 3 “Nothing”: an empty folder or a note, not a blog: skipped.']);
	});

	it('--import --format json says each entry skipped in the document only, not on stderr too', async () => {
		const opml = `<opml version="1.0"><body><outline text="Again" xmlUrl="${feed.feedUrl}"/><outline text="Nothing"/></body></opml>`;
		const {code, stdout, errorLines} = await run(['--import', '-', '--format', 'json'], opml);
		assert.deepEqual([code, errorLines], [0, []]);
		const report = JSON.parse(stdout) as {added: number; merged: number; skipped: string[]};
		assert.deepEqual([report.added, report.merged, report.skipped.length], [0, 1, 1]);
		// Its words are OPML reading's (source/subscriptions/opml.ts); here only that it is the entry skipped.
		assert.match(report.skipped[0]!, /“Nothing”/);
	});

	it('--import refuses a file that is not OPML or is not there (exit 2)', async () => {
		const file = join(home, 'not.opml');
		writeFileSync(file, 'hello');
		const notOpml = await run(['--import', file]);
		assert.equal(notOpml.code, 2);
		assert.match(notOpml.errorLines[0]!, /^blogterm: The file is not OPML/);
		const missing = await run(['--import', join(home, 'missing.opml')]);
		assert.deepEqual([missing.code, missing.errorLines], [2, [`blogterm: cannot read ${join(home, 'missing.opml')}: no such file.`]]);
		const folder = await run(['--import', home]);
		assert.deepEqual([folder.code, folder.errorLines], [2, [`blogterm: cannot read ${home}: it is a folder.`]]);
		// Cut short: refused, nothing of it followed.
		const cut = await run(['--import', '-'], `<opml version="2.0"><body><outline text="Cut" xmlUrl="${feed.feedUrl}"/><outline text="B" xmlUrl="https://b.exa`);
		assert.deepEqual([cut.code, cut.stdout], [2, '']);
		assert.match(cut.errorLines[0]!, /^blogterm: The file is not well-formed OPML: it stops before its end/);
		// Valid with an empty body: nothing to import, and that is not an error.
		const empty = await run(['--import', '-'], '<?xml version="1.0"?><opml version="1.0"><head/><body></body></opml>');
		assert.deepEqual([empty.code, empty.stdout, empty.errorLines], [0, 'Imported 0 blogs; 0 skipped. blogterm --refresh reads them.\n', []]);
	});

	it('--refresh says each failure on its own line and exits 1; 0 once all are read', async () => {
		const failed = await run(['--refresh']);
		assert.equal(failed.code, 1);
		assert.deepEqual(failed.errorLines, [`blogterm: Broken (${broken.url}feed): 127.0.0.1:${new URL(broken.url).port} answered 500.`]);
		assert.equal(failed.stdout, 'Refreshed 3 blogs · 0 new posts · 1 failed\n');
		// With JSON the failure is in the document's failures, not on stderr too.
		const failedJson = await run(['--refresh', '--format', 'json']);
		assert.deepEqual([failedJson.code, failedJson.errorLines], [1, []]);
		assert.deepEqual((JSON.parse(failedJson.stdout) as {failures: Array<{url: string}>}).failures.map(failure => failure.url), [`${broken.url}feed`]);
		assert.equal((await run(['--unfollow', `${broken.url}feed`])).code, 0);
		const ok = await run(['--refresh', '--format', 'json']);
		assert.equal(ok.code, 0);
		assert.deepEqual(JSON.parse(ok.stdout), {schemaVersion: 1, total: 2, changed: 0, unchanged: 2, newPosts: 0, failures: []});
	});

	it('--unfollow of a blog not followed exits 3 and says so', async () => {
		const {code, errorLines} = await run(['--unfollow', 'https://never.example/']);
		assert.deepEqual([code, errorLines], [3, ['blogterm: https://never.example/ is not followed (blogterm --blogs lists the blogs you follow).']]);
	});

	it('refuses what does not go together (exit 2)', async () => {
		for (const [args, message] of [
			[['--blogs', '--river'], 'blogterm: --blogs and --river cannot be used together.'],
			[['blog.example', '--blogs'], 'blogterm: --blogs takes no SITE (it works on the blogs you follow); got blog.example.'],
			[['--unread'], 'blogterm: --unread goes with --river.'],
			[['--blogs', '--page', '2'], 'blogterm: --page and --per-page go with --river or a SITE\'s --list, not --blogs.'],
			[['--river', '--format', 'markdown'], 'blogterm: --format is text or json for --river, not “markdown”.'],
		] as const) {
			const result = await run(args);
			assert.deepEqual([result.code, result.errorLines], [2, [message]], args.join(' '));
		}
	});

	it('with --format json (or ndjson) a failure is one JSON object on stderr, as --post says it', async () => {
		const nowhere = await refusedUrl();
		const elsewhere = temporaryHome();
		try {
			for (const [args, code, exit] of [
				[['--follow', nowhere, '--format', 'json'], 'refused', 1],
				[['--unfollow', 'https://never.example/', '--format', 'json'], 'not_found', 3],
				[['--import', join(home, 'missing.opml'), '--format', 'json'], 'usage', 2],
				[['--export', '--format', 'json'], 'usage', 2],
				[['--blogs', '--format', 'ndjson'], 'usage', 2],
				[['--river', '--search', 'post', '--format', 'ndjson'], 'usage', 2],
				[['--replies', '--format', 'ndjson'], 'usage', 2],
				[['--sync-status', '--format', 'ndjson'], 'usage', 2],
				[['--sync', 'tt-rss', nowhere, '--user', 'ada', '--format', 'json'], 'sync_unreachable', 1],
			] as const) {
				// The sync server's password from the environment (never asked: stdin is no terminal), in a home of its own.
				const result = await runInProcess(args, {home: args[0] === '--sync' ? elsewhere : home, env: {BLOGTERM_TTRSS_PASSWORD: 'secret'}});
				const said = args.join(' ');
				assert.deepEqual([result.code, result.stdout, result.errorLines.length], [exit, '', 1], `${said}: ${result.stderr}`);
				const {error} = JSON.parse(result.errorLines[0]!) as {error: Record<string, unknown>};
				assert.deepEqual([Object.keys(error), error['code'], error['exit']], [['code', 'exit', 'message'], code, exit], said);
			}
		} finally {
			rmSync(elsewhere, {recursive: true, force: true});
		}
	});

	it('the built CLI exports OPML that imports into a fresh store', async () => {
		// The built CLI once: the bundle's many-blogs commands load better-sqlite3, the one dependency left outside it.
		const exported = await runCli(['--export'], {home});
		assert.equal(exported.code, 0);
		assert.match(exported.stdout, /<opml version="2.0">/);
		const fresh = temporaryHome();
		try {
			const imported = await runInProcess(['--import', '-'], {home: fresh, input: exported.stdout});
			assert.deepEqual([imported.code, imported.stdout], [0, 'Imported 2 blogs; 0 skipped. blogterm --refresh reads them.\n']);
			const blogs = JSON.parse((await runInProcess(['--blogs', '--format', 'json'], {home: fresh})).stdout) as Array<{title: string; folder: string | null}>;
			assert.deepEqual(blogs.map(blog => [blog.title, blog.folder]), [['Feed Blog', null], ['Word Blog', 'Work']]);
		} finally {
			rmSync(fresh, {recursive: true, force: true});
		}
	});
});
