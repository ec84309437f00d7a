/** What the "Leave a Reply" form holds. */
export type CommentDraft = {
	readonly comment: string;
	readonly name: string;
	readonly email: string;
	readonly website: string;
	/** "Save my name, email, and website for the next time I comment." */
	readonly saveIdentity: boolean;
	/** The comment being replied to, or 0 for a comment on the post. */
	readonly parent: number | string;
	/** "Notify me of follow-up comments by email", ticked, where the blog's form offers it: the field and value it sends. */
	readonly notify?: {readonly field: string; readonly value: string};
};

/** What the blog answered to a submitted comment. */
export type CommentOutcome =
	| {readonly kind: 'approved'; readonly id: number | string | undefined; readonly link: string | undefined}
	| {
		readonly kind: 'held';
		readonly id: number | string | undefined;
		readonly link: string | undefined;
		readonly message: string;
		/**
		 * The blog took it but told neither way (no REST API to ask, and its page did not show it): treated as
		 * held (shown to its writer, never forgotten on a guess) until the blog lists it, and said so in words.
		 */
		readonly unconfirmed?: true;
	}
	| {readonly kind: 'refused'; readonly reason: CommentRefusal; readonly message: string}
	/** Sent, but no answer came back: it is not known whether the comment arrived. */
	| {readonly kind: 'unknown'; readonly message: string}
	/** Could not be sent at all (connection refused before anything was sent, server error page). */
	| {readonly kind: 'failed'; readonly message: string};

export type CommentRefusal =
	| 'duplicate'
	| 'too-fast'
	| 'closed'
	| 'login-required'
	| 'invalid'
	| 'server-error'
	| 'other';
