import {cleanLine} from '../render/sanitize.js';
import {isBlogError} from '../errors.js';
import {exitCodes} from './exit-codes.js';
import {UsageError} from './script-request.js';

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A failure a script is told about: the lines for stderr (each one sentence) and the exit code. */
export class ScriptFailure extends Error {
	override readonly name = 'ScriptFailure';
	readonly exitCode: ExitCode;
	readonly lines: readonly string[];

	constructor(exitCode: ExitCode, lines: string | readonly string[]) {
		const all = typeof lines === 'string' ? [lines] : lines;
		super(all.join(' '));
		this.exitCode = exitCode;
		this.lines = all;
	}
}

/**
 * What any error means to a script: its exit code and one line in words. Errors nobody expected
 * (a bug) still get one line and exit code 1, never a stack trace.
 */
export function describeFailure(error: unknown): {exitCode: ExitCode; lines: string[]} {
	if (error instanceof ScriptFailure) return {exitCode: error.exitCode, lines: error.lines.map(oneLine)};
	if (error instanceof UsageError) return {exitCode: exitCodes.usage, lines: [oneLine(error.message)]};
	if (isBlogError(error)) {
		const exitCode = error.kind === 'not-found'
			? exitCodes.notFound
			: error.kind === 'not-a-blog' || error.kind === 'wrong-password' ? exitCodes.usage : exitCodes.unreadable;
		return {exitCode, lines: [oneLine(error.message)]};
	}
	const message = error instanceof Error ? error.message : String(error);
	return {exitCode: exitCodes.unreadable, lines: [oneLine(`something went wrong that blogterm did not expect: ${message || 'no details'}`)]};
}

/** A message as one clean line: whatever it holds, it cannot start a second line or move the cursor. */
function oneLine(message: string): string {
	return cleanLine(message);
}
