/**
 * Many blogs: the followed blogs, the river of their posts, read state, refresh and OPML, kept in the
 * store's database (../store/db.ts). Plain TypeScript, no Ink: the home screen and print mode
 * (`--follow`, `--blogs`, `--river`…) both use this.
 */
import {existsSync} from 'node:fs';
import {createHttpClient, type HttpClient} from '../http/client.js';
import type {Post, PostId, PostSummary} from '../model/post.js';
import {BlogError} from '../errors.js';
import {cleanLine} from '../render/sanitize.js';
import {htmlToPlainText} from '../render/plain-text.js';
import {userHttpCache} from '../store/cache.js';
import {databasePath, openDatabase, writeTransaction, type Database} from '../store/db.js';
import {anyBlog, blogById, blogsWithCounts, deleteBlog, findBlog, insertBlog, setBlogFolder, updateBlogAfterRefresh, type BlogRow, type BlogWithCounts} from '../store/blogs-table.js';
import {ftsQueries, readSnippet, type SearchHit} from './search.js';
import {countSearch, findPost, postsOfSite, markPostsRead, nextUnreadPost, readPostIds, riverCount, riverPosts, savePostText, searchPosts, setPostRead, storedPostText, upsertPosts, type StoredSummary} from '../store/posts-table.js';
import type {BlogtermPaths} from '../store/paths.js';
import type {StoredPostText} from '../sources/post-filter.js';
import {siteKey as siteKeyOf} from '../sources/wordpress/discover-wordpress.js';
import {normaliseSiteUrl} from '../sources/open-blog.js';
import {isStarred, queuePostChange, queueReadOfUnread, queueUnsubscribe, setStarred, starredPostIds} from '../store/sync-table.js';
import {discoverBlog} from './discover.js';
import type {ReadFeed} from './fetch-blog.js';
import {readOpml, writeOpml} from './opml.js';
import {refreshBlogs, type RefreshOutcome} from './refresh.js';
import type {FollowedBlog, FollowOptions, FoundBlog, ImportReport, RefreshOptions, RefreshResult, RiverOptions, RiverPage, RiverPost} from './types.js';

export type * from './types.js';

export type SubscriptionsOptions = {
	/** How blogs are asked (discovery, refresh). Default: one made like print mode's (the user's disk cache, real limits). */
	readonly http?: HttpClient;
	/** The time now (tests). Default: the clock. */
	readonly clock?: () => Date;
	/** Read for BLOGTERM_* settings. Default process.env. */
	readonly environment?: NodeJS.ProcessEnv;
	/** How a feed's answer is parsed (parse-feed's readFeedResponse): tests count the calls. */
	readonly readFeed?: ReadFeed;
	/** Headlines per page when a sync server fills the store (tests replay recorded pages). */
	readonly syncPageSize?: number;
};

/**
 * The followed blogs and their posts. Reading and marking are synchronous (SQLite, local, fast);
 * what asks the network is async. Every method that names a blog takes the URL it was followed
 * by (FollowedBlog.url); the site key (SiteInfo.key, what the reader knows) is accepted too.
 * Network failures reject with a BlogError (a message in words); a blog not followed is
 * a BlogError of kind 'not-found'.
 */
