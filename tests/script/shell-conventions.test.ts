import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {PassThrough} from 'node:stream';
import {runCommandLineHere, runInProcess, temporaryHome} from './run-cli.js';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {rmSync} from 'node:fs';

/*
The conventions a shell user expects (issue 18): a post's URL alone, short flags, --color.
*/

let demo: TestDemo;
let postUrl: string;

before(async () => {
	demo = await startTestDemo();
	const {body} = await demo.rest<Array<{link: string}>>('wp/v2/posts?slug=watering-schedules-with-cron');
	postUrl = body[0]!.link;
});

after(async () => demo.stop());

describe('a post URL alone', () => {
	test('SITE that is a post\'s URL prints that post', async () => {
		const run = await runInProcess([postUrl]);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /^Watering Schedules with cron\n/);
	});

	test('--post URL without SITE reads the URL\'s blog', async () => {
		const run = await runInProcess(['--post', postUrl, '--format', 'json', '--fields', 'slug']);
		assert.equal(run.code, 0, run.stderr);
		assert.equal((JSON.parse(run.stdout) as {slug: string}).slug, 'watering-schedules-with-cron');
	});

	test('a post URL on another host is not matched by its slug (nor its ?p=) alone: exit 3', async () => {
		const elsewhere = postUrl.replace(/^http:\/\/127\.0\.0\.1:\d+\//, 'https://other.example/');
		for (const url of [elsewhere, 'https://other.example/?p=5']) {
			const run = await runInProcess([demo.url, '--post', url]);
			assert.equal(run.code, 3, run.stderr);
			assert.equal(run.errorLines[0], `blogterm: ${url} is on another site (other.example), not on ${new URL(demo.url).host}.`);
		}
	});

	test('a SITE with a path that names no post is the blog (its list), and --list keeps a path a SITE', async () => {
		const run = await runInProcess([new URL('no/such/post/', demo.url).toString(), '--ids']);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /^\d+\n/);
		const list = await runInProcess([postUrl, '--list', '--ids']);
		assert.equal(list.code, 0, list.stderr);
		assert.equal(list.stdout.trimEnd().split('\n').length, 10);
	});
});

describe('a post URL alone on a blog read through its feed', () => {
	let server: FeedServer;
	before(async () => {
		server = await startFeedServer();
		// The home page names the feed; the post's page names none.
		server.route('/', {type: 'text/html', body: '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feeds/main.xml"></head><body></body></html>'});
		server.route('/p/1', {type: 'text/html', body: '<!DOCTYPE html><html><head><title>First</title></head><body><p>The first post.</p></body></html>'});
		server.route('/feeds/main.xml', {type: 'application/rss+xml', body: `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feeds only</title><link>${server.origin}/</link>
<item><title>Second</title><link>${server.origin}/p/2</link><pubDate>Tue, 02 Jun 2026 10:00:00 GMT</pubDate><description>The second post.</description></item>
<item><title>First</title><link>${server.origin}/p/1</link><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate><description>The first post.</description></item>
</channel></rss>\n`});
	});
	after(async () => server.close());

	test('prints that post, found through the feed its home page names', async () => {
		const run = await runInProcess([`${server.origin}/p/1`, '--format', 'json', '--fields', 'title,link,next']);
		assert.equal(run.code, 0, run.stderr);
		assert.deepEqual(JSON.parse(run.stdout), {schemaVersion: 1, title: 'First', link: `${server.origin}/p/1`, next: {id: `${server.origin}/p/2`, title: 'Second', link: `${server.origin}/p/2`}});
	});
});

describe('a bare host:port that answers plain http', () => {
	test('says to try http:// instead of "the connection was reset"', async () => {
		const site = new URL(demo.url).host;
		const run = await runInProcess([site, '--list', '--format', 'json'], {env: {BLOGTERM_TIMEOUT_SCALE: '0.01'}});
		assert.equal(run.code, 1, run.stderr);
		const error = (JSON.parse(run.stderr) as {error: {code: string; message: string}}).error;
		assert.equal(error.message, `${site} did not answer https; try http://${site}`);
		assert.equal((await runInProcess([`http://${site}`, '--list', '--ids'])).code, 0, 'as the hint says');
	});
});

describe('in a terminal', () => {
	let home: string;
	before(() => {
		home = temporaryHome();
	});
	after(() => rmSync(home, {recursive: true, force: true}));

	/** A terminal's streams: stdout and stdin are TTYs, so the reader would open. */
	function terminalIo() {
		const stdout = Object.assign(new PassThrough(), {isTTY: true, columns: 80});
		const stdin = Object.assign(new PassThrough(), {isTTY: true});
		const stderr = new PassThrough();
		let errors = '';
		stderr.on('data', (chunk: Buffer) => {
			errors += chunk.toString('utf8');
		});
		// A home of its own: nothing kept in anyone's cache is read.
		return {io: {stdout, stderr, stdin, environment: {...process.env, BLOGTERM_HOME: home}}, errors: () => errors};
	}

	test('SITE alone opens the reader; print-mode flags without print mode are refused (exit 2)', async () => {
		const plain = terminalIo();
		const reader = await runCommandLineHere([demo.url], plain.io);
		assert.equal(reader.kind, 'reader', plain.errors());
		const offline = terminalIo();
		assert.deepEqual(await runCommandLineHere([demo.url, '--offline'], offline.io), {kind: 'done', exitCode: 2});
		assert.match(offline.errors(), /^blogterm: --offline is for print mode/);
		const printed = terminalIo();
		assert.deepEqual(await runCommandLineHere([demo.url, '--list', '--offline', '--ids'], printed.io), {kind: 'done', exitCode: 1}, 'print mode takes it (nothing kept: offline)');
	});
});

describe('short flags and --color', () => {
	test('-l, -p, -f, -w, -h and -V are --list, --post, --format, --width, --help and --version', async () => {
		assert.equal((await runInProcess([demo.url, '-l', '-f', 'json'])).code, 0);
		const post = await runInProcess([demo.url, '-p', 'watering-schedules-with-cron', '-w', '40']);
		assert.equal(post.code, 0, post.stderr);
		for (const line of post.stdout.split('\n')) assert.ok(line.length <= 40 || /^https?:\/\/\S+$/.test(line.trim()), line);
		assert.match((await runInProcess(['-h'])).stdout, /Usage/);
		assert.match((await runInProcess(['-V'])).stdout, /^\d+\.\d+\.\d+\n$/);
	});

	test('--color always colours a pipe, never beats FORCE_COLOR; a bad value is refused', async () => {
		const always = await runInProcess([postUrl, '--no-related', '--color', 'always']);
		assert.match(always.stdout, /\u001B\[/);
		const never = await runInProcess([postUrl, '--no-related', '--color', 'never'], {env: {FORCE_COLOR: '1'}});
		assert.doesNotMatch(never.stdout, /\u001B\[/);
		const bad = await runInProcess([postUrl, '--color', 'sometimes']);
		assert.equal(bad.code, 2);
		assert.match(bad.errorLines[0]!, /^blogterm: --color is auto, always or never, not “sometimes”\.$/);
	});
});
