/**
 * A refresh when a sync server is set: the store is filled from the server (ttrss-sync.ts) instead of
 * from each blog. Called by subscriptions (refresh) and print mode (--sync-status). Errors become a
 * refresh failure in words; the password and session are never in one.
 */
import type {Database} from 'better-sqlite3';
import type {HttpClient} from '../http/client.js';
import type {BlogtermPaths} from '../store/paths.js';
import {blogsWithCounts} from '../store/blogs-table.js';
import {writeTransaction} from '../store/db.js';
import {syncedFeeds, syncStateValue, setSyncStateValue} from '../store/sync-table.js';
import type {RefreshOptions, RefreshResult} from '../subscriptions/types.js';
import {isSyncError, SyncError} from './sync-error.js';
import {readSyncSettings, syncPassword, writeSyncSettings, passwordVariable, type SyncSettings} from './sync-settings.js';
import {createTtrssClient, type TtrssClient} from './ttrss/ttrss-client.js';
import {syncTtrss} from './ttrss/ttrss-sync.js';

export type SyncContext = {
	readonly paths: Pick<BlogtermPaths, 'config'>;
	readonly environment: NodeJS.ProcessEnv;
	readonly http: HttpClient;
	readonly now: () => string;
	/** Headlines per page (tests replay recorded pages of 4). */
	readonly pageSize?: number;
};

/** A client for the server set, keeping each new session in sync.json. */
export function clientFor(settings: SyncSettings, context: SyncContext, signal?: AbortSignal): TtrssClient {
	const password = syncPassword(settings, context.environment);
	if (password === undefined && settings.sessionId === undefined) {
		throw new SyncError('not-configured', `No TT-RSS password for ${settings.user}: set ${passwordVariable}, or run blogterm --sync tt-rss ${settings.url} --user ${settings.user} again.`);
	}
	let current = settings;
	return createTtrssClient({
		http: context.http,
		account: {url: settings.url, user: settings.user, password: password ?? '', ...(settings.sessionId ? {sessionId: settings.sessionId} : {})},
		signal,
		onSession(sessionId) {
			const {sessionId: _old, ...rest} = current;
			current = sessionId === undefined ? rest : {...rest, sessionId};
			writeSyncSettings(context.paths, current);
		},
	});
}

/** Syncs the store with the server set; undefined when none is set (the caller refreshes blogs itself). */
export async function refreshBySync(db: Database, context: SyncContext, options: RefreshOptions = {}): Promise<RefreshResult | undefined> {
	const settings = readSyncSettings(context.paths);
	if (!settings) return undefined;
	try {
		const client = clientFor(settings, context, options.signal);
		const report = await syncTtrss(db, client, {now: context.now, pageSize: context.pageSize, onProgress: options.onProgress});
		writeTransaction(db, () => setSyncStateValue(db, 'last_error', undefined));
		const refused = refusedBlogs(db);
		return {total: report.feeds, changed: report.added > 0 ? 1 : 0, unchanged: report.added > 0 ? report.feeds - 1 : report.feeds, failures: refused, newPosts: report.added};
	} catch (error) {
		const message = isSyncError(error) ? error.message : `something went wrong that blogterm did not expect: ${error instanceof Error ? error.message : String(error)}`;
		writeTransaction(db, () => setSyncStateValue(db, 'last_error', message));
		return {total: blogsWithCounts(db).length, changed: 0, unchanged: 0, failures: [{url: settings.url, title: 'TT-RSS', message}], newPosts: 0};
	}
}

/** Blogs followed here that the server refused to follow (its reason is their last error). */
function refusedBlogs(db: Database): RefreshResult['failures'] {
	const linked = new Set(syncedFeeds(db).values());
	return blogsWithCounts(db).filter(blog => !linked.has(blog.id) && blog.lastError !== undefined && syncStateValue(db, `refused:${blog.id}`) !== undefined)
		.map(blog => ({url: blog.url, title: blog.title, message: blog.lastError!}));
}
