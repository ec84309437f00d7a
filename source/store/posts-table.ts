import type {Database, Statement} from 'better-sqlite3';
import {cjkPhrase, cjkWords} from './cjk-runs.js';
import {untitledStandIn, type Post, type PostId, type PostSummary, type Term} from '../model/post.js';

/** A post as a refresh brings it: what the list shows, and its text when the source gave it. */
export type IncomingPost = PostSummary & {
	readonly html?: string;
	readonly isSummaryOnly?: boolean;
	readonly commentsOpen?: boolean;
	/** Plain text of the body, for the full-text index (the excerpt when not given). */
	readonly plainText?: string;
};

/** A stored post as the river lists it. */
export type StoredSummary = PostSummary & {
	readonly rowId: number;
	readonly read: boolean;
	/** Starred (`s`; kept in step with a sync server's stars). */
	readonly starred: boolean;
	readonly blogId: number;
	readonly blogUrl: string;
	readonly blogTitle: string;
	readonly siteKey: string;
};

type PostRow = {
	rowId: number;
	blogId: number;
	postId: string;
	idIsNumber: number;
	title: string;
	link: string;
	date: string | null;
	sortDate: string;
	author: string;
	excerpt: string;
	commentCount: number | null;
	slug: string | null;
	categories: string;
	tags: string;
	isProtected: number;
	read: number;
	starred: number;
	blogUrl: string;
	blogTitle: string;
	siteKey: string;
};

const summaryColumns = `p.id AS rowId, p.blog_id AS blogId, p.post_id AS postId, p.id_is_number AS idIsNumber, p.title, p.link, p.date,
	p.sort_date AS sortDate, p.author, p.excerpt, p.comment_count AS commentCount, p.slug, p.categories, p.tags, p.is_protected AS isProtected, p.read, p.starred,
	b.url AS blogUrl, b.title AS blogTitle, b.site_key AS siteKey`;

function parseTerms(json: string): Term[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value as Term[] : [];
	} catch {
		return [];
	}
}

function toSummary(row: PostRow): StoredSummary {
	return {
		id: row.idIsNumber ? Number(row.postId) : row.postId,
		// A post its blog gave no title is stored without one: lists show a stand-in, JSON says null.
		...(row.title === '' ? {title: untitledStandIn(row.excerpt), untitled: true as const} : {title: row.title}),
		link: row.link,
		date: row.date ?? undefined,
		author: row.author,
		commentCount: row.commentCount ?? undefined,
		excerpt: row.excerpt,
		...(row.slug === null ? {} : {slug: row.slug}),
		categories: parseTerms(row.categories),
		tags: parseTerms(row.tags),
		...(row.isProtected === 1 ? {isProtected: true} : {}),
		rowId: row.rowId,
		read: row.read === 1,
		starred: row.starred === 1,
		blogId: row.blogId,
		blogUrl: row.blogUrl,
		blogTitle: row.blogTitle,
		siteKey: row.siteKey,
	};
}

/** A date as the river sorts it: ISO 8601 in UTC, or undefined when it cannot be read. */
function isoOrUndefined(date: string | undefined): string | undefined {
	if (!date) return undefined;
	const time = Date.parse(date);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const preparedStatements = new WeakMap<Database, Map<string, Statement>>();

/** Statements prepared once per database: a sync writes tens of thousands of posts a few at a time. */
function preparedFor(db: Database): (sql: string) => Statement {
	let cache = preparedStatements.get(db);
	if (!cache) {
		cache = new Map();
		preparedStatements.set(db, cache);
	}
	const statements = cache;
	return sql => {
		let statement = statements.get(sql);
		if (!statement) {
			statement = db.prepare(sql);
			statements.set(sql, statement);
		}
		return statement;
	};
}

/**
 * A date as the store keeps it: as the source gave it, ISO 8601 with the blog's own offset where it has
 * one (`2024-02-21T00:45:00.000+13:00`, a WordPress site's local time), so that the river shows the date
 * the blog shows; undefined when it cannot be read. The river sorts by `sort_date`, in UTC.
 */
function keptDate(date: string | undefined): string | undefined {
	const iso = isoOrUndefined(date);
	return iso !== undefined && date!.length <= 40 && /^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)$/.test(date!) ? date : iso;
}

