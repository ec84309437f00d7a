// `npm test` after the build: the type-check and lint (scripts/check.mjs) run while the tests run
// (scripts/run-tests.mjs tests), since the tests often wait on their servers and timers and leave a
// core free. The check's report is printed after the tests' (it says nothing when all is well); the
// command fails if either fails.
import {spawn} from 'node:child_process';
import {resolve} from 'node:path';

const scripts = resolve(import.meta.dirname);

function run(script, args, output) {
	const child = spawn(process.execPath, [resolve(scripts, script), ...args], {stdio: ['ignore', output, output]});
	const chunks = [];
	child.stdout?.on('data', chunk => chunks.push(chunk));
	child.stderr?.on('data', chunk => chunks.push(chunk));
	return new Promise(done => child.on('close', code => done({code, text: Buffer.concat(chunks).toString('utf8')})));
}

const [check, tests] = await Promise.all([run('check.mjs', [], 'pipe'), run('run-tests.mjs', ['tests'], 'inherit')]);
process.stdout.write(check.text);
if (check.code !== 0) console.error('npm test: the type-check or lint failed (scripts/check.mjs: tsc and ESLint, above)');
if (tests.code !== 0) console.error('npm test: tests failed (above)');
process.exit(check.code === 0 && tests.code === 0 ? 0 : 1);
