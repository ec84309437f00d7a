/**
 * Many blogs: the followed blogs, the river of their posts, read state, refresh and OPML, kept in the
 * store's database (../store/db.ts). Plain TypeScript, no Ink: the home screen and print mode
 * (`--follow`, `--blogs`, `--river`…) both use this.
 *
 * Status: API first. Stubs (throw "not built yet") are marked STUB below; the rest works.
 */
import type {HttpClient} from '../http/client.js';
import type {Post, PostId} from '../model/post.js';
import type {BlogtermPaths} from '../store/paths.js';
import type {FollowedBlog, FollowOptions, FoundBlog, ImportReport, RefreshOptions, RefreshResult, RiverOptions, RiverPage, RiverPost} from './types.js';

export type * from './types.js';

export type SubscriptionsOptions = {
	/** How blogs are asked (discovery, refresh). Default: one made like print mode's (the user's disk cache, real limits). */
	readonly http?: HttpClient;
	/** The time now (tests). Default: the clock. */
	readonly clock?: () => Date;
	/** Read for BLOGTERM_* settings. Default process.env. */
	readonly environment?: NodeJS.ProcessEnv;
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
	/** The IDs of the posts read on a site (by site key), as ReadState.readIds gives them: the reader's list marks. */
	readIds(siteKey: string): Set<string>;

	/** Keeps a post's text (when it is read) so it opens offline and is searchable. */
	savePostText(blogUrl: string, post: Post): void;
	/** A post's stored text, for reading offline; undefined when its text was never kept. */
	storedPost(blogUrl: string, postId: PostId): Post | undefined;

	/** Fetches every followed blog (or `only` these), a bounded number at once; never rejects for a blog's failure. */
	refresh(options?: RefreshOptions): Promise<RefreshResult>;

	/** Follows what an OPML 1.0 or 2.0 file lists (no network: blogs are read at the next refresh). */
	importOpml(text: string): ImportReport;
	/** Every followed blog as OPML 2.0 (folders as nested outlines), as newsboat and other readers import it. */
	exportOpml(): string;

	/** Closes the database. */
	close(): void;
};

/** STUB until the store lands: opens (creating and migrating) the database under `paths.data`. */
export function openSubscriptions(_paths: BlogtermPaths, _options: SubscriptionsOptions = {}): Subscriptions {
	throw new Error('not built yet');
}

/**
 * Whether any blog is followed, without loading SQLite when there is no database yet: what `blogterm`
 * with no SITE asks to choose between the home screen and the demo blog. STUB.
 */
export function hasFollowedBlogs(_paths: BlogtermPaths): boolean {
	return false;
}
