/** What went wrong, in a form the UI and the CLI can explain and tell apart. */
export type BlogErrorKind =
	/** DNS failure, connection refused or reset, TLS failure. */
	| 'network'
	/** No answer in time. */
	| 'timeout'
	/** The server answered with an error status. */
	| 'http'
	/** The answer could not be read (bad JSON, bad XML, too large). */
	| 'unreadable'
	/** No such post. */
	| 'not-found'
	/** The site is neither WordPress nor has a feed we could find. */
	| 'not-a-blog'
	/** The user cancelled (Esc). */
	| 'cancelled'
	/** The password given for a password-protected post is not its password. */
	| 'wrong-password';

/** The one error type sources reject with. `message` is a sentence a user can read. */
export class BlogError extends Error {
	override readonly name = 'BlogError';
	readonly kind: BlogErrorKind;
	readonly statusCode: number | undefined;

	constructor(kind: BlogErrorKind, message: string, options: {statusCode?: number; cause?: unknown} = {}) {
		super(message, {cause: options.cause});
		this.kind = kind;
		this.statusCode = options.statusCode;
	}
}

/**
 * WordPress will not list its posts to a visitor though its REST index is open: its posts route answered
 * 401 or 403 (a security plugin's `rest_login_required`, `rest_cannot_access`, `rest_not_logged_in`,
 * `rest_forbidden`…). Such a blog is read through its feed, as one whose REST API is closed altogether.
 */
export class RestClosedError extends BlogError {}

export function isBlogError(error: unknown): error is BlogError {
	return error instanceof BlogError;
}
