import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {after, afterEach, before, beforeEach, describe, it} from 'node:test';
import {databasePath, openDatabase, schemaVersion} from '../../source/store/db.js';
import {latestVersion} from '../../source/store/migrations/index.js';
import {ReadState} from '../../source/store/read-state.js';
import {openIfFollowing} from '../../source/subscriptions/follows-any-blog.js';
import {openSubscriptions} from '../../source/subscriptions/subscriptions.js';
import {dailyPosts, startFeedBlog, type FeedBlog} from '../subscriptions/blog-servers.js';
import {makeTestStore, type TestStore} from '../subscriptions/store-helper.js';
import {compiledChild} from '../helpers/child-script.js';
import {waitUntil} from '../helpers/poll.js';

const repoRoot = resolve(import.meta.dirname, '../..');

function pathsIn(home: string) {
	return {config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache')};
}

describe('the database', () => {
	let home: string;
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'blogterm-db-'));
	});
	afterEach(() => rmSync(home, {recursive: true, force: true}));

	it('is created from nothing at the latest schema, the user\'s alone', async () => {
		const paths = pathsIn(home);
		assert.equal(await openIfFollowing(paths), undefined, 'no blog followed');
		assert.equal(existsSync(databasePath(paths)), false, 'asking made no database');
		const db = openDatabase(paths);
		try {
			assert.equal(schemaVersion(db), latestVersion);
			assert.equal(db.pragma('journal_mode', {simple: true}), 'wal');
			const tables = db.prepare('SELECT name FROM sqlite_master WHERE type = \'table\' ORDER BY name').pluck().all() as string[];
			for (const table of ['blogs', 'posts', 'posts_text', 'read_marks']) assert.ok(tables.includes(table), `${table} exists`);
			db.prepare('INSERT INTO posts_text (rowid, title, text) VALUES (1, \'Crème brûlée\', \'a recipe\')').run();
			assert.equal(db.prepare('SELECT count(*) FROM posts_text WHERE posts_text MATCH \'creme\'').pluck().get(), 1, 'FTS5, diacritics folded');
			for (const suffix of ['-wal', '-shm']) assert.equal(statSync(`${databasePath(paths)}${suffix}`).mode & 0o777, 0o600, `its ${suffix} file too`);
		} finally {
			db.close();
		}
		assert.equal(statSync(databasePath(paths)).mode & 0o777, 0o600);
		assert.equal(statSync(paths.data).mode & 0o777, 0o700);
	});

	it('opens again without migrating again, keeping what it holds', async () => {
		const paths = pathsIn(home);
		const first = openSubscriptions(paths);
		first.importOpml('<opml version="2.0"><body><outline text="Kept" xmlUrl="https://kept.example/feed"/></body></opml>');
		first.close();
		// What `blogterm` asks to choose the home screen: the store, open, which the home screen then uses.
		const again = await openIfFollowing(paths);
		assert.deepEqual(again?.listBlogs().map(blog => blog.title), ['Kept']);
		again?.close();
	});

	it('leaves a database from a newer blogterm as it is', () => {
		const paths = pathsIn(home);
		const db = openDatabase(paths);
		db.pragma(`user_version = ${latestVersion + 1}`);
		db.close();
		const again = openDatabase(paths);
		assert.equal(schemaVersion(again), latestVersion + 1, 'left as it was');
		again.close();
	});
});

