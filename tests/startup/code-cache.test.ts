import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {runtimeKey} from '../../source/startup/code-cache.js';
import {ensureBuilt, runCli, temporaryHome} from '../script/run-cli.js';

const magic = 'blogterm-code-cache 1\n';
const home = temporaryHome();
const codeDir = join(home, 'cache', 'code');
let expected = '';

/** `blogterm --help` with the cache reporting what it did for each file (BLOGTERM_CODE_CACHE=report). */
async function helpRun(): Promise<{stdout: string; code: number | null; report: Record<string, string>}> {
	const run = await runCli(['--help'], {home, env: {BLOGTERM_CODE_CACHE: 'report'}});
	const line = run.errorLines.find(text => text.startsWith('code cache: '));
	assert.ok(line, `the run said what its code cache did (stderr: ${run.stderr})`);
	return {stdout: run.stdout, code: run.code, report: JSON.parse(line.slice('code cache: '.length)) as Record<string, string>};
}

/** The cache file kept for the bin's first file (cli.cjs). */
const cliCache = () => {
	const name = readdirSync(codeDir).find(file => file.startsWith('cli.cjs.') && file.endsWith('.v8'));
	assert.ok(name, `a cache file for cli.cjs in ${readdirSync(codeDir).join(', ')}`);
	return join(codeDir, name);
};

function splitCache(file: string): {header: Record<string, unknown>; payload: Buffer} {
	const data = readFileSync(file);
	const end = data.indexOf(10, magic.length);
	return {header: JSON.parse(data.subarray(magic.length, end).toString('utf8')) as Record<string, unknown>, payload: data.subarray(end + 1)};
}

/** A sound cache to damage: left by the test before, or made now when this test runs alone. */
async function ensureCached(): Promise<void> {
	const made = existsSync(codeDir) && readdirSync(codeDir).some(file => file.startsWith('cli.cjs.') && file.endsWith('.v8'));
	if (!made) assert.equal((await helpRun()).report['cli.cjs'], 'made');
}

const joinCache = (header: Record<string, unknown>, payload: Buffer) => Buffer.concat([Buffer.from(magic), Buffer.from(`${JSON.stringify(header)}\n`), payload]);

before(async () => {
	ensureBuilt();
	const plain = await runCli(['--help'], {home, env: {BLOGTERM_CODE_CACHE: 'off'}});
	assert.equal(plain.code, 0);
	expected = plain.stdout;
	assert.match(expected, /Read and answer blogs from the terminal/);
});

after(() => {
	rmSync(home, {recursive: true, force: true});
});

test('the first run keeps its compiled code, the next one starts from it, and both print the same', async () => {
	rmSync(codeDir, {recursive: true, force: true});
	const first = await helpRun();
	assert.equal(first.code, 0);
	assert.equal(first.stdout, expected);
	assert.equal(first.report['cli.cjs'], 'made');
	const second = await helpRun();
	assert.equal(second.stdout, expected);
	assert.equal(second.code, 0);
	assert.deepEqual(Object.values(second.report).filter(state => state !== 'used'), [], 'every file came from the cache');
});

const damages: Array<[string, (file: string) => void]> = [
	['a truncated cache file', file => writeFileSync(file, readFileSync(file).subarray(0, 1000))],
	['an empty cache file', file => writeFileSync(file, '')],
	['a cache file from another Node or V8', file => {
		const {header, payload} = splitCache(file);
		assert.equal(header['runtime'], runtimeKey);
		writeFileSync(file, joinCache({...header, runtime: 'v18.0.0 v8 10.2.154.26-node.22 linux x64'}, payload));
	}],
	['a cache file made from another source', file => {
		const {header, payload} = splitCache(file);
		writeFileSync(file, joinCache({...header, source: '0'.repeat(40)}, payload));
	}],
	['flipped bytes in the compiled code', file => {
		const data = readFileSync(file);
		for (let offset = Math.floor(data.length / 2); offset < data.length; offset += 997) data[offset] = data[offset]! ^ 0xff;
		writeFileSync(file, data);
	}],
	['flipped bytes in its header', file => {
		const data = readFileSync(file);
		data[magic.length + 3] = data[magic.length + 3]! ^ 0x55;
		writeFileSync(file, data);
	}],
	['random bytes', file => writeFileSync(file, Buffer.from(Array.from({length: 5000}, (_, index) => (index * 7919) % 256)))],
];

