// What the home screen and the river read and change: plain data and callbacks, no Ink, no SQL.
// The store (source/subscriptions) is behind it in real use (see store-home-data.ts); tests give
// one in memory. Every string here is already cleaned where it entered the store.

import type {Post, PostId, PostSummary} from '../../model/post.js';
import type {RepliesStore, StoredReply} from '../../store/replies.js';
import type {FullTextStore} from '../../full-text/full-text-store.js';
import type {KeptBlog} from '../../sources/kept-posts-first.js';

/** A followed blog, as the home screen lists it. */
export type FollowedBlog = {
	/** The blog's address: its identity in the store. */
	readonly url: string;
	readonly title: string;
	/** The folder it sits in (from OPML), or undefined for none. */
	readonly folder: string | undefined;
	readonly unread: number;
	readonly total: number;
	/** When it last had something new (ISO 8601), or undefined when never read. */
	readonly lastUpdated: string | undefined;
	/** Why the last refresh failed, in words; undefined when it worked. */
	readonly lastError: string | undefined;
	/** The blog's site key: what the reader keeps its marks and its full-text setting by (undefined: none kept). */
	readonly siteKey?: string;
};

/** One line of the river: a post from one of the followed blogs. */
export type RiverItem = {
	readonly blogUrl: string;
	readonly blogTitle: string;
	/** The post's ID as its blog's source knows it (opens it with the reader's post view). */
	readonly id: PostId;
	readonly title: string;
	readonly link: string;
	/** ISO 8601, or undefined when the blog gave no date. */
	readonly date: string | undefined;
	readonly read: boolean;
	/** Password protected: the line says so, as the blog's own list does. */
	readonly isProtected?: boolean;
	/** Starred (`s`): a star sign on its line, and in the Starred folder. */
	readonly starred?: boolean;
};

/** A stored post a search found: as the river shows it, with the matched words in a short excerpt. */
export type SearchItem = RiverItem & {
	/** A few words of its text around what matched, and where the matched words are in it. */
	readonly excerpt: {readonly text: string; readonly marks: ReadonlyArray<readonly [number, number]>};
};

/** What discovery found at an address, shown before the blog is followed. */
export type FoundBlog = {
	readonly url: string;
	readonly title: string;
	/** What kind of blog: "WordPress REST API", "RSS feed"… */
	readonly kind: string;
	/** The feed it is read through, when it is a feed. */
	readonly feedUrl: string | undefined;
};

/** How far a refresh of every blog has got: "Refreshing 37 of 500 · 2 failed". */
export type RefreshProgress = {
	readonly done: number;
	readonly total: number;
	readonly failed: number;
};

export type HomeData = {
	/** The followed blogs, with their counts (read at once, from what is stored). */
	readonly blogs: () => readonly FollowedBlog[];
	/** Whether the blog at this address is followed now (another blogterm may have unfollowed it): that blog alone is read. */
	readonly isFollowed: (blogUrl: string) => boolean;
	/** The newest posts across every followed blog, newest first, at most `limit`. */
	readonly river: (limit: number, options?: {readonly starred?: boolean}) => readonly RiverItem[];
	/** Stars or unstars a post (with a sync server, on the server at the next sync). Absent: no stars. */
	readonly setStarred?: (blogUrl: string, postId: PostId, starred: boolean) => void;
	/** The IDs of one blog's posts that are starred (its list shows a star sign). Absent: no stars. */
	readonly starredIds?: (blogUrl: string) => Set<string>;
	/** Stars or unstars a post of a blog's list (stored first if a refresh has not); false when the blog is not followed. */
	readonly starPost?: (blogUrl: string, post: PostSummary, starred: boolean) => boolean;
	/** The first stored posts with the words of `text` (titles first, newest first among equals: the full-text index), and how many there are in all. */
	readonly search?: (text: string) => {readonly items: readonly SearchItem[]; readonly total: number};
	/** Marks one post read or unread; `post`, when given, is the post as read (kept, so that it opens offline). */
	readonly setRead: (blogUrl: string, postId: PostId, read: boolean, post?: Post) => void;
	/**
	 * What is kept of a followed blog (what it says of itself, the posts whose text is stored): a post of it
	 * opened from What is new or a search shows at once from there, then as the blog gives it. Absent or
	 * undefined: asked of the blog.
	 */
	readonly keptBlog?: (blogUrl: string) => KeptBlog | undefined;
	/** The IDs of one blog's posts that are read (its list shows them dimmed). */
	readonly readIds: (blogUrl: string) => Set<string>;
	/** Marks every post of one blog read. */
	readonly markBlogRead: (blogUrl: string) => void;
	/** Marks every post of every blog read. */
	readonly markAllRead: () => void;
	/** Finds the blog at an address (as `blogterm SITE` does), without following it. Rejects with a BlogError. */
	readonly discover: (url: string, signal: AbortSignal) => Promise<FoundBlog>;
	/** Follows what `discover` found. */
	readonly follow: (found: FoundBlog) => Promise<void> | void;
	readonly unfollow: (url: string) => void;
	/**
	 * Fetches every followed blog (a bounded number at once), telling how far it has got; resolves when
	 * all have answered or failed. A blog that fails keeps its reason for `blogs()`.
	 */
	readonly refresh: (onProgress: (progress: RefreshProgress) => void, signal: AbortSignal) => Promise<RefreshProgress>;
};

/** The replies to your comments, as the home screen needs them: the kept ones, and a check for more. */
export type RepliesPort = {
	readonly store: RepliesStore;
	/** Looks for replies on every blog you commented on (run with each refresh). */
	readonly check: (signal: AbortSignal) => Promise<unknown>;
};

/** How many of the newest posts the river holds. */
export const riverLength = 500;

/** What the home screen shows from the store, but What is new's posts (read when it shows), and when it was read. */
export type StoredHome = {
	readonly blogs: readonly FollowedBlog[];
	readonly starred: readonly RiverItem[];
	/** When it was read: "5 min ago" counts from here. */
	readonly now: number;
	readonly replies: readonly StoredReply[];
};

/** Reads what the home screen shows from the store (at start, and again whenever something changes it). */
export function readStoredHome(data: HomeData, clock: () => number, replies?: RepliesPort): StoredHome {
	return {blogs: data.blogs(), starred: data.setStarred ? data.river(riverLength, {starred: true}) : [], now: clock(), replies: replies?.store.all() ?? []};
}

/** Whether a blog's summary-only posts are read whole from their pages (its full-text setting, F): its row says "full text". */
export function fullTextIsOn(fullTexts: Pick<FullTextStore, 'isAutomatic'> | undefined, blog: FollowedBlog): boolean {
	return blog.siteKey !== undefined && fullTexts?.isAutomatic(blog.siteKey) === true;
}
