import {cleanLine} from '../render/sanitize.js';
import {isBlogError, type BlogError} from '../errors.js';
import {exitCodes} from './exit-codes.js';
import {UsageError} from './usage-error.js';
import {StaleCopyRefused} from '../http/client.js';
import {isoSeconds} from './format-json.js';
import {writeAll} from './terminal-output.js';

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A failure a script is told about: the lines for stderr (each one sentence), the exit code and a code for JSON. */
export class ScriptFailure extends Error {
	override readonly name = 'ScriptFailure';
	readonly exitCode: ExitCode;
	readonly lines: readonly string[];
	/** The `code` of the JSON error object: WordPress's own where it gave one, else blogterm's (`usage`, `not_found`…). */
	readonly code: string;

	constructor(exitCode: ExitCode, lines: string | readonly string[], code: string = defaultCodes[exitCode]) {
		const all = typeof lines === 'string' ? [lines] : lines;
		super(asOneMessage(all));
		this.exitCode = exitCode;
		this.lines = all;
		this.code = code;
	}
}

const defaultCodes: Record<ExitCode, string> = {
	0: 'ok',
	1: 'unreadable',
	2: 'usage',
	3: 'not_found',
	4: 'comment_refused',
	5: 'comment_unknown',
	6: 'not_a_blog',
};

/** What a failure is to a script: its exit code, its lines for stderr, and its code in the JSON error object. */
export type DescribedFailure = {exitCode: ExitCode; lines: string[]; code: string};

/**
 * What any error means to a script: its exit code and one line in words. Errors nobody expected
 * (a bug) still get one line and exit code 1, never a stack trace.
 */
export function describeFailure(error: unknown): DescribedFailure {
	if (error instanceof ScriptFailure) return {exitCode: error.exitCode, lines: error.lines.map(oneLine), code: error.code};
	if (error instanceof UsageError) return {exitCode: exitCodes.usage, lines: [oneLine(error.message)], code: 'usage'};
	if (error instanceof StaleCopyRefused) {
		// Fresh or fail: the copy is not printed unless asked for.
		const message = `${error.message} A copy saved at ${isoSeconds(error.savedAt)} can be printed with --cache fallback.`;
		return {exitCode: exitCodes.unreadable, lines: [oneLine(message)], code: blogErrorCode(error)};
	}
	if (isBlogError(error)) {
		const exitCode = error.kind === 'not-found'
			? exitCodes.notFound
			: error.kind === 'not-a-blog' ? exitCodes.notABlog : error.kind === 'wrong-password' ? exitCodes.usage : exitCodes.unreadable;
		return {exitCode, lines: [oneLine(error.message)], code: blogErrorCode(error)};
	}
	const message = error instanceof Error ? error.message : String(error);
	return {exitCode: exitCodes.unreadable, lines: [oneLine(`something went wrong that blogterm did not expect: ${message || 'no details'}`)], code: 'internal'};
}

/** Network failures by the system's code, as a script would name them. */
const networkCodes: Readonly<Record<string, string>> = {
	ENOTFOUND: 'dns',
	EAI_AGAIN: 'dns',
	ECONNREFUSED: 'refused',
	ECONNRESET: 'reset',
	EPIPE: 'reset',
	ENETUNREACH: 'unreachable',
	EHOSTUNREACH: 'unreachable',
	ERR_TOO_MANY_REDIRECTS: 'redirect_loop',
	ERR_UNSUPPORTED_PROTOCOL: 'bad_redirect',
	ERR_INVALID_URL: 'bad_redirect',
	ERR_BODY_TOO_LARGE: 'too_large',
};

/** The code of a BlogError: `timeout`, `dns`, `refused`, `http_500`, `not_a_blog`, `offline`… */
export function blogErrorCode(error: BlogError): string {
	switch (error.kind) {
		case 'not-found': return 'not_found';
		case 'not-a-blog': return 'not_a_blog';
		case 'wrong-password': return 'rest_post_incorrect_password';
		case 'timeout': return 'timeout';
		case 'cancelled': return 'cancelled';
		case 'http': return error.statusCode === undefined ? 'http_error' : `http_${error.statusCode}`;
		case 'unreadable': return systemCodeOf(error) === 'ERR_BODY_TOO_LARGE' ? 'too_large' : 'unreadable';
		case 'network': {
			if ((error as {offline?: unknown}).offline === true) return 'offline';
			const code = systemCodeOf(error);
			if (code !== undefined && networkCodes[code]) return networkCodes[code];
			if (code !== undefined && /CERT|SSL|TLS|EPROTO/.test(code)) return 'tls';
			return 'network';
		}
	}
}

/** The system's or got's error code (ECONNREFUSED…) somewhere in the error's causes. */
function systemCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string' && code !== '') return code;
		current = (current as {cause?: unknown}).cause;
	}
	return undefined;
}

/** A message as one clean line: whatever it holds, it cannot start a second line or move the cursor. */
function oneLine(message: string): string {
	return cleanLine(message);
}

/**
 * Lines (each a sentence) as one message: a line that does not end as a sentence does (a server's status
 * "…answered 500 for the comments") gets a full stop before the next, so two never run together, and a
 * line after it that starts with a word in lower case ("comments unavailable: …", as `blogterm: …` says
 * it on its own line) starts with a capital, as a sentence after a full stop does. A host name
 * ("blog.example answered…") is left as it is.
 */
function asOneMessage(lines: readonly string[]): string {
	return lines.map((line, index) => {
		const sentence = index > 0 ? line.replace(/^[a-z](?=[a-z]*[\s,:])/, letter => letter.toUpperCase()) : line;
		return index < lines.length - 1 && !/[.!?…:;]$/.test(sentence.trimEnd()) ? `${sentence.trimEnd()}.` : sentence;
	}).join(' ');
}

/** Whether errors are said as JSON: the output asked for is JSON (an unknown format is said in words). */
export function wantsJsonErrors(format: string | undefined): boolean {
	const wanted = format?.trim().toLowerCase();
	return wanted === 'json' || wanted === 'ndjson';
}

/** A problem that did not stop the run (a part of a post, a blog that could not be read), as JSON on stderr: `{"warning": {"code", "message"}}`, one line. */
export function warningToJsonLine(code: string, message: string): string {
	return `${JSON.stringify({warning: {code, message: oneLine(message)}})}\n`;
}

/** The JSON error object scripts read from stderr with `--format json` (or ndjson): one line. */
export function failureToJsonLine(failure: DescribedFailure): string {
	return `${JSON.stringify({error: {code: failure.code, exit: failure.exitCode, message: asOneMessage(failure.lines)}})}\n`;
}

/**
 * A failure, on stderr: one `blogterm: …` line per sentence, or with `--format json` (and ndjson) one JSON
 * object, `{"error": {"code", "exit", "message"}}`, that a script reads with `jq`. Resolves with the exit code.
 */
export async function reportFailure(error: unknown, asJson: boolean, io: {readonly stderr: NodeJS.WritableStream}): Promise<ExitCode> {
	const failure = describeFailure(error);
	await writeAll(io.stderr, asJson ? failureToJsonLine(failure) : failure.lines.map(line => `blogterm: ${line}\n`).join(''));
	return failure.exitCode;
}
