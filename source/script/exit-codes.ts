/** blogterm's exit codes: a contract with scripts, never to be renumbered. */
export const exitCodes = {
	/** Done. (A comment held for moderation is success too.) */
	ok: 0,
	/** The blog could not be read: network, server, an unreadable answer. */
	unreadable: 1,
	/** Usage or invalid input: unknown flag, bad URL, a comment field that fails validation. */
	usage: 2,
	/** No such post. */
	notFound: 3,
	/** The blog refused the comment: closed, duplicate, too fast, login required, its own validation. */
	refused: 4,
} as const;
