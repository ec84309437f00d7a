import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {before, test} from 'node:test';
import {ensureBuilt, repoRoot} from '../script/run-cli.js';

// The program as CommonJS files (scripts/build.mjs), which dist/cli.js loads through the code cache.
const dist = join(repoRoot, 'dist', 'app');
// Code only Readability and linkedom carry.
const extractorCode = /_grabArticle|readability-page-1/;

const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const staticImports = (file: string) => [...read(file).matchAll(/^(?:var \w+ = )?require\("\.\/([^"]+)"\);/gm)].map(match => match[1]!);
// esbuild writes import("./x.cjs") in CommonJS as a require in a promise.
const dynamicImports = (file: string) => [...read(file).matchAll(/Promise\.resolve\(\)\.then\(\(\) => (?:__toESM\()?require\("\.\/([^"]+)"\)/g)].map(match => match[1]!);

/** Every file loaded at once when `file` is: its static imports, and theirs. */
function loadedWith(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	for (const imported of staticImports(file)) loadedWith(imported, seen);
	return seen;
}

before(() => {
	ensureBuilt();
});

test('the extractor (Readability, linkedom) is in a chunk of its own, loaded by no start-up path: not the CLI, print mode or the reader', () => {
	const holding = readdirSync(dist).filter(file => file.endsWith('.cjs') && extractorCode.test(read(file)));
	assert.equal(holding.length, 1, `one chunk holds the extractor: ${holding.join(', ')}`);
	assert.match(holding[0]!, /^fetch-full-text-/);
	// Whatever any file loads at once, with it: the extractor comes only through import().
	for (const file of readdirSync(dist).filter(name => name.endsWith('.cjs') && !name.startsWith('fetch-full-text-'))) {
		assert.ok(!loadedWith(file).has(holding[0]!), `${file} loads the extractor at once`);
	}
	const lazyFrom = readdirSync(dist).filter(file => file.endsWith('.cjs') && dynamicImports(file).includes(holding[0]!));
	assert.ok(lazyFrom.length > 0, 'something loads it when asked for');
});
