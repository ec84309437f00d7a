import type {Database, Statement as BetterStatement} from 'better-sqlite3';
import type {PostId} from '../model/post.js';
import {upsertPosts, type IncomingPost} from './posts-table.js';

/*
The store's side of sync (migration 006): which blog is which server feed, which post which server
article, stars, and the read marks and stars waiting to be sent. Run the writes inside a write transaction.
*/

export type QueuedChange = {readonly id: number; readonly serverId: number; readonly field: 'read' | 'starred'; readonly value: boolean};

/** Server feed ID → blog ID, for every blog the server gave. */
export function syncedFeeds(db: Database): Map<number, number> {
	const rows = db.prepare('SELECT server_id AS serverId, blog_id AS blogId FROM sync_feeds').all() as Array<{serverId: number; blogId: number}>;
	return new Map(rows.map(row => [row.serverId, row.blogId]));
}

export function linkFeed(db: Database, blogId: number, serverId: number): void {
	db.prepare('DELETE FROM sync_feeds WHERE server_id = ? AND blog_id <> ?').run(serverId, blogId);
	db.prepare('INSERT OR REPLACE INTO sync_feeds (blog_id, server_id) VALUES (?, ?)').run(blogId, serverId);
}

/** The server's ID for a blog, or undefined when the server did not give it. */
export function serverFeedId(db: Database, blogId: number): number | undefined {
	return db.prepare('SELECT server_id FROM sync_feeds WHERE blog_id = ?').pluck().get(blogId) as number | undefined;
}

/** A post from the server, with its server ID and the state the server has for it. */
export type ServerPost = IncomingPost & {readonly serverId: number; readonly read: boolean; readonly starred: boolean};

/**
 * Stores posts a sync brought into one blog, each linked to its server ID, read and starred as the server
 * says (but for what the user changed here and has not sent yet: the queue is sent before a sync reads).
 */
export function upsertServerPosts(db: Database, blog: {readonly id: number; readonly siteKey: string}, posts: readonly ServerPost[], now: string): {added: number} {
	const {added} = upsertPosts(db, blog, posts, now);
	const statements = prepared(db);
	for (const post of posts) {
		const rowId = statements.rowOf.get(blog.id, String(post.id)) as number;
		statements.unlink.run(post.serverId, rowId);
		statements.link.run(rowId, post.serverId);
		setReadByRow(db, rowId, post.read);
		statements.star.run(post.starred ? 1 : 0, rowId, post.starred ? 1 : 0);
	}
	return {added};
}

type Statements = {rowOf: Statement; link: Statement; unlink: Statement; star: Statement; read: Statement; count: Statement};
type Statement = BetterStatement<unknown[]>;
const statementsOf = new WeakMap<Database, Statements>();

/** The statements a sync runs per post, prepared once per database (tens of thousands of posts a sync). */
function prepared(db: Database): Statements {
	let statements = statementsOf.get(db);
	if (!statements) {
		statements = {
			rowOf: db.prepare('SELECT id FROM posts WHERE blog_id = ? AND post_id = ?').pluck(),
			link: db.prepare('INSERT OR REPLACE INTO sync_posts (post, server_id) VALUES (?, ?)'),
			unlink: db.prepare('DELETE FROM sync_posts WHERE server_id = ? AND post <> ?'),
			star: db.prepare('UPDATE posts SET starred = ? WHERE id = ? AND starred <> ?'),
			read: db.prepare('UPDATE posts SET read = ? WHERE id = ? AND read <> ? RETURNING blog_id AS blogId'),
			count: db.prepare('UPDATE blogs SET unread_count = unread_count + ? WHERE id = ?'),
		};
		statementsOf.set(db, statements);
	}
	return statements;
}

function setReadByRow(db: Database, rowId: number, read: boolean): boolean {
	const statements = prepared(db);
	const row = statements.read.get(read ? 1 : 0, rowId, read ? 1 : 0) as {blogId: number} | undefined;
	if (row) statements.count.run(read ? -1 : 1, row.blogId);
	return row !== undefined;
}

/** Server IDs of a blog's synced posts that are unread here. */
export function unreadServerIds(db: Database, blogId: number): number[] {
	return db.prepare('SELECT s.server_id FROM sync_posts s JOIN posts p ON p.id = s.post WHERE p.blog_id = ? AND p.read = 0').pluck().all(blogId) as number[];
}

/** Sets read (or unread) on the synced posts with these server IDs; returns how many changed. */
export function setReadByServerIds(db: Database, serverIds: Iterable<number>, read: boolean): number {
	const rowOf = db.prepare('SELECT post FROM sync_posts WHERE server_id = ?').pluck();
	let changed = 0;
	for (const serverId of serverIds) {
		const rowId = rowOf.get(serverId) as number | undefined;
		if (rowId !== undefined && setReadByRow(db, rowId, read)) changed++;
	}
	return changed;
}

/** Makes exactly these server IDs the starred ones (what the server's Starred feed holds). */
export function setStarredServerIds(db: Database, serverIds: ReadonlySet<number>): void {
	const starred = db.prepare('SELECT s.server_id FROM sync_posts s JOIN posts p ON p.id = s.post WHERE p.starred = 1').pluck().all() as number[];
	const set = db.prepare('UPDATE posts SET starred = ? WHERE id = (SELECT post FROM sync_posts WHERE server_id = ?)');
	for (const id of starred) if (!serverIds.has(id)) set.run(0, id);
	for (const id of serverIds) set.run(1, id);
}

