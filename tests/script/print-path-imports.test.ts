import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {before, test} from 'node:test';
import {builtCli, ensureBuilt, repoRoot} from './run-cli.js';

const dist = join(repoRoot, 'dist');
// Code only React (and so Ink) carries.
const reactCode = /Symbol\.for\("react\.(?:transitional\.)?element"\)|react-reconciler/;

function staticImports(file: string): string[] {
	const code = readFileSync(join(dist, file), 'utf8');
	return [...code.matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gm)].map(match => (match[1] ?? match[2])!);
}

function dynamicImports(file: string): string[] {
	const code = readFileSync(join(dist, file), 'utf8');
	return [...code.matchAll(/import\(\s*"\.\/([^"]+)"\s*\)/g)].map(match => match[1]!);
}

/** Every file loaded when `file` is: its static imports, and theirs; with `lazy`, what they may import later too. */
function loadedWith(file: string, lazy: boolean, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	for (const imported of [...staticImports(file), ...(lazy ? dynamicImports(file) : [])]) loadedWith(imported, lazy, seen);
	return seen;
}

before(() => {
	ensureBuilt();
});

test('print mode (and the demo blog it may start) loads neither Ink nor React', () => {
	assert.ok(readdirSync(dist).some(file => reactCode.test(readFileSync(join(dist, file), 'utf8'))), 'the check finds React in the reader\'s chunks');
	const runScript = dynamicImports('cli.js').find(file => file.startsWith('run-script'));
	assert.ok(runScript, 'cli.js imports run-script lazily');
	const loaded = new Set([...loadedWith('cli.js', false), ...loadedWith(runScript, true)]);
	for (const file of loaded) assert.doesNotMatch(readFileSync(join(dist, file), 'utf8'), reactCode, `${file} is loaded in print mode`);
	assert.ok(builtCli.endsWith('cli.js'));
});