describe('the read state kept before the database', () => {
	let store: TestStore;
	let feed: FeedBlog;
	before(async () => {
		store = makeTestStore();
		feed = await startFeedBlog('Feed Blog', dailyPosts('Post', 3, '2024-05-10T10:00:00Z'));
	});
	after(async () => {
		store.remove();
		await feed.close();
	});

	it('is carried over on first start: a post read before is read when its blog is followed', async () => {
		const siteKey = new URL(feed.url).host;
		new ReadState(store.paths.config).markRead(siteKey, `${feed.url}?p=2`);
		const subscriptions = store.open();
		const blog = await subscriptions.follow(feed.url);
		assert.deepEqual([blog.unread, blog.total], [2, 3]);
		assert.deepEqual(subscriptions.river().posts.map(post => [post.title, post.read]), [['Post 1', false], ['Post 2', true], ['Post 3', false]]);
		assert.ok(subscriptions.readIds(siteKey).has(`${feed.url}?p=2`));
	});

	it('a read state that cannot be read carries nothing over and stops nothing', () => {
		const home = mkdtempSync(join(tmpdir(), 'blogterm-db-'));
		try {
			const paths = pathsIn(home);
			new ReadState(paths.config).markRead('x.example', 1);
			writeFileSync(join(paths.config, 'read-state.json'), '{"sites": {"x.example": [1, ');
			const subscriptions = openSubscriptions(paths);
			assert.deepEqual([...subscriptions.readIds('x.example')], []);
			subscriptions.close();
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});
});

describe('another process beside one that has the store open twice', () => {
	it('cannot take the database for itself: what both wrote is kept, the file whole', async () => {
		const home = mkdtempSync(join(tmpdir(), 'blogterm-db-'));
		try {
			const paths = pathsIn(home);
			const path = databasePath(paths);
			// As the home screen: the store, then a second connection (full texts) while the first is open.
			const first = openDatabase(paths);
			const second = openDatabase(paths);
			first.exec('CREATE TABLE notes (text TEXT)');
			first.prepare('INSERT INTO notes VALUES (?)').run('before');
			// Another process asks for the database alone (SQLite's exclusive locking, which keeps no shared
			// index and removes the log as it ends): refused while this process holds its lock.
			const other = `const db = new (require('better-sqlite3'))(${JSON.stringify(path)}, {timeout: 100});
try { db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); db.exec("INSERT INTO notes VALUES ('other')"); db.exec('COMMIT'); console.log('took it'); }
catch (error) { console.log(error.code); } finally { db.close(); }`;
			const child = spawn(process.execPath, ['-e', other], {cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe']});
			let output = '';
			child.stdout.on('data', chunk => output += String(chunk));
			child.stderr.on('data', chunk => output += String(chunk));
			await new Promise(resolve_ => child.on('close', resolve_));
			assert.equal(output.trim(), 'SQLITE_BUSY');
			assert.ok(existsSync(`${path}-wal`), 'the log this process writes to is still there');
			first.prepare('INSERT INTO notes VALUES (?)').run('after');
			second.close();
			first.close();
			const again = openDatabase(paths);
			try {
				assert.equal(again.pragma('integrity_check', {simple: true}), 'ok');
				assert.deepEqual(again.prepare('SELECT text FROM notes ORDER BY rowid').pluck().all(), ['before', 'after']);
			} finally {
				again.close();
			}
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});
});

describe('two processes writing at once', () => {
	let home: string;
	before(() => {
		home = mkdtempSync(join(tmpdir(), 'blogterm-db-'));
	});
	after(() => rmSync(home, {recursive: true, force: true}));

	let child: string;
	before(async () => {
		child = await compiledChild(resolve(import.meta.dirname, 'db-writer-child.ts'));
	});
	after(() => rmSync(dirname(child), {recursive: true, force: true}));
	/** A writer process, started; `go` lets it open the store and write, `done` is how it ended. */
	function writer(prefix: string, count: number) {
		const process_ = spawn(process.execPath, [child, prefix, String(count)], {env: {...process.env, BLOGTERM_HOME: home}});
		let stdout = '';
		let stderr = '';
		process_.stdout.on('data', chunk => stdout += String(chunk));
		process_.stderr.on('data', chunk => stderr += String(chunk));
		const done = new Promise<{code: number | null; stdout: string; stderr: string}>((resolve_, fail) => {
			process_.on('error', fail);
			process_.on('close', code => resolve_({code, stdout, stderr}));
		});
		return {
			ready: async () => waitUntil(() => stdout, text => text.startsWith('ready\n'), `${prefix} ready`, 30_000),
			go: () => process_.stdin.write('go\n'),
			done,
		};
	}

	it('lose nothing and never fail for a lock, from an empty store', async () => {
		const writers = [writer('a', 100), writer('b', 100)];
		// Both loaded before either starts: they create the database and write at the same time.
		await Promise.all(writers.map(async one => one.ready()));
		for (const one of writers) one.go();
		const [first, second] = await Promise.all([writers[0]!.done, writers[1]!.done]);
		assert.deepEqual([first.code, first.stderr, first.stdout], [0, '', 'ready\n100\n']);
		assert.deepEqual([second.code, second.stderr, second.stdout], [0, '', 'ready\n100\n']);
		const subscriptions = openSubscriptions(pathsIn(home));
		try {
			assert.equal(subscriptions.listBlogs().length, 200);
			assert.deepEqual([...subscriptions.readIds('a99.example/feed'), ...subscriptions.readIds('b0.example/feed')], ['99', '0']);
		} finally {
			subscriptions.close();
		}
	});
});
