import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import type {PostSummary} from '../../source/model/post.js';
import {formatShortDate} from '../../source/render/format-date.js';
import {insertBlog} from '../../source/store/blogs-table.js';
import {openDatabase} from '../../source/store/db.js';
import {riverPosts, upsertPosts} from '../../source/store/posts-table.js';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess, temporaryHome} from '../script/run-cli.js';

const summary = (id: number, date: string | undefined): PostSummary => ({
	id, title: `Post ${id}`, link: `https://nz.example/?p=${id}`, date, author: 'Ada', commentCount: 0, excerpt: '', categories: [], tags: [],
});

describe('the posts table keeps a post\'s date as the blog gave it', () => {
	let home: string;
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'blogterm-posts-table-'));
	});
	afterEach(() => rmSync(home, {recursive: true, force: true}));

	it('with the blog\'s offset, so the river shows the blog\'s date; sorted by the instant', () => {
		const db = openDatabase({config: join(home, 'config'), data: join(home, 'data')});
		try {
			const blog = {id: insertBlog(db, {url: 'https://nz.example/', siteKey: 'nz.example', title: 'NZ', kind: 'wordpress', feedUrl: '', apiUrl: '', htmlUrl: '', folder: '', addedAt: '2026-12-01T00:00:00.000Z'}), siteKey: 'nz.example'};
			// 00:45 on the 21st in Auckland is 11:45 on the 20th in UTC: older than noon UTC on the 20th.
			upsertPosts(db, blog, [summary(1, '2024-02-21T00:45:00.000+13:00'), summary(2, '2024-02-20T12:00:00.000Z'), summary(3, 'not a date'), summary(4, undefined)], '2026-12-01T00:00:00.000Z');
			const river = riverPosts(db, {unread: false, limit: 10, offset: 0});
			assert.deepEqual(river.map(post => [post.id, post.date]), [
				[4, undefined], [3, undefined], [2, '2024-02-20T12:00:00.000Z'], [1, '2024-02-21T00:45:00.000+13:00'],
			]);
			assert.equal(formatShortDate(river.find(post => post.id === 1)!.date), 'Feb 21, 2024', 'the date the blog shows');
			// A refresh that brings the same post again changes nothing; one from before this (kept in UTC) takes the offset.
			assert.deepEqual(upsertPosts(db, blog, [summary(1, '2024-02-21T00:45:00.000+13:00')], '2026-12-02T00:00:00.000Z'), {added: 0, changed: 0});
			db.prepare('UPDATE posts SET date = ? WHERE post_id = ?').run('2024-02-20T11:45:00.000Z', '1');
			assert.deepEqual(upsertPosts(db, blog, [summary(1, '2024-02-21T00:45:00.000+13:00')], '2026-12-02T00:00:00.000Z'), {added: 0, changed: 1});
			assert.equal(riverPosts(db, {unread: false, limit: 10, offset: 0}).at(-1)!.date, '2024-02-21T00:45:00.000+13:00');
		} finally {
			db.close();
		}
	});
});

describe('posts stored from a feed, read back', () => {
	let home: string;
	let server: FeedServer;
	beforeEach(async () => {
		home = temporaryHome();
		server = await startFeedServer();
	});
	afterEach(async () => {
		rmSync(home, {recursive: true, force: true});
		await server.close();
	});

	it('a post its blog gave no title is kept untitled: --river says "title": null and shows the start of its text, as the blog\'s own list does (a JSON Feed "title": true is no title)', async () => {
		server.route('/feed.json', {type: 'application/feed+json', body: JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Typed', items: [
			{id: '4', url: `${server.origin}/4`, title: true, content_html: '<p>Only its text</p>', date_published: '2025-09-04T10:00:00Z'},
			{id: '5', url: `${server.origin}/5`, title: 'A title', content_html: '<p>Text</p>', date_published: '2025-09-03T10:00:00Z'},
		]})});
		const run = async (args: readonly string[]) => runInProcess(args, {home});
		assert.equal((await run(['--follow', `${server.origin}/feed.json`])).code, 0);
		const river = JSON.parse((await run(['--river', '--format', 'json'])).stdout) as {posts: Array<{id: string; title: string | null}>};
		const list = JSON.parse((await run([`${server.origin}/feed.json`, '--list', '--format', 'json'])).stdout) as typeof river;
		assert.deepEqual(river.posts.map(post => [post.id, post.title]), [['4', null], ['5', 'A title']]);
		assert.deepEqual(list.posts.map(post => [post.id, post.title]), [['4', null], ['5', 'A title']], 'as the blog\'s own list says');
		const text = (await run(['--river', '--width', '80'])).stdout;
		assert.match(text, /^● Only its text$/m, 'the stand-in in the text');
	});

	it('searching stored posts in Chinese, Japanese and Korean: --river --search finds a word inside a run of CJK (日本語 in 日本語のタイトル), and a refresh keeps the index in step', async () => {
		const feed = (title: string) => JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Wide', items: [
			{id: '1', url: `${server.origin}/1`, title, content_text: '中文的文章', date_published: '2025-09-04T10:00:00Z'},
			{id: '2', url: `${server.origin}/2`, title: 'Latin only', content_text: 'Compost', date_published: '2025-09-03T10:00:00Z'},
		]});
		server.route('/feed.json', {type: 'application/feed+json', body: feed('Wide 日本語のタイトル')});
		const run = async (args: readonly string[]) => runInProcess(args, {home});
		const titles = async (text: string) => (JSON.parse((await run(['--river', '--search', text, '--format', 'json'])).stdout) as {posts: Array<{title: string}>}).posts.map(post => post.title);
		assert.equal((await run(['--follow', `${server.origin}/feed.json`])).code, 0);
		assert.deepEqual(await titles('日本語'), ['Wide 日本語のタイトル']);
		assert.deepEqual(await titles('タイトル'), ['Wide 日本語のタイトル']);
		assert.deepEqual(await titles('文章'), ['Wide 日本語のタイトル']);
		assert.match((await run(['--river', '--search', '日本語'])).stdout, /^Search: “日本語” · 1 post$/m);
		server.route('/feed.json', {type: 'application/feed+json', body: feed('Wide 한국어 제목')});
		assert.equal((await run(['--refresh'])).code, 0);
		assert.deepEqual(await titles('日本語'), [], 'the old title is no longer found');
		assert.deepEqual(await titles('제목'), ['Wide 한국어 제목']);
	});
});
