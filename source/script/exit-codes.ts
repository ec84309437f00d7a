/** blogterm's exit codes: a contract with scripts, never to be renumbered (README "For scripts", --help). */
export const exitCodes = {
	/** Done. (A comment held for moderation is success too.) */
	ok: 0,
	/** The blog could not be read: network, server, timeout, an unreadable answer. */
	unreadable: 1,
	/** Usage: an unknown or conflicting flag, a bad value, a comment field that fails validation. */
	usage: 2,
	/** No such post (or category, tag, author, folder; a blog not followed, for --unfollow). */
	notFound: 3,
	/** The blog refused the comment (it was not kept). */
	refused: 4,
	/** The comment was sent but no answer came: it is not known whether it arrived. Never retry it blindly. */
	unknownOutcome: 5,
	/** The site is not a blog blogterm can read (no REST API, no feed). */
	notABlog: 6,
} as const;
