// Bundles the CLI with esbuild. Splitting keeps Ink and React in their own
// chunk, so print mode (which never imports them) starts as fast as Node can.
// Every dependency is bundled (they are devDependencies) but better-sqlite3, the store's database:
// a native addon compiled for the machine it is installed on, so it is the one run-time dependency.
// The speed patches below fail the build when what they patch is not found: a dependency that
// changed is caught here, in CI, not later as a slower start.
import {build} from 'esbuild';
import {realpathSync} from 'node:fs';
import {readFile, rm} from 'node:fs/promises';
import {resolve, sep} from 'node:path';

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
yoga-layout (Ink's layout engine) loads its WebAssembly from a data: URL with fetch() when fetch
exists, which loads Node's undici first (some 25 ms); without fetch it decodes the same base64 itself.
*/
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(esbuild) {
		esbuild.onLoad({filter: /yoga-wasm-base64-esm\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const patched = source.replaceAll('"function"!=typeof fetch?', 'true?');
			if (patched === source) return {errors: [{text: 'yoga-layout changed: the patch that keeps its WebAssembly from loading through fetch() no longer applies (see yoga-without-fetch in scripts/build.mjs)'}]};
			return {contents: patched, loader: 'js'};
		});
	},
};

await rm('dist', {recursive: true, force: true});
const built = await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	sourcemap: false,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Some bundled CommonJS dependencies (react) call require(); give them one.
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __blogtermCreateRequire} from 'node:module';\nconst require = __blogtermCreateRequire(import.meta.url);",
	},
	// Ink loads React DevTools only when DEV=true; it is not shipped.
	// better-sqlite3 is a native addon: it stays in node_modules, the one run-time dependency.
	external: ['react-devtools-core', 'better-sqlite3'],
	plugins: [fastStringWidth, yogaWithoutFetch, meowLazyNormalize],
	logLevel: 'warning',
}).catch(() => undefined);
// esbuild has printed why.
if (!built) process.exit(1);
if (stringWidthReplaced === 0) {
	console.error('build: Ink no longer imports our string-width, so the fast text width is not used (see fast-string-width in scripts/build.mjs)');
	process.exit(1);
}
