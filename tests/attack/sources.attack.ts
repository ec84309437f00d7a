import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import type {ServerResponse} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

/*
Slow attacks on the source boundary (each several seconds: not in `npm test`, run by
`npm run test:attack`). Each runs in a process of its own with its heap bounded to 256 MB, about
ten times the largest answer, and a generous hang guard; each prints what it sent and what came back.

- a posts list of 6 million empty objects (18 MB, under the size limit): ran Node out of memory
  (exit 134); now read no further than its first 1,000 items, none of which is a post;
- a feed root with a million attributes (19.6 MB): took 26 s and 1.2 GB; now refused in words.
*/

const heapLimitMb = 256;
const hangGuardMs = 120_000;
const home = mkdtempSync(join(tmpdir(), 'blogterm-attack-'));
after(() => rmSync(home, {recursive: true, force: true}));

const emptyObjects = 6_000_000;
const attributes = 1_000_000;
let emptyList: Buffer;
let attributeFeed: Buffer;

let server: TestServer;
before(async () => {
	emptyList = Buffer.from(`[${Array.from({length: emptyObjects}, () => '{}').join(',')}]`);
	attributeFeed = Buffer.from(`<?xml version="1.0"?><rss version="2.0"${Array.from({length: attributes}, (_, index) => ` attribute${index}="x"`).join('')}><channel><title>t</title><item><title>One</title><guid>1</guid></item></channel></rss>`);
	server = await startTestServer((request, response: ServerResponse) => {
		const path = new URL(request.url ?? '/', server.url).pathname;
		if (path === '/wp/') {
			response.writeHead(200, {'content-type': 'text/html', link: `<${server.url}wp/wp-json/>; rel="https://api.w.org/"`});
			response.end('<!doctype html><title>x</title>');
		} else if (path === '/wp/wp-json/') {
			response.writeHead(200, {'content-type': 'application/json'});
			response.end(JSON.stringify({name: 'Empty objects', url: `${server.url}wp/`, home: `${server.url}wp/`, namespaces: ['wp/v2']}));
		} else if (path === '/wp/wp-json/wp/v2/posts') {
			response.writeHead(200, {'content-type': 'application/json', 'x-wp-total': String(emptyObjects), 'x-wp-totalpages': '1'});
			response.end(emptyList);
		} else if (path === '/attributes.xml') {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			response.end(attributeFeed);
		} else {
			response.writeHead(404).end();
		}
	});
});
after(async () => server.close());

type Outcome = {ok: boolean; posts?: number; notes?: string[]; name?: string; message?: string; ms: number};

/** Runs one attack in a process of its own (asynchronously: this process serves the blog meanwhile). */
async function attack(what: string, sent: string, site: string): Promise<Outcome> {
	const child = spawn(process.execPath, [`--max-old-space-size=${heapLimitMb}`, '--import', 'tsx', join(import.meta.dirname, 'source-attack-child.ts'), site], {
		env: {...process.env, BLOGTERM_HOME: home},
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const guard = setTimeout(() => child.kill('SIGKILL'), hangGuardMs);
	const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve => child.once('close', (code, killed) => resolve([code, killed])));
	clearTimeout(guard);
	console.log(`${what}\n  sent: ${sent}\n  came back (exit ${status}, signal ${signal}): ${stdout.trim() || stderr.trim().slice(0, 500)}`);
	assert.equal(signal, null, `${what}: killed by ${signal} (a hang past ${hangGuardMs / 1000} s)`);
	assert.equal(status, 0, `${what}: exit ${status} (134 is the heap limit of ${heapLimitMb} MB): ${stderr.slice(0, 500)}`);
	return JSON.parse(stdout.trim().split('\n').at(-1)!) as Outcome;
}

test('a posts list of 6 million empty objects: no posts, a note, within the heap limit', async () => {
	const outcome = await attack('6,000,000 empty objects as a posts list', `${(emptyList.length / 1e6).toFixed(1)} MB of [{},{},…]`, `${server.url}wp/`);
	assert.equal(outcome.ok, true, outcome.message);
	assert.equal(outcome.posts, 0);
	assert.match(outcome.notes!.join(' '), /cannot read \(it has no ID\)/);
	assert.match(outcome.notes!.join(' '), /more posts in one answer than blogterm reads/);
});

test('a feed root with a million attributes: refused in words, within the heap limit', async () => {
	const outcome = await attack('1,000,000 attributes on <rss>', `${(attributeFeed.length / 1e6).toFixed(1)} MB`, `${server.url}attributes.xml`);
	assert.equal(outcome.ok, false);
	assert.equal(outcome.name, 'BlogError');
	assert.match(outcome.message!, /more than 1,000 attributes/);
});
