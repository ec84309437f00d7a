import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {before, test} from 'node:test';
import {ensureBuilt, repoRoot, runCli} from '../script/run-cli.js';

before(() => {
	ensureBuilt();
});

test('the built blogterm says its own version (meow reads it from the package.json nearest the bundle)', async () => {
	const {version} = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {version: string};
	const run = await runCli(['--version']);
	assert.equal(run.code, 0);
	assert.equal(run.stdout, `${version}\n`);
});