/** Whether a post is starred. */
export function isStarred(db: Database, blogId: number, postId: PostId): boolean {
	return db.prepare('SELECT starred FROM posts WHERE blog_id = ? AND post_id = ?').pluck().get(blogId, String(postId)) === 1;
}

/** Stars or unstars a stored post; false when it is not stored. Queues the change when the post came from a server. */
export function setStarred(db: Database, blogId: number, postId: PostId, starred: boolean, now: string): boolean {
	const row = db.prepare('UPDATE posts SET starred = ? WHERE blog_id = ? AND post_id = ? RETURNING id').get(starred ? 1 : 0, blogId, String(postId)) as {id: number} | undefined;
	if (!row) return false;
	queueChange(db, row.id, 'starred', starred, now);
	return true;
}

/** The post IDs starred in a blog (the lists' star sign). */
export function starredPostIds(db: Database, blogId: number): Set<string> {
	return new Set(db.prepare('SELECT post_id FROM posts WHERE blog_id = ? AND starred = 1').pluck().all(blogId) as string[]);
}

/**
 * Queues a change to a post for the server, when the post came from one (else nothing). A change that
 * undoes the one waiting before it for the same post and field cancels it: nothing is sent twice.
 */
export function queueChange(db: Database, rowId: number, field: 'read' | 'starred', value: boolean, now: string): void {
	const serverId = db.prepare('SELECT server_id FROM sync_posts WHERE post = ?').pluck().get(rowId) as number | undefined;
	if (serverId === undefined) return;
	const last = db.prepare('SELECT id, value FROM sync_queue WHERE server_id = ? AND field = ? ORDER BY id DESC LIMIT 1').get(serverId, field) as {id: number; value: number} | undefined;
	if (last && last.value === (value ? 1 : 0)) return;
	if (last) {
		// Undone before it was sent: the server still has what it had.
		db.prepare('DELETE FROM sync_queue WHERE id = ?').run(last.id);
		return;
	}
	db.prepare('INSERT INTO sync_queue (server_id, field, value, queued_at) VALUES (?, ?, ?, ?)').run(serverId, field, value ? 1 : 0, now);
}

/** Queues the read state of every synced post of a blog (or of all) that is read here: after "mark all read". */
export function queueReadOfPosts(db: Database, postRowIds: readonly number[], now: string): void {
	for (const rowId of postRowIds) queueChange(db, rowId, 'read', true, now);
}

/** What waits to be sent, oldest first. */
export function queuedChanges(db: Database): QueuedChange[] {
	const rows = db.prepare('SELECT id, server_id AS serverId, field, value FROM sync_queue ORDER BY id').all() as Array<{id: number; serverId: number; field: 'read' | 'starred'; value: number}>;
	return rows.map(row => ({...row, value: row.value === 1}));
}

export function queuedCount(db: Database): {read: number; starred: number} {
	const rows = db.prepare('SELECT field, count(*) AS count FROM sync_queue GROUP BY field').all() as Array<{field: string; count: number}>;
	return {read: rows.find(row => row.field === 'read')?.count ?? 0, starred: rows.find(row => row.field === 'starred')?.count ?? 0};
}

/** Forgets changes the server has taken. */
export function dropQueued(db: Database, ids: readonly number[]): void {
	const drop = db.prepare('DELETE FROM sync_queue WHERE id = ?');
	for (const id of ids) drop.run(id);
}

export function syncStateValue(db: Database, key: string): string | undefined {
	return db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined;
}

export function setSyncStateValue(db: Database, key: string, value: string | undefined): void {
	if (value === undefined) db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
	else db.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)').run(key, value);
}

/** Forgets where the last sync stopped and the server's IDs (a new server, or sync switched off); posts stay. */
export function forgetSync(db: Database): void {
	db.exec('DELETE FROM sync_state; DELETE FROM sync_queue; DELETE FROM sync_posts; DELETE FROM sync_feeds;');
}

/** The sync state entries whose key starts with `prefix`, oldest key first. */
export function syncStateKeys(db: Database, prefix: string): string[] {
	return db.prepare('SELECT key FROM sync_state WHERE key >= ? AND key < ? ORDER BY key').pluck().all(prefix, `${prefix}\uFFFF`) as string[];
}

/** Before a blog is unfollowed here: when the server gave it, the server is told at the next sync. */
export function queueUnsubscribe(db: Database, blogId: number, now: string): void {
	const serverId = serverFeedId(db, blogId);
	if (serverId !== undefined) setSyncStateValue(db, `unsubscribe:${serverId}`, now);
}

/** Marks read here and queues for the server: one post by its blog and ID. */
export function queuePostChange(db: Database, blogId: number | undefined, postId: PostId, field: 'read' | 'starred', value: boolean, now: string): void {
	if (blogId === undefined) return;
	const rowId = db.prepare('SELECT id FROM posts WHERE blog_id = ? AND post_id = ?').pluck().get(blogId, String(postId)) as number | undefined;
	if (rowId !== undefined) queueChange(db, rowId, field, value, now);
}

/** Queues "read" for every synced post of a blog (or of all) unread here: before they are all marked read. */
export function queueReadOfUnread(db: Database, blogId: number | undefined, now: string): void {
	const rows = (blogId === undefined
		? db.prepare('SELECT p.id FROM posts p JOIN sync_posts s ON s.post = p.id WHERE p.read = 0').pluck().all()
		: db.prepare('SELECT p.id FROM posts p JOIN sync_posts s ON s.post = p.id WHERE p.read = 0 AND p.blog_id = ?').pluck().all(blogId)) as number[];
	for (const rowId of rows) queueChange(db, rowId, 'read', true, now);
}
