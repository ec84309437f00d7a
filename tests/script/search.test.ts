import assert from 'node:assert/strict';
import {existsSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {dailyPosts, startFeedBlog, startWordPressBlog, type FeedBlog, type WordPressBlog} from '../subscriptions/blog-servers.js';
import {controlCharacters, runInProcess, temporaryHome} from './run-cli.js';

type ListJson = {total: number; totalPages: number; posts: Array<{id: number; title: string}>; search?: string; category?: {id: number; name: string}; tag?: {name: string}; author?: {name: string}};
type Term = {id: number; name: string; slug: string; count: number};

describe('print mode: --list --search, --category, --tag, --author', () => {
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo();
	});
	after(async () => demo.stop());

	it('--list --search TEXT prints the blog’s posts with the words, headed with the count; JSON says what was searched', async () => {
		const {body: found, headers} = await demo.rest<Array<{id: number}>>('wp/v2/posts?search=compost&per_page=100&_fields=id');
		const text = await runInProcess([demo.url, '--list', '--search', 'compost', '--per-page', '100']);
		assert.equal(text.code, 0);
		assert.match(text.stdout, new RegExp(`^Search: “compost” · ${found.length} posts\nPage 1 of 1 · ${found.length} posts\n`));
		assert.equal(text.stdout.match(/· ID \d+/g)?.length, found.length);
		const json = await runInProcess([demo.url, '--list', '--search', 'compost', '--format', 'json', '--per-page', '3', '--page', '2']);
		const list = JSON.parse(json.stdout) as ListJson;
		assert.equal(list.search, 'compost');
		assert.equal(list.total, Number(headers.get('x-wp-total')));
		assert.deepEqual(list.posts.map(post => post.id), found.slice(3, 6).map(post => post.id));
	});

	it('--search reads the text as WordPress does: "garden (a quote left open) lists what garden lists; --search -garden the posts without the word', async () => {
		const {body: garden} = await demo.rest<Array<{id: number}>>('wp/v2/posts?search=garden&per_page=100&_fields=id');
		const {body: all} = await demo.rest<Array<{id: number; content: {protected: boolean}}>>('wp/v2/posts?per_page=100&_fields=id,content');
		const open = await runInProcess([demo.url, '--list', '--search', '"garden', '--per-page', '100']);
		assert.equal(open.code, 0);
		assert.match(open.stdout, new RegExp(`^Search: “"garden” · ${garden.length} posts\n`));
		const without = await runInProcess([demo.url, '--list', '--search', '-garden', '--format', 'json', '--per-page', '100']);
		assert.equal((await runInProcess([demo.url, '--list', '--search=-garden', '--format', 'json', '--per-page', '100'])).stdout, without.stdout);
		const list = JSON.parse(without.stdout) as ListJson;
		const withGarden = new Set(garden.map(post => post.id));
		// Every post but those with the word and the password-protected one (WordPress finds that for no visitor).
		assert.deepEqual(list.posts.map(post => post.id), all.filter(post => !withGarden.has(post.id) && !post.content.protected).map(post => post.id));
	});

	it('--ids prints a search’s or a tag’s page as one ID a line, as --list --ids does; --river --search refuses it', async () => {
		const {body: found} = await demo.rest<Array<{id: number}>>('wp/v2/posts?search=compost&per_page=3&page=2&_fields=id');
		const search = await runInProcess([demo.url, '--list', '--search', 'compost', '--ids', '--per-page', '3', '--page', '2']);
		assert.deepEqual([search.code, search.stdout, search.stderr], [0, found.map(post => `${post.id}\n`).join(''), '']);
		const tag = await runInProcess([demo.url, '--list', '--tag', 'tmux', '--ids']);
		const tagged = JSON.parse((await runInProcess([demo.url, '--list', '--tag', 'tmux', '--format', 'json'])).stdout) as ListJson;
		assert.ok(tagged.posts.length > 0);
		assert.equal(tag.stdout, tagged.posts.map(post => `${post.id}\n`).join(''));
		const river = await runInProcess(['--river', '--search', 'compost', '--ids']);
		assert.deepEqual([river.code, river.errorLines], [2, ['blogterm: --ids does not apply to --river --search: a post\'s ID is its blog\'s (--format json gives each post\'s blog and link).']]);
	});

	it('a search with no posts says “No posts match” and exits 0', async () => {
		const run = await runInProcess([demo.url, '--list', '--search', 'xylophone']);
		assert.deepEqual([run.code, run.stdout, run.errorLines], [0, 'No posts match “xylophone”.\n', []]);
	});

	it('--category and --tag take a slug or a name (case ignored) and list its posts, headed “Category: Name · N posts”', async () => {
		const {body: categories} = await demo.rest<Term[]>('wp/v2/categories?per_page=100');
		const category = categories.find(term => term.count > 1 && term.name !== term.slug)!;
		const byName = await runInProcess([demo.url, '--list', '--category', category.name.toUpperCase()]);
		assert.equal(byName.code, 0);
		assert.match(byName.stdout, new RegExp(`^Category: ${category.name} · ${category.count} posts\n`));
		const bySlug = await runInProcess([demo.url, '--list', '--category', category.slug, '--format', 'json', '--per-page', '100']);
		const list = JSON.parse(bySlug.stdout) as ListJson;
		assert.deepEqual(list.category, {id: category.id, name: category.name});
		const {body: expected} = await demo.rest<Array<{id: number}>>(`wp/v2/posts?categories=${category.id}&per_page=100&_fields=id`);
		assert.deepEqual(list.posts.map(post => post.id), expected.map(post => post.id));
		const {body: tags} = await demo.rest<Term[]>('wp/v2/tags?per_page=100&orderby=count&order=desc');
		const tag = tags[0]!;
		const tagged = await runInProcess([demo.url, '--list', '--tag', tag.slug]);
		assert.match(tagged.stdout, new RegExp(`^Tag: ${tag.name} · ${tag.count} posts?\n`));
	});

	it('--author NAME lists that author’s posts', async () => {
		const {body: users} = await demo.rest<Array<{id: number; name: string}>>('wp/v2/users');
		const user = users[0]!;
		const {headers} = await demo.rest<unknown[]>(`wp/v2/posts?author=${user.id}&_fields=id`);
		const run = await runInProcess([demo.url, '--list', '--author', user.name.toLowerCase()]);
		assert.equal(run.code, 0);
		assert.match(run.stdout, new RegExp(`^Author: ${user.name} · ${headers.get('x-wp-total')} posts\n`));
	});

	it('an unknown category, tag or author exits 3 with “No category “x” on HOST.”', async () => {
		const host = new URL(demo.url).host;
		for (const kind of ['category', 'tag', 'author'] as const) {
			const run = await runInProcess([demo.url, '--list', `--${kind}`, 'no-such-thing']);
			assert.deepEqual([run.code, run.stdout, run.errorLines], [3, '', [`blogterm: No ${kind} “no-such-thing” on ${host}.`]]);
		}
	});

	it('two filters at once, or an empty one, are usage errors', async () => {
		const both = await runInProcess([demo.url, '--list', '--search', 'a', '--tag', 'b']);
		assert.deepEqual([both.code, both.errorLines], [2, ['blogterm: --search and --tag cannot be used together: one at a time.']]);
		const empty = await runInProcess([demo.url, '--list', '--search', ' ']);
		assert.equal(empty.code, 2);
	});

	it('a feed blog is searched over the items it holds', async () => {
		const feedDemo = await startTestDemo({mode: 'feed-only'});
		try {
			const run = await runInProcess([feedDemo.url, '--list', '--search', 'compost', '--format', 'json', '--per-page', '100']);
			assert.equal(run.code, 0);
			const list = JSON.parse(run.stdout) as ListJson;
			assert.ok(list.total > 0);
			assert.ok(list.posts.every(post => post.title.length > 0));
		} finally {
			await feedDemo.stop();
		}
	});
});