export type Subscriptions = {
	/** Every followed blog, by folder then title, each with its unread count. */
	listBlogs(): FollowedBlog[];
	/** One followed blog, or undefined. */
	getBlog(blogUrl: string): FollowedBlog | undefined;
	/** Whether any blog is followed (cheap). */
	hasFollowedBlogs(): boolean;

	/** Finds the blog at `url` exactly as `blogterm SITE` does, without following it (the add field shows what it found). */
	discover(url: string, options?: {readonly signal?: AbortSignal}): Promise<FoundBlog>;
	/**
	 * Follows the blog at `url` (discovered as `blogterm SITE` does), or a blog `discover` found, and reads its
	 * newest posts. Following a blog already followed changes nothing (its folder, when given, is set).
	 */
	follow(url: string | FoundBlog, options?: FollowOptions): Promise<FollowedBlog>;
	/** Stops following a blog and forgets its posts; false when it was not followed. */
	unfollow(blogUrl: string): boolean;
	/** Moves a blog to a folder ('' for none). */
	setFolder(blogUrl: string, folder: string): void;

	/** Posts across blogs (or one blog, one folder), newest first, unread marked. */
	river(options?: RiverOptions): RiverPage;
	/** The newest unread post after `after` in river order (or the newest unread of all), undefined when all are read. */
	nextUnread(after?: {readonly blogUrl: string; readonly postId: PostId}): RiverPost | undefined;
	/** Marks a post read. A post not stored yet (opened from a blog's own list) is remembered as read for when it is. */
	markRead(blogUrl: string, postId: PostId): void;
	markUnread(blogUrl: string, postId: PostId): void;
	/** Marks every stored post of a blog read; returns how many changed. */
	markBlogRead(blogUrl: string): number;
	/** Marks every stored post read; returns how many changed. */
	markAllRead(): number;
	/** Stars (or unstars) a stored post; a synced one is starred on the server at the next sync. False when it is not stored. */
	star(blogUrl: string, postId: PostId, starred: boolean): boolean;
	/** Whether a stored post is starred. */
	isStarred(blogUrl: string, postId: PostId): boolean;
	/**
	 * Stars (or unstars) a post of a followed blog as its reader shows it (by the blog's address or site key),
	 * storing it first when a refresh has not. False when the blog is not followed (it has no row to keep it).
	 */
	starPost(blogUrlOrSiteKey: string, post: PostSummary, starred: boolean): boolean;
	/** The IDs of the posts starred on a followed blog (by address or site key): the reader's list marks them. */
	starredIds(blogUrlOrSiteKey: string): Set<string>;
	/** The IDs of the posts read on a site (by site key), as ReadState.readIds gives them: the reader's list marks. */
	readIds(siteKey: string): Set<string>;

	/** Keeps a post's text (when it is read) so it opens offline and is searchable; false (nothing kept) when the blog is not followed. */
	savePostText(blogUrl: string, post: Post): boolean;
	/** A post's stored text, for reading offline; undefined when its text was never kept. */
	storedPost(blogUrl: string, postId: PostId): Post | undefined;

	/**
	 * Stored posts whose title or text hold every word of `text` (FTS5): those with every word in the
	 * title first, newest first among equals; each with its blog and a short excerpt of what matched.
	 */
	search(text: string, options?: {readonly limit?: number}): SearchHit[];
	/** How many stored posts `search` finds for `text` in all (it gives the best `limit` of them). */
	searchCount(text: string): number;
	/** The posts kept of the blog with this site key (the newest 2,000), with their text: what its feed's search covers too (issue 19). */
	storedPostsOf(siteKey: string): StoredPostText[];

	/** Fetches every followed blog (or `only` these), a bounded number at once; never rejects for a blog's failure. */
	refresh(options?: RefreshOptions): Promise<RefreshResult>;

	/** Follows what an OPML 1.0 or 2.0 file lists (no network: blogs are read at the next refresh). */
	importOpml(text: string): ImportReport;
	/** Every followed blog as OPML 2.0 (folders as nested outlines), as newsboat and other readers import it. */
	exportOpml(): string;

	/** Closes the database. */
	close(): void;
};

/** The river's page size unless asked otherwise, and the most it gives at once. */
export const defaultRiverPerPage = 20;
export const maxRiverPerPage = 1000;

