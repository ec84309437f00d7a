import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {insertBlog} from '../../../source/store/blogs-table.js';
import {openDatabase} from '../../../source/store/db.js';
import {riverPosts, upsertPosts} from '../../../source/store/posts-table.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {runInProcess} from '../../script/run-cli.js';
import {waitForText} from '../../ui/helpers.js';
import {startFeedServer, type FeedServer} from './feed-server.js';
import {withEnvironment} from '../../helpers/environment.js';

/*
A feed's own time-zone offset is kept (issue 17): a date written `Mon, 02 Nov 2026 00:30:00 +1400` shows
as the feed wrote it (November 2, not the reader's November 1), in JSON as `2026-11-02T00:30:00+14:00`;
one in UTC or named by its zone keeps its meaning; the list is still sorted by the instant.
*/
const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

let server: FeedServer;
before(async () => {
	server = await startFeedServer();
	// Newest first by the instant: Kiribati (Nov 1 10:30 UTC) is older than the UTC item at 11:00, though its text sorts later.
	server.route('/island/feed', {type: 'application/rss+xml', body: `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Island Notes</title><link>${server.origin}/island/</link>
<item><title>Sunrise first</title><link>${server.origin}/island/sunrise</link><guid>sunrise</guid><pubDate>Mon, 02 Nov 2026 00:30:00 +1400</pubDate><description>The first sunrise of the day.</description><author>kiri@island.example (Kiri)</author></item>
<item><title>Noon in London</title><link>${server.origin}/island/noon</link><guid>noon</guid><pubDate>Sun, 01 Nov 2026 11:00:00 GMT</pubDate><description>At noon.</description></item>
<item><title>Evening in Pune</title><link>${server.origin}/island/pune</link><guid>pune</guid><pubDate>Sun, 01 Nov 2026 09:00:00 +0530</pubDate><description>Tea.</description></item>
</channel></rss>`});
	server.route('/atom/feed', {type: 'application/atom+xml', body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Island</title><id>urn:atom-island</id><updated>2026-11-02T00:30:00+14:00</updated><link rel="alternate" href="${server.origin}/atom/"/>
<entry><title>Atom sunrise</title><id>urn:atom-island:1</id><link rel="alternate" href="${server.origin}/atom/1"/><published>2026-11-02T00:30:00+14:00</published><updated>2026-11-02T00:30:00+14:00</updated><summary>Early.</summary></entry>
</feed>`});
	server.route('/json/feed', {type: 'application/feed+json', body: JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1', title: 'JSON Island', home_page_url: `${server.origin}/json/`,
		items: [{id: 'j1', url: `${server.origin}/json/1`, title: 'JSON sunrise', date_published: '2026-11-02T00:30:00+14:00', content_text: 'Early.'}],
	})});
});
after(async () => server.close());

type ListJson = {posts: Array<{id: string; title: string; date: string | null}>};

describe('a feed\'s own time-zone offset', () => {
	// The reader is eight hours behind UTC; the feeds here write dates at +14:00, +05:30 and in UTC.
	withEnvironment({TZ: 'America/Los_Angeles'});

	test('--list --format json: ISO 8601 at the offset the feed wrote (RSS, Atom, JSON Feed); UTC stays UTC; newest first by the instant', async () => {
		const rss = await runInProcess([`${server.origin}/island/feed`, '--list', '--format', 'json']);
		assert.equal(rss.code, 0, rss.stderr);
		assert.deepEqual((JSON.parse(rss.stdout) as ListJson).posts.map(post => [post.title, post.date]), [
			['Noon in London', '2026-11-01T11:00:00.000Z'],
			['Sunrise first', '2026-11-02T00:30:00+14:00'],
			['Evening in Pune', '2026-11-01T09:00:00+05:30'],
		]);
		for (const path of ['/atom/feed', '/json/feed']) {
			const run = await runInProcess([`${server.origin}${path}`, '--list', '--format', 'json']);
			assert.equal(run.code, 0, run.stderr);
			assert.equal((JSON.parse(run.stdout) as ListJson).posts[0]?.date, '2026-11-02T00:30:00+14:00', path);
		}
	});

	test('the list and the post in text and Markdown show the feed\'s date, not the reader\'s (November 2, where Los Angeles has November 1)', async () => {
		const list = await runInProcess([`${server.origin}/island/feed`, '--list', '--width', '100']);
		assert.match(list.stdout, /^\s+November 2, 2026 · Kiri · ID sunrise$/m, list.stdout);
		assert.match(list.stdout, /^\s+November 1, 2026 · ID noon$/m, 'in UTC: the reader\'s date (4 am in Los Angeles)');
		const text = await runInProcess([`${server.origin}/island/feed`, '--post', 'sunrise', '--width', '100']);
		assert.match(text.stdout.split('\n')[1] ?? '', /^November 2, 2026 · Kiri/, text.stdout);
		const markdown = await runInProcess([`${server.origin}/island/feed`, '--post', 'sunrise', '--format', 'markdown']);
		assert.match(markdown.stdout, /^\*November 2, 2026 · Kiri\*$/m, markdown.stdout);
	});

	test('the reader: the list and the post show November 2', async () => {
		const app = render(<App site={`${server.origin}/island/feed`} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} />);
		try {
			await waitForText(app, /Sunrise first[\s\S]*Nov 2, 2026/);
			app.unmount();
			const post = render(<App site={`${server.origin}/island/feed`} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={{kind: 'id', id: 'sunrise'}} />);
			try {
				await waitForText(post, /November 2, 2026 · Kiri/);
			} finally {
				post.unmount();
			}
		} finally {
			app.unmount();
		}
	});

	test('kept in the store as the feed wrote it, the river sorted by the instant', async () => {
		const home = mkdtempSync(join(tmpdir(), 'blogterm-feed-offsets-'));
		const db = openDatabase({config: join(home, 'config'), data: join(home, 'data')});
		try {
			const page = await (await openBlog(http, `${server.origin}/island/feed`)).fetchPostPage(1, 10);
			const blog = {id: insertBlog(db, {url: `${server.origin}/island/`, siteKey: 'island', title: 'Island Notes', kind: 'feed', feedUrl: `${server.origin}/island/feed`, apiUrl: '', htmlUrl: '', folder: '', addedAt: '2026-12-01T00:00:00.000Z'}), siteKey: 'island'};
			upsertPosts(db, blog, page.posts, '2026-12-01T00:00:00.000Z');
			assert.deepEqual(riverPosts(db, {unread: false, limit: 10, offset: 0}).map(post => [post.id, post.date]), [
				['noon', '2026-11-01T11:00:00.000Z'],
				['sunrise', '2026-11-02T00:30:00+14:00'],
				['pune', '2026-11-01T09:00:00+05:30'],
			]);
		} finally {
			db.close();
			rmSync(home, {recursive: true, force: true});
		}
	});
});
