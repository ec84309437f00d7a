/** What print mode writes to: process.stdout, or a fake in tests. */
export type OutputStream = NodeJS.WritableStream & {readonly isTTY?: boolean; readonly columns?: number};

/**
 * Whether to colour output: `FORCE_COLOR` (anything but 0/false) turns colour on, `NO_COLOR` off,
 * otherwise colour only on a terminal that is not "dumb". As Node's own tty.getColorDepth() decides.
 */
export function shouldColour(stream: {readonly isTTY?: boolean}, environment: NodeJS.ProcessEnv = process.env): boolean {
	const force = environment['FORCE_COLOR'];
	if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
	if (environment['NO_COLOR'] !== undefined && environment['NO_COLOR'] !== '') return false;
	if (environment['NODE_DISABLE_COLORS'] !== undefined && environment['NODE_DISABLE_COLORS'] !== '') return false;
	if (environment['TERM'] === 'dumb') return false;
	return Boolean(stream.isTTY);
}

/**
 * Writes text and resolves once the stream has taken it (flushed to the pipe or file), so exiting
 * afterwards loses nothing. A reader that went away (`| head`) is not an error: the rest is dropped.
 */
export async function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
	if (text === '' || isClosed(stream)) return;
	await new Promise<void>(resolve => {
		const done = () => {
			stream.off('error', done);
			resolve();
		};
		stream.once('error', done);
		stream.write(text, () => done());
	});
}

const closedStreams = new WeakSet<NodeJS.WritableStream>();
/** The first error a stream gave that is not a closed pipe (a full disk, an I/O error): the run fails with it. */
const writeFailures = new WeakMap<NodeJS.WritableStream, Error>();

function isClosed(stream: NodeJS.WritableStream): boolean {
	return closedStreams.has(stream) || Boolean((stream as {destroyed?: boolean}).destroyed);
}

/**
 * Makes a broken pipe (the reader exited early, `| head`) quiet: without a listener Node throws
 * EPIPE from the stream's 'error' event, with a stack trace. After any error the stream is given
 * nothing more; any error but EPIPE is kept for `writeFailureOf`. Returns a function that removes the listener.
 */
export function tolerateClosedReader(stream: NodeJS.WritableStream): () => void {
	const onError = (error: Error) => {
		closedStreams.add(stream);
		if ((error as {code?: string}).code !== 'EPIPE' && !writeFailures.has(stream)) writeFailures.set(stream, error);
	};
	stream.on('error', onError);
	return () => stream.off('error', onError);
}

/** Why writing to the stream failed (ENOSPC: "no space left on device"), or undefined: it did not, or only its reader went away. */
export function writeFailureOf(stream: NodeJS.WritableStream): string | undefined {
	const error = writeFailures.get(stream);
	if (!error) return undefined;
	const code = (error as {code?: string}).code;
	const reasons: Record<string, string> = {
		ENOSPC: 'no space left on device',
		EDQUOT: 'disk quota exceeded',
		EIO: 'input/output error',
		EBADF: 'the output is not open for writing',
		EFBIG: 'the file is too large',
		EROFS: 'the file system is read-only',
	};
	return code !== undefined && reasons[code] ? `${reasons[code]} (${code})` : (error.message || code || 'unknown error');
}
