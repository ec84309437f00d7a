// Bundles the CLI with esbuild. Splitting keeps Ink and React in their own
// chunk, so print mode (which never imports them) starts as fast as Node can.
import {build} from 'esbuild';
import {rm} from 'node:fs/promises';

await rm('dist', {recursive: true, force: true});
await build({
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
	external: ['react-devtools-core'],
	logLevel: 'warning',
});
