import {cleanLine} from '../render/sanitize.js';
import {isSyncError} from '../sync/sync-error.js';
import {exitCodes} from './exit-codes.js';
import {describeFailure, type ExitCode} from './script-errors.js';

/**
 * A sync failure as a script sees it: one line, an exit code (a wrong account or address is usage; the
 * rest is "could not be read") and the code of the JSON error object (`sync_login`, `sync_unreachable`…
 * for the server's failures, by kind; print mode's own for the rest).
 */
export function describeSync(error: unknown): {exitCode: ExitCode; line: string; code: string} {
	if (isSyncError(error)) {
		const usage = error.kind === 'login' || error.kind === 'api-disabled' || error.kind === 'insecure' || error.kind === 'not-configured';
		return {exitCode: usage ? exitCodes.usage : exitCodes.unreadable, line: cleanLine(error.message), code: `sync_${error.kind.replaceAll('-', '_')}`};
	}
	const {exitCode, lines, code} = describeFailure(error);
	return {exitCode, line: lines.join(' '), code};
}
