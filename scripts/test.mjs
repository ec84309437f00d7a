// `npm test` after the build: the type-check and lint (scripts/check.mjs) run while the tests run
// (scripts/run-tests.mjs tests), since the tests often wait on their servers and timers and leave a
// core free. The check runs at a lower priority, so that it takes only what the tests leave: their
// waits (a slow answer, a timeout at a twentieth of real time) stay what they are. The check's report is printed after the tests' (it says nothing when all is well); the
// command fails if either fails.
import {spawn} from 'node:child_process';
import {setPriority} from 'node:os';
import {resolve} from 'node:path';

const scripts = resolve(import.meta.dirname);

function run(script, args, output, niceness = 0) {
	const child = spawn(process.execPath, [resolve(scripts, script), ...args], {stdio: ['ignore', output, output]});
	if (niceness) setPriority(child.pid, niceness);
	const chunks = [];
	child.stdout?.on('data', chunk => chunks.push(chunk));
	child.stderr?.on('data', chunk => chunks.push(chunk));
	return new Promise(done => child.on('close', code => done({code, text: Buffer.concat(chunks).toString('utf8')})));
}

const [check, tests] = await Promise.all([run('check.mjs', [], 'pipe', 10), run('run-tests.mjs', ['tests'], 'inherit')]);
process.stdout.write(check.text);
if (check.code !== 0) console.error('npm test: the type-check or lint failed (scripts/check.mjs: tsc and ESLint, above)');
if (tests.code !== 0) console.error('npm test: tests failed (above)');
process.exit(check.code === 0 && tests.code === 0 ? 0 : 1);