/**
 * Adds the posts a refresh brought, or updates those already stored (their read state stays; their
 * kept text stays unless a new one came). A post read before it was stored (a read mark) is stored
 * read. Returns how many were new. Run inside a write transaction.
 */
export function upsertPosts(db: Database, blog: {readonly id: number; readonly siteKey: string}, posts: readonly IncomingPost[], now: string): {added: number; changed: number} {
	const prepare = preparedFor(db);
	const existing = prepare(`SELECT p.id, p.title, p.date, p.excerpt, coalesce(length(t.html), -1) AS htmlLength
		FROM posts p LEFT JOIN post_texts t ON t.post = p.id WHERE p.blog_id = ? AND p.post_id = ?`);
	const insert = prepare(`INSERT INTO posts (blog_id, post_id, id_is_number, title, link, date, sort_date, author, excerpt, comment_count, slug,
			categories, tags, comments_open, is_protected, read, seen_at)
		VALUES (@blogId, @postId, @idIsNumber, @title, @link, @date, @sortDate, @author, @excerpt, @commentCount, @slug,
			@categories, @tags, @commentsOpen, @isProtected,
			EXISTS (SELECT 1 FROM read_marks WHERE site_key = @siteKey AND post_id = @postId), @now)
		RETURNING id, read`);
	const update = prepare(`UPDATE posts SET title = @title, link = @link, date = @date, sort_date = coalesce(@utcDate, sort_date), author = @author,
			excerpt = @excerpt, comment_count = @commentCount, slug = @slug, categories = @categories, tags = @tags, comments_open = @commentsOpen,
			is_protected = @isProtected
		WHERE id = @rowId`);
	const keepText = prepare('INSERT OR REPLACE INTO post_texts (post, html, is_summary_only) VALUES (?, ?, ?)');
	const deleteText = prepare('DELETE FROM posts_text WHERE rowid = ?');
	const insertIndexed = prepare('INSERT INTO posts_text (rowid, title, text) VALUES (?, ?, ?)');
	const deleteCjk = prepare('DELETE FROM posts_cjk WHERE rowid = ?');
	const insertCjk = prepare('INSERT INTO posts_cjk (rowid, title, text) VALUES (?, ?, ?)');
	const insertText = (rowId: number, title: string, text: string) => {
		insertIndexed.run(rowId, title, text);
		const [cjkTitle, cjkText] = [cjkWords(title), cjkWords(text)];
		if (cjkTitle !== '' || cjkText !== '') insertCjk.run(rowId, cjkTitle, cjkText);
	};
	let added = 0;
	let addedUnread = 0;
	let changed = 0;
	for (const post of posts) {
		const postId = String(post.id);
		const date = keptDate(post.date) ?? null;
		const utcDate = isoOrUndefined(post.date) ?? null;
		const values = {
			blogId: blog.id,
			siteKey: blog.siteKey,
			postId,
			idIsNumber: typeof post.id === 'number' ? 1 : 0,
			// Untitled: no title kept (not the stand-in, which would then pass for one).
			title: post.untitled ? '' : post.title,
			link: post.link,
			date,
			utcDate,
			sortDate: utcDate ?? now,
			author: post.author,
			excerpt: post.excerpt,
			commentCount: post.commentCount ?? null,
			slug: post.slug ?? null,
			categories: JSON.stringify(post.categories),
			tags: JSON.stringify(post.tags),
			commentsOpen: post.commentsOpen ? 1 : 0,
			isProtected: post.isProtected ? 1 : 0,
			now,
		};
		const found = existing.get(blog.id, postId) as {id: number; title: string; date: string | null; excerpt: string; htmlLength: number} | undefined;
		if (found) {
			// Unchanged (a feed sends all its items each time): nothing to write.
			const same = found.title === values.title && found.date === date && found.excerpt === post.excerpt
				&& (post.html === undefined || found.htmlLength === post.html.length);
			if (same) continue;
			update.run({...values, rowId: found.id});
			if (post.html !== undefined) keepText.run(found.id, post.html, post.isSummaryOnly ? 1 : 0);
			deleteText.run(found.id);
			deleteCjk.run(found.id);
			insertText(found.id, values.title, post.plainText ?? post.excerpt);
			changed++;
		} else {
			const inserted = insert.get(values) as {id: number; read: number};
			if (post.html !== undefined) keepText.run(inserted.id, post.html, post.isSummaryOnly ? 1 : 0);
			insertText(inserted.id, values.title, post.plainText ?? post.excerpt);
			added++;
			if (inserted.read === 0) addedUnread++;
		}
	}
	if (added > 0) prepare('UPDATE blogs SET post_count = post_count + ?, unread_count = unread_count + ? WHERE id = ?').run(added, addedUnread, blog.id);
	return {added, changed};
}

