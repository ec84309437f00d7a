import type {Post, PostSummary} from './post.js';

/** One page of a blog's post list, with the totals the blog gave. */
export type PostPage = {
	/** 1-based. */
	readonly page: number;
	readonly perPage: number;
	readonly totalPages: number;
	/** Number of posts in the whole list. */
	readonly total: number;
	/** Whole posts (with `html`) when the list was asked `withContent`. */
	readonly posts: ReadonlyArray<PostSummary | Post>;
	/**
	 * False when the total is not known, and `total` and `totalPages` only say "at least" what has been
	 * seen so far: a feed paged with ?paged=N tells no total until its end; a blog whose totals are not
	 * whole numbers (-5, 1e309, abc) or are missing tells none.
	 */
	readonly totalIsExact?: boolean;
	/**
	 * Set when the list ends here only because blogterm read no further (a limit of its own, such as a
	 * feed's 100 pages), not because the blog's posts end: what stopped it, a sentence.
	 */
	readonly endsEarly?: string;
	/** What the source left out of this page and why ("blog.example sent 2 posts blogterm cannot read (it has no ID): left out."). */
	readonly notes?: readonly string[];
	/** Set when the blog could not be reached and this page comes from the on-disk cache (ISO 8601 time it was saved). */
	readonly offlineSavedAt?: string;
	/** Set when some of it is the copy kept on disk, given without asking the blog (`cacheFirst`): a refresh is due. */
	readonly fromCache?: true;
};
