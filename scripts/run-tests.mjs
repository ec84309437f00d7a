// Runs every *.test.ts(x) under the given folders (or the given files) with Node's test runner
// (`--kind attack` runs every *.attack.ts(x) instead: the slow attacks of `npm run test:attack`).
//
// The test files are compiled first, all at once, with esbuild (one bundle per test file, shared code
// split into chunks, dependencies left in node_modules) into a cache folder of this checkout, and Node
// runs the JavaScript: no TypeScript loader in every test process (tsx costs each one some 0.3 s of CPU
// and slows every import). Source maps are written, but Node reads them only when asked
// (BLOGTERM_TEST_SOURCE_MAPS=1: stack traces then point at the .ts lines): with --enable-source-maps every
// process parses its bundles' maps as it loads them, some 0.1 s of CPU each, about 4 s in a run. Without
// it a stack trace names the compiled file in the cache folder, where esbuild marks each source file.
// Any new test file is found by its name; nothing registers it.
//
// Test files that leave the process as they found it share a process (a few of them): each process
// costs some 0.15 s of CPU to start, and loads the same code again. Node 20's runner has no option to
// run files in one process, but a file that imports several test files runs all their tests, each
// file's in its order, one test at a time. A file shares only when nothing in its text could reach
// another file's tests: it assigns no environment variable itself (process.env), adds no
// beforeEach/afterEach at its top level (those would run around every test of the process), mocks
// nothing, touches no process-wide setting (process.on, umask, chdir, exitCode, globalThis,
// chalk.level, the theme a bare runCommandLine chooses). A file that needs variables sets them through
// tests/helpers/environment.ts's `withEnvironment` inside a `describe`: set in that suite's `before`, put back exactly in its `after`
// (blogterm reads them when it needs them, not once at load), so only that file's tests see them; the
// helper called at a file's top level would set them for every file's tests, and such a file runs alone
// (`withUmask`, tests/helpers/colour.ts's `withColour` and tests/ui/helpers.ts's `fakeBrowser`,
// likewise).
// Any other file, or one that says `test-runner: own process` in a comment (why, beside it), runs alone.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {readFile, rm, writeFile} from 'node:fs/promises';
import {dirname, join, relative, resolve} from 'node:path';
import {spawnSync} from 'node:child_process';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {dependencyPatches} from './build-plugins.mjs';
import {checkoutCacheDir} from './lib/checkout-cache.mjs';
import {compileLessFlags} from './lib/v8-flags.mjs';
import {durationWeights, recordDurations} from './test-durations.mjs';

const args = process.argv.slice(2);
const kindAt = args.indexOf('--kind');
const kind = kindAt === -1 ? 'test' : args[kindAt + 1];
const roots = kindAt === -1 ? args : args.filter((_, index) => index !== kindAt && index !== kindAt + 1);
const pattern = new RegExp(`\\.${kind}\\.tsx?$`);
const repoRoot = resolve(import.meta.dirname, '..');

/** The test files under a folder (or the file itself, when given one). */
function findTests(dir) {
	if (!statSync(dir).isDirectory()) return [dir];
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return findTests(path);
		return pattern.test(name) ? [path] : [];
	});
}

const files = roots.flatMap(root => findTests(root)).sort();
if (files.length === 0) {
	console.error(`No *.${kind}.ts files under ${roots.join(', ')}`);
	process.exit(1);
}