/** Opens (creating and migrating) the database under `paths.data`: the followed blogs and their posts. */
export function openSubscriptions(paths: Pick<BlogtermPaths, 'data' | 'config' | 'cache'>, options: SubscriptionsOptions = {}): Subscriptions {
	const db = openDatabase(paths);
	const environment = options.environment ?? process.env;
	const clock = options.clock ?? (() => new Date());
	const now = () => clock().toISOString();
	let http = options.http;
	const client = (): HttpClient => {
		http ??= createHttpClient({cache: userHttpCache(environment), environment});
		return http;
	};

	const blogOrThrow = (url: string): BlogRow => {
		const blog = findBlog(db, url) ?? findBlog(db, normalisedOr(url));
		if (!blog) throw new BlogError('not-found', `${cleanLine(url)} is not followed.`);
		return blog;
	};

	const followFound = (found: FoundBlog, folder: string | undefined): BlogRow => writeTransaction(db, () => {
		const existing = findBlog(db, found.url) ?? findBlog(db, found.siteKey);
		if (existing) {
			if (folder !== undefined) setBlogFolder(db, existing.id, cleanFolder(folder));
			return existing;
		}
		const id = insertBlog(db, {
			url: found.url,
			siteKey: found.siteKey,
			title: found.title,
			description: found.description,
			kind: found.kind,
			feedUrl: found.feedUrl,
			apiUrl: found.apiUrl,
			htmlUrl: found.htmlUrl,
			folder: cleanFolder(folder ?? ''),
			addedAt: now(),
		});
		return blogById(db, id)!;
	});

	/**
	 * Finds a blog as `blogterm SITE` does; with a sync server set, an address blogterm cannot read itself
	 * is followed as a feed all the same: the server is asked at the sync that follows, and says why not.
	 */
	const discoverOrAskServer = async (url: string, signal: AbortSignal | undefined): Promise<FoundBlog> => {
		try {
			return await discoverBlog(client(), url, {signal});
		} catch (error) {
			const {readSyncSettings} = await import('../sync/sync-settings.js');
			if (signal?.aborted || !readSyncSettings(paths)) throw error;
			const address = normalisedOr(url);
			return {url: address, title: cleanLine(new URL(address).host), description: '', kind: 'feed', feedUrl: address, apiUrl: '', htmlUrl: '', siteKey: siteKeyOf(address), sourceDescription: 'a feed the sync server reads'};
		}
	};

	const subscriptions: Subscriptions = {
		listBlogs: () => blogsWithCounts(db).map(blog => toFollowed(blog)),
		getBlog(url) {
			const blog = findBlog(db, url) ?? findBlog(db, normalisedOr(url));
			return blog ? toFollowed(blogsWithCounts(db, {id: blog.id})[0]!) : undefined;
		},
		hasFollowedBlogs: () => anyBlog(db),
		discover: async (url, discoverOptions = {}) => discoverBlog(client(), url, discoverOptions),
		async follow(url, followOptions = {}) {
			const found = typeof url === 'string' ? await discoverOrAskServer(url, followOptions.signal) : url;
			const blog = followFound(found, followOptions.folder);
			if (blog.lastChecked === undefined) await subscriptions.refresh({only: [blog.url], signal: followOptions.signal});
			return subscriptions.getBlog(blog.url)!;
		},
		unfollow(url) {
			return writeTransaction(db, () => {
				const blog = findBlog(db, url) ?? findBlog(db, normalisedOr(url));
				if (!blog) return false;
				queueUnsubscribe(db, blog.id, now());
				deleteBlog(db, blog.id);
				return true;
			});
		},
		setFolder(url, folder) {
			const blog = blogOrThrow(url);
			writeTransaction(db, () => setBlogFolder(db, blog.id, cleanFolder(folder)));
		},
		river(riverOptions = {}) {
			const page = Math.max(1, Math.floor(riverOptions.page ?? 1));
			const perPage = Math.max(1, Math.min(maxRiverPerPage, Math.floor(riverOptions.perPage ?? defaultRiverPerPage)));
			const blogId = riverOptions.blogUrl === undefined ? undefined : blogOrThrow(riverOptions.blogUrl).id;
			const query = {unread: Boolean(riverOptions.unread), blogId, folder: riverOptions.folder, starred: Boolean(riverOptions.starred)};
			// One read transaction: the count and the page agree while another process writes.
			return db.transaction(() => {
				const total = riverCount(db, query);
				const offset = (page - 1) * perPage;
				// Nothing to find (all read, a page past the end): no scan of the posts for it.
				const posts = offset >= total ? [] : riverPosts(db, {...query, limit: perPage, offset}).map(post => toRiverPost(post));
				return {page, perPage, total, totalPages: Math.ceil(total / perPage), posts};
			}).deferred();
		},
		nextUnread(after) {
			if (riverCount(db, {unread: true}) === 0) return undefined;
			const from = after ? findPost(db, blogOrThrow(after.blogUrl).id, after.postId) : undefined;
			const next = nextUnreadPost(db, from?.rowId) ?? (from ? nextUnreadPost(db, undefined) : undefined);
			return next ? toRiverPost(next) : undefined;
		},
		markRead(url, postId) {
			const blog = findBlog(db, url);
			writeTransaction(db, () => {
				setPostRead(db, {siteKey: blog?.siteKey ?? url, blogId: blog?.id}, postId, true);
				queuePostChange(db, blog?.id, postId, 'read', true, now());
			});
		},
		markUnread(url, postId) {
			const blog = findBlog(db, url);
			writeTransaction(db, () => {
				setPostRead(db, {siteKey: blog?.siteKey ?? url, blogId: blog?.id}, postId, false);
				queuePostChange(db, blog?.id, postId, 'read', false, now());
			});
		},
		markBlogRead(url) {
			const blog = blogOrThrow(url);
			return writeTransaction(db, () => {
				queueReadOfUnread(db, blog.id, now());
				return markPostsRead(db, blog.id);
			});
		},
		markAllRead: () => writeTransaction(db, () => {
			queueReadOfUnread(db, undefined, now());
			return markPostsRead(db);
		}),
		star(url, postId, starred) {
			const blog = findBlog(db, url) ?? findBlog(db, normalisedOr(url));
			if (!blog) return false;
			return writeTransaction(db, () => setStarred(db, blog.id, postId, starred, now()));
		},
		isStarred(url, postId) {
			const blog = findBlog(db, url) ?? findBlog(db, normalisedOr(url));
			return blog ? isStarred(db, blog.id, postId) : false;
		},
		starPost(url, post, starred) {
			const blog = findBlog(db, url);
			if (!blog) return false;
			return writeTransaction(db, () => {
				if (!findPost(db, blog.id, post.id)) upsertPosts(db, blog, [post], now());
				return setStarred(db, blog.id, post.id, starred, now());
			});
		},
		starredIds(url) {
			const blog = findBlog(db, url);
			return blog ? starredPostIds(db, blog.id) : new Set();
		},
		readIds: siteKey => readPostIds(db, siteKey),
		savePostText(url, post) {
			const blog = findBlog(db, url);
			if (!blog) return false;
			const text = htmlToPlainText(post.html);
			writeTransaction(db, () => savePostText(db, blog, post, text, now()));
			return true;
		},
		storedPost(url, postId) {
			const blog = findBlog(db, url);
			return blog ? storedPostText(db, blog.id, postId) : undefined;
		},
		search(text, searchOptions = {}) {
			// Each word as a quoted FTS5 string: what a user types is never FTS5 syntax.
			const queries = ftsQueries(text);
			if (!queries) return [];
			return searchPosts(db, queries.match, queries.titleMatch, Math.max(1, Math.min(1000, searchOptions.limit ?? 50)))
				.map(({inTitle, snippet, ...post}) => ({...toRiverPost(post), inTitle, excerptMatch: readSnippet(snippet)}));
		},
		searchCount(text) {
			const queries = ftsQueries(text);
			return queries ? countSearch(db, queries.match) : 0;
		},
		storedPostsOf(siteKey) {
			return postsOfSite(db, siteKey, 2000);
		},
		async refresh(refreshOptions = {}) {
			// A sync server set: it fills the store instead of each blog (loaded only then).
			const {refreshBySync} = await import('../sync/run-sync.js');
			const synced = await refreshBySync(db, {paths, environment, http: client(), now, pageSize: options.syncPageSize}, refreshOptions);
			if (synced) return synced;
			const only = refreshOptions.only?.map(url => blogOrThrow(url).id);
			const blogs = blogsWithCounts(db).filter(blog => !only || only.includes(blog.id));
			const readFeed = options.readFeed ?? (await import('../sources/feed/parse-feed.js')).readFeedResponse;
			return refreshBlogs(blogs, {
				...refreshOptions,
				http: client(),
				readFeed,
				now,
				save: (blog, outcome) => writeTransaction(db, () => saveOutcome(db, blog, outcome, now())),
				followed: blog => toFollowed(blogsWithCounts(db, {id: blog.id})[0] ?? {...blog, unread: 0, total: 0}),
			});
		},
		importOpml(text) {
			const {entries, skipped} = readOpml(text);
			let added = 0;
			let merged = 0;
			writeTransaction(db, () => {
				for (const entry of entries) {
					const url = entry.xmlUrl ?? entry.htmlUrl!;
					const existing = findBlog(db, url) ?? (entry.htmlUrl ? findBlog(db, entry.htmlUrl) : undefined) ?? (entry.xmlUrl ? findBlog(db, entry.xmlUrl) : undefined);
					if (existing) {
						merged++;
						continue;
					}
					insertBlog(db, {
						url,
						siteKey: siteKeyOf(entry.htmlUrl ?? url),
						title: entry.title || cleanLine(new URL(url).host),
						kind: entry.xmlUrl ? 'feed' : 'unknown',
						feedUrl: entry.xmlUrl ?? '',
						apiUrl: '',
						htmlUrl: entry.htmlUrl ?? '',
						folder: cleanFolder(entry.folder),
						addedAt: now(),
					});
					added++;
				}
			});
			return {added, merged, skipped};
		},
		exportOpml() {
			const blogs = blogsWithCounts(db)
				.filter(blog => blog.feedUrl !== '' || blog.htmlUrl !== '')
				.map(blog => ({title: blog.title, feedUrl: blog.feedUrl, htmlUrl: blog.htmlUrl, folder: blog.folder}));
			return writeOpml(blogs, clock());
		},
		close() {
			if (db.open) db.close();
		},
	};
	return subscriptions;
}

