import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {gzipSync} from 'node:zlib';
import {answer, startFaultServer, type FaultServer} from '../reliability/fault-server.js';
import {stackedGzip} from '../reliability/hostile-servers.js';
import {ensureBuilt, runCli} from '../script/run-cli.js';

/*
The slow network attacks (not in `npm test`; run with `npm run test:attack`). Each runs blogterm in a
process of its own, bounded in time by the test's timeout, and prints what it sent and what came back.
*/

const megabyte = 1024 * 1024;
const limit = 20 * megabyte;

let server: FaultServer;
before(async () => {
	ensureBuilt();
	server = await startFaultServer();
});
after(async () => server.close());

type Measured = {statusCode?: number; characters?: number; error?: string; grew: number};

/** Fetches `url` with blogterm's client in a process of its own: what came back and the most memory it held. */
async function measure(url: string): Promise<Measured> {
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'measure-answer.ts'), url], {stdio: ['ignore', 'pipe', 'inherit']});
	const chunks: Buffer[] = [];
	child.stdout.on('data', chunk => chunks.push(chunk as Buffer));
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	assert.equal(code, 0, `the measuring process ended with ${code}: ${Buffer.concat(chunks).toString('utf8')}`);
	return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Measured;
}

describe('stacked encodings against the whole program', {timeout: 60_000}, () => {
	test('a home page gzipped a thousand times over (8 MB inside): one line, exit 1, at once', async t => {
		const body = stackedGzip(Buffer.alloc(8 * megabyte, 'a'), 1000);
		server.route('/', answer(200, body, {'content-encoding': Array.from({length: 1000}, () => 'gzip').join(',')}));
		const run = await runCli([server.url, '--list']);
		t.diagnostic(`sent: a home page with Content-Encoding: gzip ×1000, ${body.length} bytes that expand to 8 MB`);
		t.diagnostic(`came back: exit ${run.code}, stderr ${JSON.stringify(run.stderr)}`);
		assert.equal(run.code, 1);
		assert.match(run.stderr, /^blogterm: Could not read 127\.0\.0\.1:\d+: the answer is compressed 1000 times over; blogterm undoes at most 2\.\n$/);
	});
});

describe('memory per answer stays within ten times its size', {timeout: 120_000}, () => {
	for (const [label, path, body, encoding] of [
		['a plain answer of just under 20 MB', '/plain-20', Buffer.alloc(limit - 1024, 'p'), undefined],
		['gzip inside gzip that expands to just under 20 MB', '/bomb-2', gzipSync(gzipSync(Buffer.alloc(limit - 1024, 'b'))), 'gzip, gzip'],
		['gzip inside gzip that would expand to 200 MB', '/bomb-200', gzipSync(gzipSync(Buffer.alloc(200 * megabyte, 'c'))), 'gzip, gzip'],
	] as const) {
		test(label, async t => {
			server.route(path, answer(200, body, encoding ? {'content-encoding': encoding, 'content-type': 'text/plain'} : {'content-type': 'text/plain'}));
			const measured = await measure(`${server.url}${path.slice(1)}`);
			const {grew} = measured;
			t.diagnostic(`sent: ${body.length} bytes${encoding ? `, Content-Encoding: ${encoding}` : ''}`);
			t.diagnostic(`came back: ${measured.error ?? `${measured.statusCode}, ${measured.characters} characters`}; the most memory held grew by ${(grew / megabyte).toFixed(1)} MB`);
			const answerSize = Math.min(limit, measured.characters ?? limit);
			assert.ok(grew <= 10 * answerSize, `grew by ${(grew / megabyte).toFixed(1)} MB for an answer of ${(answerSize / megabyte).toFixed(1)} MB`);
			if (path === '/bomb-200') assert.match(measured.error ?? '', /larger than 20 MB once uncompressed/);
			else assert.equal(measured.characters, limit - 1024);
		});
	}
});
