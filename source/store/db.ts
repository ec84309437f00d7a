import {closeSync, existsSync, openSync} from 'node:fs';
import Database from 'better-sqlite3';
import {databasePath} from './db-path.js';
import {latestVersion, migrations, type MigrationContext} from './migrations/index.js';
import type {BlogtermPaths} from './paths.js';
import {keepPrivate, makePrivateFolder, privateFileMode} from './settings-files.js';

export type {Database} from 'better-sqlite3';

export {databaseFileName, databasePath} from './db-path.js';

/** How long a writer waits for another process's write to finish before giving up (SQLITE_BUSY). */
export const busyTimeoutMs = 10_000;

/**
 * Opens (creating when missing) the store's database and brings its schema up to date. WAL, so a
 * reader open while a script runs `--refresh` reads on while it writes; one writer at a time, each
 * waiting up to `busyTimeoutMs` for the other. The file and its folder are the user's alone.
 */
export function openDatabase(paths: Pick<BlogtermPaths, 'data' | 'config'>): Database.Database {
	makePrivateFolder(paths.data);
	const path = databasePath(paths);
	// Made 0600 before SQLite creates it (as the umask says); its -wal and -shm files take its mode.
	// Only when it is missing: closing a descriptor of the file drops every lock this process holds on it
	// (POSIX locks belong to the process, not the descriptor), so opening and closing it while another
	// connection of this process had it open (the home screen opens two) left that connection without
	// its lock, and another process could take the database for itself and remove the log in use here.
	if (!existsSync(path)) createPrivate(path);
	keepPrivate(path, privateFileMode);
	const db = new Database(path, {timeout: busyTimeoutMs});
	try {
		whileBusy(() => {
			db.pragma('journal_mode = WAL');
			db.pragma('synchronous = NORMAL');
			db.pragma('foreign_keys = ON');
			migrate(db, {configDir: paths.config});
		});
	} catch (error) {
		db.close();
		throw error;
	}
	return db;
}

/** Creates an empty file, 0600; one that another process made meanwhile is left as it is. */
function createPrivate(path: string): void {
	try {
		closeSync(openSync(path, 'wx', privateFileMode));
	} catch (error) {
		if ((error as {code?: unknown}).code !== 'EEXIST') throw error;
	}
}

/**
 * Runs `work` again while SQLite answers SQLITE_BUSY without having waited: the busy timeout covers
 * waiting for another writer, but not every moment of two processes creating the same database (one
 * switching it to WAL or recovering the WAL index while the other opens it). Up to `busyTimeoutMs`.
 */
function whileBusy(work: () => void): void {
	const deadline = Date.now() + busyTimeoutMs;
	for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
		try {
			work();
			return;
		} catch (error) {
			const code = (error as {code?: unknown}).code;
			if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() + pause > deadline) throw error;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
		}
	}
}

/** The schema version a database is at (PRAGMA user_version: 0 for a new file). */
export function schemaVersion(db: Database.Database): number {
	return db.pragma('user_version', {simple: true}) as number;
}

/**
 * Runs the migrations a database has not had, each in its own write transaction; another process
 * migrating at the same time waits, then finds the work done.
 */
export function migrate(db: Database.Database, context: MigrationContext): void {
	if (schemaVersion(db) >= latestVersion) return;
	for (const migration of migrations) {
		writeTransaction(db, () => {
			if (schemaVersion(db) >= migration.version) return;
			migration.up(db, context);
			db.pragma(`user_version = ${migration.version}`);
		});
	}
}

/** Runs `work` as one write transaction (BEGIN IMMEDIATE: the write lock is taken first, so it never fails halfway for a lock). */
export function writeTransaction<T>(db: Database.Database, work: () => T): T {
	return db.transaction(work).immediate();
}
