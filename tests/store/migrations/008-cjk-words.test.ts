import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import Database from 'better-sqlite3';
import {databasePath, openDatabase, schemaVersion} from '../../../source/store/db.js';
import {initialSchema} from '../../../source/store/migrations/001-initial.js';
import {fullTextsSchema} from '../../../source/store/migrations/005-full-texts.js';
import {syncSchema} from '../../../source/store/migrations/006-sync.js';
import {starredIndexSchema} from '../../../source/store/migrations/007-starred-index.js';
import {countSearch, searchPosts} from '../../../source/store/posts-table.js';
import {makePrivateFolder} from '../../../source/store/settings-files.js';
import {ftsQueries} from '../../../source/subscriptions/search.js';

describe('migration 008: Chinese, Japanese and Korean text indexed by pairs of characters', () => {
	let home: string;
	const paths = () => ({config: join(home, 'config'), data: join(home, 'data')});
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'blogterm-008-'));
	});
	afterEach(() => rmSync(home, {recursive: true, force: true}));

	it('indexes the CJK of a version 7 database\'s posts: a word inside a run is found, by one, two or more characters', () => {
		makePrivateFolder(paths().data);
		const old = new Database(databasePath(paths()));
		old.exec(initialSchema);
		old.exec(fullTextsSchema);
		old.exec(syncSchema);
		old.exec(starredIndexSchema);
		old.prepare('INSERT INTO blogs (url, site_key, title, kind, added_at) VALUES (\'https://a.example/\', \'a.example\', \'A\', \'feed\', \'2026-01-01\')').run();
		const insert = old.prepare('INSERT INTO posts (blog_id, post_id, title, excerpt, sort_date, read, seen_at) VALUES (1, ?, ?, ?, ?, 0, \'2026-01-01\')');
		const index = old.prepare('INSERT INTO posts_text (rowid, title, text) VALUES (?, ?, ?)');
		const posts = [
			['Wide 日本語のタイトル', 'Body 中文的文章 and compost'],
			['Latin only', 'Compost and leeks'],
			['한국어 제목', '본문입니다'],
		];
		for (const [number, [title, text]] of posts.entries()) {
			const {lastInsertRowid} = insert.run(`p${number}`, title, text, `2026-01-0${number + 1}`);
			index.run(lastInsertRowid, title, text);
		}
		old.pragma('user_version = 7');
		old.close();

		const db = openDatabase(paths());
		try {
			assert.ok(schemaVersion(db) >= 8);
			assert.equal(db.prepare('SELECT count(*) FROM posts_cjk').pluck().get(), 2, 'a post with no CJK has no row');
			const found = (text: string) => searchPosts(db, ftsQueries(text)!, 10).map(hit => [hit.title, hit.inTitle]);
			assert.deepEqual(found('日本語'), [['Wide 日本語のタイトル', true]]);
			assert.deepEqual(found('タイトル'), [['Wide 日本語のタイトル', true]]);
			assert.deepEqual(found('日本'), [['Wide 日本語のタイトル', true]], 'two characters: fewer than a trigram');
			assert.deepEqual(found('文章'), [['Wide 日本語のタイトル', false]], 'in the text');
			assert.deepEqual(found('Wide 中文'), [['Wide 日本語のタイトル', false]], 'words and runs together');
			assert.deepEqual(found('제목'), [['한국어 제목', true]]);
			assert.deepEqual(found('日本人'), []);
			assert.deepEqual(found('compost'), [['Latin only', false], ['Wide 日本語のタイトル', false]]);
			assert.equal(countSearch(db, ftsQueries('日本')!), 1);
			assert.equal(countSearch(db, ftsQueries('compost')!), 2);
		} finally {
			db.close();
		}
	});
});
