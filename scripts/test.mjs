// `npm test` after the build: the type-check and lint (scripts/check.mjs) run while the tests run
// (scripts/run-tests.mjs tests), since the tests often wait on their servers and timers and leave a
// core free. The check runs at a lower priority, so that it takes only what the tests leave: their
// waits (a slow answer, a timeout at a twentieth of real time) stay what they are. The check's report is printed after the tests' (it says nothing when all is well); the
// command fails if either fails.
import {spawn} from 'node:child_process';
import {setPriority} from 'node:os';
import {resolve} from 'node:path';
import {checkStartsCold} from './check-cache.mjs';

const scripts = resolve(import.meta.dirname);

function run(script, args, output, niceness = 0, nodeFlags = [], environment = process.env) {
	const child = spawn(process.execPath, [...nodeFlags, resolve(scripts, script), ...args], {stdio: ['ignore', output, output], env: environment});
	if (niceness) setPriority(child.pid, niceness);
	const chunks = [];
	child.stdout?.on('data', chunk => chunks.push(chunk));
	child.stderr?.on('data', chunk => chunks.push(chunk));
	return new Promise(done => child.on('close', code => done({code, text: Buffer.concat(chunks).toString('utf8')})));
}

// The check's V8 flags cut what it costs on a first run, when it type-checks and lints every file (the
// later runs redo a few files): TypeScript and ESLint are large programs run once, and V8's optimizing
// compiler, working on threads beside the main one, spent some 17 s of CPU in 42 compiling them, mostly
// inlining. A smaller inlining budget compiles less for the same speed of the main thread, and a larger
// young generation collects less often. `node scripts/check.mjs --cold` alone, four runs each (another agent
// busy on the machine): 42 s of CPU with Node's defaults (41.4 to 44.6), 37.5 s with these (37.2, 37.7;
// the inlining budget alone 36.5 to 39.7).
// A larger budget before V8 optimizes a function (--interrupt-budget, 4.4 times its default) compiles
// less again: `node scripts/check.mjs --cold` alone, two runs each, A B alternated: 31.5 and 33.2 s of
// user CPU without it, 29.2 and 30.2 s with it (23.2 and 23.9 s wall against 23.8 and 24.5 s: the
// check runs beside the tests, where its CPU counts more than its wall time).
const checkFlags = ['--max-inlined-bytecode-size-cumulative=300', '--max-semi-space-size=64', '--interrupt-budget=300000'];
// When the check starts from nothing (a fresh clone's first run) it takes a core for some 30 s: the tests
// then run three processes at once instead of four, and contend less with it and with each other (at
// rest, A B alternated, two first runs each: 57.8 and 58.4 s wall with four, 54.3 and 55.0 s with three;
// four are best when the check has little to do, scripts/run-tests.mjs). BLOGTERM_TEST_PARALLEL still
// decides when it is set.
const parallel = process.env['BLOGTERM_TEST_PARALLEL'] ?? (checkStartsCold(resolve(scripts, '..')) ? '3' : undefined);
const testEnvironment = parallel === undefined ? process.env : {...process.env, BLOGTERM_TEST_PARALLEL: parallel};
const [check, tests] = await Promise.all([run('check.mjs', [], 'pipe', 10, checkFlags), run('run-tests.mjs', ['tests'], 'inherit', 0, [], testEnvironment)]);
process.stdout.write(check.text);
if (check.code !== 0) console.error('npm test: the type-check or lint failed (scripts/check.mjs: tsc and ESLint, above)');
if (tests.code !== 0) console.error('npm test: tests failed (above)');
process.exit(check.code === 0 && tests.code === 0 ? 0 : 1);
