// Bundles the CLI with esbuild. Splitting keeps Ink and React in their own
// chunk, so print mode (which never imports them) starts as fast as Node can.
// Every dependency is bundled (they are devDependencies) but better-sqlite3, the store's database:
// a native addon compiled for the machine it is installed on, so it is the one run-time dependency.
// The speed patches below fail the build when what they patch is not found: a dependency that
// changed is caught here, in CI, not later as a slower start.
//
// When nothing it is built from changed since the last build of this checkout (the sources, this
// script, package.json, the lock files, tsconfig.json, Node's version) and dist/ is still what that
// build wrote, the build is skipped (`npm test` builds first: some 1.5 s of CPU and 2.5 s before
// anything else starts). `--force` builds all the same.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync} from 'node:fs';
import {chmod, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {basename, dirname, join, relative, resolve, sep} from 'node:path';

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
// node_modules may be shared between checkouts (a link), so each checkout has its own record in it.
const stampFile = join('node_modules', '.cache', 'blogterm-build', digest(resolve('.')).slice(0, 12), 'stamp.json');
const inputs = digest([
	filesUnder('source'),
	['scripts/build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'].map(readOrNothing),
	process.version,
]);
const last = JSON.parse(readOrNothing(stampFile) ?? '{}');
if (!process.argv.includes('--force') && last.inputs === inputs && last.output === digest(filesUnder('dist'))) process.exit(0);

const {build, transform} = await import('esbuild');

/** Our own string-width (8), where esbuild finds it: node_modules may be a link (pnpm, a checkout elsewhere). */
const topStringWidth = (() => {
	try {
		return realpathSync(resolve('node_modules/string-width/index.js'));
	} catch {
		return undefined;
	}
})();

/**
Ink measures every line of every frame with string-width, which segments any text that is not plain
ASCII into graphemes and tests each against an emoji regex (compiled on first use: some 30 ms).
Ink and its helpers get source/render/string-width-fast.ts instead: the same answers, found without
string-width for the characters text-width.ts knows (wrap-ansi's own older string-width is left alone).
*/
let stringWidthReplaced = 0;
const fastStringWidth = {
	name: 'fast-string-width',
	setup(esbuild) {
		esbuild.onResolve({filter: /^string-width$/}, async ({importer, kind, resolveDir, pluginData}) => {
			if (!topStringWidth || pluginData?.fastStringWidth || !importer.includes(`${sep}node_modules${sep}`)) return undefined;
			const found = await esbuild.resolve('string-width', {kind, resolveDir, pluginData: {fastStringWidth: true}});
			if (found.path !== topStringWidth) return undefined;
			stringWidthReplaced++;
			return {path: resolve('source/render/string-width-fast.ts')};
		});
	},
};

/**
Values some dependencies make as they load, though most runs never use them, each made at its first
use instead (the same object, kept once made): `const NAME = VALUE;` becomes a function that makes
VALUE once, and every later NAME in the file a call of it.
- string-width (8, ours): its segmenter (which loads ICU's data, some 7 ms) and four Unicode-property
  regexes, of which the emoji one (\p{RGI_Emoji} with the v flag) takes some 11 ms to construct; at
  every start, also for --help and print mode, where source/render/text-width.ts measures most text
  without string-width.
- @sindresorhus/is (got's): two Intl.ListFormat for its error messages (ICU again: 5–20 ms).
*/
const lazyValues = [
	{file: /[\\/]string-width[\\/]index\.js$/, only: () => topStringWidth, names: ['segmenter', 'visibleCharacterRegex', 'spacingMarkRegex', 'rgiEmojiRegex', 'extendedPictographicRegex']},
	{file: /@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/, names: ['andFormatter', 'orFormatter']},
];
const lazyModuleValues = {
	name: 'lazy-module-values',
	setup(esbuild) {
		for (const {file, only, names} of lazyValues) {
			esbuild.onLoad({filter: file}, async ({path}) => {
				if (only && realpathSync(path) !== only()) return undefined;
				let contents = await readFile(path, 'utf8');
				for (const name of names) {
					const found = new RegExp(`^const ${name} = (.+);$`, 'm').exec(contents);
					if (!found) return {errors: [{text: `${path} changed: ${name} is not declared where the lazy-module-values patch expects it (see lazy-module-values in scripts/build.mjs)`}]};
					const [whole, value] = found;
					const rest = contents.slice(found.index + whole.length).replace(new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g'), `${name}()`);
					contents = `${contents.slice(0, found.index)}let ${name}Made;\nconst ${name} = () => (${name}Made ??= ${value});${rest}`;
				}
				return {contents, loader: 'js', resolveDir: dirname(path)};
			});
		}
	},
};

/**
meow's bundled dependencies run normalize-package-data as they load (the SPDX licence lists, sorted
with localeCompare: some 13 ms a run), though meow only calls it when cli.pkg is read, which blogterm
never does. Here it is loaded on that first call instead.
*/
const meowLazyNormalize = {
	name: 'meow-lazy-normalize',
	setup(esbuild) {
		esbuild.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const eager = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
			if (!source.includes(eager)) return {errors: [{text: 'meow changed: the lazy normalize-package-data patch no longer applies (see meow-lazy-normalize in scripts/build.mjs)'}]};
			return {contents: source.replace(eager, 'const normalizePackageData = (...parameters) => getDefaultExportFromCjs(requireNormalize())(...parameters);'), loader: 'js'};
		});
	},
};

