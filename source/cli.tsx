import {runCommandLine, type ReaderCliFlags} from './script/run-argv.js';

function fail(message: string, code: number): never {
	process.stderr.write(`blogterm: ${message}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	const io = {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, environment: process.env};
	const commandLine = await runCommandLine(process.argv.slice(2), io);
	if (commandLine.kind === 'done') {
		process.exitCode = commandLine.exitCode;
		return;
	}
	const {runInteractive} = await import('./ui/run-interactive.js');
	process.exitCode = await runInteractive({site: commandLine.site, flags: commandLine.flags satisfies ReaderCliFlags});
}

// Whatever escapes (a damaged file before the reader starts, the demo server failing): one line, no stack trace.
void main().catch(async (error: unknown) => {
	const {describeFailure} = await import('./script/script-errors.js');
	const {exitCode, lines} = describeFailure(error);
	fail(lines[0] ?? 'something went wrong', exitCode);
});
