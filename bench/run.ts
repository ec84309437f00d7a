// `npm run bench`: how fast blogterm is, against the floor, measured side by side (issue 9).
//
// Starts a WordPress-like blog and a 10,000-item feed on 127.0.0.1 (bench/fixture-server.ts), runs
// each case several times, prints a table of medians (and worst where it matters), the floor, the
// ratio, the target and whether it was met, and writes the same to .bench-results/ (gitignored) as
// JSON and as the Markdown table for the README. A bench run never fails: misses are reported, and
// the exit code is 0 even when a case could not be measured.
//
// Cases 7 and 8 follow 500 blogs (bench/many-blogs-server.ts) and set newsboat, where it is installed,
// to the same work in the same run (`newsboat -x reload`, as many fetches at once as blogterm).
//
// Options: --quick (fewer runs), --only=1,3 (some cases), --runs-scale=N (multiply run counts).

import {spawn} from 'node:child_process';
import {build} from 'esbuild';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {cpus, loadavg, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {criticalRoundTrips, startFixtureServer, type FixtureServer} from './fixture-server.js';
import {startManyBlogsServer} from './many-blogs-server.js';
import {fixtureIds} from './fixtures.js';
import {caseSearchInPost, caseSearchStore} from './search-case.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// BENCH_CLI runs another build (a copy of dist/ from before a change), to compare side by side.
const cli = process.env['BENCH_CLI'] ?? join(root, 'dist', 'cli.js');
/**
 * How every case starts blogterm: the bin itself, as a user's `blogterm` does (its shebang line says
 * how Node is started, with the flags it gives Node), not `node dist/cli.js`, which would leave them out.
 */
const blogterm = [cli] as const;
const floorScript = join(root, 'bench', 'floor.mjs');
const ptyDriver = join(root, 'bench', 'pty-driver.py');
const resultsDir = join(root, '.bench-results');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.find(argument => argument.startsWith('--only='))?.slice('--only='.length).split(',').map(Number);
const scale = Number(argv.find(argument => argument.startsWith('--runs-scale='))?.slice('--runs-scale='.length) ?? 1) * (quick ? 0.34 : 1);
const runsOf = (count: number) => Math.max(quick ? 2 : 3, Math.round(count * scale));

/** The terminal the interactive cases run in: 100 columns (Related Posts under the post), 24 rows. */
const terminal = {columns: 100, rows: 24};
/** Keys arrive at 25 a second, a usual key-repeat rate, not faster than frames can be drawn. */
const keyIntervalMs = 40;

type Row = {
	readonly case: string;
	readonly measure: string;
	readonly unit: 'ms' | 'MB' | 'MB/s';
	readonly median: number | undefined;
	readonly worst?: number | undefined;
	readonly floor?: number | undefined;
	/** For ratio targets: the most median/floor may be. */
	readonly maxRatio?: number;
	/** For absolute targets: the most the median (or worst, with onWorst) may be. */
	readonly max?: number;
	readonly onWorst?: boolean;
	readonly runs: number;
	readonly note?: string;
	readonly error?: string;
};

const rows: Row[] = [];
const details: Record<string, unknown> = {};

// ---------------------------------------------------------------- measuring

const median = (values: readonly number[]) => {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const worst = (values: readonly number[]) => (values.length === 0 ? undefined : Math.max(...values));

/** The environment every measured program runs in: its own blogterm home, and nothing that makes Ink think it is in CI. */
let benchEnvironment: NodeJS.ProcessEnv = {};

function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {...process.env, ...benchEnvironment, ...extra};
	for (const key of Object.keys(environment)) {
		if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_') || key === 'NODE_OPTIONS' || key === 'FORCE_COLOR' || key === 'NO_COLOR') delete environment[key];
	}
	return environment;
}

type ProcessRun = {ms: number; maxRssMiB: number | undefined; code: number | null; stdout: string; stderr: string};

/** Runs a program with stdout to a pipe (as a script would), timing it from spawn to exit; peak RSS from /usr/bin/time. */
async function timeProcess(command: readonly string[]): Promise<ProcessRun> {
	const useTime = hasGnuTime;
	const args = useTime ? ['-f', '@@maxrss=%M', ...command] : command.slice(1);
	const start = performance.now();
	const child = spawn(useTime ? '/usr/bin/time' : command[0]!, args, {env: childEnvironment(), stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		if (stdout.length < 2_000_000) stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	const ms = performance.now() - start;
	const rss = /@@maxrss=(\d+)/.exec(stderr);
	return {ms, maxRssMiB: rss ? Number(rss[1]) / 1024 : undefined, code, stdout, stderr: stderr.replace(/@@maxrss=\d+\n?/, '')};
}

type PtyStep = {label: string; send?: string; waitFor?: string; timeoutMs?: number; pauseMs?: number};
type PtyResult = {steps: Array<{label: string; ms: number; cpuMs?: number | null}>; vmHWMKiB: number | null; vmRSSKiB: number | null; error: string | null};

/** Runs a program in a pseudo-terminal through bench/pty-driver.py. */
async function runInPty(command: readonly string[], steps: readonly PtyStep[], options: {idleMs?: number; waitForExit?: boolean} = {}): Promise<PtyResult> {
	const spec = {command, env: childEnvironment({TERM: 'xterm-256color'}), cwd: root, ...terminal, steps, idleMs: options.idleMs ?? 0, waitForExit: options.waitForExit ?? false};
	const child = spawn('python3', [ptyDriver, JSON.stringify(spec)], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	await new Promise(resolve => child.on('close', resolve));
	try {
		return JSON.parse(stdout.trim().split('\n').at(-1)!) as PtyResult;
	} catch {
		return {steps: [], vmHWMKiB: null, vmRSSKiB: null, error: `the pty driver failed: ${stderr.trim().split('\n').at(-1) ?? 'no output'}`};
	}
}

let hasGnuTime = false;

async function detectTools(): Promise<{python: boolean}> {
	const works = async (command: string, args: string[]) => new Promise<boolean>(resolve => {
		const child = spawn(command, args, {stdio: 'ignore'});
		child.on('error', () => resolve(false));
		child.on('close', code => resolve(code === 0));
	});
	hasGnuTime = await works('/usr/bin/time', ['-f', '%M', 'true']);
	return {python: await works('python3', ['-c', 'import pty, termios, fcntl'])};
}

function log(message: string): void {
	process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------- cases

/** 1. Print one post, whole process, against node doing the same single GET and write. */
async function casePrintPost(server: FixtureServer): Promise<void> {
	const runs = runsOf(15);
	const command = [...blogterm, server.url, '--post', String(fixtureIds.normal), '--format', 'text'];
	const viaRestRoot = [...blogterm, `${server.url}wp-json/`, '--post', String(fixtureIds.normal), '--format', 'text'];
	const floor = ['node', floorScript, server.postRestUrl(fixtureIds.normal)];
	// One run of each first: the server computes its answers, the disk cache and the page cache warm up.
	server.requests.length = 0;
	const first = await timeProcess(command);
	const requests = [...server.requests];
	await timeProcess(viaRestRoot);
	await timeProcess(floor);
	if (first.code !== 0) {
		rows.push({case: '1', measure: 'print one post (--format text)', unit: 'ms', median: undefined, runs: 0, error: `exit ${first.code}: ${first.stderr.trim()}`});
		return;
	}
	const times: number[] = [];
	const rootTimes: number[] = [];
	const floors: number[] = [];
	// Interleaved, so that a slow moment of the machine falls on both.
	for (let index = 0; index < runs; index++) {
		times.push((await timeProcess(command)).ms);
		rootTimes.push((await timeProcess(viaRestRoot)).ms);
		floors.push((await timeProcess(floor)).ms);
	}
	details['printPost'] = {times, rootTimes, floors, requests, outputLines: first.stdout.split('\n').length};
	const floorMedian = median(floors);
	rows.push({case: '1', measure: 'print one post (--post ID --format text)', unit: 'ms', median: median(times), worst: worst(times), floor: floorMedian, maxRatio: 1.3, runs, note: `${requests.length} requests`});
	rows.push({case: '1b', measure: '… SITE given as its /wp-json/ root', unit: 'ms', median: median(rootTimes), worst: worst(rootTimes), floor: floorMedian, maxRatio: 1.3, runs, note: 'no home page fetched'});
}

/** 2. Interactive start to the first frame showing the post list, in a pseudo-terminal. */
async function caseInteractiveStart(server: FixtureServer): Promise<void> {
	const runs = runsOf(10);
	const start = (): Promise<PtyResult> => runInPty([...blogterm, server.url], [{label: 'list', waitFor: 'Page 1 of', timeoutMs: 20_000}]);
	const floor = (): Promise<PtyResult> => runInPty(['node', floorScript, server.url], [], {waitForExit: true});
	await start();
	await floor();
	const times: number[] = [];
	const cpu: number[] = [];
	const floors: number[] = [];
	let error: string | undefined;
	for (let index = 0; index < runs; index++) {
		const result = await start();
		if (result.error) error = result.error;
		else {
			times.push(result.steps[0]!.ms);
			if (result.steps[0]!.cpuMs) cpu.push(result.steps[0]!.cpuMs);
		}
		const floorResult = await floor();
		if (!floorResult.error) floors.push(floorResult.steps.at(-1)!.ms);
	}
	details['interactiveStart'] = {times, cpu, floors};
	rows.push({case: '2', measure: 'interactive start → first list frame (pty)', unit: 'ms', median: median(times), worst: worst(times), floor: median(floors), maxRatio: 2.5, runs: times.length, note: `stretch 2×; main thread CPU ${median(cpu)?.toFixed(0) ?? '?'} ms`, error});
}

/** 3. Opening a post from the list, and paging a 20,000-line post: key to frame. */
async function caseKeyToFrame(server: FixtureServer): Promise<void> {
	const opens = quick ? 5 : 10;
	const steps: PtyStep[] = [{label: 'list', waitFor: 'Page 1 of', timeoutMs: 20_000}];
	for (let index = 0; index < opens; index++) {
		steps.push({label: 'open', send: '\r', waitFor: 'lines 1–', pauseMs: keyIntervalMs});
		steps.push({label: 'back', send: '\u001B', waitFor: 'Page 1 of', pauseMs: keyIntervalMs});
		// The next post; its frame differs only in the highlight, so give it the time a key takes.
		steps.push({label: 'down', send: 'j', pauseMs: keyIntervalMs});
	}
	const sessions = quick ? 1 : 2;
	const openTimes: number[] = [];
	let error: string | undefined;
	for (let session = 0; session < sessions; session++) {
		const result = await runInPty([...blogterm, server.url], steps);
		if (result.error) error = result.error;
		openTimes.push(...result.steps.filter(step => step.label === 'open').map(step => step.ms));
	}
	details['openPost'] = openTimes;
	rows.push({case: '3a', measure: 'open a post from the list (Enter → post frame)', unit: 'ms', median: median(openTimes), worst: worst(openTimes), max: 16, runs: openTimes.length, note: 'includes fetching it from 127.0.0.1', error});

	// Paging: rows 24 → the reader takes all 24 (the last row too), 23 lines of text, a page is 2 lines less.
	const page = Math.max(1, Math.max(1, Math.max(3, terminal.rows) - 1) - 2);
	const pages = quick ? 30 : 80;
	const pagingSteps: PtyStep[] = [{label: 'open', waitFor: 'lines 1–', timeoutMs: 30_000}];
	let top = 0;
	for (let index = 0; index < pages; index++) {
		top += page;
		pagingSteps.push({label: 'page', send: ' ', waitFor: `lines ${top + 1}–`, pauseMs: keyIntervalMs});
	}
	for (let index = 0; index < 10; index++) {
		top -= page;
		pagingSteps.push({label: 'page', send: 'b', waitFor: `lines ${top + 1}–`, pauseMs: keyIntervalMs});
	}
	pagingSteps.push({label: 'end', send: 'G', waitFor: '· 100%', pauseMs: keyIntervalMs});
	pagingSteps.push({label: 'top', send: 'g', waitFor: 'lines 1–', pauseMs: keyIntervalMs});
	const pageTimes: number[] = [];
	const jumpTimes: number[] = [];
	const openLong: number[] = [];
	let pagingError: string | undefined;
	for (let session = 0; session < sessions; session++) {
		const result = await runInPty([...blogterm, server.url, '--post', String(fixtureIds.long)], pagingSteps);
		if (result.error) pagingError = result.error;
		pageTimes.push(...result.steps.filter(step => step.label === 'page').map(step => step.ms));
		jumpTimes.push(...result.steps.filter(step => step.label === 'end' || step.label === 'top').map(step => step.ms));
		openLong.push(...result.steps.filter(step => step.label === 'open').map(step => step.ms));
	}
	details['paging'] = {pageTimes, jumpTimes, openLong};
	rows.push({case: '3b', measure: 'page a 20,000-line post (Space/b → frame)', unit: 'ms', median: median(pageTimes), worst: worst(pageTimes), max: 16, runs: pageTimes.length, error: pagingError});
	rows.push({case: '3c', measure: '… jump to its end and top (G, g → frame)', unit: 'ms', median: median(jumpTimes), worst: worst(jumpTimes), max: 16, runs: jumpTimes.length, error: pagingError});
	rows.push({case: '3d', measure: '… start at it (--post, whole process → first frame)', unit: 'ms', median: median(openLong), worst: worst(openLong), runs: openLong.length, note: 'for information'});
}

/**
 * 10. As a real blog answers: 50 ms added to every answer of the fixture server (and to the floor's one
 * GET). Print one post, interactive start → first list frame, and Enter → post frame (fetched ahead
 * while the list was shown), each with the round trips on its critical path (requests sent only after
 * another was answered; those sent together count once).
 */
async function caseWithLatency(): Promise<void> {
	const latencyMs = 50;
	const server = await startFixtureServer({latencyMs});
	try {
		const runs = runsOf(7);
		const print = [...blogterm, server.url, '--post', String(fixtureIds.normal), '--format', 'text'];
		const floor = ['node', floorScript, server.postRestUrl(fixtureIds.normal)];
		const reader = (): PtyStep[] => [{label: 'list', waitFor: 'Page 1 of', timeoutMs: 20_000}, {label: 'wait', pauseMs: 1500}, {label: 'open', send: '\r', waitFor: 'lines 1–', pauseMs: keyIntervalMs}];
		// Once each first: the code cache, the disk cache and what blogterm remembers of the site are made.
		await timeProcess(print);
		await runInPty([...blogterm, server.url], reader());
		const printTimes: number[] = [];
		const floors: number[] = [];
		const starts: number[] = [];
		const opens: number[] = [];
		const printTrips: number[] = [];
		const startTrips: number[] = [];
		let error: string | undefined;
		for (let index = 0; index < runs; index++) {
			server.timings.length = 0;
			const printed = await timeProcess(print);
			if (printed.code === 0) printTimes.push(printed.ms);
			else error = `exit ${printed.code}: ${printed.stderr.trim()}`;
			printTrips.push(criticalRoundTrips(server.timings));
			floors.push((await timeProcess(floor)).ms);
			server.timings.length = 0;
			const spawnedAt = performance.now();
			const result = await runInPty([...blogterm, server.url], reader());
			if (result.error) error = result.error;
			else {
				const list = result.steps.find(step => step.label === 'list');
				const open = result.steps.find(step => step.label === 'open');
				if (list) {
					starts.push(list.ms);
					// The driver's clock starts a little after the spawn: a request answered just after the frame is not counted.
					startTrips.push(criticalRoundTrips(server.timings, spawnedAt + list.ms));
				}
				if (open) opens.push(open.ms);
			}
		}
		details['latency'] = {latencyMs, printTimes, floors, starts, opens, printTrips, startTrips};
		const floorMedian = median(floors);
		rows.push({case: '10a', measure: `print one post, ${latencyMs} ms a round trip`, unit: 'ms', median: median(printTimes), worst: worst(printTimes), floor: floorMedian, maxRatio: 2, runs: printTimes.length, note: `${median(printTrips) ?? '?'} round trips on the critical path (floor: 1)`, error});
		rows.push({case: '10b', measure: '… interactive start → first list frame (pty)', unit: 'ms', median: median(starts), worst: worst(starts), floor: floorMedian, maxRatio: 2.5, runs: starts.length, note: `${median(startTrips) ?? '?'} round trips on the critical path`});
		rows.push({case: '10c', measure: '… open a post from the list (Enter → post frame)', unit: 'ms', median: median(opens), worst: worst(opens), max: 60, runs: opens.length, note: 'fetched ahead: 0 round trips after the key'});
	} finally {
		await server.close();
	}
}

/** 4. Rendering a 1 MB HTML post to lines at 100 columns, in a fresh process (cold) and again (warm). */
async function caseRenderHtml(): Promise<void> {
	const runs = runsOf(5);
	const cold: number[] = [];
	const warm: number[] = [];
	const parseCold: number[] = [];
	let bytes = 0;
	let lines = 0;
	let error: string | undefined;
	const bundle = join(resultsDir, 'render-case.mjs');
	await mkdir(resultsDir, {recursive: true});
	await build({
		entryPoints: [join(root, 'bench', 'render-case.ts')],
		outfile: bundle,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		define: {'process.env.NODE_ENV': '"production"'},
		logLevel: 'warning',
	});
	for (let index = 0; index < runs; index++) {
		for (const mode of ['render', 'parse'] as const) {
			const result = await timeProcess(['node', bundle, mode, '5']);
			try {
				const parsed = JSON.parse(result.stdout) as {coldMs: number; warmMs: number[]; bytes: number; lines: number};
				if (mode === 'render') {
					cold.push(parsed.coldMs);
					warm.push(median(parsed.warmMs)!);
					bytes = parsed.bytes;
					lines = parsed.lines;
				} else {
					parseCold.push(parsed.coldMs);
				}
			} catch {
				error = `render-case.ts ${mode}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`;
			}
		}
	}
	const megabytes = bytes / 1_000_000;
	details['renderHtml'] = {cold, warm, parseCold, bytes, lines};
	const coldMedian = median(cold);
	rows.push({case: '4', measure: `render 1 MB HTML at 100 columns (first call; ${lines} lines)`, unit: 'ms', median: coldMedian, worst: worst(cold), floor: median(parseCold), max: 100, runs: cold.length, note: 'floor: htmlparser2 parse alone', error});
	rows.push({case: '4b', measure: '… again in the same process (warm)', unit: 'ms', median: median(warm), worst: worst(warm), max: 100, runs: warm.length});
	if (coldMedian) rows.push({case: '4c', measure: '… throughput, first call', unit: 'MB/s', median: megabytes / (coldMedian / 1000), runs: cold.length});
}

/** 5. A 10,000-item feed: fetch, parse and first frame (pty), and the same printed as a list; peak memory. */
async function caseBigFeed(server: FixtureServer): Promise<void> {
	const runs = runsOf(5);
	const times: number[] = [];
	const peaks: number[] = [];
	let error: string | undefined;
	await timeProcess(['node', floorScript, server.feedUrl]);
	for (let index = 0; index < runs; index++) {
		const result = await runInPty([...blogterm, server.feedUrl], [{label: 'list', waitFor: 'Page 1 of', timeoutMs: 30_000}], {idleMs: 500});
		if (result.error) error = result.error;
		else times.push(result.steps[0]!.ms);
		if (result.vmHWMKiB) peaks.push(result.vmHWMKiB / 1024);
	}
	const printTimes: number[] = [];
	const printPeaks: number[] = [];
	const floors: number[] = [];
	let printError: string | undefined;
	server.requests.length = 0;
	let feedFetches = 0;
	for (let index = 0; index < runs; index++) {
		server.requests.length = 0;
		const result = await timeProcess([...blogterm, server.feedUrl, '--list', '--format', 'text']);
		feedFetches += server.requests.filter(url => url.startsWith('/feed.xml')).length;
		if (result.code === 0) {
			printTimes.push(result.ms);
			if (result.maxRssMiB) printPeaks.push(result.maxRssMiB);
		} else {
			printError = `exit ${result.code}: ${result.stderr.trim()}`;
		}
		floors.push((await timeProcess(['node', floorScript, server.feedUrl])).ms);
	}
	const feedRequests = feedFetches / runs;
	details['bigFeed'] = {times, peaks, printTimes, printPeaks, floors, feedFetchesPerRun: feedRequests};
	const floor = median(floors);
	rows.push({case: '5', measure: '10,000-item feed: fetch + parse + first frame (pty)', unit: 'ms', median: median(times), worst: worst(times), floor, max: 1000, runs: times.length, note: `feed fetched ${feedRequests}× a run`, error});
	rows.push({case: '5b', measure: '… its peak memory (VmHWM)', unit: 'MB', median: median(peaks), worst: worst(peaks), max: 150, runs: peaks.length});
	rows.push({case: '5c', measure: '… printed as a list (--list), whole process', unit: 'ms', median: median(printTimes), worst: worst(printTimes), floor, max: 1500, runs: printTimes.length, error: printError});
	rows.push({case: '5d', measure: '… its peak memory (max RSS)', unit: 'MB', median: median(printPeaks), worst: worst(printPeaks), max: 250, runs: printPeaks.length});
}

/** 6. Memory of the reader idling on the demo blog after opening ten posts. */
async function caseIdleMemory(): Promise<void> {
	const runs = quick ? 1 : 3;
	const steps: PtyStep[] = [{label: 'list', waitFor: 'Page 1 of', timeoutMs: 20_000}];
	for (let index = 0; index < 10; index++) {
		steps.push({label: 'open', send: '\r', waitFor: 'lines 1–', pauseMs: keyIntervalMs, timeoutMs: 20_000});
		steps.push({label: 'back', send: '\u001B', waitFor: 'Page 1 of', pauseMs: keyIntervalMs});
		if (index < 9) steps.push({label: 'down', send: 'j', pauseMs: keyIntervalMs});
	}
	const resident: number[] = [];
	const peaks: number[] = [];
	let error: string | undefined;
	for (let run = 0; run < runs; run++) {
		const result = await runInPty([...blogterm], steps, {idleMs: 3000});
		if (result.error) error = result.error;
		else if (result.vmRSSKiB) {
			resident.push(result.vmRSSKiB / 1024);
			if (result.vmHWMKiB) peaks.push(result.vmHWMKiB / 1024);
		}
	}
	details['idleMemory'] = {resident, peaks};
	rows.push({case: '6', measure: 'reader idle on the demo blog after opening ten posts (RSS)', unit: 'MB', median: median(resident), worst: worst(resident), max: 100, runs: resident.length, note: `peak ${median(peaks)?.toFixed(0) ?? '?'} MB`, error});
}

/** Whether newsboat is installed (Debian's package), to set it to the same work. */
async function newsboatWorks(): Promise<boolean> {
	return new Promise(resolve => {
		const child = spawn('newsboat', ['--version'], {stdio: 'ignore'});
		child.on('error', () => resolve(false));
		child.on('close', code => resolve(code === 0));
	});
}

/** 7. 500 followed blogs (half WordPress-like, half feed-only, 20–50 posts each): a full refresh into a new store, and one where nothing changed; newsboat doing the same. */
async function caseRefreshMany(): Promise<void> {
	const runs = runsOf(3);
	const server = await startManyBlogsServer(500);
	const folder = await mkdtemp(join(tmpdir(), 'blogterm-bench-many-'));
	try {
		const opml = join(folder, 'subscriptions.opml');
		await writeFile(opml, server.opml());
		await writeFile(join(folder, 'urls'), `${server.blogs.map(blog => blog.feed).join('\n')}\n`);
		await writeFile(join(folder, 'newsboat-config'), `reload-threads ${refreshConcurrency}\n`);
		const full: ProcessRun[] = [];
		const unchanged: ProcessRun[] = [];
		const newsboatFull: number[] = [];
		const newsboatUnchanged: number[] = [];
		const newsboatPeaks: number[] = [];
		const hasNewsboat = await newsboatWorks();
		let error: string | undefined;
		let notModified = 0;
		for (let run = 0; run < runs; run++) {
			const home = join(folder, `home-${run}`);
			benchEnvironment = {...benchEnvironment, BLOGTERM_HOME: home};
			const imported = await timeProcess([...blogterm, '--import', opml]);
			if (imported.code !== 0) {
				error = `--import: exit ${imported.code}: ${imported.stderr.trim()}`;
				break;
			}
			const first = await timeProcess([...blogterm, '--refresh']);
			if (first.code !== 0) error = `--refresh: exit ${first.code}: ${first.stderr.trim().split('\n').slice(0, 3).join(' / ')}`;
			full.push(first);
			const before = server.stats.notModified;
			unchanged.push(await timeProcess([...blogterm, '--refresh']));
			notModified = server.stats.notModified - before;
			if (hasNewsboat) {
				const cache = join(folder, `newsboat-${run}.db`);
				const newsboat = ['newsboat', '-u', join(folder, 'urls'), '-c', cache, '-C', join(folder, 'newsboat-config'), '-x', 'reload'];
				const newsboatFirst = await timeProcess(newsboat);
				newsboatFull.push(newsboatFirst.ms);
				if (newsboatFirst.maxRssMiB) newsboatPeaks.push(newsboatFirst.maxRssMiB);
				newsboatUnchanged.push((await timeProcess(newsboat)).ms);
			}
		}
		details['refreshMany'] = {full: full.map(run => run.ms), fullPeaks: full.map(run => run.maxRssMiB), unchanged: unchanged.map(run => run.ms), notModifiedAnswers: notModified, newsboatFull, newsboatUnchanged, newsboatPeaks};
		const newsboatNote = (values: number[], unit: Row['unit']) => (hasNewsboat ? `newsboat ${formatValue(median(values), unit)}` : 'newsboat not installed');
		rows.push({case: '7', measure: '500 blogs: full refresh into a new store (--refresh)', unit: 'ms', median: median(full.map(run => run.ms)), worst: worst(full.map(run => run.ms)), max: 20_000, runs: full.length, note: `${newsboatNote(newsboatFull, 'ms')}; ${refreshConcurrency} at once`, error});
		rows.push({case: '7b', measure: '… its peak memory (max RSS)', unit: 'MB', median: median(full.flatMap(run => (run.maxRssMiB ? [run.maxRssMiB] : []))), max: 200, runs: full.length, note: newsboatNote(newsboatPeaks, 'MB')});
		rows.push({case: '7c', measure: '… a refresh where nothing changed', unit: 'ms', median: median(unchanged.map(run => run.ms)), worst: worst(unchanged.map(run => run.ms)), max: 5000, runs: unchanged.length, note: `${notModified} of 500 answered 304; ${newsboatNote(newsboatUnchanged, 'ms')} (it sent no conditional request)`});
	} finally {
		await server.close();
		await rm(folder, {recursive: true, force: true});
	}
}

/** 8. 100,000 stored posts (500 blogs of 200): start to the home screen's first frame, What is new's first frame, marking everything read. */
async function caseManyStoredPosts(): Promise<void> {
	const runs = runsOf(5);
	const server = await startManyBlogsServer(500, 200);
	const folder = await mkdtemp(join(tmpdir(), 'blogterm-bench-stored-'));
	try {
		const opml = join(folder, 'subscriptions.opml');
		await writeFile(opml, server.opml());
		benchEnvironment = {...benchEnvironment, BLOGTERM_HOME: join(folder, 'home')};
		await timeProcess([...blogterm, '--import', opml]);
		const filled = await timeProcess([...blogterm, '--refresh']);
		const stored = await timeProcess([...blogterm, '--river', '--per-page', '1', '--format', 'json']);
		const total = (() => {
			try {
				return (JSON.parse(stored.stdout) as {total?: number}).total;
			} catch {
				return undefined;
			}
		})();
		const homeFrames: number[] = [];
		const riverFrames: number[] = [];
		const allRead: number[] = [];
		const floors: number[] = [];
		let error = filled.code === 0 ? undefined : `--refresh: exit ${filled.code}`;
		for (let run = 0; run < runs; run++) {
			const steps: PtyStep[] = [
				{label: 'home', waitFor: 'Followed blogs (500)', timeoutMs: 20_000},
				{label: 'river', send: '\t', waitFor: '●', pauseMs: keyIntervalMs, timeoutMs: 20_000},
			];
			// Marking all read changes the store for the next run: only the last run does it.
			// C asks first (y/n); the time is y's, to the frame with none unread.
			if (run === runs - 1) steps.push({label: 'ask', send: 'C', waitFor: '(y/n)', pauseMs: keyIntervalMs, timeoutMs: 20_000}, {label: 'all read', send: 'y', waitFor: '(0 unread)', pauseMs: keyIntervalMs, timeoutMs: 20_000});
			const result = await runInPty([...blogterm], steps);
			if (result.error) error = result.error;
			else {
				homeFrames.push(result.steps[0]!.ms);
				riverFrames.push(result.steps[1]!.ms);
				const marked = result.steps.find(step => step.label === 'all read');
				if (marked) allRead.push(marked.ms);
			}
			const floor = await runInPty(['node', floorScript, server.origin], [], {waitForExit: true});
			if (!floor.error) floors.push(floor.steps.at(-1)!.ms);
		}
		details['manyStoredPosts'] = {total, homeFrames, riverFrames, allRead, floors};
		const note = `${total ?? '?'} posts stored`;
		rows.push({case: '8', measure: '100,000 stored posts: start → home screen first frame (pty)', unit: 'ms', median: median(homeFrames), worst: worst(homeFrames), floor: median(floors), maxRatio: 2, runs: homeFrames.length, note, error});
		rows.push({case: '8b', measure: '… What is new: key → first frame', unit: 'ms', median: median(riverFrames), worst: worst(riverFrames), max: 300, runs: riverFrames.length});
		rows.push({case: '8c', measure: '… mark everything read: key → frame', unit: 'ms', median: median(allRead), max: 1000, runs: allRead.length});
	} finally {
		await server.close();
		await rm(folder, {recursive: true, force: true});
	}
}

/** As many blogs fetched at once as blogterm's refresh (source/subscriptions/refresh.ts), for newsboat too. */
const refreshConcurrency = 16;

// ---------------------------------------------------------------- report

function verdict(row: Row): string {
	if (row.error && row.median === undefined) return 'not measured';
	if (row.maxRatio !== undefined) {
		if (row.median === undefined || !row.floor) return '—';
		return row.median / row.floor <= row.maxRatio ? 'met' : 'missed';
	}
	if (row.max !== undefined) {
		const value = row.onWorst ? row.worst : row.median;
		if (value === undefined) return '—';
		return value <= row.max ? 'met' : 'missed';
	}
	return '';
}

function formatValue(value: number | undefined, unit: Row['unit']): string {
	if (value === undefined) return '—';
	if (unit === 'ms') return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
	return `${value.toFixed(unit === 'MB/s' ? 1 : 0)} ${unit}`;
}

function targetText(row: Row): string {
	if (row.maxRatio !== undefined) return `≤ ${row.maxRatio}× floor`;
	if (row.max !== undefined) return `≤ ${formatValue(row.max, row.unit)}${row.onWorst ? ' worst' : ''}`;
	return '';
}

function table(): string {
	const header = ['#', 'case', 'median', 'worst', 'floor', 'ratio', 'target', 'result', 'runs', 'note'];
	const lines = rows.map(row => [
		row.case,
		row.measure,
		formatValue(row.median, row.unit),
		row.worst === undefined ? '' : formatValue(row.worst, row.unit),
		row.floor === undefined ? '' : formatValue(row.floor, row.unit),
		row.floor && row.median !== undefined ? `${(row.median / row.floor).toFixed(2)}×` : '',
		targetText(row),
		verdict(row),
		String(row.runs),
		row.note ?? '',
	]);
	return [
		`| ${header.join(' | ')} |`,
		`|${header.map((_, index) => (index >= 2 && index <= 5 ? '---:' : '---')).join('|')}|`,
		...lines.map(line => `| ${line.join(' | ')} |`),
	].join('\n');
}

async function machine(): Promise<Record<string, string>> {
	const cpuInfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
	const model = /model name\s*:\s*(.+)/.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
	const memInfo = await readFile('/proc/meminfo', 'utf8').catch(() => '');
	const memory = /MemTotal:\s*(\d+)/.exec(memInfo)?.[1];
	return {
		cpu: model.trim(),
		nproc: String(cpus().length),
		memory: memory ? `${Math.round(Number(memory) / 1024 / 1024)} GB` : 'unknown',
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		load: loadavg().map(value => value.toFixed(1)).join(' '),
	};
}

async function main(): Promise<void> {
	const tools = await detectTools();
	const home = await mkdtemp(join(tmpdir(), 'blogterm-bench-'));
	benchEnvironment = {BLOGTERM_HOME: home};
	const server = await startFixtureServer();
	const started = performance.now();
	const about = await machine();
	log(`blogterm bench on ${about.cpu} × ${about.nproc}, Node ${about.node}${quick ? ' (quick)' : ''}`);
	const cases: Array<[number, string, () => Promise<void>, boolean]> = [
		[1, 'print one post', () => casePrintPost(server), true],
		[2, 'interactive start', () => caseInteractiveStart(server), tools.python],
		[3, 'open and page', () => caseKeyToFrame(server), tools.python],
		[4, 'render 1 MB HTML', () => caseRenderHtml(), true],
		[5, '10,000-item feed', () => caseBigFeed(server), tools.python],
		[6, 'idle memory', () => caseIdleMemory(), tools.python],
		[7, '500 blogs refreshed', () => caseRefreshMany(), true],
		[8, '100,000 stored posts', () => caseManyStoredPosts(), tools.python],
		[9, 'search in a long post', async () => void rows.push(...await caseSearchInPost({runInPty, blogterm, siteUrl: server.url, longPostId: fixtureIds.long, keyIntervalMs, sessions: quick ? 1 : 2, median, worst}), ...await caseSearchStore({median, worst}, {runs: quick ? 2 : 5})), tools.python],
		[10, '50 ms a round trip', () => caseWithLatency(), tools.python],
	];
	try {
		for (const [number, name, run, possible] of cases) {
			if (only && !only.includes(number)) continue;
			if (!possible) {
				rows.push({case: String(number), measure: name, unit: 'ms', median: undefined, runs: 0, error: 'python3 with pty is needed for the pseudo-terminal'});
				continue;
			}
			const caseStart = performance.now();
			log(`case ${number}: ${name}…`);
			try {
				await run();
			} catch (error) {
				rows.push({case: String(number), measure: name, unit: 'ms', median: undefined, runs: 0, error: String((error as Error)?.stack ?? error)});
			}
			log(`  ${((performance.now() - caseStart) / 1000).toFixed(1)} s`);
		}
	} finally {
		await server.close();
		await rm(home, {recursive: true, force: true});
	}

	const loadAtEnd = loadavg().map(value => value.toFixed(1)).join(' ');
	const markdown = `${table()}\n\nMachine: ${about.cpu}, ${about.nproc} CPUs (nproc), ${about.memory}, Node ${about.node}, ${about.platform}; load average ${about.load} at the start, ${loadAtEnd} at the end. `
		+ `Terminal ${terminal.columns}×${terminal.rows}; keys ${keyIntervalMs} ms apart. Floor: \`node\` starting, one GET with node:http, the body written to stdout.\n`;
	process.stdout.write(`\n${markdown}\n`);
	for (const row of rows.filter(row => row.error)) process.stdout.write(`case ${row.case}: ${row.error}\n`);
	await mkdir(resultsDir, {recursive: true});
	const report = {date: new Date().toISOString(), machine: about, quick, terminal, keyIntervalMs, seconds: (performance.now() - started) / 1000, rows: rows.map(row => ({...row, ratio: row.floor && row.median !== undefined ? row.median / row.floor : undefined, target: targetText(row), result: verdict(row)})), details};
	await writeFile(join(resultsDir, 'results.json'), `${JSON.stringify(report, null, '\t')}\n`);
	await writeFile(join(resultsDir, 'results.md'), markdown);
	log(`written to .bench-results/results.json and results.md in ${report.seconds.toFixed(0)} s`);
}

try {
	await main();
} catch (error) {
	// A bench run never fails a build: say what went wrong and exit 0.
	process.stderr.write(`bench: ${String((error as Error)?.stack ?? error)}\n`);
}
process.exitCode = 0;
