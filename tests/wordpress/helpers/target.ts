import type {BlogTruth} from './truth.js';

/** A name and an email, as the comment form takes them. */
export type Commenter = {
	readonly name: string;
	readonly email: string;
};

/** A comment as the blog stores it, whatever its status. */
export type StoredComment = {
	readonly id: number;
	readonly postId: number;
	readonly parent: number;
	readonly author: string;
	readonly email: string;
	/** As stored (WordPress keeps the commenter's text, lightly filtered). */
	readonly content: string;
	/** 'approved', 'held', or any other status the blog keeps (WordPress also has 'spam' and 'trash'). */
	readonly status: string;
};

/**
 * A blog the same checks run against: a real WordPress, or blogterm's demo blog that imitates it.
 * Everything here reads the blog directly, never through blogterm.
 */
export type Target = {
	readonly name: string;
	/** What blogterm is given as SITE: the blog's home page. */
	readonly siteUrl: string;
	/** The REST API root the blog advertises. */
	readonly restRoot: string;
	/** What the blog holds, read through its REST API when the target opened. */
	readonly truth: BlogTruth;
	/** The password of the blog's password-protected post. */
	readonly protectedPassword: string;
	/** Someone with an approved comment already: their next comment is published at once. */
	readonly knownCommenter: Commenter;
	/** Every comment on a post, held ones included, read from the blog's own storage. */
	storedComments(postId: number): Promise<StoredComment[]>;
	/** Makes the blog hold the next comment from the commenter it returns, until undo. */
	holdComments(): Promise<{commenter: Commenter; undo(): Promise<void>}>;
	/** Makes the blog forget when the last comments came, so that the next one is not "too fast". */
	forgetRecentComments(): Promise<void>;
	close(): Promise<void>;
};
