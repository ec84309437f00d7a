import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFakeWordPress} from '../helpers/fake-wordpress.js';
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
});
