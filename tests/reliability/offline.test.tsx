import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import type {Post} from '../../source/model/post.js';
import type {PostPage} from '../../source/model/page.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {BlogError} from '../../source/errors.js';
import {App, type ReadMarks} from '../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {runInProcess} from '../script/run-cli.js';
import {keys, waitForText} from '../ui/helpers.js';
import {pressAndWaitFor} from './tui.js';
import {resize} from '../ui/helpers.js';
import {createHttpClient, type HttpClient} from '../../source/http/client.js';
import {userHttpCache} from '../../source/store/cache.js';
import {withEnvironment} from '../helpers/environment.js';

/*
A blog is read once with the network up (as the reader does: the list, a post, its neighbours, related
posts and comments), then its server is stopped. With no network blogterm opens what it has, marked
"offline — saved at …", in the sources, in the reader and in print mode.
*/

const home = mkdtempSync(join(tmpdir(), 'blogterm-offline-'));
// Answers are kept in the test's own home, as the reader keeps them in the user's.
let http: HttpClient;
after(() => rmSync(home, {recursive: true, force: true}));

const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
const offlineNote = /offline — saved at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d/;

describe('a blog read once, then offline', () => {
	withEnvironment({BLOGTERM_HOME: home});
	before(() => {
		http = createHttpClient({cache: userHttpCache()});
	});

	for (const mode of ['wordpress', 'feed-only'] as const) {
		describe(`a ${mode === 'wordpress' ? 'WordPress' : 'feed-only'} blog read before, with no network`, () => {
			let demo: TestDemo;
			let onlinePage: PostPage;
			let onlinePost: Post;
			before(async () => {
				demo = await startTestDemo({mode});
				const source = await openBlog(http, demo.url);
				onlinePage = await source.fetchPostPage(1, 10);
				onlinePost = await source.fetchPost({kind: 'id', id: onlinePage.posts[0]!.id});
				await Promise.all([source.fetchNeighbours(onlinePost), source.fetchRelated(onlinePost, 5), source.fetchComments(onlinePost)]);
				await demo.stop();
			});

			test('the blog opens; the list page and the post read are there, marked as saved copies', async () => {
				const source = await openBlog(http, demo.url);
				const page = await source.fetchPostPage(1, 10);
				assert.deepEqual(page.posts.map(post => post.title), onlinePage.posts.map(post => post.title));
				assert.equal(onlinePage.offlineSavedAt, undefined, 'online, nothing is marked');
				assert.ok(page.offlineSavedAt && !Number.isNaN(Date.parse(page.offlineSavedAt)));
				const post = await source.fetchPost({kind: 'id', id: onlinePost.id});
				assert.equal(post.html, onlinePost.html);
				assert.ok(post.offlineSavedAt);
			});

			test('what was never read fails in words', async () => {
				const source = await openBlog(http, demo.url);
				await assert.rejects(source.fetchPostPage(4, 10), (error: BlogError) => error instanceof BlogError && /connection refused/.test(error.message));
			});

			test('the reader shows “offline — saved at …” on the list and on the post', async () => {
				const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} />);
				resize(app.stdout, 100, 24);
				await waitForText(app, offlineNote);
				await pressAndWaitFor(app, keys.enter, /Loading the post|lines \d+–/);
				const post = await waitForText(app, /lines 1–/);
				assert.match(post, offlineNote);
				app.unmount();
			});

			test('print mode is fresh or fail; with --cache fallback it prints what was kept, saying so in the data (issue 18)', async () => {
				const [stale, list, post] = await Promise.all([
					runInProcess([demo.url, '--list'], {home}),
					runInProcess([demo.url, '--list', '--format', 'json', '--cache', 'fallback'], {home}),
					runInProcess([demo.url, '--post', String(onlinePost.id), '--comments', '--cache', 'fallback'], {home}),
				]);
				assert.equal(stale.code, 1, stale.stderr);
				assert.equal(stale.stdout, '', 'a stale copy is never printed without being asked for');
				assert.match(stale.stderr, /^blogterm: Could not read .*: connection refused\. A copy saved at \S+Z can be printed with --cache fallback\.\n$/);
				assert.equal(list.code, 0, list.stderr);
				const json = JSON.parse(list.stdout) as {offline: {savedAt: string} | null; posts: Array<{title: string}>};
				assert.deepEqual(json.posts.map(item => item.title), onlinePage.posts.map(item => item.title));
				assert.ok(json.offline && !Number.isNaN(Date.parse(json.offline.savedAt)), 'the JSON says it is the copy kept');
				assert.equal(post.code, 0, post.stderr);
				assert.ok(post.stdout.includes(onlinePost.title));
				assert.match(post.stdout, /^Offline copy, saved at \S+Z: not read from the blog now\.\n/);
			});
		});
	}
});
