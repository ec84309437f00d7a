// Bundles the CLI with esbuild. Splitting keeps Ink and React in their own
// chunk, so print mode (which never imports them) starts as fast as Node can.
// Every dependency is bundled (they are devDependencies) but better-sqlite3, the store's database:
// a native addon compiled for the machine it is installed on, so it is the one run-time dependency.
// The speed patches (scripts/build-plugins.mjs) fail the build when what they patch is not found: a
// dependency that changed is caught here, in CI, not later as a slower start.
//
// When nothing it is built from changed since the last build of this checkout (the sources, this
// script, package.json, the lock files, tsconfig.json, Node's version) and dist/ is still what that
// build wrote, the build is skipped (`npm test` builds first: some 1.5 s of CPU and 2.5 s before
// anything else starts). `--force` builds all the same.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {chmod, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {basename, dirname, join, relative, resolve} from 'node:path';
import {checkoutCacheDir} from './lib/checkout-cache.mjs';

/** Every file under a folder (none when it is not there), by its path from the checkout, with its text's SHA-256. */
function filesUnder(dir) {
	let entries;
	try {
		entries = readdirSync(dir, {withFileTypes: true});
	} catch {
		return [];
	}
	return entries.flatMap(entry => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(path);
		return [[relative('.', path), createHash('sha256').update(readFileSync(path)).digest('hex')]];
	}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
const digest = value => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const readOrNothing = path => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
};
const stampFile = join(checkoutCacheDir(resolve('.'), 'blogterm-build'), 'stamp.json');
const inputs = digest([
	filesUnder('source'),
	['scripts/build.mjs', 'scripts/build-plugins.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'].map(readOrNothing),
	process.version,
]);
const last = JSON.parse(readOrNothing(stampFile) ?? '{}');
if (!process.argv.includes('--force') && last.inputs === inputs && last.output === digest(filesUnder('dist'))) process.exit(0);

const {build, transform} = await import('esbuild');

const {dependencyPatches, fastStringWidthUses} = await import('./build-plugins.mjs');

await rm('dist', {recursive: true, force: true});
// 1. The program, split as before (Ink and React in the reader's chunks only), as ES modules in memory.
const built = await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist/app',
	outExtension: {'.js': '.cjs'},
	write: false,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	sourcemap: false,
	legalComments: 'none',
	// import.meta is not there in CommonJS: source/startup/code-cache.ts gives each file its own.
	define: {'process.env.NODE_ENV': '"production"', 'import.meta': '__blogtermImportMeta'},
	// better-sqlite3 is a native addon: it stays in node_modules, the one run-time dependency.
	external: ['better-sqlite3'],
	plugins: dependencyPatches,
	logLevel: 'warning',
}).catch(() => undefined);
// esbuild has printed why.
if (!built) process.exit(1);
if (fastStringWidthUses() === 0) {
	console.error('build: Ink no longer imports our string-width, so the fast text width is not used (see fast-string-width in scripts/build-plugins.mjs)');
	process.exit(1);
}

// 2. Each file as CommonJS (a dynamic import() becomes a require() in a promise), which the bin
// entry compiles through vm.Script with V8's code cache; the manifest holds each file's SHA-1, so
// that a cache is used only with the very source it was made from.
await mkdir('dist/app', {recursive: true});
const manifest = {};
for (const file of built.outputFiles) {
	const converted = await transform(file.text, {format: 'cjs', platform: 'node', target: 'node20', supported: {'dynamic-import': false}, loader: 'js', logLevel: 'warning'}).catch(() => undefined);
	if (!converted) process.exit(1);
	// (A line of a comment, as JSDoc's {import('./x.js').T}, is not code.)
	if (/^(?!\s*(?:\*|\/\/)).*[^\w$.]import\(/m.test(converted.code)) {
		console.error(`build: ${basename(file.path)} still has a dynamic import(), which the code cache's loader cannot run`);
		process.exit(1);
	}
	manifest[basename(file.path)] = createHash('sha1').update(converted.code).digest('hex');
	await writeFile(file.path, converted.code);
}
await writeFile('dist/app/manifest.json', `${JSON.stringify(manifest, undefined, '\t')}\n`);

// 3. The `blogterm` command itself, which loads dist/app/cli.cjs: CommonJS too (dist/package.json
// says so), since Node starts a CommonJS main file without setting up its ES module loader (some
// 6 ms of CPU a run: 75 against 81 ms for `--help`, 25 runs each, three times).
const entry = await build({
	entryPoints: {cli: 'source/startup/bin.ts'},
	outdir: 'dist',
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	legalComments: 'none',
	define: {'import.meta.url': '__blogtermEntryUrl'},
	banner: {js: "#!/usr/bin/env node\nconst __blogtermEntryUrl = require('node:url').pathToFileURL(__filename).href;"},
	logLevel: 'warning',
}).catch(() => undefined);
if (!entry) process.exit(1);
// meow reads the nearest package.json for --version: this one, so it carries blogterm's name and version.
const {name, version, description} = JSON.parse(await readFile('package.json', 'utf8'));
await writeFile('dist/package.json', `${JSON.stringify({name, version, description, type: 'commonjs'}, undefined, '\t')}\n`);
await chmod('dist/cli.js', 0o755);
mkdirSync(dirname(stampFile), {recursive: true});
writeFileSync(stampFile, JSON.stringify({inputs, output: digest(filesUnder('dist'))}));
