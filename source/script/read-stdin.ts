import {fieldByteLimits} from '../comments/validation.js';
import {exitCodes} from './exit-codes.js';
import {ScriptFailure} from './script-errors.js';

/**
 * Stdin as UTF-8 text (`--comment -`), without the one newline `echo` adds at the end. On a terminal
 * this waits for Ctrl-D, as `cat` does. Reads at most `limit` bytes and one more (the newline):
 * anything longer is refused (exit 2) without reading the rest, so 600 MB piped in costs nothing.
 */
export async function readAllStdin(stdin: NodeJS.ReadableStream = process.stdin, limit: number = fieldByteLimits.comment): Promise<string> {
	const chunks: Buffer[] = [];
	let bytes = 0;
	for await (const chunk of stdin) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		const room = limit + 1 - bytes;
		if (buffer.length > room) {
			// Leaving the loop stops reading (the stream is destroyed): nothing past the limit is kept.
			throw new ScriptFailure(exitCodes.usage, `Comment: the comment on stdin is longer than ${limit} bytes (WordPress's limit); nothing was sent.`);
		}
		chunks.push(buffer);
		bytes += buffer.length;
	}
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
