/**
 * All of stdin as UTF-8 text (`--comment -`), without the one newline `echo` adds at the end.
 * On a terminal this waits for Ctrl-D, as `cat` does.
 */
export async function readAllStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
