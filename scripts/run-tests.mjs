// Runs every *.test.ts(x) under the given folders with Node's test runner
// (`--kind attack` runs every *.attack.ts(x) instead: the slow attacks of `npm run test:attack`).
// Node 20's --test does not expand globs itself.
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';

const args = process.argv.slice(2);
const kindAt = args.indexOf('--kind');
const kind = kindAt === -1 ? 'test' : args[kindAt + 1];
const roots = kindAt === -1 ? args : args.filter((_, index) => index !== kindAt && index !== kindAt + 1);
const pattern = new RegExp(`\\.${kind}\\.tsx?$`);

function findTests(dir) {
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
// The attacks measure memory (exactly, with --expose-gc), so they run one file at a time.
const runner = kind === 'attack' ? ['--expose-gc', '--import', 'tsx', '--test', '--test-concurrency=1'] : ['--import', 'tsx', '--test', '--test-concurrency=2'];
const result = spawnSync(process.execPath, [...runner, ...files], {stdio: 'inherit'});
process.exit(result.status ?? 1);
