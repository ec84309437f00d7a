import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {blogtermPaths} from '../../source/store/paths.js';
import {openSubscriptions, type Subscriptions} from '../../source/subscriptions/subscriptions.js';
import {HomeApp} from '../../source/ui/home/home-app.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {storeHomeData} from '../../source/ui/home/store-home-data.js';
import {frameText, keys, press, waitFor, waitForText} from '../ui/helpers.js';
import {describeRun, jsonOf, runBlogterm} from './helpers/blogterm.js';
import {openWordPress, type WordPressTarget} from './helpers/wordpress-target.js';

// Many blogs (issue 15) against a real WordPress, started by scripts/wordpress/run.sh: one site followed
// as WordPress (its home page), and a feed blog: the other site's RSS feed as WordPress wrote it, served
// as a static file (a WordPress feed's own address is found to be WordPress, and followed as such);
// refreshed; the river read in print mode and on the home screen, where a post is opened and answered
// from What is new.

type BlogJson = {url: string; title: string | null; feedUrl: string | null; folder: string | null; unread: number; total: number; lastUpdated: string | null; lastError: string | null};
type RiverJson = {total: number; posts: Array<{id: number | string; title: string | null; link: string; date: string | null; read: boolean; blog: {url: string; title: string}}>};

const ctrlS = '\u0013';

