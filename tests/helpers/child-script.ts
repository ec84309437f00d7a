// A TypeScript file a test runs as a process of its own (a second writer, a typist to kill): bundled
// with esbuild into one JavaScript file, as scripts/run-tests.mjs bundles the tests, and run by plain
// `node`. Through tsx's loader each such child cost some 0.5 s of CPU to start; bundled, it starts as
// a test process does.
import {mkdirSync, mkdtempSync} from 'node:fs';
import {basename, join, resolve} from 'node:path';
import {build} from 'esbuild';

const repository = resolve(import.meta.dirname, '../..');

/** Compiles `script` (and what it imports from this repository) to one .mjs file, alone in a new folder; returns its path, to give `node`. The caller removes the folder. */
export async function compiledChild(script: string): Promise<string> {
	// Under node_modules, so that Node finds the dependencies left out of the bundle (better-sqlite3, a native addon).
	const cache = join(repository, 'node_modules', '.cache', 'blogterm-test-children');
	mkdirSync(cache, {recursive: true});
	const outfile = join(mkdtempSync(join(cache, 'child-')), basename(script).replace(/\.tsx?$/, '.mjs'));
	await build({
		entryPoints: [script],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		external: ['better-sqlite3'],
		// Bundled CommonJS dependencies call require(); give them one (from the child's own file: argv[1]).
		banner: {js: "import {createRequire as __childRequire} from 'node:module';\nconst require = __childRequire(process.argv[1]);"},
		logLevel: 'warning',
	});
	return outfile;
}
