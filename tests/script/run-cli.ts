import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {PassThrough} from 'node:stream';
import {runCommandLine} from '../../source/script/run-argv.js';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const builtCli = join(repoRoot, 'dist', 'cli.js');

/**
 * `npm test` builds before it runs the tests. Run alone, a test file builds the CLI when there is
 * none yet (after changing the sources, run `npm run build` first).
 */
export function ensureBuilt(): void {
	if (existsSync(builtCli)) return;
	const result = spawnSync('npm', ['run', 'build'], {cwd: repoRoot, stdio: 'inherit'});
	if (result.status !== 0) throw new Error('npm run build failed');
}

export type CliRun = {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
	/** stderr's lines, without the empty one after the last newline. */
	readonly errorLines: string[];
};

/** A BLOGTERM_HOME of its own, so no run sees another's settings or demo comments. */
export function temporaryHome(): string {
	return mkdtempSync(join(tmpdir(), 'blogterm-home-'));
}

/** What a script's environment is: the test's, without colour settings or a WordPress password, and a home of its own. */
function scriptEnvironment(options: CliOptions): {environment: NodeJS.ProcessEnv; ownHome: string | undefined} {
	const environment: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'BLOGTERM_WP_USER', 'BLOGTERM_WP_APP_PASSWORD']) delete environment[name];
	// A home made for this run alone is removed after it; one the caller gave is the caller's.
	const ownHome = options.home === undefined && options.env?.['BLOGTERM_HOME'] === undefined ? temporaryHome() : undefined;
	return {environment: {...environment, BLOGTERM_HOME: options.home ?? ownHome, ...options.env}, ownHome};
}

export type CliOptions = {readonly input?: string; readonly env?: NodeJS.ProcessEnv; readonly home?: string};

function toRun(code: number | null, stdout: Buffer[], stderr: Buffer[]): CliRun {
	const errorText = Buffer.concat(stderr).toString('utf8');
	return {
		code,
		stdout: Buffer.concat(stdout).toString('utf8'),
		stderr: errorText,
		errorLines: errorText === '' ? [] : errorText.replace(/\n$/, '').split('\n'),
	};
}

/**
 * Runs the command line in this process, through the same `runCommandLine` the built CLI calls, as
 * a script would: stdout and stderr are pipes (no terminal), stdin is `input` or empty. For what the
 * CLI decides (flags, formats, messages, exit codes); what only a process shows (its real exit
 * status, a closed pipe, signals) runs the built CLI with `runCli`.
 *
 * The code under test reads its environment (BLOGTERM_HOME, the time scale, credentials) from
 * process.env, so the run's environment stands in for it until the run ends; runs started together
 * (Promise.all) take turns.
 */
export async function runInProcess(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
	const turn = lastRun.then(async () => runAlone(args, options));
	lastRun = turn.catch(() => undefined);
	return turn;
}

let lastRun: Promise<unknown> = Promise.resolve();

async function runAlone(args: readonly string[], options: CliOptions): Promise<CliRun> {
	const {environment, ownHome} = scriptEnvironment(options);
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	const io = {stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), environment};
	io.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
	io.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
	io.stdin.end(options.input ?? '');
	const testEnvironment = process.env;
	process.env = environment;
	try {
		const commandLine = await runCommandLine(args, io);
		if (commandLine.kind !== 'done') throw new Error(`blogterm ${args.join(' ')} would open the reader`);
		return toRun(commandLine.exitCode, stdout, stderr);
	} finally {
		process.env = testEnvironment;
		// A late answer may still be written to its cache as the run ends (the HTTP cache writes after it answers): tried again.
		if (ownHome) rmSync(ownHome, {recursive: true, force: true, maxRetries: 10, retryDelay: 20});
	}
}

/**
 * Runs the built CLI as a script would: stdout and stderr are pipes, stdin is `input` or empty,
 * colour variables unset unless given. Resolves when the process has exited.
 */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
	const {environment, ownHome} = scriptEnvironment(options);
	const child = spawn(process.execPath, [builtCli, ...args], {
		cwd: repoRoot,
		env: environment,
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	child.stdout.on('data', chunk => stdout.push(chunk as Buffer));
	child.stderr.on('data', chunk => stderr.push(chunk as Buffer));
	child.stdin.on('error', () => undefined);
	child.stdin.end(options.input ?? '');
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	if (ownHome) rmSync(ownHome, {recursive: true, force: true});
	return toRun(code, stdout, stderr);
}

/** Any escape sequence or control character but newline and tab. */
export const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

