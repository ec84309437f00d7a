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
import {riverCount, riverPosts} from '../../../source/store/posts-table.js';
import {makePrivateFolder} from '../../../source/store/settings-files.js';

/** The SQL the store's functions run, each with how SQLite means to answer it. */
function queryPlans(db: Database.Database, run: (spy: Database.Database) => void): string[] {
	const plans: string[] = [];
	const spy = new Proxy(db, {
		get(target, property) {
			if (property !== 'prepare') return Reflect.get(target, property) as unknown;
			return (sql: string) => {
				plans.push(target.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({limit: 500, offset: 0}).map(row => (row as {detail: string}).detail).join(' / '));
				return target.prepare(sql);
			};
		},
	});
	run(spy);
	return plans;
}

describe('migration 007: an index of the starred posts', () => {
	let home: string;
	const paths = () => ({config: join(home, 'config'), data: join(home, 'data')});
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'blogterm-007-'));
	});
	afterEach(() => rmSync(home, {recursive: true, force: true}));

	it('keeps a version 6 database\'s posts and stars, and the starred river and its count read only the starred posts', () => {
		makePrivateFolder(paths().data);
		const old = new Database(databasePath(paths()));
		old.exec(initialSchema);
		old.exec(fullTextsSchema);
		old.exec(syncSchema);
		old.prepare('INSERT INTO blogs (url, site_key, title, kind, added_at) VALUES (\'https://a.example/\', \'a.example\', \'A\', \'feed\', \'2026-01-01\')').run();
		const insert = old.prepare('INSERT INTO posts (blog_id, post_id, title, sort_date, read, starred, seen_at) VALUES (1, ?, ?, ?, 0, ?, \'2026-01-01\')');
		for (let index = 1; index <= 30; index++) insert.run(`p${index}`, `Post ${index}`, `2026-01-${String(index).padStart(2, '0')}`, index % 10 === 0 ? 1 : 0);
		old.pragma('user_version = 6');
		old.close();

		const db = openDatabase(paths());
		try {
			assert.ok(schemaVersion(db) >= 7);
			assert.equal(riverCount(db, {unread: false, starred: true}), 3);
			assert.deepEqual(riverPosts(db, {unread: false, starred: true, limit: 500, offset: 0}).map(post => post.title), ['Post 30', 'Post 20', 'Post 10']);
			// Without the index both scanned every stored post (100,000 posts: 25 ms to count none, 80 ms to list a few).
			const plans = queryPlans(db, spy => {
				riverCount(spy, {unread: false, starred: true});
				riverPosts(spy, {unread: false, starred: true, limit: 500, offset: 0});
			});
			assert.equal(plans.length, 2);
			for (const plan of plans) assert.match(plan, /SCAN p USING (?:COVERING )?INDEX posts_starred/);
		} finally {
			db.close();
		}
	});
});
