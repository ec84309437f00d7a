/**
 * Many blogs: the followed blogs, the river of their posts, read state and refresh, kept in the store's
 * database (../store/db.ts). Plain TypeScript, no Ink. What asks the network (discovery, refresh, and the
 * HTTP client itself) is loaded when first asked for: the home screen's first frame reads the store only.
 * subscriptions.ts adds OPML in and out (feedsmith) for print mode.
 */
import type {HttpClient} from '../http/client.js';
import {BlogError} from '../errors.js';
import {cleanLine} from '../render/sanitize.js';
import {openDatabase, writeTransaction, type Database} from '../store/db.js';
import {anyBlog, blogById, blogsWithCounts, deleteBlog, findBlog, insertBlog, setBlogFolder, updateBlogAfterRefresh, type BlogRow, type BlogWithCounts} from '../store/blogs-table.js';
import {ftsQueries, readSnippet} from './search.js';
import {countSearch, findPost, postsOfSite, markPostsRead, nextUnreadPost, readPostIds, riverCount, riverPosts, savePostText, searchPosts, setPostRead, storedPostText, upsertPosts, type StoredSummary} from '../store/posts-table.js';
import type {BlogtermPaths} from '../store/paths.js';
import {normaliseSiteUrl, siteKey as siteKeyOf} from '../sources/site-url.js';
import {isStarred, queuePostChange, queueReadOfUnread, queueUnsubscribe, setStarred, starredPostIds} from '../store/sync-table.js';
import type {RefreshOutcome} from './refresh.js';
import type {OpmlEntry} from './opml.js';
import type {Subscriptions, SubscriptionsOptions} from './subscriptions.js';
import type {FollowedBlog, FoundBlog, RiverPost} from './types.js';

/** The store's side of Subscriptions: all but OPML, with what OPML in and out needs of the database. */
export type StoredSubscriptions = Omit<Subscriptions, 'importOpml' | 'exportOpml'> & {
	/** Follows each entry of an OPML file not followed yet (no network: blogs are read at the next refresh). */
	readonly followEntries: (entries: readonly OpmlEntry[]) => {added: number; merged: number};
	/** The followed blogs OPML can name (a feed or a home page), with their folders. */
	readonly opmlBlogs: () => Array<{title: string; feedUrl: string; htmlUrl: string; folder: string}>;
	/** The HTTP client the store refreshes and discovers with (options.http, else its own, made now): the home screen opens blogs with it too. */
	readonly httpClient: () => Promise<HttpClient>;
};

/** The river's page size unless asked otherwise, and the most it gives at once. */
const defaultRiverPerPage = 20;
const maxRiverPerPage = 1000;

/** Opens (creating and migrating) the database under `paths.data`: the followed blogs and their posts (OPML aside: subscriptions.ts). */
export function openStoredSubscriptions(paths: Pick<BlogtermPaths, 'data' | 'config' | 'cache'>, options: SubscriptionsOptions = {}): StoredSubscriptions {
	const db = openDatabase(paths);
	const environment = options.environment ?? process.env;
	const clock = options.clock ?? (() => new Date());
	const now = () => clock().toISOString();
	// A post's HTML as the text kept for search: given (print mode), else loaded with the first post kept
	// (the home screen starts without the HTML parser).
	let plainText = options.plainText;
	// The client, and the modules that ask the network, are loaded when first needed.
	let http: Promise<HttpClient> | undefined;
	const client = async (): Promise<HttpClient> => {
		http ??= typeof options.http === 'function' ? options.http() : options.http ? Promise.resolve(options.http) : (async () => {
			const [{createHttpClient}, {userHttpCache}] = await Promise.all([import('../http/client.js'), import('../store/cache.js')]);
			return createHttpClient({cache: userHttpCache(environment), environment});
		})();
		return http;
	};
	const discoverBlog: typeof import('./discover.js').discoverBlog = async (...parameters) => (await import('./discover.js')).discoverBlog(...parameters);

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
			return await discoverBlog(await client(), url, {signal});
		} catch (error) {
			const {readSyncSettings} = await import('../sync/sync-settings.js');
			if (signal?.aborted || !readSyncSettings(paths)) throw error;
			const address = normalisedOr(url);
			return {url: address, title: cleanLine(new URL(address).host), description: '', kind: 'feed', feedUrl: address, apiUrl: '', htmlUrl: '', siteKey: siteKeyOf(address), sourceDescription: 'a feed the sync server reads'};
		}
	};

	const subscriptions: StoredSubscriptions = {
		listBlogs: () => blogsWithCounts(db).map(blog => toFollowed(blog)),
		getBlog(url) {
			const blog = findBlog(db, url) ?? findBlog(db, normalisedOr(url));
			return blog ? toFollowed(blogsWithCounts(db, {id: blog.id})[0]!) : undefined;
		},
		hasFollowedBlogs: () => anyBlog(db),
		httpClient: client,
		discover: async (url, discoverOptions = {}) => discoverBlog(await client(), url, discoverOptions),
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
			const save = (toText: (html: string) => string) => writeTransaction(db, () => savePostText(db, blog, post, toText(post.html), now()));
			if (plainText) save(plainText);
			else {
				// Kept a moment later; a text that cannot be kept then is only missing offline, as one never read.
				void import('../render/plain-text.js').then(({htmlToPlainText}) => {
					plainText ??= htmlToPlainText;
					if (db.open) save(htmlToPlainText);
				}).catch(() => undefined);
			}
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
			return searchPosts(db, queries, Math.max(1, Math.min(1000, searchOptions.limit ?? 50)))
				.map(({inTitle, snippet, ...post}) => ({...toRiverPost(post), inTitle, excerptMatch: readSnippet(snippet)}));
		},
		searchCount(text) {
			const queries = ftsQueries(text);
			return queries ? countSearch(db, queries) : 0;
		},
		storedPostsOf(siteKey) {
			return postsOfSite(db, siteKey, 2000);
		},
		async refresh(refreshOptions = {}) {
			// A sync server set: it fills the store instead of each blog (loaded only then).
			const [{refreshBySync}, {refreshBlogs}, http] = await Promise.all([import('../sync/run-sync.js'), import('./refresh.js'), client()]);
			const synced = await refreshBySync(db, {paths, environment, http, now, pageSize: options.syncPageSize}, refreshOptions);
			if (synced) return synced;
			const only = refreshOptions.only?.map(url => blogOrThrow(url).id);
			const blogs = blogsWithCounts(db).filter(blog => !only || only.includes(blog.id));
			const readFeed = options.readFeed ?? (await import('../sources/feed/parse-feed.js')).readFeedResponse;
			return refreshBlogs(blogs, {
				...refreshOptions,
				http,
				readFeed,
				now,
				save: (blog, outcome) => writeTransaction(db, () => saveOutcome(db, blog, outcome, now())),
				followed: blog => toFollowed(blogsWithCounts(db, {id: blog.id})[0] ?? {...blog, unread: 0, total: 0}),
			});
		},
		followEntries(entries) {
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
			return {added, merged};
		},
		opmlBlogs() {
			return blogsWithCounts(db)
				.filter(blog => blog.feedUrl !== '' || blog.htmlUrl !== '')
				.map(blog => ({title: blog.title, feedUrl: blog.feedUrl, htmlUrl: blog.htmlUrl, folder: blog.folder}));
		},
		close() {
			if (db.open) db.close();
		},
	};
	return subscriptions;
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

