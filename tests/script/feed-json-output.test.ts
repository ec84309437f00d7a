import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFakeWordPress, startFakeWordPressBlog, wordPressPost, type FakePost} from '../helpers/fake-wordpress.js';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

let server: FeedServer;
const longSummary = Array.from({length: 60}, (_, index) => `Sentence ${index + 1} of a long summary.`).join(' ');

before(async () => {
	server = await startFeedServer();
	server.route('/micro/feed.json', {type: 'application/feed+json', body: JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1',
		title: 'Micro',
		home_page_url: 'http://micro.example/',
		items: [
			{id: 'm2', url: 'http://micro.example/2', summary: longSummary, content_html: '<p>Full text.</p>', title: 'Long one', date_published: '2026-11-02T10:00:00Z', tags: ['bikes']},
			{id: 'm1', url: 'http://micro.example/1', content_text: 'Rode to work in the rain today.', date_published: '2026-11-01T10:00:00Z', tags: ['bikes']},
		],
	})});
});

after(async () => {
	await server.close();
});

describe('JSON output carries data, not display text', () => {
	test('a post with no title has "title": null in --list and --post; the text formats show a stand-in', async () => {
		const list = JSON.parse((await runInProcess([`${server.origin}/micro/feed.json`, '--list', '--format', 'json'])).stdout) as {posts: Array<{id: string; title: string | null}>};
		assert.deepEqual(list.posts.map(post => post.title), ['Long one', null]);
		const post = JSON.parse((await runInProcess([`${server.origin}/micro/feed.json`, '--post', 'm1', '--format', 'json'])).stdout) as {title: string | null; next: {title: string | null} | null};
		assert.equal(post.title, null);
		assert.equal(post.next?.title, 'Long one');
		const newer = JSON.parse((await runInProcess([`${server.origin}/micro/feed.json`, '--post', 'm2', '--format', 'json'])).stdout) as {previous: {title: string | null} | null; related: Array<{id: string; title: string | null}>};
		assert.equal(newer.previous?.title, null, 'a neighbour without a title is null too');
		assert.deepEqual(newer.related.map(related => [related.id, related.title]), [['m1', null]], 'and a related post');
		const text = await runInProcess([`${server.origin}/micro/feed.json`, '--list', '--width', '80']);
		assert.match(text.stdout, /^Rode to work in the rain today\.$/m);
	});

	test('a WordPress post with an empty title is "title": null too, in --list and --post', async () => {
		const blog = await startFakeWordPress({id: 7, slug: 'untitled', title: '', html: '<p>Just a photo today.</p>', date: '2026-11-01T10:00:00'});
		try {
			const list = JSON.parse((await runInProcess([blog.url, '--list', '--format', 'json'])).stdout) as {posts: Array<{title: string | null}>};
			assert.deepEqual(list.posts.map(post => post.title), [null]);
			const post = JSON.parse((await runInProcess([blog.url, '--post', '7', '--format', 'json'])).stdout) as {title: string | null};
			assert.equal(post.title, null);
			assert.match((await runInProcess([blog.url, '--list'])).stdout, /\(no title\)/);
		} finally {
			await blog.close();
		}
	});

	test('excerpts are whole in JSON, without "…"; the text list shortens them', async () => {
		const list = JSON.parse((await runInProcess([`${server.origin}/micro/feed.json`, '--list', '--format', 'json'])).stdout) as {posts: Array<{excerpt: string}>};
		assert.equal(list.posts[0]!.excerpt, longSummary);
		const text = (await runInProcess([`${server.origin}/micro/feed.json`, '--list', '--width', '1000'])).stdout;
		assert.match(text, /Sentence 9 of a long summary\. Sentence…$/m);
		assert.doesNotMatch(text, /Sentence 60/);
	});

	test('a value the blog did not give is null, never "": an author without _embedded, a link that is not one, no excerpt, no body', async () => {
		const bare: FakePost = {id: 7, slug: 'bare', title: 'Bare', html: '', date: '2026-11-01T10:00:00'};
		// WordPress without _embed (a plugin strips it, a cache serves the plain answer): no author's name.
		const answer = (post: FakePost, base: string) => {
			const {_embedded: _, ...plain} = wordPressPost(post, base);
			return {...plain, link: 'javascript:alert(1)', excerpt: {rendered: '', protected: false}};
		};
		const blog = await startFakeWordPressBlog({name: 'Bare', posts: [bare]}, (url, response) => {
			const json = (body: unknown, headers: Record<string, string> = {}) => {
				response.writeHead(200, {'content-type': 'application/json', ...headers});
				response.end(JSON.stringify(body));
				return 'answered' as const;
			};
			if (url.pathname === '/wp-json/wp/v2/posts') return json([answer(bare, blog.url)], {'x-wp-total': '1', 'x-wp-totalpages': '1'});
			if (url.pathname === '/wp-json/wp/v2/posts/7') return json(answer(bare, blog.url));
			return undefined;
		});
		try {
			const list = await runInProcess([blog.url, '--list', '--format', 'json']);
			assert.equal(list.code, 0, list.stderr);
			const entry = (JSON.parse(list.stdout) as {posts: Array<Record<string, unknown>>}).posts[0]!;
			assert.deepEqual([entry['author'], entry['link'], entry['excerpt']], [null, null, null]);
			const withContent = await runInProcess([blog.url, '--all', '--format', 'ndjson', '--with-content']);
			const line = JSON.parse(withContent.stdout) as Record<string, unknown>;
			assert.deepEqual([line['author'], line['link'], line['text'], line['html']], [null, null, null, null]);
			const post = await runInProcess([blog.url, '--post', '7', '--format', 'json', '--no-related', '--no-neighbours']);
			assert.equal(post.code, 0, post.stderr);
			const printed = JSON.parse(post.stdout) as Record<string, unknown>;
			assert.deepEqual([printed['author'], printed['link'], printed['excerpt'], printed['text'], printed['html']], [null, null, null, null, null]);
			assert.deepEqual(Object.entries(printed).filter(([, value]) => value === ''), [], 'no key is ""');
		} finally {
			await blog.close();
		}
	});
});
