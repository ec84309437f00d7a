import type {PostSummary} from './post.js';

/** One page of a blog's post list, with the totals the blog gave. */
export type PostPage = {
	/** 1-based. */
	readonly page: number;
	readonly perPage: number;
	readonly totalPages: number;
	/** Number of posts in the whole list. */
	readonly total: number;
	readonly posts: readonly PostSummary[];
	/** False when the blog only says "at least": a feed paged with ?paged=N tells no total until its end. */
	readonly totalIsExact?: boolean;
	/** Set when the blog could not be reached and this page comes from the on-disk cache (ISO 8601 time it was saved). */
	readonly offlineSavedAt?: string;
};
