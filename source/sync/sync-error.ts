/** What went wrong talking to a sync server, in a form the CLI and the home screen can explain and tell apart. */
export type SyncErrorKind =
	/** The server's API is switched off for this user (TT-RSS: API_DISABLED). */
	| 'api-disabled'
	/** The user name or password is wrong (TT-RSS: LOGIN_ERROR). */
	| 'login'
	/** The session ended and logging in again did not help. */
	| 'session'
	/** The server speaks an API blogterm does not know (too old, or not TT-RSS at all). */
	| 'version'
	/** The address is not https (and not this machine), or a redirect led to another host. */
	| 'insecure'
	/** The server refused what was asked (a feed it cannot reach, a feed it does not have): `message` is its reason. */
	| 'refused'
	/** The server could not be reached, or answered with an error status or something unreadable. */
	| 'unreachable'
	/** No server is set (`--sync tt-rss URL --user NAME` sets one). */
	| 'not-configured';

/** The one error sync code rejects with. `message` is one sentence a user can read; it never holds a password or session. */
export class SyncError extends Error {
	override readonly name = 'SyncError';
	readonly kind: SyncErrorKind;

	constructor(kind: SyncErrorKind, message: string, options: {cause?: unknown} = {}) {
		super(message, {cause: options.cause});
		this.kind = kind;
	}
}

export function isSyncError(error: unknown): error is SyncError {
	return error instanceof SyncError;
}
