// Two builds side by side, on a busy machine: `node --import tsx bench/compare.ts OLD/cli.js NEW/cli.js [runs]`.
// Runs A B A B … (so that a slow moment falls on both) and prints, for each, the median and worst wall
// time and the median CPU time (user+sys of the whole process for print mode; the main thread's up to
// the first frame for the reader), which moves much less than wall time when others use the cores.
// Cases: print one post (as bench case 1), interactive start → first list frame (case 2), the home
// screen's first frame with one blog followed, each against the fixture server (bench/fixture-server.ts),
// and the home screen's first frame with 500 blogs and 100,000 posts stored (bench case 8), against
// bench/many-blogs-server.ts; each build with its own store (the code cache warm: one run of each first).
// BENCH_ONLY=print,reader,home,many runs only those cases (the last one fills its store first: ≈30 s).
// A build copied out of the repository finds better-sqlite3 in the repository's node_modules (NODE_PATH).
import {spawn} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {startFixtureServer} from './fixture-server.js';
import {fixtureIds} from './fixtures.js';
import {startManyBlogsServer} from './many-blogs-server.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [first, second, runsText] = process.argv.slice(2);
if (!first || !second) {
	process.stderr.write('usage: node --import tsx bench/compare.ts OLD/cli.js NEW/cli.js [runs] (BENCH_LATENCY_MS=50 adds latency)\n');
	process.exit(2);
}
const runs = Number(runsText ?? 9);
const latencyMs = Number(process.env['BENCH_LATENCY_MS'] ?? 0);
const only = process.env['BENCH_ONLY']?.split(',').map(name => name.trim());

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function environment(home: string): NodeJS.ProcessEnv {
	const copy: NodeJS.ProcessEnv = {...process.env, BLOGTERM_HOME: home, TERM: 'xterm-256color', NODE_PATH: join(root, 'node_modules')};
	for (const key of ['CI', 'NODE_OPTIONS', 'FORCE_COLOR', 'NO_COLOR', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME']) delete copy[key];
	return copy;
}

/** Runs the CLI to its end (setting up a store); a failure stops the comparison with what it said. */
async function runToEnd(cli: string, home: string, args: string[]): Promise<void> {
	const child = spawn('node', [cli, ...args], {env: environment(home), cwd: root, stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const code = await new Promise(resolve => child.on('close', resolve));
	if (code !== 0) throw new Error(`${cli} ${args.join(' ')}: exit ${String(code)}: ${stderr.trim()}`);
}

async function printRun(cli: string, home: string, url: string): Promise<{ms: number; cpuMs: number}> {
	const start = performance.now();
	const child = spawn('/usr/bin/time', ['-f', '@@cpu=%U %S', 'node', cli, url, '--post', String(fixtureIds.normal), '--format', 'text'], {env: environment(home), stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	await new Promise(resolve => child.on('close', resolve));
	const ms = performance.now() - start;
	const cpu = /@@cpu=([\d.]+) ([\d.]+)/.exec(stderr);
	if (!cpu) throw new Error(`print run failed: ${stderr}`);
	return {ms, cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000};
}

async function readerRun(cli: string, home: string, url: string): Promise<{ms: number; cpuMs: number}> {
	return inPty(['node', cli, url], home, 'Page 1 of');
}

/** The home screen (bench case 8's start), with the fixture blog followed in a home of its own. */
async function homeRun(cli: string, home: string, url: string): Promise<{ms: number; cpuMs: number}> {
	const followed = join(home, 'following');
	if (!existsSync(followed)) await runToEnd(cli, followed, ['--follow', url]);
	return inPty(['node', cli], followed, 'Followed blogs (1)');
}

/** Bench case 8's store (500 blogs of 200 posts), filled once by the first build, then copied for each. */
let manyStore: {server: Awaited<ReturnType<typeof startManyBlogsServer>>; folder: string} | undefined;

/** The home screen with 500 blogs and 100,000 posts stored (bench case 8's start; its server up, as there). */
async function manyRun(cli: string, home: string): Promise<{ms: number; cpuMs: number}> {
	if (!manyStore) {
		const server = await startManyBlogsServer(500, 200);
		const filled = mkdtempSync(join(tmpdir(), 'blogterm-compare-many-'));
		const opml = join(filled, 'subscriptions.opml');
		writeFileSync(opml, server.opml());
		await runToEnd(cli, join(filled, 'home'), ['--import', opml]);
		await runToEnd(cli, join(filled, 'home'), ['--refresh']);
		manyStore = {server, folder: filled};
	}
	const stored = join(home, 'many');
	if (!existsSync(stored)) cpSync(join(manyStore.folder, 'home', 'data'), join(stored, 'data'), {recursive: true});
	return inPty(['node', cli], stored, 'Followed blogs (500)');
}

async function inPty(command: string[], home: string, waitFor: string): Promise<{ms: number; cpuMs: number}> {
	const spec = {command, env: environment(home), cwd: root, columns: 100, rows: 24, steps: [{label: 'first frame', waitFor, timeoutMs: 20_000}], idleMs: 0, waitForExit: false};
	const child = spawn('python3', [join(root, 'bench', 'pty-driver.py'), JSON.stringify(spec)], {stdio: ['ignore', 'pipe', 'inherit']});
	let stdout = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	await new Promise(resolve => child.on('close', resolve));
	const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {steps: Array<{ms: number; cpuMs: number}>; error: string | null};
	if (result.error || !result.steps[0]) throw new Error(`reader run failed: ${result.error}`);
	return {ms: result.steps[0].ms, cpuMs: result.steps[0].cpuMs};
}

const server = await startFixtureServer({latencyMs});
const builds = [first, second].map(cli => ({cli, home: mkdtempSync(join(tmpdir(), 'blogterm-compare-'))}));
process.stdout.write(`load average ${loadavg().map(value => value.toFixed(1)).join(' ')}; ${runs} runs each, A B A B; latency ${latencyMs} ms\n`);
const cases = [['print', 'print one post', printRun], ['reader', 'interactive start → list', readerRun], ['home', 'home screen first frame', homeRun], ['many', 'home, 100,000 posts', manyRun]] as const;
for (const [key, name, run] of cases) {
	if (only && !only.includes(key)) continue;
	const results = builds.map(() => [] as Array<{ms: number; cpuMs: number}>);
	for (const build of builds) await run(build.cli, build.home, server.url);
	for (let index = 0; index < runs; index++) {
		for (const [position, build] of builds.entries()) results[position]!.push(await run(build.cli, build.home, server.url));
	}
	for (const [position, build] of builds.entries()) {
		const times = results[position]!;
		process.stdout.write(`${name.padEnd(26)} ${position === 0 ? 'A' : 'B'} wall median ${median(times.map(time => time.ms)).toFixed(0)} ms, worst ${Math.max(...times.map(time => time.ms)).toFixed(0)} ms; CPU median ${median(times.map(time => time.cpuMs)).toFixed(0)} ms  (${build.cli})\n`);
	}
}
process.stdout.write(`load average ${loadavg().map(value => value.toFixed(1)).join(' ')}\n`);
await server.close();
await manyStore?.server.close();
// The stores (the 100,000 posts' one is ≈250 MB a copy).
for (const folder of [...builds.map(build => build.home), ...(manyStore ? [manyStore.folder] : [])]) rmSync(folder, {recursive: true, force: true});
