import {existsSync} from 'node:fs';
import {databasePath} from '../store/db-path.js';
import type {BlogtermPaths} from '../store/paths.js';

/**
 * Whether any blog is followed: what `blogterm` with no SITE asks to choose between the home screen
 * and the demo blog. With no database yet (most runs of a new user) it answers without loading SQLite.
 */
export async function followsAnyBlog(paths: Pick<BlogtermPaths, 'data' | 'config' | 'cache'>): Promise<boolean> {
	if (!existsSync(databasePath(paths))) return false;
	const {hasFollowedBlogs} = await import('./stored-subscriptions.js');
	return hasFollowedBlogs(paths);
}
