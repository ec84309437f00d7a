import {join} from 'node:path';
import type {BlogtermPaths} from './paths.js';

// Apart from db.ts, so that asking where the database is does not load SQLite.

/** The database's file name under the data folder. */
export const databaseFileName = 'blogterm.db';

/** Where the database of these paths is. */
export function databasePath(paths: Pick<BlogtermPaths, 'data'>): string {
	return join(paths.data, databaseFileName);
}