describe('following a real WordPress and a feed, and reading them together', () => {
	let pretty: WordPressTarget;
	let plain: WordPressTarget;
	const home = mkdtempSync(join(tmpdir(), 'blogterm-e2e-follow-'));
	// Print mode (a child process) and the home screen (in this process) share one store.
	process.env['BLOGTERM_HOME'] = home;
	let staticFeed: TestServer;
	let plainFeed: string;

	before(async () => {
		[pretty, plain] = await Promise.all([openWordPress('pretty'), openWordPress('plain')]);
		const rss = await (await fetch(new URL('?feed=rss2', plain.siteUrl))).text();
		staticFeed = await startTestServer((request, response) => {
			if (request.url !== '/feed.xml') return response.writeHead(404).end();
			if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304, {etag: '"v1"'}).end();
			return response.writeHead(200, {'content-type': 'application/rss+xml; charset=UTF-8', etag: '"v1"'}).end(rss);
		});
		plainFeed = `${staticFeed.url}feed.xml`;
	});
	after(async () => {
		rmSync(home, {recursive: true, force: true});
		await staticFeed.close();
	});

	it('follows one blog by its home page and one by its feed, into a folder', async () => {
		const wordpress = await runBlogterm(['--follow', pretty.siteUrl]);
		assert.equal(wordpress.code, 0, describeRun(wordpress));
		const feed = await runBlogterm(['--follow', plainFeed, '--folder', 'Feeds']);
		assert.equal(feed.code, 0, describeRun(feed));
		const again = await runBlogterm(['--follow', pretty.siteUrl]);
		const blogs = jsonOf<{blogs: BlogJson[]}>(await runBlogterm(['--blogs', '--format', 'json'])).blogs;
		assert.equal(blogs.length, 2, `following twice keeps one: ${describeRun(again)}`);
	});

	it('refreshes both: every post WordPress lists, and the ten its feed carries', async () => {
		const refresh = await runBlogterm(['--refresh']);
		assert.equal(refresh.code, 0, describeRun(refresh));
		assert.equal(refresh.stderr, '');
		const blogs = jsonOf<{blogs: BlogJson[]}>(await runBlogterm(['--blogs', '--format', 'json'])).blogs;
		const wordpress = blogs.find(blog => blog.folder === null)!;
		const feed = blogs.find(blog => blog.folder === 'Feeds')!;
		assert.equal(wordpress.title, pretty.seeded.name);
		assert.equal(wordpress.total, Math.min(50, pretty.truth.total), 'a first refresh reads up to 50 posts through the REST API');
		assert.equal(wordpress.unread, wordpress.total);
		assert.equal(feed.title, plain.seeded.name);
		assert.equal(feed.total, Math.min(10, plain.truth.total), 'WordPress feeds carry ten posts');
		assert.equal(feed.feedUrl, plainFeed);
		assert.ok(blogs.every(blog => blog.lastError === null && blog.lastUpdated !== null), JSON.stringify(blogs));
		// Nothing changed: a second refresh adds nothing, and the feed answers 304.
		const feedRequests = staticFeed.requests.length;
		const second = await runBlogterm(['--refresh']);
		assert.equal(second.code, 0, describeRun(second));
		assert.equal(staticFeed.requests.length, feedRequests + 1);
		const after = jsonOf<{blogs: BlogJson[]}>(await runBlogterm(['--blogs', '--format', 'json'])).blogs;
		assert.deepEqual(after.map(blog => blog.total), blogs.map(blog => blog.total));
	});

	it('What is new gives both blogs\' posts, newest first, each with its blog, unread', async () => {
		const river = jsonOf<RiverJson>(await runBlogterm(['--river', '--per-page', '100', '--format', 'json']));
		assert.equal(river.total, Math.min(50, pretty.truth.total) + Math.min(10, plain.truth.total));
		// By the instant: the WordPress blog's dates keep its offset (+13:00), the feed's are in UTC.
		const times = river.posts.map(post => Date.parse(post.date ?? ''));
		assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
		const fromWordPress = river.posts.filter(post => post.blog.title === pretty.seeded.name);
		assert.ok(fromWordPress.length > 0 && fromWordPress.every(post => post.date?.endsWith('+13:00')), `the blog's own offset kept: ${fromWordPress.map(post => post.date).join(' ')}`);
		assert.ok(river.posts.every(post => !post.read));
		const titles = new Map([[pretty.seeded.name, pretty.truth.posts], [plain.seeded.name, plain.truth.posts]]);
		for (const post of river.posts) {
			const truth = titles.get(post.blog.title)?.find(candidate => candidate.link === post.link);
			assert.ok(truth, `${post.link} is a post of ${post.blog.title}`);
			assert.equal(post.title, truth.title);
		}
	});

	it('on the home screen, a post opened from What is new is read, and a comment sent from it is published once', async () => {
		const postId = pretty.seeded.commentPostId;
		const river = jsonOf<RiverJson>(await runBlogterm(['--river', '--per-page', '100', '--format', 'json']));
		const at = river.posts.findIndex(post => String(post.id) === String(postId) && post.blog.title === pretty.seeded.name);
		assert.ok(at >= 0, `post ${postId} is in What is new`);
		await pretty.forgetRecentComments();
		const before = await pretty.storedComments(postId);

		const http = createHttpClient();
		const subscriptions: Subscriptions = openSubscriptions(blogtermPaths(), {http});
		const app = render(createElement(HomeApp, {
			data: storeHomeData(subscriptions),
			openSource: async (url: string, signal: AbortSignal) => openBlog(http, url, {signal}),
			perPage: 10,
			refreshOnStart: false,
			refreshMinutes: 0,
			startView: 'river',
		}));
		try {
			await waitForText(app, `What is new (${river.total} unread)`, 15_000);
			await press(app, ...Array.from({length: at}, () => 'j'), keys.enter);
			const title = river.posts[at]!.title!;
			await waitForText(app, /lines 1–\d+ of/, 15_000);
			assert.ok(frameText(app).includes(title.slice(0, 30)), `the post opened: ${title}`);
			await waitFor(() => subscriptions.river({blogUrl: river.posts[at]!.blog.url, perPage: 100}).posts.find(post => String(post.id) === String(postId))?.read === true, 'the post is marked read in the store', 15_000);
			// "(e2e …)": the seed check leaves out the comments this suite sent.
			const text = `From What is new (e2e ${Date.now()}).`;
			await press(app, 'c');
			await waitForText(app, 'Comment *', 15_000);
			await press(app, text, keys.tab, pretty.knownCommenter.name, keys.tab, pretty.knownCommenter.email, ctrlS);
			await waitForText(app, 'Your comment was published.', 30_000);
		} finally {
			app.unmount();
			subscriptions.close();
		}
		const stored = await pretty.storedComments(postId);
		const mine = stored.filter(comment => !before.some(old => old.id === comment.id));
		assert.equal(mine.length, 1, 'sent once');
		assert.equal(mine[0]!.status, 'approved');
		assert.match(mine[0]!.content, /From What is new/);
		// The river says it was read, in print mode too.
		const afterwards = jsonOf<RiverJson>(await runBlogterm(['--river', '--per-page', '100', '--format', 'json']));
		assert.equal(afterwards.posts.find(post => String(post.id) === String(postId) && post.blog.title === pretty.seeded.name)?.read, true);
	});
});
