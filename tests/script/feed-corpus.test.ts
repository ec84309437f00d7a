import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

/*
The corpus (tests/fixtures/feeds/corpus/, written by make-corpus.ts there): every feed is served by a
loopback server with the Content-Type its expectation names, and read through `--list --format json`
as a script would; its titles, links and dates must be the expected ones, in order.
*/

type Expectation = {note: string; type: string; posts: Array<{title: string | null; link: string; date: string | null}>};
type ListJson = {total: number; posts: Array<{title: string | null; link: string | null; date: string | null}>};

const corpus = new URL('../fixtures/feeds/corpus/', import.meta.url);
const feeds = readdirSync(corpus).filter(name => /\.(?:xml|json)$/.test(name) && !name.endsWith('.expected.json')).sort();

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
});

after(async () => {
	await server.close();
});

describe('the feed corpus through --list --format json', () => {
	test('holds at least 100 feeds, each with its expectation', () => {
		assert.ok(feeds.length >= 100, `${feeds.length} feeds`);
	});

	for (const name of feeds) {
		const expectation = JSON.parse(readFileSync(new URL(name.replace(/\.(?:xml|json)$/, '.expected.json'), corpus), 'utf8')) as Expectation;
		test(`${name}: ${expectation.note}`, async () => {
			server.route(`/corpus/${name}`, {type: expectation.type, body: readFileSync(new URL(name, corpus))});
			const run = await runInProcess([`${server.origin}/corpus/${name}`, '--list', '--per-page', '100', '--format', 'json']);
			assert.equal(run.stderr, '');
			assert.equal(run.code, 0);
			const list = JSON.parse(run.stdout) as ListJson;
			// An expectation's '' is "no link": JSON says null for it.
			const wanted = expectation.posts.map(post => ({...post, link: post.link === '' ? null : post.link.replace('{{origin}}', server.origin)}));
			assert.deepEqual(list.posts.map(({title, link, date}) => ({title, link, date})), wanted);
			assert.equal(list.total, wanted.length);
		});
	}
});
