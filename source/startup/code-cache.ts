// Node 20 has no compile cache for ES modules, so blogterm's bundle is built as CommonJS files
// (dist/app/, scripts/build.mjs) that this loader compiles through vm.Script with V8's code cache:
// the first run keeps what V8 compiled in the cache folder, later runs start from it instead of
// parsing and compiling some 2 MB of JavaScript again.
//
// A cache file is trusted only when everything about it checks out: its own format, the exact
// source it was made from (the build's hash of it), this Node, V8, platform and architecture, its
// length and its SHA-1. Anything else (truncated, from another build or Node, flipped bytes) is
// ignored and made again; V8 also checks what it is given and may reject it, which is handled the
// same way. A cache that cannot be read or written never stops blogterm.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Script} from 'node:vm';

/** The first line of every cache file; a new format gets a new number. */
const magic = 'blogterm-code-cache 1\n';

/** The Node that made a cache file: its cache is only for the same one. */
export const runtimeKey = `${process.version} v8 ${process.versions.v8} ${process.platform} ${process.arch}`;

type CacheHeader = {readonly source: string; readonly runtime: string; readonly length: number; readonly sha1: string};

export type CodeCacheOptions = {
	/** The folder of the CommonJS files (dist/app/). */
	readonly appDir: string;
	/** Where the code cache is kept; undefined: no cache (compiled as usual). */
	readonly cacheDir: string | undefined;
	/** Each file's SHA-1, as the build wrote it (dist/app/manifest.json): a file without one is not cached. */
	readonly sourceHashes: Readonly<Record<string, string>>;
};

/** What happened to each file loaded, for tests and `BLOGTERM_CODE_CACHE=report`. */
export type LoadReport = Record<string, 'used' | 'made' | 'rejected' | 'uncached'>;

type Pending = {readonly script: Script; readonly path: string; readonly source: string};

const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest('hex');

/** The cached code in `file` when it is sound and made from `sourceHash` by this Node; undefined otherwise. */
export function readCodeCache(file: string, sourceHash: string): Buffer | undefined {
	let data: Buffer;
	try {
		data = readFileSync(file);
	} catch {
		return undefined;
	}
	if (data.subarray(0, magic.length).toString('latin1') !== magic) return undefined;
	const headerEnd = data.indexOf(10, magic.length);
	if (headerEnd < 0) return undefined;
	let header: Partial<CacheHeader>;
	try {
		header = JSON.parse(data.subarray(magic.length, headerEnd).toString('utf8')) as Partial<CacheHeader>;
	} catch {
		return undefined;
	}
	const payload = data.subarray(headerEnd + 1);
	if (header.source !== sourceHash || header.runtime !== runtimeKey || header.length !== payload.length) return undefined;
	if (header.sha1 !== sha1(payload)) return undefined;
	return payload;
}

/** Removes the cache files (`*.v8`, and `*.tmp` a kill left) of `folder` that are not in `current`; one in use elsewhere is simply made again there. */
function removeOtherCaches(folder: string, current: ReadonlySet<string>): void {
	try {
		for (const name of readdirSync(folder)) if ((name.endsWith('.v8') || name.endsWith('.tmp')) && !current.has(name)) rmSync(join(folder, name), {force: true});
	} catch {
		// A folder that cannot be listed keeps what it has.
	}
}

/** Writes a cache file whole or not at all (a reader never sees half of one). */
export function writeCodeCache(file: string, sourceHash: string, payload: Buffer): void {
	const header: CacheHeader = {source: sourceHash, runtime: runtimeKey, length: payload.length, sha1: sha1(payload)};
	const temporary = `${file}.${process.pid}.tmp`;
	mkdirSync(dirname(file), {recursive: true, mode: 0o700});
	writeFileSync(temporary, Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.from(`${JSON.stringify(header)}\n`), payload]), {mode: 0o600});
	renameSync(temporary, file);
}

/**
 * A `require` for the bundle's own files (`./name.cjs`), compiled with the code cache; anything else
 * (Node's modules, better-sqlite3) goes to Node's own require. `flush()` keeps the code of the files
 * whose cache was missing or refused: call it once the program has run a while, so that the
 * functions it compiled by then are kept too.
 */
export function createCodeCacheLoader(options: CodeCacheOptions): {require: (specifier: string) => unknown; flush: () => void; report: LoadReport} {
	const nodeRequire = createRequire(join(options.appDir, 'noop.cjs'));
	const modules = new Map<string, {exports: unknown}>();
	const pending: Pending[] = [];
	const report: LoadReport = {};
	const cacheName = (name: string, sourceHash: string) => `${name}.${sourceHash.slice(0, 16)}.v8`;

	const load = (specifier: string): unknown => {
		if (!specifier.startsWith('./')) return nodeRequire(specifier);
		const name = specifier.slice(2);
		const path = resolve(options.appDir, name);
		const known = modules.get(path);
		if (known) return known.exports;
		const module = {exports: {}};
		modules.set(path, module);
		const source = readFileSync(path, 'utf8');
		const sourceHash = options.sourceHashes[name];
		const cachePath = options.cacheDir && sourceHash ? join(options.cacheDir, cacheName(name, sourceHash)) : undefined;
		const cachedData = cachePath && sourceHash ? readCodeCache(cachePath, sourceHash) : undefined;
		// The same wrapper as Node's own for CommonJS, and what was import.meta (scripts/build.mjs).
		const wrapped = `(function (exports, require, module, __filename, __dirname, __blogtermImportMeta) {${source}\n})`;
		const script = new Script(wrapped, {filename: path, cachedData});
		if (cachePath) {
			if (!cachedData || script.cachedDataRejected === true) {
				pending.push({script, path: cachePath, source: sourceHash!});
				report[name] = cachedData ? 'rejected' : 'made';
			} else report[name] = 'used';
		} else report[name] = 'uncached';
		const run = script.runInThisContext() as (...parameters: unknown[]) => void;
		run.call(module.exports, module.exports, load, module, path, dirname(path), {url: pathToFileURL(path).href, filename: path, dirname: dirname(path)});
		return module.exports;
	};

	const flush = () => {
		const made = pending.splice(0);
		for (const {script, path, source} of made) {
			try {
				writeCodeCache(path, source, script.createCachedData());
			} catch {
				// A cache folder that cannot be written: the next start compiles as usual.
			}
		}
		// What an earlier build (or Node) kept is of no more use: removed when this one makes its own.
		if (made.length > 0 && options.cacheDir) removeOtherCaches(options.cacheDir, new Set(Object.entries(options.sourceHashes).map(([name, hash]) => cacheName(name, hash))));
	};
	return {require: load, flush, report};
}
