// Runs every *.test.ts(x) under the given folders with Node's test runner.
// (Node 20's --test does not expand globs itself.)
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';

function findTests(dir) {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return findTests(path);
		return /\.test\.tsx?$/.test(name) ? [path] : [];
	});
}

const roots = process.argv.slice(2);
const files = roots.flatMap(root => findTests(root)).sort();
if (files.length === 0) {
	console.error(`No test files under ${roots.join(', ')}`);
	process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {stdio: 'inherit'});
process.exit(result.status ?? 1);