describe('print mode: --river --search', () => {
	let home: string;
	let feed: FeedBlog;
	let wordpress: WordPressBlog;
	before(async () => {
		home = temporaryHome();
		feed = await startFeedBlog('Feed Blog', dailyPosts('Feed post', 3, '2024-05-10T10:00:00Z'));
		wordpress = await startWordPressBlog('Word \u001B[31mBlog', dailyPosts('Word post', 2, '2024-05-09T12:00:00Z'));
		for (const url of [feed.url, wordpress.url]) assert.equal((await runInProcess(['--follow', url], {home})).code, 0);
	});
	after(async () => {
		rmSync(home, {recursive: true, force: true});
		await Promise.all([feed.close(), wordpress.close()]);
	});

	it('finds stored posts across blogs, newest first among title matches, each with its blog; none says so', async () => {
		const text = await runInProcess(['--river', '--search', 'post'], {home});
		assert.equal(text.code, 0);
		assert.match(text.stdout, /^Search: “post” · 5 posts\n/);
		assert.deepEqual([...text.stdout.matchAll(/^● (.+)$/gm)].map(match => match[1]), ['Feed post 1', 'Word post 1', 'Feed post 2', 'Word post 2', 'Feed post 3']);
		assert.match(text.stdout, /Word Blog · /);
		assert.doesNotMatch(text.stdout, controlCharacters);
		const json = await runInProcess(['--river', '--search', 'word', '--format', 'json'], {home});
		const found = JSON.parse(json.stdout) as {search: string; total: number; posts: Array<{title: string; blog: {title: string}; inTitle: boolean}>};
		assert.deepEqual(found.posts.map(post => [post.title, post.blog.title, post.inTitle]), [['Word post 1', 'Word Blog', true], ['Word post 2', 'Word Blog', true]]);
		assert.equal(found.total, 2);
		const second = await runInProcess(['--river', '--search', 'post', '--per-page', '2', '--page', '2'], {home});
		assert.match(second.stdout, /^Search: “post” · 5 posts\nPage 2 of 3\n/);
		assert.equal(second.stdout, [
			'Search: “post” · 5 posts',
			'Page 2 of 3',
			'',
			'● Feed post 2',
			`    Feed Blog · May 9, 2024 · ID ${feed.url}?p=2`,
			`    ${feed.url}posts/2/`,
			'    Feed post 2 text.',
			'',
			'● Word post 2',
			'    Word Blog · May 8, 2024 · Ada · ID 2',
			`    ${wordpress.url}post-2/`,
			'    Word post 2 excerpt.',
			'',
		].join('\n'), 'each post as the river shows it, with the words around what matched');
		assert.deepEqual([...second.stdout.matchAll(/^● (.+)$/gm)].map(match => match[1]), ['Feed post 2', 'Word post 2']);
		const none = await runInProcess(['--river', '--search', 'xylophone'], {home});
		assert.deepEqual([none.code, none.stdout], [0, 'No posts match “xylophone”.\n']);
	});

	it('text wraps at 80 columns when piped, and at --width: a long title or byline is not one line', async () => {
		const longFeed = await startFeedBlog('A blog whose name goes on and on '.repeat(20), [{...dailyPosts('Long', 1, '2024-05-11T10:00:00Z')[0]!, title: `Longtitle ${'very long words in a title '.repeat(200)}`}]);
		try {
			assert.equal((await runInProcess(['--follow', longFeed.url], {home})).code, 0);
			const piped = await runInProcess(['--river', '--search', 'longtitle'], {home});
			assert.equal(piped.code, 0, piped.stderr);
			const lines = piped.stdout.split('\n');
			assert.ok(lines.length > 60, piped.stdout);
			for (const line of lines) assert.ok(line.length <= 80, `longer than 80: ${line.slice(0, 100)}…`);
			assert.match(piped.stdout, /^● Longtitle very long words/m);
			assert.match(piped.stdout, /^ {4}A blog whose name goes on/m);
			const narrow = await runInProcess(['--river', '--search', 'longtitle', '--width', '40'], {home});
			for (const line of narrow.stdout.split('\n')) assert.ok(line.length <= 40, line);
		} finally {
			await runInProcess(['--unfollow', longFeed.url], {home});
			await longFeed.close();
		}
	});

	it('--river takes --search only', async () => {
		const run = await runInProcess(['--river', '--category', 'x'], {home});
		assert.deepEqual([run.code, run.errorLines], [2, ['blogterm: --river takes --search; --category goes with a SITE\'s --list.']]);
	});
});

