import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {PassThrough} from 'node:stream';
import {theme, setTheme} from '../../source/render/theme.js';
import {runCommandLine} from '../../source/script/run-argv.js';
import type {ScriptIo} from '../../source/script/run-script.js';
import {checkoutCacheDir} from '../../scripts/lib/checkout-cache.mjs';

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

/**
 * A home of its own (temporaryHome) for a process of the built CLI, whose code cache (cache/code,
 * source/startup/code-cache.ts) is one folder that all such homes of this checkout share. The CLI
 * compiles its 2 MB of JavaScript again, and writes a cache of it, in each home without one (the two
 * dozen processes of a run took 7.3–7.4 s of CPU so, 6.4–6.8 s sharing one; `--demo --list` alone
 * 0.41 s, 0.28 s with the cache). The cache is checked (its build, Node and SHA-1) before it is used,
 * and written whole or not at all, so processes at once share it safely; tests/startup/code-cache.test.ts
 * checks the cache itself, in a home of its own.
 */
export function homeForBuiltCli(): string {
	const home = temporaryHome();
	const shared = checkoutCacheDir(repoRoot, 'blogterm-tests-cli-code');
	mkdirSync(shared, {recursive: true, mode: 0o700});
	mkdirSync(join(home, 'cache'), {mode: 0o700});
	symlinkSync(shared, join(home, 'cache', 'code'));
	return home;
}

/** What a script's environment is: the test's, without colour settings or a WordPress password, and a home of its own (made by `makeHome`). */
function scriptEnvironment(options: CliOptions, makeHome: () => string): {environment: NodeJS.ProcessEnv; ownHome: string | undefined} {
	const environment: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'BLOGTERM_WP_USER', 'BLOGTERM_WP_APP_PASSWORD']) delete environment[name];
	// A home made for this run alone is removed after it; one the caller gave is the caller's.
	const ownHome = options.home === undefined && options.env?.['BLOGTERM_HOME'] === undefined ? makeHome() : undefined;
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
 * `runCommandLine` in this process, which then is as it found it: a run chooses the theme for the rest of
 * its process (--theme, --color, NO_COLOR), as the CLI does once at start-up, and a test file shares its
 * process with others (scripts/run-tests.mjs), whose screens would be drawn in it.
 */
export async function runCommandLineHere(args: readonly string[], io: ScriptIo): ReturnType<typeof runCommandLine> {
	const themeBefore = theme;
	try {
		return await runCommandLine(args, io);
	} finally {
		setTheme(themeBefore);
	}
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
	const {environment, ownHome} = scriptEnvironment(options, temporaryHome);
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	const io = {stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), environment};
	io.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
	io.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
	io.stdin.end(options.input ?? '');
	const testEnvironment = process.env;
	process.env = environment;
	try {
		const commandLine = await runCommandLineHere(args, io);
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
	const {environment, ownHome} = scriptEnvironment(options, homeForBuiltCli);
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