/**
 * Whether any blog is followed, without loading SQLite when there is no database yet: what `blogterm`
 * with no SITE asks to choose between the home screen and the demo blog.
 */
export function hasFollowedBlogs(paths: Pick<BlogtermPaths, 'data' | 'config' | 'cache'>): boolean {
	if (!existsSync(databasePath(paths))) return false;
	const subscriptions = openSubscriptions(paths);
	try {
		return subscriptions.hasFollowedBlogs();
	} finally {
		subscriptions.close();
	}
}

function saveOutcome(db: Database, blog: BlogRow, outcome: RefreshOutcome, now: string): {added: number; changed: number} {
	if (outcome.kind === 'failed') {
		updateBlogAfterRefresh(db, blog.id, {lastChecked: now, lastError: outcome.message});
		return {added: 0, changed: 0};
	}
	const {fetch, found} = outcome;
	const discovered = found
		? {kind: found.kind, feedUrl: found.feedUrl, apiUrl: found.apiUrl, htmlUrl: found.htmlUrl, siteKey: found.siteKey, title: found.title, description: found.description}
		: {};
	const siteKey = found?.siteKey ?? blog.siteKey;
	if (fetch.kind === 'not-modified') {
		updateBlogAfterRefresh(db, blog.id, {lastChecked: now, lastError: undefined, ...discovered});
		return {added: 0, changed: 0};
	}
	const counts = upsertPosts(db, {id: blog.id, siteKey}, fetch.posts, now);
	updateBlogAfterRefresh(db, blog.id, {
		lastChecked: now,
		lastError: undefined,
		...discovered,
		// A blog imported from OPML has the file's name until it says its own.
		...(fetch.title && !found && blog.kind !== 'wordpress' ? {title: fetch.title} : {}),
		...(fetch.htmlUrl && !blog.htmlUrl && !found ? {htmlUrl: fetch.htmlUrl} : {}),
		etag: fetch.etag,
		lastModified: fetch.lastModified,
		...(fetch.modifiedAfter ? {modifiedAfter: fetch.modifiedAfter} : {}),
	});
	return counts;
}

function toFollowed(blog: BlogWithCounts): FollowedBlog {
	return {
		url: blog.url,
		title: blog.title,
		feedUrl: blog.feedUrl,
		htmlUrl: blog.htmlUrl,
		folder: blog.folder,
		kind: blog.kind,
		siteKey: blog.siteKey,
		unread: blog.unread,
		total: blog.total,
		lastUpdated: blog.lastUpdated,
		lastChecked: blog.lastChecked,
		lastError: blog.lastError,
	};
}

function toRiverPost(post: StoredSummary): RiverPost {
	const {rowId: _rowId, blogId: _blogId, blogUrl, blogTitle, siteKey, read, starred, ...summary} = post;
	return {...summary, blog: {url: blogUrl, title: blogTitle, siteKey}, read, ...(starred ? {starred} : {})};
}

/** A URL as `follow` keeps it, or the text as it is when it is no URL. */
function normalisedOr(url: string): string {
	try {
		return normaliseSiteUrl(url);
	} catch {
		return url;
	}
}

/** A folder path: segments cleaned, empty ones dropped. */
function cleanFolder(folder: string): string {
	return folder.split('/').map(segment => cleanLine(segment).trim()).filter(Boolean).join('/');
}

export type {Post, PostId};
