import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {runInProcess} from './run-cli.js';

/*
Sticky posts (issue 19): on a WordPress blog's first list page they come first, marked, as its home
page shows them; `sticky` in list and post JSON. The demo blog answers `sticky` as WordPress does; here
its oldest post is made sticky.
*/

type ListJson = {page: number; total: number; totalPages: number; posts: Array<{id: number; title: string; sticky: boolean | null}>};

const stickySlug = 'hello-from-the-potting-bench';
let demo: TestDemo;
let sticky: {id: number; title: string};
let total: number;

before(async () => {
	demo = await startTestDemo({stickySlugs: [stickySlug]});
	const {body} = await demo.rest<Array<{id: number; title: {rendered: string}; sticky: boolean}>>(`wp/v2/posts?slug=${stickySlug}`);
	assert.equal(body[0]!.sticky, true, 'the demo says it is sticky, as WordPress does');
	sticky = {id: body[0]!.id, title: 'Hello from the Potting Bench'};
	const {headers} = await demo.rest<unknown>('wp/v2/posts?per_page=1');
	total = Number(headers.get('x-wp-total'));
});

after(async () => demo.stop());

describe('sticky posts', () => {
	test('--list: the sticky post comes first on page 1, marked sticky, then the page as it was; the totals stay the blog\'s', async () => {
		const list = JSON.parse((await runInProcess([demo.url, '--list', '-f', 'json', '--per-page', '5'])).stdout) as ListJson;
		const {body: newest} = await demo.rest<Array<{id: number}>>('wp/v2/posts?per_page=5&_fields=id');
		assert.deepEqual(list.posts.map(post => post.id), [sticky.id, ...newest.map(post => post.id)]);
		assert.deepEqual(list.posts.map(post => post.sticky), [true, false, false, false, false, false]);
		assert.equal(list.total, total);
		assert.equal(list.totalPages, Math.ceil(total / 5));
	});

	test('text: “Featured:” before its title at the top of page 1, as the blog\'s home page marks it; not on the page where it sits by date', async () => {
		const first = await runInProcess([demo.url, '--list', '--per-page', '5', '--width', '80']);
		assert.equal(first.code, 0, first.stderr);
		assert.equal(first.stdout.split('\n').find(line => /^\S/.test(line) && !line.startsWith('Page ')), `Featured: ${sticky.title}`);
		const lastPage = Math.ceil(total / 5);
		const last = await runInProcess([demo.url, '--list', '--per-page', '5', '--page', String(lastPage), '--width', '80']);
		assert.match(last.stdout, new RegExp(`^${sticky.title}$`, 'm'));
		assert.doesNotMatch(last.stdout, /Featured:/);
	});

	test('an archive (--all) lists each post once, in date order', async () => {
		const run = await runInProcess([demo.url, '--all', '--ids']);
		const ids = run.stdout.trim().split('\n');
		assert.equal(ids.length, total);
		assert.equal(new Set(ids).size, total);
		assert.equal(ids.at(-1), String(sticky.id), 'the oldest post last');
	});

	test('a search is not led by sticky posts, nor marked', async () => {
		const run = await runInProcess([demo.url, '--list', '--search', 'compost', '--width', '80']);
		assert.doesNotMatch(run.stdout, /Featured:/);
	});

	test('--post JSON: sticky, and modified (WordPress modified_gmt)', async () => {
		const post = JSON.parse((await runInProcess([demo.url, '--post', stickySlug, '-f', 'json', '--fields', 'sticky,modified,date'])).stdout) as {sticky: boolean; modified: string | null; date: string};
		assert.equal(post.sticky, true);
		assert.match(post.modified ?? '', /^\d{4}-\d\d-\d\dT/);
		const other = JSON.parse((await runInProcess([demo.url, '--post', 'watering-schedules-with-cron', '-f', 'json', '--fields', 'sticky'])).stdout) as {sticky: boolean};
		assert.equal(other.sticky, false);
	});

	test('a feed blog cannot tell: sticky is null', async () => {
		const feed = await startTestDemo({mode: 'feed-only', stickySlugs: [stickySlug]});
		try {
			const list = JSON.parse((await runInProcess([feed.url, '--list', '-f', 'json'])).stdout) as ListJson;
			assert.ok(list.posts.length > 0);
			assert.ok(list.posts.every(post => post.sticky === null));
		} finally {
			await feed.stop();
		}
	});
});