export type RiverQuery = {
	readonly unread: boolean;
	readonly limit: number;
	readonly offset: number;
	readonly blogId?: number;
	readonly folder?: string;
	/** Only starred posts. */
	readonly starred?: boolean;
};

function riverWhere(query: Pick<RiverQuery, 'unread' | 'blogId' | 'folder' | 'starred'>): {sql: string; values: Record<string, unknown>} {
	const conditions: string[] = [];
	const values: Record<string, unknown> = {};
	if (query.unread) conditions.push('p.read = 0');
	if (query.starred) conditions.push('p.starred = 1');
	if (query.blogId !== undefined) {
		conditions.push('p.blog_id = @blogId');
		values['blogId'] = query.blogId;
	}
	if (query.folder !== undefined) {
		conditions.push('(b.folder = @folder OR substr(b.folder, 1, length(@folder) + 1) = @folder || \'/\')');
		values['folder'] = query.folder;
	}
	return {sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', values};
}

/** Posts across blogs, newest first (a post without a date by when it was first seen). */
export function riverPosts(db: Database, query: RiverQuery): StoredSummary[] {
	const {sql, values} = riverWhere(query);
	const rows = db.prepare(`SELECT ${summaryColumns} FROM posts p JOIN blogs b ON b.id = p.blog_id ${sql}
		ORDER BY p.sort_date DESC, p.id DESC LIMIT @limit OFFSET @offset`).all({...values, limit: query.limit, offset: query.offset}) as PostRow[];
	return rows.map(row => toSummary(row));
}

/** How many posts the river holds with these conditions: from the blogs' counts, never a scan of the posts. */
export function riverCount(db: Database, query: Pick<RiverQuery, 'unread' | 'blogId' | 'folder' | 'starred'>): number {
	if (query.starred) {
		// Starred posts are few: counted from the posts.
		const {sql, values} = riverWhere(query);
		return db.prepare(`SELECT count(*) FROM posts p JOIN blogs b ON b.id = p.blog_id ${sql}`).pluck().get(values) as number;
	}
	const {sql, values} = riverWhere({...query, unread: false});
	const column = query.unread ? 'unread_count' : 'post_count';
	return db.prepare(`SELECT coalesce(sum(b.${column}), 0) FROM blogs b ${sql.replaceAll('p.blog_id', 'b.id')}`).pluck().get(values) as number;
}

/** The stored post `postId` of a blog. */
export function findPost(db: Database, blogId: number, postId: PostId): StoredSummary | undefined {
	const row = db.prepare(`SELECT ${summaryColumns} FROM posts p JOIN blogs b ON b.id = p.blog_id WHERE p.blog_id = ? AND p.post_id = ?`).get(blogId, String(postId)) as PostRow | undefined;
	return row ? toSummary(row) : undefined;
}

/** The first unread post after (older than) the post at `rowId` in river order; the newest unread when `rowId` is undefined. */
export function nextUnreadPost(db: Database, rowId: number | undefined): StoredSummary | undefined {
	const from = rowId === undefined ? undefined : db.prepare('SELECT sort_date AS sortDate, id FROM posts WHERE id = ?').get(rowId) as {sortDate: string; id: number} | undefined;
	const row = from
		? db.prepare(`SELECT ${summaryColumns} FROM posts p JOIN blogs b ON b.id = p.blog_id
			WHERE p.read = 0 AND (p.sort_date < @sortDate OR (p.sort_date = @sortDate AND p.id < @id))
			ORDER BY p.sort_date DESC, p.id DESC LIMIT 1`).get(from) as PostRow | undefined
		: db.prepare(`SELECT ${summaryColumns} FROM posts p JOIN blogs b ON b.id = p.blog_id WHERE p.read = 0
			ORDER BY p.sort_date DESC, p.id DESC LIMIT 1`).get() as PostRow | undefined;
	return row ? toSummary(row) : undefined;
}

/** Marks one post read or unread, stored or not (a read mark by site key keeps it for when it is stored). */
export function setPostRead(db: Database, site: {readonly siteKey: string; readonly blogId: number | undefined}, postId: PostId, read: boolean): void {
	const id = String(postId);
	if (site.blogId !== undefined) {
		const {changes} = db.prepare('UPDATE posts SET read = @read WHERE blog_id = @blogId AND post_id = @id AND read <> @read').run({read: read ? 1 : 0, blogId: site.blogId, id});
		if (changes > 0) db.prepare('UPDATE blogs SET unread_count = unread_count + ? WHERE id = ?').run(read ? -1 : 1, site.blogId);
	}
	if (read) db.prepare('INSERT OR IGNORE INTO read_marks (site_key, post_id) VALUES (?, ?)').run(site.siteKey, id);
	else db.prepare('DELETE FROM read_marks WHERE site_key = ? AND post_id = ?').run(site.siteKey, id);
}

/** Marks every stored post of a blog (or of every blog) read; returns how many changed. */
export function markPostsRead(db: Database, blogId?: number): number {
	if (blogId === undefined) {
		db.prepare('UPDATE blogs SET unread_count = 0 WHERE unread_count <> 0').run();
		return db.prepare('UPDATE posts SET read = 1 WHERE read = 0').run().changes;
	}
	db.prepare('UPDATE blogs SET unread_count = 0 WHERE id = ?').run(blogId);
	return db.prepare('UPDATE posts SET read = 1 WHERE blog_id = ? AND read = 0').run(blogId).changes;
}

/** Each blog's post and unread counts, counted again from its posts (what the kept counts must always equal). */
export function countedPerBlog(db: Database): Array<{id: number; total: number; unread: number}> {
	return db.prepare(`SELECT b.id, count(p.id) AS total, coalesce(sum(p.read = 0), 0) AS unread
		FROM blogs b LEFT JOIN posts p ON p.blog_id = b.id GROUP BY b.id ORDER BY b.id`).all() as Array<{id: number; total: number; unread: number}>;
}

/** The IDs read on a site: its stored posts marked read, and read marks of posts not stored. */
export function readPostIds(db: Database, siteKey: string): Set<string> {
	const ids = db.prepare(`SELECT post_id FROM read_marks WHERE site_key = @siteKey
		UNION SELECT p.post_id FROM posts p JOIN blogs b ON b.id = p.blog_id WHERE b.site_key = @siteKey AND p.read = 1`).pluck().all({siteKey}) as string[];
	return new Set(ids);
}

/** Keeps a post's text (the reader opened it) so it opens offline; stores the post when a refresh has not yet. */
export function savePostText(db: Database, blog: {readonly id: number; readonly siteKey: string}, post: Post, plainText: string, now: string): void {
	upsertPosts(db, blog, [{...post, plainText}], now);
	const row = db.prepare('UPDATE posts SET comments_open = ? WHERE blog_id = ? AND post_id = ? RETURNING id').get(post.commentsOpen ? 1 : 0, blog.id, String(post.id)) as {id: number};
	db.prepare('INSERT OR REPLACE INTO post_texts (post, html, is_summary_only) VALUES (?, ?, ?)').run(row.id, post.html, post.isSummaryOnly ? 1 : 0);
}

/** A stored post with its kept text, or undefined when its text was never kept. */
export function storedPostText(db: Database, blogId: number, postId: PostId): Post | undefined {
	const summary = findPost(db, blogId, postId);
	if (!summary) return undefined;
	const row = db.prepare(`SELECT t.html, t.is_summary_only AS isSummaryOnly, p.comments_open AS commentsOpen
		FROM posts p JOIN post_texts t ON t.post = p.id WHERE p.id = ?`).get(summary.rowId) as {html: string; isSummaryOnly: number; commentsOpen: number} | undefined;
	if (!row) return undefined;
	const {rowId: _rowId, read: _read, starred: _starred, blogId: _blogId, blogUrl: _blogUrl, blogTitle: _blogTitle, siteKey: _siteKey, ...postSummary} = summary;
	return {...postSummary, html: row.html, isSummaryOnly: row.isSummaryOnly === 1, commentsOpen: row.commentsOpen === 1};
}

/**
 * What a search asks of the index: `match`, an FTS5 query of the words that are not CJK, and `titleMatch`,
 * the same in the title (undefined when every word is CJK); `cjk`, the runs of CJK characters typed, each
 * found anywhere in a post's CJK (see cjk-runs.ts). Every word and run must be found.
 */
export type StoreSearch = {
	readonly match: string | undefined;
	readonly titleMatch: string | undefined;
	readonly cjk: readonly string[];
};

/** The SQL condition on `p.id` of posts that match `search` (in the title only with `inTitle`), and its parameters. */
function searchCondition(search: StoreSearch, inTitle: boolean): {readonly sql: string; readonly parameters: Record<string, string>} {
	const parts: string[] = [];
	const parameters: Record<string, string> = {};
	const match = inTitle ? search.titleMatch : search.match;
	if (match !== undefined) {
		parts.push('p.id IN (SELECT rowid FROM posts_text WHERE posts_text MATCH @match)');
		parameters['match'] = match;
	}
	for (const [index, run] of search.cjk.entries()) {
		const name = `cjk${index}`;
		parts.push(`p.id IN (SELECT rowid FROM posts_cjk WHERE posts_cjk MATCH @${name})`);
		parameters[name] = `${inTitle ? 'title : ' : ''}${cjkPhrase(run)}`;
	}
	return {sql: parts.length > 0 ? parts.join(' AND ') : '0', parameters};
}

/** How many stored posts match a search. */
export function countSearch(db: Database, search: StoreSearch): number {
	if (search.cjk.length === 0 && search.match !== undefined) {
		return db.prepare('SELECT count(*) FROM posts_text WHERE posts_text MATCH ?').pluck().get(search.match) as number;
	}
	const any = searchCondition(search, false);
	return db.prepare(`SELECT count(*) FROM posts p WHERE ${any.sql}`).pluck().get(any.parameters) as number;
}

/** A stored post a search found, with the words it matched shown in a short excerpt. */
export type StoredSearchHit = StoredSummary & {
	/** Whether the title holds every word searched for (such posts come first). */
	readonly inTitle: boolean;
	/** A few words of its text around what matched, with the marks FTS5 put around each matched word (see `snippetMarks`). */
	readonly snippet: string;
};

/** What FTS5's snippet() puts around each matched word: control characters, never in stored text (cleaned when it came in). */
export const snippetMarks = {open: '\u0002', close: '\u0003'} as const;

/**
 * Posts whose title or text match a search (see StoreSearch), best first: those with every word in the
 * title, then the others; newest first within each. The hits are ranked from the indexes and the posts'
 * dates alone; only the `limit` shown are read whole.
 */
export function searchPosts(db: Database, search: StoreSearch, limit: number): StoredSearchHit[] {
	const any = searchCondition(search, false);
	const title = searchCondition(search, true);
	// The title's parameters under names of their own, beside the others'.
	const titleSql = title.sql.replaceAll(/@(\w+)/g, '@title_$1');
	const titleParameters = Object.fromEntries(Object.entries(title.parameters).map(([name, value]) => [`title_${name}`, value]));
	// Newest first along the river's index, each post looked up in the hits (made once): the first
	// `limit` come at once however many posts match.
	const titled = db.prepare(`SELECT p.id FROM posts p INDEXED BY posts_river
		WHERE ${titleSql}
		ORDER BY p.sort_date DESC, p.id DESC LIMIT @limit`).pluck().all({...titleParameters, limit}) as number[];
	const others = titled.length >= limit ? [] : db.prepare(`SELECT p.id FROM posts p INDEXED BY posts_river
		WHERE ${any.sql}
		AND NOT (${titleSql})
		ORDER BY p.sort_date DESC, p.id DESC LIMIT @limit`).pluck().all({...any.parameters, ...titleParameters, limit: limit - titled.length}) as number[];
	const ranked = [...titled.map(rowId => ({rowId, inTitle: 1})), ...others.map(rowId => ({rowId, inTitle: 0}))];
	if (ranked.length === 0) return [];
	const ids = ranked.map(row => row.rowId);
	const placeholders = ids.map(() => '?').join(',');
	const rows = db.prepare(`SELECT ${summaryColumns} FROM posts p JOIN blogs b ON b.id = p.blog_id WHERE p.id IN (${placeholders})`).all(...ids) as PostRow[];
	const snippets = search.match === undefined ? [] : db.prepare(`SELECT rowid AS rowId, snippet(posts_text, 1, char(2), char(3), '…', 12) AS snippet FROM posts_text
		WHERE posts_text MATCH ? AND rowid IN (${placeholders})`).all(search.match, ...ids) as Array<{rowId: number; snippet: string}>;
	const byId = new Map(rows.map(row => [row.rowId, row]));
	const snippetOf = new Map(snippets.map(row => [row.rowId, row.snippet]));
	return ranked.flatMap(hit => {
		const row = byId.get(hit.rowId);
		return row ? [{...toSummary(row), inTitle: hit.inTitle === 1, snippet: marked(snippetOf.get(hit.rowId) ?? row.excerpt, search.cjk)}] : [];
	});
}

/**
 * The posts kept of the blog(s) with this site key, newest first (at most `limit`), each with its text as
 * the full-text index holds it (the excerpt when its text was never kept): what a feed blog's search
 * covers besides the items its feed holds now.
 */
export function postsOfSite(db: Database, siteKey: string, limit: number): Array<PostSummary & {readonly text: string}> {
	const rows = db.prepare(`SELECT ${summaryColumns}, coalesce(t.text, '') AS text FROM posts p JOIN blogs b ON b.id = p.blog_id
		LEFT JOIN posts_text t ON t.rowid = p.id WHERE b.site_key = ? ORDER BY p.sort_date DESC, p.id DESC LIMIT ?`).all(siteKey, limit) as Array<PostRow & {text: string}>;
	return rows.map(row => {
		const {rowId: _rowId, read: _read, starred: _starred, blogId: _blogId, blogUrl: _blogUrl, blogTitle: _blogTitle, siteKey: _siteKey, ...post} = toSummary(row);
		return {...post, text: row.text};
	});
}

/**
 * A snippet with each CJK run searched for marked, as FTS5 marks the words it matched; what holds only
 * CJK runs has no snippet of FTS5's: its excerpt is marked, from a little before the first run found.
 */
function marked(snippet: string, runs: readonly string[]): string {
	if (runs.length === 0) return snippet;
	const first = Math.min(...runs.map(run => snippet.indexOf(run)).filter(at => at >= 0));
	let text = Number.isFinite(first) && first > 40 ? `…${snippet.slice(first - 20)}` : snippet;
	for (const run of runs) text = text.replaceAll(run, `${snippetMarks.open}${run}${snippetMarks.close}`);
	return text;
}
