// `npm test` after the build: the type-check and lint (scripts/check.mjs) run while the tests run
// (scripts/run-tests.mjs tests), since the tests often wait on their servers and timers and leave a
// core free. The check runs at a lower priority, so that it takes only what the tests leave: their
// waits (a slow answer, a timeout at a twentieth of real time) stay what they are. The check's report is printed after the tests' (it says nothing when all is well); the
// command fails if either fails.
import {spawn} from 'node:child_process';
import {setPriority} from 'node:os';
import {resolve} from 'node:path';
import {checkStartsCold} from './check-cache.mjs';
import {compileLessFlags} from './lib/v8-flags.mjs';

const scripts = resolve(import.meta.dirname);

function run(script, args, output, niceness = 0, nodeFlags = [], environment = process.env) {
	const child = spawn(process.execPath, [...nodeFlags, resolve(scripts, script), ...args], {stdio: ['ignore', output, output], env: environment});
	if (niceness) setPriority(child.pid, niceness);
	const chunks = [];
	child.stdout?.on('data', chunk => chunks.push(chunk));
	child.stderr?.on('data', chunk => chunks.push(chunk));
	return new Promise(done => child.on('close', code => done({code, text: Buffer.concat(chunks).toString('utf8')})));
}

// The check runs with the test processes' V8 flags (scripts/lib/v8-flags.mjs), and a larger young
// generation, which collects less often: TypeScript and ESLint are large programs run once
// (`node scripts/check.mjs --cold`, four runs each: 42 s of CPU with V8's defaults, 37.2 and 37.7 s with
// the inlining budget and this).
const checkFlags = [...compileLessFlags, '--max-semi-space-size=64'];
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
