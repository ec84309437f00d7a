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
};