const ownProcess = [
	/process\.env(?:\.\w+|\[[^\]]+\])?\s*(?:\?\?|\|\||&&)?=(?!=)/,
	/\bdelete\s+process\.env\b|Object\.assign\(\s*process\.env\b/,
	// At a file's top level (alone or kept in a const: `const browser = fakeBrowser();`).
	/^(?:(?:const|let)\s+\w+\s*=\s*)?(?:beforeEach|afterEach|withEnvironment|withUmask|withColour|fakeBrowser)\s*\(/m,
	/\bmock\./,
	/process\.(?:on|once|chdir|umask|exitCode|setMaxListeners)\b/,
	/globalThis\./,
	// Colour as Ink writes it: read once as chalk loads, so set only through withColour, in a describe.
	/\bchalk\.level\s*=(?!=)/,
	/defineProperty\(process\b/,
	// A command line run here chooses the theme for the whole process, as the CLI does at start-up;
	// tests/script/run-cli.ts's runInProcess and runCommandLineHere put it back, a bare runCommandLine does not.
	/\brunCommandLine\(/,
	/test-runner: own process/,
];
const shares = file => !ownProcess.some(pattern => pattern.test(readFileSync(file, 'utf8')));
// The attacks measure memory, each alone.
const sharing = kind === 'attack' ? [] : files.filter(shares);
const cacheDir = checkoutCacheDir(repoRoot, 'blogterm-tests');
// Longest first, so that no long file starts last and runs on alone: how long a file took in the last
// run (scripts/test-durations.mjs), or its length in bytes where it was not timed (a first run).
const durationsFile = join(cacheDir, `${kind}-durations.json`);
const weight = durationWeights(durationsFile, repoRoot);
const heaviestFirst = list => [...list].sort((a, b) => weight(b) - weight(a));
const alone = heaviestFirst(files.filter(file => !sharing.includes(file)));
// As many shared processes as run at once, each file given to the lightest so far, heaviest first; each
// process then runs its files in their usual (alphabetical) order.
// Four at once on two cores: the tests often wait (keys 15 ms apart, servers' timeouts at a twentieth of
// real time), and a process that waits leaves its core to another; each process also loads and compiles
// the same code again. Six were best while the processes were given work by their files' sizes (four: 46
// s, one process far longer than the rest; six: 38.5 s). Given equal work by the files' last times
// (scripts/test-durations.mjs), four are best: `npm test` after a one-line change, at rest, A B
// alternated: six 44.6 and 42.6 s wall (68-69 s of user CPU), five 42.2 and 41.0 s (65-67 s), four 40.5,
// 38.6, 41.2 and 39.3 s (62-66 s), three 40.7 and 41.7 s (59-64 s). BLOGTERM_TEST_PARALLEL=N to try others.
const parallel = Math.max(1, Number(process.env['BLOGTERM_TEST_PARALLEL'] ?? 4) || 4);
const sharedProcesses = Math.min(parallel, sharing.length);
const groups = Array.from({length: sharedProcesses}, () => []);
const load = groups.map(() => 0);
for (const file of heaviestFirst(sharing)) {
	const lightest = load.indexOf(Math.min(...load));
	groups[lightest].push(file);
	load[lightest] += weight(file);
}
for (const group of groups) group.sort();

/** `blogterm-shared:N`: a test file that imports the files of group N, in order. */
const sharedEntries = {
	name: 'shared-entries',
	setup(esbuild) {
		esbuild.onResolve({filter: /^blogterm-shared:/}, ({path}) => ({path, namespace: 'blogterm-shared'}));
		esbuild.onLoad({filter: /.*/, namespace: 'blogterm-shared'}, ({path}) => ({
			contents: groups[Number(path.split(':')[1])].map(file => `import ${JSON.stringify(resolve(file))};`).join('\n'),
			loader: 'js',
			resolveDir: repoRoot,
		}));
	},
};

/**
A bundle's code runs from the cache folder, so `import.meta.url` (and dirname, filename) in our own
files is replaced by the place of the .ts file it was written in: fixtures are found beside it.
*/
const importMetaOfSource = {
	name: 'import-meta-of-source',
	setup(esbuild) {
		esbuild.onLoad({filter: /\.tsx?$/}, async ({path}) => {
			if (path.includes(`/node_modules/`)) return undefined;
			const source = await readFile(path, 'utf8');
			const contents = source
				.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
				.replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
				.replaceAll('import.meta.filename', JSON.stringify(path));
			return {contents, loader: path.endsWith('x') ? 'tsx' : 'ts', resolveDir: dirname(path)};
		});
	},
};

const outdir = join(cacheDir, kind);
await rm(outdir, {recursive: true, force: true});
const built = await build({
	entryPoints: [
		...groups.map((_, index) => ({in: `blogterm-shared:${index}`, out: `tests/shared-process-${index + 1}.test`})),
		...alone.map(file => resolve(file)),
	],
	outbase: repoRoot,
	outdir,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// Dependencies are bundled too, as the CLI's are (scripts/build.mjs): Node loads one file where it
	// would read and link hundreds (Ink, React and their helpers alone cost a test process 0.4 s).
	// better-sqlite3 is a native addon; tsx only runs in children some tests start; esbuild's API finds
	// its binary beside its own files (tests/helpers/child-script.ts compiles the children tests start).
	external: ['better-sqlite3', 'react-devtools-core', 'tsx', 'esbuild'],
	// Some bundled CommonJS dependencies (react) call require(); give them one.
	banner: {js: "import {createRequire as __blogtermCreateRequire} from 'node:module';\nconst require = __blogtermCreateRequire(import.meta.url);"},
	// The React and Ink the CLI ships: scripts/build.mjs bundles React's production build, and so do the
	// tests. (React's development build checks more and costs the suite some 12 s of CPU in 70.)
	define: {'process.env.NODE_ENV': '"production"'},
	sourcemap: 'linked',
	sourcesContent: false,
	metafile: true,
	logLevel: 'warning',
	// The CLI's patches of its dependencies (Ink's frames, the fast text width…): the tests run what users run.
	plugins: [sharedEntries, importMetaOfSource, ...dependencyPatches],
}).catch(() => undefined);
// esbuild has printed why.
if (!built) process.exit(1);
// The maps name their sources relative to themselves; node_modules may be a link to another checkout's,
// where Node finds the bundles, so each source is named by its whole path instead.
for (const map of Object.keys(built.metafile.outputs).filter(path => path.endsWith('.map'))) {
	const path = resolve(repoRoot, map);
	const json = JSON.parse(await readFile(path, 'utf8'));
	json.sources = json.sources.map(source => pathToFileURL(resolve(dirname(path), source)).href);
	await writeFile(path, JSON.stringify(json));
}
const compiled = [
	...groups.map((_, index) => join(outdir, 'tests', `shared-process-${index + 1}.test.js`)),
	...alone.map(file => join(outdir, relative(repoRoot, resolve(file))).replace(/\.tsx?$/, '.js')),
];
if (process.env['BLOGTERM_TEST_VERBOSE']) console.error(`run-tests: ${sharing.length} files in ${groups.length} shared processes, ${alone.length} alone:\n  ${alone.join('\n  ')}`);

// The attacks measure memory (exactly, with --expose-gc), so they run one file at a time.
// Every test process gets V8's flags for short-lived programs (the runner gives its flags to each).
const runner = kind === 'attack' ? ['--expose-gc', '--test-concurrency=1'] : [...compileLessFlags, `--test-concurrency=${parallel}`];
const sourceMaps = process.env['BLOGTERM_TEST_SOURCE_MAPS'] === '1' ? ['--enable-source-maps'] : [];
// The usual report (Node's default: spec on a terminal, TAP otherwise), and each file's time for the next run.
const eventsFile = join(cacheDir, `${kind}-durations.jsonl`);
const reporters = ['--test-reporter', process.stdout.isTTY ? 'spec' : 'tap', '--test-reporter-destination', 'stdout', '--test-reporter', pathToFileURL(join(import.meta.dirname, 'test-durations.mjs')).href, '--test-reporter-destination', eventsFile];
const result = spawnSync(process.execPath, [...sourceMaps, ...runner, ...reporters, '--test', ...compiled], {stdio: 'inherit'});
const sourceOf = new Map(alone.map((file, index) => [compiled[groups.length + index], relative(repoRoot, resolve(file))]));
// A file run on its own runs faster than beside the rest: only runs of whole folders are kept.
if (roots.every(root => statSync(root).isDirectory())) recordDurations({eventsFile, durationsFile, repoRoot, sourceOf});
if (result.status !== 0 && sourceMaps.length === 0) console.error('run-tests: stack traces above name the compiled tests; BLOGTERM_TEST_SOURCE_MAPS=1 maps them to the .ts lines.');
process.exit(result.status ?? 1);
