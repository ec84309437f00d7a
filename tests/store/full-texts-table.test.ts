import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import Database from 'better-sqlite3';
import {databasePath, openDatabase, schemaVersion} from '../../source/store/db.js';
import {initialSchema} from '../../source/store/migrations/001-initial.js';
import {latestVersion} from '../../source/store/migrations/index.js';
import {storeFullTexts} from '../../source/store/full-texts-table.js';
import {makePrivateFolder} from '../../source/store/settings-files.js';

const article = {url: 'https://plot.example/2026/11/leave/', title: 'What to leave in the ground', html: '<p>Every autumn…</p>'};

describe('full texts in the store (migration 005)', () => {
	let home: string;
	let paths: {config: string; data: string};
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'blogterm-full-texts-'));
		paths = {config: join(home, 'config'), data: join(home, 'data')};
	});
	afterEach(() => rmSync(home, {recursive: true, force: true}));

	it('a database at version 1 is brought up to date (full texts: migration 005), its posts as they were', () => {
		makePrivateFolder(paths.data);
		const old = new Database(databasePath(paths));
		old.exec(initialSchema);
		old.prepare('INSERT INTO blogs (url, site_key, title, kind, added_at) VALUES (\'https://plot.example/\', \'plot.example\', \'Plot Notes\', \'feed\', \'2026-01-01\')').run();
		old.pragma('user_version = 1');
		old.close();
		const db = openDatabase(paths);
		try {
			assert.equal(schemaVersion(db), latestVersion);
			assert.equal(db.prepare('SELECT title FROM blogs').pluck().get(), 'Plot Notes');
			const store = storeFullTexts(db);
			assert.equal(store.article('plot.example', 42), undefined);
			store.keep('plot.example', 42, article);
			assert.deepEqual(store.article('plot.example', 42), article);
			assert.deepEqual(store.article('plot.example', '42'), article, 'an ID is an ID, number or string');
			assert.equal(store.article('other.example', 42), undefined, 'per site');
		} finally {
			db.close();
		}
	});

	it('keeps an article and the per-blog setting across runs; a new article replaces the old', () => {
		const first = openDatabase(paths);
		const store = storeFullTexts(first);
		store.keep('plot.example', 'tag:plot.example,2026:42', article);
		store.keep('plot.example', 'tag:plot.example,2026:42', {...article, html: '<p>Every autumn, again…</p>'});
		assert.equal(store.isAutomatic('plot.example'), false);
		store.setAutomatic('plot.example', true);
		store.setAutomatic('plot.example', true);
		first.close();
		const again = openDatabase(paths);
		try {
			const reopened = storeFullTexts(again);
			assert.equal(reopened.article('plot.example', 'tag:plot.example,2026:42')?.html, '<p>Every autumn, again…</p>');
			assert.equal(reopened.isAutomatic('plot.example'), true);
			reopened.setAutomatic('plot.example', false);
			assert.equal(reopened.isAutomatic('plot.example'), false);
		} finally {
			again.close();
		}
	});
});
