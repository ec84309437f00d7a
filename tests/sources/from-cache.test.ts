import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {openBlog} from '../../source/sources/open-blog.js';
import {startRefreshBlog, type RefreshBlog} from '../reliability/refresh-blog.js';
import {createHttpClient, type HttpClient} from '../../source/http/client.js';
import {userHttpCache} from '../../source/store/cache.js';
import {withEnvironment} from '../helpers/environment.js';

/*
Whether what a source gives came from the copy kept on disk (`cacheFirst`) is said on what it gives:
the reader refreshes a blog, a list page or a post when, and only when, it says `fromCache`.
*/

const home = mkdtempSync(join(tmpdir(), 'blogterm-from-cache-'));
after(() => rmSync(home, {recursive: true, force: true}));

describe('what a source gives says whether it came from disk', () => {
	withEnvironment({BLOGTERM_HOME: home});
	// Answers are kept in the test's own home, as the reader keeps them in the user's.
	let http: HttpClient;
	before(() => {
		http = createHttpClient({cache: userHttpCache()});
	});

	for (const kind of ['wordpress', 'feed'] as const) {
		describe(`a ${kind === 'wordpress' ? 'WordPress blog' : 'blog read through its feed'}`, () => {
			let blog: RefreshBlog;
			before(async () => {
				blog = await startRefreshBlog(kind);
			});
			after(async () => blog.close());

			test('read for the first time, with nothing kept, nothing it gives says it came from disk', async () => {
				const source = await openBlog(http, blog.url, {cacheFirst: true});
				assert.equal(source.fromCache, false);
				const page = await source.fetchPostPage(1, 10, {cacheFirst: true});
				assert.equal(page.fromCache, undefined);
				const post = await source.fetchPost({kind: 'id', id: page.posts[0]!.id}, {cacheFirst: true});
				assert.equal(post.fromCache, undefined);
			});

			test('read again with cacheFirst, what was kept says it came from disk, and the blog is not asked for it', async () => {
				const asked = blog.requests.length;
				const source = await openBlog(http, blog.url, {cacheFirst: true});
				assert.equal(source.fromCache, true);
				if (kind === 'feed') {
					// A feed's list is the feed the source was opened from (the source's mark covers it), and its posts'
					// pages answer 404 here, which is never kept: only the blog itself came from disk.
					assert.equal(blog.requests.length, asked, 'the blog was not asked');
					return;
				}
				const page = await source.fetchPostPage(1, 10, {cacheFirst: true});
				assert.equal(page.fromCache, true);
				const post = await source.fetchPost({kind: 'id', id: page.posts[0]!.id}, {cacheFirst: true});
				assert.equal(post.fromCache, true);
				assert.equal(blog.requests.length, asked, 'the blog was not asked');
			});

			test('read again without cacheFirst (the refresh), nothing says it came from disk', async () => {
				const source = await openBlog(http, blog.url);
				assert.equal(source.fromCache, false);
				const page = await source.fetchPostPage(1, 10);
				assert.equal(page.fromCache, undefined);
				const post = await source.fetchPost({kind: 'id', id: page.posts[0]!.id});
				assert.equal(post.fromCache, undefined);
			});
		});
	}
});
