import type {Database} from 'better-sqlite3';
import {carryOverReadState} from './carry-over-read-state.js';
import {initialSchema} from './001-initial.js';
import {fullTextsSchema} from './005-full-texts.js';
import {syncSchema} from './006-sync.js';
import {starredIndexSchema} from './007-starred-index.js';
import {cjkWordsSchema, fillCjkWords} from './008-cjk-words.js';

/** What a migration may need besides the database: where today's files are (the read state to carry over). */
export type MigrationContext = {
	/** The config folder (read-state.json). */
	readonly configDir: string;
};

/** One step of the schema: the version it brings the database to (PRAGMA user_version), and how. */
export type Migration = {
	readonly version: number;
	readonly name: string;
	readonly up: (db: Database, context: MigrationContext) => void;
};

/** Every migration, in order. Never edit one that has shipped: add the next. */
export const migrations: readonly Migration[] = [
	{
		version: 1,
		name: 'initial schema, read state carried over',
		up(db, context) {
			db.exec(initialSchema);
			carryOverReadState(db, context.configDir);
		},
	},
	{
		version: 5,
		name: 'full texts: articles read from posts\' pages, and the blogs read so',
		up(db) {
			db.exec(fullTextsSchema);
		},
	},
	{
		version: 6,
		name: 'sync: stars, server IDs, what waits to be sent',
		up(db) {
			db.exec(syncSchema);
		},
	},
	{
		version: 7,
		name: 'an index of the starred posts',
		up(db) {
			db.exec(starredIndexSchema);
		},
	},
	{
		version: 8,
		name: 'Chinese, Japanese and Korean text indexed by pairs of characters, so a search finds a word inside a run',
		up(db) {
			db.exec(cjkWordsSchema);
			fillCjkWords(db);
		},
	},
];

/** The version a database is at when every migration has run. */
export const latestVersion = migrations.at(-1)!.version;
