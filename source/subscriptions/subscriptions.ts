/**
 * Many blogs: the followed blogs, the river of their posts, read state, refresh and OPML, kept in the
 * store's database (../store/db.ts). Plain TypeScript, no Ink: the home screen and print mode
 * (`--follow`, `--blogs`, `--river`…) both use this. The store's side is stored-subscriptions.ts (what the
 * home screen opens, without OPML's parser); this adds OPML in and out.
 */
import type {HttpClient} from '../http/client.js';
import type {Post, PostId, PostSummary} from '../model/post.js';
import type {StoredPostText} from '../sources/post-filter.js';
import type {ReadFeed} from './fetch-blog.js';
import {readOpml, writeOpml} from './opml.js';
import {htmlToPlainText} from '../render/plain-text.js';
import type {SearchHit} from './search.js';
import {openStoredSubscriptions} from './stored-subscriptions.js';
import type {BlogtermPaths} from '../store/paths.js';
import type {FollowedBlog, FollowOptions, FoundBlog, ImportReport, RefreshOptions, RefreshResult, RiverOptions, RiverPage, RiverPost} from './types.js';

export type * from './types.js';

export type SubscriptionsOptions = {
	/**
	 * How blogs are asked (discovery, refresh), or a function that makes it when first needed. Default: one
	 * made like print mode's (the user's disk cache, real limits), when first needed.
	 */
	readonly http?: HttpClient | (() => Promise<HttpClient>);
	/** The time now (tests). Default: the clock. */
	readonly clock?: () => Date;
	/** Read for BLOGTERM_* settings. Default process.env. */
	readonly environment?: NodeJS.ProcessEnv;
	/** How a feed's answer is parsed (parse-feed's readFeedResponse): tests count the calls. */
	readonly readFeed?: ReadFeed;
	/** Headlines per page when a sync server fills the store (tests replay recorded pages). */
	readonly syncPageSize?: number;
	/** A post's HTML as the text kept for search (render/plain-text.ts). Default: loaded with the first post kept, which is then kept a moment later. */
	readonly plainText?: (html: string) => string;
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

/** Opens (creating and migrating) the database under `paths.data`: the followed blogs and their posts. */
export function openSubscriptions(paths: Pick<BlogtermPaths, 'data' | 'config' | 'cache'>, options: SubscriptionsOptions = {}): Subscriptions {
	const {followEntries, opmlBlogs, ...stored} = openStoredSubscriptions(paths, {plainText: htmlToPlainText, ...options});
	const clock = options.clock ?? (() => new Date());
	return {
		...stored,
		importOpml(text) {
			const {entries, skipped} = readOpml(text);
			return {...followEntries(entries), skipped};
		},
		exportOpml: () => writeOpml(opmlBlogs(), clock()),
	};
}

export type {Post, PostId};
