import type {Database} from 'better-sqlite3';

/** How a followed blog is read: see subscriptions/types.ts BlogKind. */
export type StoredBlogKind = 'wordpress' | 'feed' | 'unknown';

/** A followed blog as the database keeps it. */
export type BlogRow = {
	readonly id: number;
	readonly url: string;
	readonly siteKey: string;
	readonly title: string;
	readonly description: string;
	readonly kind: StoredBlogKind;
	/** The feed (RSS, Atom, JSON Feed); for WordPress the one it serves, for export. */
	readonly feedUrl: string;
	/** WordPress's REST root ('' for a feed blog): what a refresh reads it through. */
	readonly apiUrl: string;
	readonly htmlUrl: string;
	readonly folder: string;
	/** What the next refresh sends: If-None-Match, If-Modified-Since, WordPress's modified_after. */
	readonly etag: string | undefined;
	readonly lastModified: string | undefined;
	readonly modifiedAfter: string | undefined;
	readonly lastChecked: string | undefined;
	readonly lastUpdated: string | undefined;
	readonly lastError: string | undefined;
	readonly addedAt: string;
};

/** A blog row with its post counts. */
export type BlogWithCounts = BlogRow & {readonly unread: number; readonly total: number};

export type NewBlog = Pick<BlogRow, 'url' | 'siteKey' | 'title' | 'kind' | 'feedUrl' | 'apiUrl' | 'htmlUrl' | 'folder' | 'addedAt'> & {readonly description?: string};

const columns = `b.id, b.url, b.site_key AS siteKey, b.title, b.description, b.kind, b.feed_url AS feedUrl, b.api_url AS apiUrl, b.html_url AS htmlUrl,
	b.folder, b.etag, b.last_modified AS lastModified, b.modified_after AS modifiedAfter, b.last_checked AS lastChecked,
	b.last_updated AS lastUpdated, b.last_error AS lastError, b.added_at AS addedAt`;

type RawRow = {[K in keyof BlogRow]: BlogRow[K] extends string | undefined ? string | null : BlogRow[K]};

function toRow<T extends RawRow>(raw: T): BlogRow & Omit<T, keyof RawRow> {
	const row: Record<string, unknown> = {...raw};
	for (const key of ['etag', 'lastModified', 'modifiedAfter', 'lastChecked', 'lastUpdated', 'lastError']) row[key] ??= undefined;
	return row as BlogRow & Omit<T, keyof RawRow>;
}

/** Adds a blog; returns its row ID. The URL must not be followed already. */
export function insertBlog(db: Database, blog: NewBlog): number {
	const result = db.prepare(`INSERT INTO blogs (url, site_key, title, description, kind, feed_url, api_url, html_url, folder, added_at)
		VALUES (@url, @siteKey, @title, @description, @kind, @feedUrl, @apiUrl, @htmlUrl, @folder, @addedAt)`).run({...blog, description: blog.description ?? ''});
	return Number(result.lastInsertRowid);
}

/** The blog followed as `url`, or whose site key, feed or home page is `url`. */
export function findBlog(db: Database, url: string): BlogRow | undefined {
	const raw = db.prepare(`SELECT ${columns} FROM blogs b WHERE b.url = @url OR b.site_key = @url OR b.feed_url = @url OR b.html_url = @url
		ORDER BY b.url = @url DESC, b.id LIMIT 1`).get({url}) as RawRow | undefined;
	return raw ? toRow(raw) : undefined;
}

export function blogById(db: Database, id: number): BlogRow | undefined {
	const raw = db.prepare(`SELECT ${columns} FROM blogs b WHERE b.id = ?`).get(id) as RawRow | undefined;
	return raw ? toRow(raw) : undefined;
}

/** Folders and titles as people sort them: case aside, numbers by value ("Blog 2" before "Blog 10"). */
const naturalOrder = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** Every blog (by folder, then title, in natural order), with how many posts it has stored and how many are unread. */
export function blogsWithCounts(db: Database, where: {readonly id?: number} = {}): BlogWithCounts[] {
	const rows = db.prepare(`SELECT ${columns}, b.post_count AS total, b.unread_count AS unread
		FROM blogs b
		${where.id === undefined ? '' : 'WHERE b.id = @id'}`).all(where) as Array<RawRow & {total: number; unread: number}>;
	return rows.map(raw => toRow(raw)).sort((a, b) => naturalOrder.compare(a.folder, b.folder) || naturalOrder.compare(a.title, b.title) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Whether any blog is followed. */
export function anyBlog(db: Database): boolean {
	return db.prepare('SELECT EXISTS (SELECT 1 FROM blogs) AS found').pluck().get() === 1;
}

/** Forgets a blog and its posts (and their full-text rows). */
export function deleteBlog(db: Database, id: number): void {
	db.prepare('DELETE FROM posts_text WHERE rowid IN (SELECT id FROM posts WHERE blog_id = ?)').run(id);
	db.prepare('DELETE FROM posts_cjk WHERE rowid IN (SELECT id FROM posts WHERE blog_id = ?)').run(id);
	db.prepare('DELETE FROM blogs WHERE id = ?').run(id);
}

export function setBlogFolder(db: Database, id: number, folder: string): void {
	db.prepare('UPDATE blogs SET folder = ? WHERE id = ?').run(folder, id);
}

/** What a refresh learnt about a blog; fields left out stay as they are. */
export type BlogRefreshUpdate = {
	readonly lastChecked: string;
	/** undefined: it worked. */
	readonly lastError: string | undefined;
	readonly title?: string;
	readonly description?: string;
	readonly kind?: StoredBlogKind;
	readonly feedUrl?: string;
	readonly apiUrl?: string;
	readonly htmlUrl?: string;
	readonly siteKey?: string;
	readonly etag?: string | null;
	readonly lastModified?: string | null;
	readonly modifiedAfter?: string | null;
};

export function updateBlogAfterRefresh(db: Database, id: number, update: BlogRefreshUpdate): void {
	const sets = ['last_checked = @lastChecked', 'last_error = @lastError'];
	const names: Record<string, string> = {
		title: 'title', description: 'description', kind: 'kind', feedUrl: 'feed_url', apiUrl: 'api_url', htmlUrl: 'html_url', siteKey: 'site_key',
		etag: 'etag', lastModified: 'last_modified', modifiedAfter: 'modified_after',
	};
	const values: Record<string, unknown> = {id, lastChecked: update.lastChecked, lastError: update.lastError ?? null};
	for (const [key, column] of Object.entries(names)) {
		const value = (update as Record<string, unknown>)[key];
		if (value === undefined) continue;
		sets.push(`${column} = @${key}`);
		values[key] = value;
	}
	db.prepare(`UPDATE blogs SET ${sets.join(', ')} WHERE id = @id`).run(values);
	// The newest post's date: what "last updated" means to the reader. In UTC (sort_date): a post's own
	// date keeps its blog's offset, and strings with different offsets do not sort as times.
	db.prepare('UPDATE blogs SET last_updated = (SELECT max(sort_date) FROM posts WHERE blog_id = @id AND date IS NOT NULL) WHERE id = @id').run({id});
}
