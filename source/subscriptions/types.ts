import type {Post, PostId, PostSummary} from '../model/post.js';

/** How blogterm reads a followed blog when it refreshes it. */
export type BlogKind =
	/** Through its REST API (`feedUrl` is the API root): only what changed is asked (`modified_after`). */
	| 'wordpress'
	/** Through its RSS, Atom or JSON feed (`feedUrl`), with conditional requests. */
	| 'feed'
	/** Imported from OPML with a home page only: found (as `blogterm SITE` finds it) at the next refresh. */
	| 'unknown';

/** A followed blog, as the home screen and `--blogs` show it. Every string is already cleaned. */
export type FollowedBlog = {
	/** The blog as it was followed (normalised: `blog.example` → `https://blog.example/`); what every call names it by. */
	readonly url: string;
	readonly title: string;
	/** Its feed (for WordPress, the feed it serves: what OPML export gives); '' when not found yet (kind 'unknown'). */
	readonly feedUrl: string;
	/** Its home page, when known ('' otherwise). */
	readonly htmlUrl: string;
	/** The folder it is in ('' for none); nested OPML folders are joined with '/' ("Tech/JavaScript"). */
	readonly folder: string;
	readonly kind: BlogKind;
	/** The key the reader keeps its read state, drafts and comments under (SiteInfo.key). */
	readonly siteKey: string;
	/** Posts stored and not read. */
	readonly unread: number;
	/** Posts stored. */
	readonly total: number;
	/** ISO 8601: the date of its newest post; undefined before it was first read. */
	readonly lastUpdated: string | undefined;
	/** ISO 8601: when it was last refreshed (successfully or not); undefined when never. */
	readonly lastChecked: string | undefined;
	/** Why the last refresh failed, in words (a BlogError's message); undefined when it worked. */
	readonly lastError: string | undefined;
};

/** What `discover` found at an address, before it is followed (the add field shows it). */
export type FoundBlog = {
	/** The address normalised, as it will be followed. */
	readonly url: string;
	readonly title: string;
	readonly description: string;
	readonly kind: Exclude<BlogKind, 'unknown'>;
	readonly feedUrl: string;
	/** WordPress's REST root ('' for a feed blog). */
	readonly apiUrl: string;
	readonly htmlUrl: string;
	readonly siteKey: string;
	/** "WordPress REST API", "RSS feed"… (the source's own description), for showing only. */
	readonly sourceDescription: string;
};

/** A post in the river: today's list fields, and which blog it is from and whether it was read. */
export type RiverPost = PostSummary & {
	readonly blog: {readonly url: string; readonly title: string; readonly siteKey: string};
	readonly read: boolean;
	/** Starred (`s`); with a sync server, its stars. */
	readonly starred?: boolean;
};

export type RiverOptions = {
	/** Only posts not read. Default false. */
	readonly unread?: boolean;
	/** 1-based. Default 1. */
	readonly page?: number;
	/** Default 20, at most 1000. */
	readonly perPage?: number;
	/** Only this blog's posts (its followed URL). */
	readonly blogUrl?: string;
	/** Only this folder's blogs. */
	readonly folder?: string;
	/** Only starred posts (the "Starred" folder). */
	readonly starred?: boolean;
};

/** One page of the river, newest first. */
export type RiverPage = {
	readonly page: number;
	readonly perPage: number;
	/** Posts matching (all pages). */
	readonly total: number;
	readonly totalPages: number;
	readonly posts: readonly RiverPost[];
};

/** Where a refresh is: `Refreshing 37 of 500 · 2 failed`. */
export type RefreshProgress = {
	/** Blogs finished (read or failed). */
	readonly done: number;
	readonly total: number;
	readonly failed: number;
	/** The blog that just finished. */
	readonly blog?: FollowedBlog;
};

/** A blog that could not be read, and why in words. */
export type RefreshFailure = {readonly url: string; readonly title: string; readonly message: string};

export type RefreshResult = {
	readonly total: number;
	/** Blogs that brought new or changed posts. */
	readonly changed: number;
	/** Blogs that answered "nothing changed" (304) or sent nothing new. */
	readonly unchanged: number;
	readonly failures: readonly RefreshFailure[];
	/** Posts added by this refresh, across blogs. */
	readonly newPosts: number;
};

export type RefreshOptions = {
	/** Called after each blog is done, and once at the start (done 0). */
	readonly onProgress?: (progress: RefreshProgress) => void;
	/** Stops the refresh: blogs not done yet are left as they were (no error recorded for them). */
	readonly signal?: AbortSignal;
	/** Blogs fetched at once. Default 16. */
	readonly concurrency?: number;
	/** Only these blogs (followed URLs). Default: every followed blog. */
	readonly only?: readonly string[];
};

/** What an OPML import did. */
export type ImportReport = {
	/** Blogs newly followed. */
	readonly added: number;
	/** Entries for a blog already followed (in the store or earlier in the file): merged, not doubled. */
	readonly merged: number;
	/** One line per entry skipped, saying why ("line 12: “Foo” has no xmlUrl or htmlUrl: skipped."). */
	readonly skipped: readonly string[];
};

export type FollowOptions = {
	/** Default ''. */
	readonly folder?: string;
	readonly signal?: AbortSignal;
};

/** The post's text kept for reading offline, with what the list shows. */
export type StoredPost = Post;

/** A post's identity across blogs: the followed blog's URL (or its site key) and the blog's own post ID. */
export type PostKey = {readonly blogUrl: string; readonly postId: PostId};
