import assert from 'node:assert/strict';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {runInProcess} from './run-cli.js';

/*
`--fields` holds for every JSON document it applies to: a list page, `--all` as json and ndjson,
`--with-content` (its `text` and `html` are fields too), a search or a term's list, `-o` files; and is
refused (exit 2), not ignored, where the document is printed whole (--river, --blogs, --replies).
*/

let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

const keysOfPosts = (stdout: string) => (JSON.parse(stdout) as {posts: Array<Record<string, unknown>>}).posts.map(post => Object.keys(post));
const keysOfLines = (stdout: string) => stdout.trim().split('\n').map(line => Object.keys(JSON.parse(line) as object));

describe('--fields on lists', () => {
	test('--with-content: text and html are fields; naming one prints it alone, --with-content adds both', async () => {
		const text = await runInProcess([demo.url, '--all', '--limit', '2', '-f', 'ndjson', '--fields', 'id,text']);
		assert.equal(text.code, 0, text.stderr);
		assert.deepEqual(keysOfLines(text.stdout), [['id', 'text'], ['id', 'text']]);
		assert.match(String((JSON.parse(text.stdout.split('\n')[0]!) as {text: unknown}).text), /\w{3}/);
		const html = await runInProcess([demo.url, '--list', '--per-page', '2', '-f', 'json', '--fields', 'title,html']);
		assert.equal(html.code, 0, html.stderr);
		assert.deepEqual(keysOfPosts(html.stdout), [['title', 'html'], ['title', 'html']]);
		const both = await runInProcess([demo.url, '--all', '--limit', '1', '-f', 'json', '--with-content', '--fields', 'id']);
		assert.equal(both.code, 0, both.stderr);
		assert.deepEqual(keysOfPosts(both.stdout), [['id', 'text', 'html']]);
	});

	test('a search and a term\'s list keep only the keys asked for', async () => {
		const search = await runInProcess([demo.url, '--list', '--search', 'garden', '-f', 'json', '--fields', 'id,title']);
		assert.equal(search.code, 0, search.stderr);
		const posts = keysOfPosts(search.stdout);
		assert.ok(posts.length > 0);
		for (const keys of posts) assert.deepEqual(keys, ['id', 'title']);
		const category = await runInProcess([demo.url, '--list', '--category', 'tools', '-f', 'json', '--fields', 'link']);
		assert.equal(category.code, 0, category.stderr);
		const inCategory = keysOfPosts(category.stdout);
		assert.ok(inCategory.length > 0, 'the category has posts');
		for (const keys of inCategory) assert.deepEqual(keys, ['link']);
	});

	test('a search refuses what it does not do (--with-content, --all), exit 2', async () => {
		const run = await runInProcess([demo.url, '--list', '--search', 'garden', '-f', 'json', '--with-content']);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /--with-content does not apply to --search/);
	});

	test('-o json files keep the post keys asked for', async () => {
		const folder = await mkdtemp(join(tmpdir(), 'blogterm-fields-'));
		try {
			const run = await runInProcess([demo.url, '--all', '--limit', '2', '-o', join(folder, '{id}.json'), '--fields', 'id,title,commentCount']);
			assert.equal(run.code, 0, run.stderr);
			const files = await readdir(folder);
			assert.equal(files.length, 2);
			for (const file of files) assert.deepEqual(Object.keys(JSON.parse(await readFile(join(folder, file), 'utf8')) as object), ['schemaVersion', 'id', 'title', 'commentCount']);
		} finally {
			await rm(folder, {recursive: true, force: true});
		}
	});
});

test('--fields is refused where the JSON is printed whole: --river, --blogs, --replies, --river --search', async () => {
	for (const args of [['--river'], ['--blogs'], ['--replies'], ['--river', '--search', 'garden']]) {
		const run = await runInProcess([...args, '-f', 'json', '--fields', 'id']);
		assert.equal(run.code, 2, args.join(' '));
		assert.ok(run.stderr.includes(`"--fields does not apply to ${args.slice(0, 2).filter(arg => arg.startsWith('--')).join(' ')}`), `${args.join(' ')}: ${run.stderr}`);
	}
});