describe('print mode: a followed feed blog’s search covers its stored posts', () => {
	let home: string;
	let feed: FeedBlog;
	before(async () => {
		home = temporaryHome();
		feed = await startFeedBlog('Mulch Notes', [
			{id: 2, title: 'Leaf mould', date: '2024-05-02T10:00:00Z', html: '<p>A year of mulch from the leaves.</p>'},
			{id: 1, title: 'Wood chips', date: '2024-05-01T10:00:00Z', html: '<p>Chips make a slow mulch.</p>'},
		]);
		assert.equal((await runInProcess(['--follow', feed.url], {home})).code, 0);
		// The feed moves on: the first two posts are in the store only.
		feed.posts = [
			{id: 4, title: 'Straw', date: '2024-05-04T10:00:00Z', html: '<p>Straw is a mulch for strawberries.</p>'},
			{id: 3, title: 'Seed trays', date: '2024-05-03T10:00:00Z', html: '<p>Nothing to do with it.</p>'},
		];
	});
	after(async () => {
		rmSync(home, {recursive: true, force: true});
		await feed.close();
	});

	it('finds what the feed holds now and what the store kept of it, newest first, each once', async () => {
		const run = await runInProcess([feed.url, '--list', '--search', 'mulch', '--format', 'json'], {home});
		assert.equal(run.code, 0, run.stderr);
		const list = JSON.parse(run.stdout) as ListJson;
		assert.deepEqual(list.posts.map(post => post.title), ['Straw', 'Leaf mould', 'Wood chips']);
		assert.equal(list.total, 3);
		const text = await runInProcess([feed.url, '--list', '--search', 'slow mulch', '--width', '80'], {home});
		assert.match(text.stdout, /^Search: “slow mulch” · 1 post\n/);
		assert.match(text.stdout, /Wood chips/);
	});

	it('without a store (a blog not followed), only the feed is searched, and no store is made', async () => {
		const elsewhere = temporaryHome();
		try {
			const run = await runInProcess([feed.url, '--list', '--search', 'mulch', '--format', 'json'], {home: elsewhere});
			assert.deepEqual((JSON.parse(run.stdout) as ListJson).posts.map(post => post.title), ['Straw']);
			assert.equal(existsSync(join(elsewhere, 'data', 'blogterm.db')), false);
		} finally {
			rmSync(elsewhere, {recursive: true, force: true});
		}
	});
});
