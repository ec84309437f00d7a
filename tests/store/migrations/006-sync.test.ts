import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import Database from 'better-sqlite3';
import {databasePath, openDatabase, schemaVersion} from '../../../source/store/db.js';
import {initialSchema} from '../../../source/store/migrations/001-initial.js';
import {makePrivateFolder} from '../../../source/store/settings-files.js';
import {queuedChanges, queueChange, setStarred} from '../../../source/store/sync-table.js';

describe('migration 006: sync', () => {
	let home: string;
	const paths = () => ({config: join(home, 'config'), data: join(home, 'data')});
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'blogterm-006-'));
	});
	afterEach(() => rmSync(home, {recursive: true, force: true}));

	it('brings a database at version 1 to stars and a sync queue, keeping its blogs, posts and read state', () => {
		makePrivateFolder(paths().data);
		const old = new Database(databasePath(paths()));
		old.exec(initialSchema);
		old.prepare('INSERT INTO blogs (url, site_key, title, kind, added_at) VALUES (\'https://a.example/\', \'a.example\', \'A\', \'feed\', \'2026-01-01\')').run();
		old.prepare('INSERT INTO posts (blog_id, post_id, title, sort_date, read, seen_at) VALUES (1, \'p1\', \'Post\', \'2026-01-01\', 1, \'2026-01-01\')').run();
		old.pragma('user_version = 1');
		old.close();

		const db = openDatabase(paths());
		try {
			assert.ok(schemaVersion(db) >= 6);
			assert.deepEqual(db.prepare('SELECT title, read, starred FROM posts').get(), {title: 'Post', read: 1, starred: 0});
			// A post that came from no server is starred here and queues nothing.
			assert.equal(setStarred(db, 1, 'p1', true, '2026-12-02T00:00:00Z'), true);
			assert.deepEqual(queuedChanges(db), []);
			// One from a server queues each change once; undoing a change not yet sent queues nothing new.
			db.prepare('INSERT INTO sync_posts (post, server_id) VALUES (1, 42)').run();
			queueChange(db, 1, 'read', true, 'now');
			queueChange(db, 1, 'read', true, 'now');
			queueChange(db, 1, 'starred', true, 'now');
			assert.deepEqual(queuedChanges(db).map(change => [change.serverId, change.field, change.value]), [[42, 'read', true], [42, 'starred', true]]);
			queueChange(db, 1, 'starred', false, 'now');
			assert.deepEqual(queuedChanges(db).map(change => [change.serverId, change.field, change.value]), [[42, 'read', true]]);
		} finally {
			db.close();
		}
	});
});
