import {cleanLine} from '../render/sanitize.js';
import {isSyncError} from '../sync/sync-error.js';
import {exitCodes} from './exit-codes.js';
import {describeFailure, type ExitCode} from './script-errors.js';

/** A sync failure as a script sees it: one line, and an exit code (a wrong account or address is usage; the rest is "could not be read"). */
export function describeSync(error: unknown): {exitCode: ExitCode; line: string} {
	if (isSyncError(error)) {
		const usage = error.kind === 'login' || error.kind === 'api-disabled' || error.kind === 'insecure' || error.kind === 'not-configured';
		return {exitCode: usage ? exitCodes.usage : exitCodes.unreadable, line: cleanLine(error.message)};
	}
	const {exitCode, lines} = describeFailure(error);
	return {exitCode, line: lines.join(' ')};
}
