import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/*
Runs the built blogterm (dist/cli.js, `npm run build`) the way a script would: a child process,
stdout piped (so print mode), its settings in a throwaway home so nothing the suite does touches
the user's own. Against the demo blog (in `npm test`) the same command lines run in the test's own
process instead, through the `runCommandLine` the CLI calls (runBlogtermInThisProcess).
*/

/** dist/cli.js, or another build of it named by BLOGTERM_E2E_CLI. */
export const cliPath = process.env['BLOGTERM_E2E_CLI'] || fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

export type Run = {
	readonly args: readonly string[];
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
};

const home = mkdtempSync(join(tmpdir(), 'blogterm-e2e-home-'));
process.on('exit', () => rmSync(home, {recursive: true, force: true}));

let inThisProcess = false;

/**
 * From now on, runBlogterm runs each command line in this process, as tests/script/run-cli.ts's
 * runInProcess does: the same command line, its output through pipes, its files in the same throwaway
 * home (as BLOGTERM_HOME, since the XDG variables are read when the process starts). Some fifty runs
 * no longer start a Node process each.
 */
export function runBlogtermInThisProcess(): void {
	inThisProcess = true;
}

export async function runBlogterm(args: readonly string[], options: {stdin?: string} = {}): Promise<Run> {
	if (inThisProcess) {
		const {runInProcess} = await import('../../script/run-cli.js');
		const run = await runInProcess(args, {home, env: {NO_COLOR: '1'}, ...(options.stdin === undefined ? {} : {input: options.stdin})});
		return {args, code: run.code, stdout: run.stdout, stderr: run.stderr};
	}
	const environment: NodeJS.ProcessEnv = {
		...process.env,
		HOME: home,
		XDG_CONFIG_HOME: join(home, 'config'),
		XDG_DATA_HOME: join(home, 'data'),
		XDG_CACHE_HOME: join(home, 'cache'),
		NO_COLOR: '1',
	};
	delete environment['FORCE_COLOR'];
	delete environment['BLOGTERM_WP_USER'];
	delete environment['BLOGTERM_WP_APP_PASSWORD'];

	const child = spawn(process.execPath, [cliPath, ...args], {env: environment, stdio: ['pipe', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	child.stdin.on('error', () => undefined);
	child.stdin.end(options.stdin ?? '');
	const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	clearTimeout(timer);
	return {args, code, stdout, stderr};
}

/** A run's stdout as JSON, or a failure that shows what blogterm said. */
export function jsonOf<T>(run: Run): T {
	try {
		return JSON.parse(run.stdout) as T;
	} catch {
		throw new Error(`blogterm ${run.args.join(' ')} printed no JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
	}
}

/** For assertion messages: what blogterm was asked and what it said. */
export function describeRun(run: Run): string {
	return `blogterm ${run.args.map(arg => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(' ')}\n→ exit ${run.code}\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr}`;
}

/** The lines blogterm wrote on stderr. */
export function stderrLines(run: Run): string[] {
	return run.stderr.split('\n').filter(line => line.length > 0);
}

// The JSON documents print mode writes (issue 5).
export type PostLinkJson = {id: number | string; title: string; link: string};
export type CommentJson = {id: number | string; parent: number | string; type: 'comment' | 'pingback' | 'trackback'; author: string; authorUrl: string | null; date: string | null; text: string};
export type PostJson = {
	id: number | string;
	title: string;
	link: string;
	date: string | null;
	author: string;
	categories: Array<string | {name: string}>;
	tags: Array<string | {name: string}>;
	excerpt: string;
	text: string;
	html: string;
	commentsOpen: boolean;
	commentCount: number | null;
	previous: PostLinkJson | null;
	next: PostLinkJson | null;
	related: unknown[];
	comments?: CommentJson[];
};
export type PostListJson = {
	page: number;
	totalPages: number;
	total: number;
	posts: Array<{id: number | string; title: string; link: string; date: string | null; author: string; commentCount: number | null; excerpt: string}>;
};
export type CommentSentJson = {schemaVersion: number; status: 'approved' | 'held'; id: number | string | null; link: string | null};
