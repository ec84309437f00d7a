import assert from 'node:assert/strict';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {controlCharacters, ensureBuilt, runCli, runInProcess, temporaryHome} from './run-cli.js';

type ListJson = {
	page: number;
	totalPages: number;
	total: number;
	totalIsExact: boolean;
	posts: Array<Record<string, unknown>>;
};

let demo: TestDemo;
let total: number;

before(async () => {
	ensureBuilt();
	demo = await startTestDemo();
	const {headers} = await demo.rest<unknown>('wp/v2/posts?per_page=1');
	total = Number(headers.get('x-wp-total'));
});

after(async () => {
	await demo.stop();
});

describe('blogterm SITE --list', () => {
	test('JSON: page, totalPages, total, totalIsExact, and posts with exactly the keys of the contract', async () => {
		const run = await runInProcess([demo.url, '--list', '--format', 'json']);
		assert.equal(run.code, 0);
		assert.equal(run.stderr, '');
		const list = JSON.parse(run.stdout) as ListJson;
		assert.deepEqual(Object.keys(list), ['schemaVersion', 'page', 'totalPages', 'total', 'totalIsExact', 'offline', 'posts']);
		assert.equal(list.totalIsExact, true, 'WordPress gives its totals');
		assert.equal(list.page, 1);
		assert.equal(list.total, total);
		assert.equal(list.totalPages, Math.ceil(total / 10));
		assert.equal(list.posts.length, 10);
		for (const post of list.posts) {
			assert.deepEqual(Object.keys(post), ['id', 'title', 'link', 'date', 'author', 'commentCount', 'excerpt', 'sticky']);
			assert.equal(post['sticky'], false, 'the demo has no sticky post');
			assert.match(String(post['date']), /^\d{4}-\d\d-\d\dT/);
			assert.equal(typeof post['commentCount'], 'number');
		}
		const dates = list.posts.map(post => String(post['date']));
		assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
	});

	test('--page and --per-page choose the page', async () => {
		const first = JSON.parse((await runInProcess([demo.url, '--list', '--per-page', '5', '--format', 'json'])).stdout) as ListJson;
		const second = JSON.parse((await runInProcess([demo.url, '--list', '--page', '2', '--per-page', '5', '--format', 'json'])).stdout) as ListJson;
		assert.equal(second.page, 2);
		assert.equal(second.totalPages, Math.ceil(total / 5));
		assert.equal(second.posts.length, 5);
		const firstIds = new Set(first.posts.map(post => post['id']));
		assert.ok(second.posts.every(post => !firstIds.has(post['id'])));
	});

	test('a page past the end is an empty page, not an error', async () => {
		const run = await runInProcess([demo.url, '--list', '--page', '99', '--format', 'json']);
		assert.equal(run.code, 0);
		const list = JSON.parse(run.stdout) as ListJson;
		assert.deepEqual(list.posts, []);
		assert.equal(list.total, total);
	});

	test('a page past the end printed as lines (piped, --ids) says so on stderr, exit 0; JSON says it in its data alone', async () => {
		const pages = Math.ceil(total / 10);
		for (const args of [['--list', '--page', '99'], ['--list', '--page', '99', '--ids'], ['--limit', '5', '--page', '99']]) {
			const run = await runInProcess([demo.url, ...args]);
			assert.equal(run.code, 0, run.stderr);
			assert.equal(run.stdout, '');
			assert.deepEqual(run.errorLines, [`blogterm: Page 99 of ${args[0] === '--limit' ? 1 : pages}: no posts.`], args.join(' '));
		}
		const json = await runInProcess([demo.url, '--list', '--page', '99', '--format', 'json']);
		assert.equal(json.stderr, '');
		const last = await runInProcess([demo.url, '--list', '--page', String(pages)]);
		assert.equal(last.stderr, '', 'the last page has posts');
	});

	test('text (--width, or a terminal): the page line, then each post\'s title, date, author, comments, ID and link', async () => {
		const run = await runInProcess([demo.url, '--list', '--width', '80']);
		assert.equal(run.code, 0);
		const lines = run.stdout.split('\n');
		assert.equal(lines[0], `Page 1 of ${Math.ceil(total / 10)} · ${total} posts`);
		assert.equal(lines[1], '');
		assert.ok(lines[2]!.length > 0 && !lines[2]!.startsWith(' '), 'a title');
		assert.match(lines[3]!, /^ {4}\w+ \d+, \d{4} · .+ · \d+ comments? · ID \d+$/);
		// The link whole on its own line, not indented, so a mouse selection copies it and nothing else.
		assert.match(lines[4]!, /^http:\/\/127\.0\.0\.1:\d+\/\S+$/);
		assert.doesNotMatch(run.stdout, controlCharacters);
	});

	test('text at --width 30: each link is written whole on a line of its own, never cut or indented', async () => {
		const run = await runInProcess([demo.url, '--list', '--format', 'json']);
		const links = (JSON.parse(run.stdout) as ListJson).posts.map(post => String(post['link']));
		const text = await runInProcess([demo.url, '--list', '--width', '30']);
		const lines = text.stdout.split('\n');
		assert.ok(links.every(link => link.length > 30));
		for (const link of links) assert.ok(lines.includes(link), `${link} is a line of its own`);
	});

	test('with neither --post nor --list, a pipe gets the list, one post a line: ID<TAB>DATE<TAB>TITLE<TAB>URL', async () => {
		const run = await runInProcess([demo.url]);
		assert.equal(run.code, 0);
		const lines = run.stdout.trimEnd().split('\n');
		assert.equal(lines.length, 10);
		for (const line of lines) assert.match(line, /^\d+\t\d{4}-\d\d-\d\dT[^\t]+\t[^\t]+\thttp:\/\/127\.0\.0\.1:\d+\/\S+$/);
	});

	test('without SITE, prints the built-in demo blog (started and stopped by blogterm)', async () => {
		// The built CLI: the process ends by itself, so the demo it started was stopped.
		const run = await runCli(['--list', '--format', 'json'], {home: temporaryHome()});
		assert.equal(run.code, 0, run.stderr);
		const list = JSON.parse(run.stdout) as ListJson;
		assert.equal(list.total, total);
		assert.match(String(list.posts[0]!['link']), /^http:\/\/127\.0\.0\.1:\d+\//);
	});

	test('the built-in demo blog is not cached (it is on this machine); a blog named by SITE is', async () => {
		const demoHome = temporaryHome();
		assert.equal((await runInProcess(['--list', '--format', 'json'], {home: demoHome})).code, 0);
		assert.equal(existsSync(join(demoHome, 'cache', 'http')), false, 'nothing kept for the demo');
		const siteHome = temporaryHome();
		assert.equal((await runInProcess([demo.url, '--list', '--format', 'json'], {home: siteHome})).code, 0);
		assert.ok(readdirSync(join(siteHome, 'cache', 'http')).length > 0, 'the answers of a blog read are kept');
	});
});
