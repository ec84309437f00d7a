import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

/*
Print mode on feeds that send what blogterm cannot read: the list on stdout holds what could be read,
each field of the wrong type dropped; what was left out is one line on stderr, as for WordPress.
*/

let server: FeedServer;
let host: string;

before(async () => {
	server = await startFeedServer();
	host = new URL(server.url).host;
	const valid = (name: string) => ({id: name, url: `http://evil.example/${name}`, title: `Post ${name}`, content_html: `<p>${name}</p>`});
	server.route('/evil.json', {type: 'application/feed+json', body: JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Evil', items: [valid('a'), {id: 5, url: 7, title: ['x'], content_html: '<p>Five.</p>'}, null, 'str', valid('b')]})});
	server.route('/no-items.json', {type: 'application/feed+json', body: JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 5, items: {not: 'array'}})});
	const items = ['<item></item>', ...['1', '2', '3'].map(name => `<item><title>Post ${name}</title><link>http://gaps.example/${name}</link></item>`)];
	server.route('/gaps.xml', {type: 'application/rss+xml', body: `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Gaps</title><link>http://gaps.example/</link>\n${items.join('\n')}\n</channel></rss>\n`});
});

after(async () => {
	await server.close();
});

describe('a JSON Feed with items of the wrong types', () => {
	test('--list -f json: a number url is no link and an array title no title; null and "str" are said on stderr', async () => {
		const run = await runInProcess([`${server.origin}/evil.json`, '--list', '--format', 'json']);
		assert.equal(run.code, 0, run.stderr);
		const list = JSON.parse(run.stdout) as {total: number; posts: Array<{id: string; title: string | null; link: string | null}>};
		assert.deepEqual(list.posts.map(({id, title, link}) => ({id, title, link})), [
			{id: 'a', title: 'Post a', link: 'http://evil.example/a'},
			{id: '5', title: null, link: null},
			{id: 'b', title: 'Post b', link: 'http://evil.example/b'},
		]);
		assert.equal(run.stderr, `blogterm: ${host} sent 2 posts blogterm cannot read (it is not a JSON object): left out.\n`);
	});

	test('"items" that is no list exits 1 (unreadable) with a sentence, not an empty list', async () => {
		const run = await runInProcess([`${server.origin}/no-items.json`, '--list', '--format', 'json']);
		assert.equal(run.code, 1, run.stdout);
		assert.equal(run.stdout, '');
		assert.deepEqual(JSON.parse(run.stderr), {error: {code: 'unreadable', exit: 1, message: `${host} sent a JSON Feed blogterm cannot read: its items are not a list.`}});
	});
});

describe('an RSS feed with an empty <item>', () => {
	test('--all says it once on stderr, however many pages the list takes', async () => {
		const run = await runInProcess([`${server.origin}/gaps.xml`, '--all', '--per-page', '1', '--format', 'ndjson']);
		assert.equal(run.code, 0, run.stderr);
		assert.deepEqual(run.stdout.trimEnd().split('\n').map(line => (JSON.parse(line) as {title: string}).title), ['Post 1', 'Post 2', 'Post 3']);
		assert.deepEqual(run.errorLines, [`blogterm: ${host} sent 1 of its posts blogterm cannot read (it has no title, link or text): left out.`]);
	});
});