/** The cache file kept for one of the files `--help` loads (cli.cjs, then its chunks). */
const cacheOf = (name: string) => {
	const file = readdirSync(codeDir).find(entry => entry.startsWith(`${name}.`) && entry.endsWith('.v8'));
	assert.ok(file, `a cache file for ${name} in ${readdirSync(codeDir).join(', ')}`);
	return join(codeDir, file);
};

/**
Every damage at once, each to the cache file of a different file that `--help` loads, and cli.cjs's
given another file's compiled code that V8 refuses; then blogterm is run twice: once with the damaged
cache, and once after it. The cache's checks are the same for every file it loads, so one damaged
run (and the one after it) stands for each damage's own, at two processes instead of sixteen.
*/
let damagedRuns: Promise<{damaged: Awaited<ReturnType<typeof helpRun>>; next: Awaited<ReturnType<typeof helpRun>>; damagedFile: Map<string, string>}> | undefined;
async function runDamaged() {
	await ensureCached();
	// The files `--help` loaded, by their cache files (`chunk-X.cjs.<hash>.v8`).
	const loaded = readdirSync(codeDir).filter(file => file.endsWith('.v8')).map(file => file.slice(0, file.lastIndexOf('.', file.length - 4)));
	const chunks = loaded.filter(name => name !== 'cli.cjs');
	assert.ok(chunks.length > damages.length, `--help loads a file for each damage, and one more (${loaded.join(', ')})`);
	const damagedFile = new Map(damages.map(([name], index) => [name, chunks[index]!]));
	// A sound cache file that V8 refuses: another file's code, with a header that checks out.
	const {payload} = splitCache(cacheOf(chunks.at(-1)!));
	const {header} = splitCache(cliCache());
	const {createHash} = await import('node:crypto');
	for (const [name, damage] of damages) damage(cacheOf(damagedFile.get(name)!));
	writeFileSync(cliCache(), joinCache({...header, length: payload.length, sha1: createHash('sha1').update(payload).digest('hex')}, payload));
	const damaged = await helpRun();
	const next = await helpRun();
	return {damaged, next, damagedFile};
}

for (const [name] of damages) {
	test(`${name} is ignored: blogterm prints the same and makes the cache again`, async () => {
		const {damaged, next, damagedFile} = await (damagedRuns ??= runDamaged());
		const file = damagedFile.get(name)!;
		assert.equal(damaged.code, 0);
		assert.equal(damaged.stdout, expected);
		assert.equal(damaged.report[file], 'made', 'the damaged file was not used');
		assert.equal(next.report[file], 'used', 'the cache was made again');
		assert.equal(next.stdout, expected);
	});
}

test('a sound cache file that V8 refuses (compiled from another file) is made again', async () => {
	const {damaged, next} = await (damagedRuns ??= runDamaged());
	assert.equal(damaged.code, 0);
	assert.equal(damaged.stdout, expected);
	assert.equal(damaged.report['cli.cjs'], 'rejected');
	assert.equal(next.report['cli.cjs'], 'used');
});

test('a cache folder that cannot be written does not stop blogterm', async () => {
	rmSync(join(home, 'cache'), {recursive: true, force: true});
	// A file where the folder should be.
	writeFileSync(join(home, 'cache'), 'not a folder');
	try {
		const run = await helpRun();
		assert.equal(run.code, 0);
		assert.equal(run.stdout, expected);
	} finally {
		rmSync(join(home, 'cache'), {force: true});
	}
});

test('the cache of an earlier build is removed when this one makes its own', async () => {
	await helpRun();
	const earlier = join(codeDir, 'run-interactive-OLDBUILD.cjs.0123456789abcdef.v8');
	const leftByAKill = join(codeDir, 'cli.cjs.0123456789abcdef.v8.123.tmp');
	writeFileSync(earlier, 'compiled by an earlier blogterm');
	writeFileSync(leftByAKill, 'half written');
	// Nothing new made: nothing removed.
	assert.equal((await helpRun()).report['cli.cjs'], 'used');
	assert.ok(readdirSync(codeDir).includes('run-interactive-OLDBUILD.cjs.0123456789abcdef.v8'));
	rmSync(cliCache());
	const run = await helpRun();
	assert.equal(run.report['cli.cjs'], 'made');
	assert.equal(run.stdout, expected);
	const left = readdirSync(codeDir);
	assert.ok(!left.includes('run-interactive-OLDBUILD.cjs.0123456789abcdef.v8'), `removed: ${left.join(', ')}`);
	assert.ok(!left.includes('cli.cjs.0123456789abcdef.v8.123.tmp'));
	assert.ok(left.some(name => name.startsWith('cli.cjs.')), 'its own is kept');
});
