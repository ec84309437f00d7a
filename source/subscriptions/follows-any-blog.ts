import {existsSync} from 'node:fs';
import {databasePath} from '../store/db-path.js';
import type {BlogtermPaths} from '../store/paths.js';
import type {StoredSubscriptions} from './stored-subscriptions.js';

/**
 * What `blogterm` with no SITE asks to choose between the home screen and the demo blog: the store,
 * open, when a blog is followed (the home screen then uses this connection: opening the database again
 * cost its first frame some 3 ms); undefined, and nothing left open, when none is. With no database yet
 * (most runs of a new user) it answers without loading SQLite.
 */
export async function openIfFollowing(paths: Pick<BlogtermPaths, 'data' | 'config' | 'cache'>): Promise<StoredSubscriptions | undefined> {
	if (!existsSync(databasePath(paths))) return undefined;
	const {openStoredSubscriptions} = await import('./stored-subscriptions.js');
	const subscriptions = openStoredSubscriptions(paths);
	if (subscriptions.hasFollowedBlogs()) return subscriptions;
	subscriptions.close();
	return undefined;
}