/**
Ink connects to React DevTools, and reads its own package.json for them, when DEV=true: both with a
top-level await, which a CommonJS bundle cannot do. The DevTools are not shipped (react-devtools-core
is not bundled), so both are taken out: DEV=true changes nothing.
*/
const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(esbuild) {
		esbuild.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const devtools = "await import('./devtools.js');";
			const packageJson = '? await loadPackageJson()';
			if (!source.includes(devtools) || !source.includes(packageJson)) return {errors: [{text: 'ink changed: its DevTools loading is not where the ink-without-devtools patch expects it (see ink-without-devtools in scripts/build.mjs)'}]};
			return {contents: source.replace(devtools, '// React DevTools are not shipped.').replace(packageJson, '? {name: undefined, version: undefined}'), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/**
got imports http2-wrapper (and with it Node's http2, tls and https: some 15 ms of Node's own
modules) as it loads, though it only uses it for `http2: true`, which blogterm never asks for. Here
got's options get it at that first use instead (a CommonJS module bundled by esbuild runs when first
required).
*/
const gotLazyHttp2 = {
	name: 'got-lazy-http2',
	setup(esbuild) {
		esbuild.onLoad({filter: /got[\\/]dist[\\/]source[\\/]core[\\/]options\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const eager = "import http2wrapper from 'http2-wrapper';";
			if (!source.includes(eager)) return {errors: [{text: 'got changed: its http2-wrapper import is not where the got-lazy-http2 patch expects it (see got-lazy-http2 in scripts/build.mjs)'}]};
			const lazy = "const http2wrapper = {get globalAgent() { return require('http2-wrapper').globalAgent; }, get auto() { return require('http2-wrapper').auto; }};";
			return {contents: source.replace(eager, lazy), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/**
yoga-layout waits for its WebAssembly at the top level of its module (top-level await), which a
CommonJS bundle cannot do. Node compiles WebAssembly this small synchronously in a few milliseconds,
so yoga is given a synchronous instantiateWasm (Emscripten's hook) with its own decoded bytes, and
its module is ready as soon as it is loaded.
*/
const yogaSync = {
	name: 'yoga-sync',
	setup(esbuild) {
		esbuild.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const eager = 'const Yoga = wrapAssembly(await loadYoga());';
			if (!source.includes(eager)) return {errors: [{text: 'yoga-layout changed: its top-level await is no longer where the yoga-sync patch expects it (see yoga-sync in scripts/build.mjs)'}]};
			const synchronous = [
				'const yogaModule = {instantiateWasm(imports, done, bytes) { done(new WebAssembly.Instance(new WebAssembly.Module(bytes()), imports)); return {}; }};',
				'loadYoga(yogaModule);',
				'if (typeof yogaModule.Node !== "function") throw new Error("yoga-layout did not load synchronously");',
				'const Yoga = wrapAssembly(yogaModule);',
			].join('\n');
			return {contents: source.replace(eager, synchronous), loader: 'js', resolveDir: dirname(path)};
		});
		esbuild.onLoad({filter: /yoga-wasm-base64-esm\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const hook = 'if(h.instantiateWasm)try{return h.instantiateWasm(d,\na)}';
			if (!source.includes(hook)) return {errors: [{text: 'yoga-layout changed: its instantiateWasm hook is not where the yoga-sync patch expects it (see yoga-sync in scripts/build.mjs)'}]};
			// Its data: URL decoded without fetch() (which would load Node's undici first, some 25 ms).
			const withoutFetch = source.replaceAll('"function"!=typeof fetch?', 'true?');
			return {contents: withoutFetch.replace(hook, 'if(h.instantiateWasm)try{return h.instantiateWasm(d,\na,wa)}'), loader: 'js'};
		});
	},
};

/**
Two changes to how Ink writes a frame (ink/build/ink.js), each failing the build when its target moved:

- Full height. Ink clears the whole terminal (ESC[2J ESC[3J) and writes the frame again at every
  render once a frame is as tall as the terminal, which flickers at each key; so blogterm's screens
  kept one row free. Here only a frame taller than the terminal (one that scrolled: a resize) takes
  that path: one exactly as tall is erased line by line and written again as any shorter frame is
  (it is written without a line's end after it, so nothing scrolls), and the screens get the last row.
- The cursor in screen-reader mode. Ink writes a screen reader's frame as lines and leaves the cursor
  after the last one. A `screenReaderCursor(root, output, columns)` render option (a blogterm one,
  source/ui/screen-reader/cursor-target.ts) says where the selection or the focused field is in those
  lines; after each frame the cursor is parked there and shown, so that a braille display follows
  it, and taken back to the frame's last line before Ink erases it for the next. A screen reader's
  frame is cut to the terminal's height, as the screens' frames are.
*/
const inkFrames = {
	name: 'ink-frames',
	setup(esbuild) {
		esbuild.onLoad({filter: /ink[\\/]build[\\/]ink\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const patched = parkScreenReaderCursor(drawFullHeightFrames(source));
			if (typeof patched !== 'string') return {errors: [{text: `ink changed: ${patched.error} (see ink-frames in scripts/build.mjs)`}]};
			return {contents: patched, loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/** Ink's "clear the terminal and write it all again" only for a frame taller than the terminal. */
function drawFullHeightFrames(source) {
	if (typeof source !== 'string') return source;
	const clearing = 'if (this.lastOutputHeight >= this.options.stdout.rows) {';
	if (!source.includes(clearing)) return {error: 'its full-screen redraw is not where the full-height patch expects it'};
	return source.replace(clearing, 'if (this.lastOutputHeight > this.options.stdout.rows) {');
}

/** After each screen-reader frame, the cursor where the render option `screenReaderCursor` says. */
function parkScreenReaderCursor(source) {
	if (typeof source !== 'string') return source;
	const onRender = '\n    onRender = () => {\n        this.hasPendingThrottledRender = false;';
	const writes = 'this.lastOutputHeight =\n                wrappedOutput === \'\' ? 0 : wrappedOutput.split(\'\\n\').length;';
	const wrapping = 'const wrappedOutput = wrapAnsi(output, terminalWidth, {\n                trim: false,\n                hard: true,\n            });';
	if (!source.includes(onRender) || !source.includes(writes) || !source.includes(wrapping)) return {error: 'its screen-reader frame is not where the screen-reader cursor patch expects it'};
	// Its lines cut to the terminal's height (the top kept): a taller frame would scroll, and Ink could not erase it.
	const cut = 'const wrappedOutput = wrapAnsi(output, terminalWidth, {\n                trim: false,\n                hard: true,\n            }).split(\'\\n\').slice(0, this.options.stdout.rows || undefined).join(\'\\n\');';
	const parking = `
    parkedCursorRows = 0;
    onRender = () => {
        const locate = this.isScreenReaderEnabled && !this.isUnmounted ? this.options.screenReaderCursor : undefined;
        if (!locate) return this.writeFrame();
        // Back to the frame's last line, where Ink's erasing starts from.
        if (this.parkedCursorRows > 0) this.options.stdout.write(ansiEscapes.cursorDown(this.parkedCursorRows));
        this.parkedCursorRows = 0;
        this.writeFrame();
        const target = this.lastOutputHeight > 0 ? locate(this.rootNode, this.lastOutput, this.getTerminalWidth()) : undefined;
        if (!target || target.row >= this.lastOutputHeight) return;
        this.parkedCursorRows = this.lastOutputHeight - 1 - target.row;
        this.options.stdout.write((this.parkedCursorRows > 0 ? ansiEscapes.cursorUp(this.parkedCursorRows) : '') + ansiEscapes.cursorTo(target.column) + '\\u001B[?25h');
    };
    writeFrame = () => {
        this.hasPendingThrottledRender = false;`;
	return source.replace(onRender, parking).replace(wrapping, cut);
}

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
	plugins: [fastStringWidth, lazyModuleValues, yogaSync, inkWithoutDevtools, inkFrames, gotLazyHttp2, meowLazyNormalize],
	logLevel: 'warning',
}).catch(() => undefined);
// esbuild has printed why.
if (!built) process.exit(1);
if (stringWidthReplaced === 0) {
	console.error('build: Ink no longer imports our string-width, so the fast text width is not used (see fast-string-width in scripts/build.mjs)');
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
