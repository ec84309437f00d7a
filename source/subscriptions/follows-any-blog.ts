import {existsSync} from 'node:fs';
import {databasePath} from '../store/db-path.js';
import type {BlogtermPaths} from '../store/paths.js';
import type {StoredSubscriptions} from './stored-subscriptions.js';
import type {SubscriptionsOptions} from './subscriptions.js';

type StorePaths = Pick<BlogtermPaths, 'data' | 'config' | 'cache'>;

/**
 * Whether any blog is followed: what `blogterm` with no SITE asks to choose between the home screen
 * and the demo blog. With no database yet (most runs of a new user) it answers without loading SQLite.
 */
export async function followsAnyBlog(paths: StorePaths): Promise<boolean> {
	const subscriptions = await openIfFollowing(paths);
	subscriptions?.close();
	return subscriptions !== undefined;
}

/**
 * The store, open, when a blog is followed (the home screen then uses this connection: opening the
 * database again costs its first frame some 3 ms); undefined, and nothing left open, when none is.
 */
export async function openIfFollowing(paths: StorePaths, options: SubscriptionsOptions = {}): Promise<StoredSubscriptions | undefined> {
	if (!existsSync(databasePath(paths))) return undefined;
	const {openStoredSubscriptions} = await import('./stored-subscriptions.js');
	const subscriptions = openStoredSubscriptions(paths, options);
	if (subscriptions.hasFollowedBlogs()) return subscriptions;
	subscriptions.close();
	return undefined;
}
