/** A comment in a post's thread. */
export type Comment = {
	readonly id: number | string;
	/** The parent comment's id, or 0 for a top-level comment. */
	readonly parent: number | string;
	readonly author: string;
	readonly authorUrl: string | undefined;
	/** ISO 8601, or undefined. */
	readonly date: string | undefined;
	/** The comment's body as HTML, not yet cleaned. */
	readonly html: string;
	/** 'held' comments are only shown to their writer ("Your comment is awaiting moderation."). */
	readonly status: 'approved' | 'held';
	/** Held only as far as blogterm knows: the user's own comment, taken by the blog without a word on whether it is published. */
	readonly unconfirmed?: true;
	/** True for comments this user sent from blogterm. */
	readonly isMine?: boolean;
	/**
	 * Another blog's post linking here, as WordPress keeps it beside the comments: `author` is that blog's
	 * name (and its post's title), `authorUrl` its post. Undefined for a comment.
	 */
	readonly type?: 'pingback' | 'trackback';
};

/**
 * A post's comments as a source read them. `endsEarly` is set when the thread ends there only because
 * blogterm read no further (its own limit of pages), not because the blog's comments end: a sentence
 * ("blog.example has 7,412 comments; blogterm read the first 5,000."), shown by the thread as a dim line
 * and by print mode on stderr, as a list page's `endsEarly` is. An object beside the comments, not a
 * property of their array, so that no copy of the comments (a map, a filter, a spread) loses it.
 */
export type CommentsRead = {
	/** Oldest first. */
	readonly comments: readonly Comment[];
	readonly endsEarly?: string;
};

/** The name a thread shows above a comment: a pingback or trackback says so ("Pingback from SITE"), as WordPress's themes do. */
export function commentByline(comment: Pick<Comment, 'author' | 'type'>, author = comment.author): string {
	if (comment.type === 'pingback') return `Pingback from ${author}`;
	if (comment.type === 'trackback') return `Trackback from ${author}`;
	return author;
}

/** A comment placed in its thread: depth 0 is top level. */
export type ThreadEntry = {
	readonly comment: Comment;
	/** How far it is indented: its level, up to the deepest the thread indents. */
	readonly depth: number;
	/** Its true level in the thread (0: top level), however deep: more than `depth` past the deepest indent. */
	readonly level?: number;
	/** The index (in the thread's entries) of the comment it replies to; undefined at the top level. */
	readonly parentIndex?: number;
};
