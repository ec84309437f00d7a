// The `blogterm` command (dist/cli.js): runs the bundle in dist/app/ (source/cli.tsx, built as
// CommonJS) through the code cache in blogterm's cache folder (code-cache.ts).
// BLOGTERM_CODE_CACHE=off compiles as Node would (for comparing); =report says on stderr, at exit,
// what the cache did for each file.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {blogtermPaths} from '../store/paths.js';
import {createCodeCacheLoader} from './code-cache.js';

/** Written after the program has run this long (its first frame is drawn by then), or at exit if sooner. */
const keepAfterMs = 1500;

const appDir = join(dirname(fileURLToPath(import.meta.url)), 'app');
const setting = process.env['BLOGTERM_CODE_CACHE'];

function sourceHashes(): Record<string, string> {
	try {
		return JSON.parse(readFileSync(join(appDir, 'manifest.json'), 'utf8')) as Record<string, string>;
	} catch {
		return {};
	}
}

const loader = createCodeCacheLoader({
	appDir,
	cacheDir: setting === 'off' ? undefined : join(blogtermPaths().cache, 'code'),
	sourceHashes: setting === 'off' ? {} : sourceHashes(),
});
setTimeout(loader.flush, keepAfterMs).unref();
process.once('exit', () => {
	loader.flush();
	if (setting === 'report') process.stderr.write(`code cache: ${JSON.stringify(loader.report)}\n`);
});
loader.require('./cli.cjs');
