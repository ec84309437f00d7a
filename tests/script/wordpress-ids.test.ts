import assert from 'node:assert/strict';
import type {ServerResponse} from 'node:http';
import {after, before, describe, test} from 'node:test';
import {startFakeWordPressBlog, wordPressPost, type FakePost} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {runInProcess} from './run-cli.js';

/*
WordPress's IDs are whole numbers above 0. One that is not ("2abc") was listed as a post that `--post`
could not open ("There is no post called “2abc”"): it is now a post blogterm cannot read, left out of a
list with the usual note, and refused in words when asked for alone. Digits in a string ("7") are the number.
*/

const post = (id: number, slug: string): FakePost => ({id, slug, title: `Post ${slug}`, html: `<p>Body of ${slug}.</p>`, date: '2026-11-02T10:00:00'});

let server: TestServer & {hung(): {asked: number; closed: number}};

/** The post's REST JSON with its `id` as the blog sends it. */
function withId(fake: FakePost, id: unknown) {
	return {...wordPressPost(fake, server.url), id};
}

function json(response: ServerResponse, body: unknown, headers: Record<string, string> = {}): 'answered' {
	response.writeHead(200, {'content-type': 'application/json; charset=UTF-8', ...headers});
	response.end(JSON.stringify(body));
	return 'answered';
}

const five = post(5, 'five');
const seven = post(7, 'seven');
const odd = post(2, 'odd-one');

before(async () => {
	server = await startFakeWordPressBlog({name: 'IDs', posts: [five, seven]}, (url, response) => {
		if (url.pathname === '/wp-json/wp/v2/posts' && !url.searchParams.has('before') && !url.searchParams.has('after')) {
			const slug = url.searchParams.get('slug');
			const all = [withId(five, 5), withId(odd, '2abc'), withId(seven, '7')].filter(found => slug === null || found.slug === slug);
			return json(response, all, {'x-wp-total': String(all.length), 'x-wp-totalpages': '1'});
		}
		if (url.pathname === '/wp-json/wp/v2/posts/7') return json(response, withId(seven, '7'));
		if (url.pathname === '/wp-json/wp/v2/posts/9') return json(response, withId(post(9, 'nine'), '9x'));
		return undefined;
	});
});

after(async () => server.close());

describe('a WordPress post whose ID is not a whole number', () => {
	test('is left out of the list with a note; every ID the list prints opens its post', async () => {
		const list = await runInProcess([server.url, '--list', '--format', 'json']);
		assert.equal(list.code, 0, list.stderr);
		const ids = (JSON.parse(list.stdout) as {posts: Array<{id: unknown}>}).posts.map(listed => listed.id);
		assert.deepEqual(ids, [5, 7]);
		assert.equal(list.stderr, `blogterm: ${new URL(server.url).host} sent 1 of its posts blogterm cannot read (its ID is not a whole number above 0): left out.\n`);
		for (const id of ids) {
			const opened = await runInProcess([server.url, '--post', String(id), '--format', 'json', '--fields', 'id,title']);
			assert.equal(opened.code, 0, `--post ${String(id)}: ${opened.stderr}`);
			assert.equal((JSON.parse(opened.stdout) as {id: unknown}).id, id);
		}
	});

	test('asked for alone, by its slug or its number, is refused in words as a post blogterm cannot read (exit 1), not “no such post”', async () => {
		const host = new URL(server.url).host;
		for (const ref of ['odd-one', '9']) {
			const run = await runInProcess([server.url, '--post', ref]);
			assert.equal(run.code, 1, `--post ${ref}: ${run.stderr}`);
			assert.equal(run.stderr, `blogterm: ${host} sent a post blogterm cannot read: its ID is not a whole number above 0.\n`);
		}
	});
});
