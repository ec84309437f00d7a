import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {before, test} from 'node:test';
import {builtCli, ensureBuilt, repoRoot} from './run-cli.js';

// The program as CommonJS files (scripts/build.mjs), which dist/cli.js loads through the code cache.
const dist = join(repoRoot, 'dist', 'app');
// Code only React (and so Ink) carries.
const reactCode = /Symbol\.for\("react\.(?:transitional\.)?element"\)|react-reconciler/;

function staticImports(file: string): string[] {
	const code = readFileSync(join(dist, file), 'utf8');
	return [...code.matchAll(/^(?:var \w+ = )?require\("\.\/([^"]+)"\);/gm)].map(match => match[1]!);
}

function dynamicImports(file: string): string[] {
	const code = readFileSync(join(dist, file), 'utf8');
	// esbuild writes import("./x.cjs") in CommonJS as a require in a promise.
	return [...code.matchAll(/Promise\.resolve\(\)\.then\(\(\) => (?:__toESM\()?require\("\.\/([^"]+)"\)/g)].map(match => match[1]!);
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
	const runScript = dynamicImports('cli.cjs').find(file => file.startsWith('run-script'));
	assert.ok(runScript, 'cli.cjs imports run-script lazily');
	assert.ok(dynamicImports('cli.cjs').some(file => file.startsWith('run-interactive')), 'the check finds the reader\'s lazy import');
	assert.ok(staticImports('cli.cjs').length > 0, 'the check finds static imports');
	const loaded = new Set([...loadedWith('cli.cjs', false), ...loadedWith(runScript, true)]);
	for (const file of loaded) assert.doesNotMatch(readFileSync(join(dist, file), 'utf8'), reactCode, `${file} is loaded in print mode`);
	assert.doesNotMatch(readFileSync(builtCli, 'utf8'), reactCode, 'the bin entry (dist/cli.js) loads React');
});

// Code only one dependency carries: what the home screen's first frame must not wait for.
const notForTheHomeStart = {
	'got (the HTTP client)': /sindresorhus\/got/,
	'htmlparser2 (the HTML renderer)': /var Tokenizer = class|class Tokenizer/,
	'feedsmith (feeds and OPML)': /var XMLParser = class|class XMLParser/,
	'conf and ajv': /Ajv2020/,
	'the reader\'s post view': /function PostView\(/,
	'meow (a command line with arguments only)': /decamelize/,
};

test('the home screen starts without the reader\'s screens, the network, the HTML renderer, or Ink and React, which load when used', () => {
	for (const [what, code] of Object.entries(notForTheHomeStart)) assert.ok(readdirSync(dist).some(file => code.test(readFileSync(join(dist, file), 'utf8'))), `the check finds ${what}`);
	// What `blogterm` with blogs followed loads before its first frame: the command line, run-interactive's
	// choice, the store, and the home screen (each file with what it imports at once).
	const homeStart = ['run-interactive', 'follows-any-blog', 'stored-subscriptions', 'db-', 'full-texts-table', 'run-home'];
	const loaded = loadedWith('cli.cjs', false);
	for (let more = true; more;) {
		more = false;
		for (const file of [...loaded]) {
			for (const imported of dynamicImports(file)) {
				if (loaded.has(imported) || !homeStart.some(name => imported.startsWith(name))) continue;
				loadedWith(imported, false, loaded);
				more = true;
			}
		}
	}
	assert.ok([...loaded].some(file => file.startsWith('run-home')), `the check finds the home screen's start: ${[...loaded].join(', ')}`);
	for (const file of loaded) {
		const text = readFileSync(join(dist, file), 'utf8');
		for (const [what, code] of Object.entries(notForTheHomeStart)) assert.doesNotMatch(text, code, `${file}, loaded before the home screen's first frame, carries ${what}`);
		// The first frame is drawn before Ink and React load (home/early-frame.ts).
		assert.doesNotMatch(text, reactCode, `${file}, loaded before the home screen's first frame, carries React or Ink`);
	}
	// Ink comes next, for the home screen's own views.
	const next = new Set<string>();
	for (const file of loaded) for (const imported of dynamicImports(file)) if (imported.startsWith('show-home')) loadedWith(imported, false, next);
	assert.ok([...next].some(file => reactCode.test(readFileSync(join(dist, file), 'utf8'))), 'the home screen\'s views, with Ink, are imported after the first frame');
	// And the reader does load them, when a blog is opened from the home screen.
	const reader = new Set<string>();
	for (const file of loaded) for (const imported of dynamicImports(file)) loadedWith(imported, false, reader);
	assert.ok([...reader].some(file => notForTheHomeStart['the reader\'s post view'].test(readFileSync(join(dist, file), 'utf8'))), 'the reader\'s screens are imported later');
});
