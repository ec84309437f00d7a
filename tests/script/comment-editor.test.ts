import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {after, before, describe, test} from 'node:test';
import {runCommandLine} from '../../source/script/run-argv.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';

const root = mkdtempSync(join(tmpdir(), 'blogterm-script-editor-'));
let count = 0;

/** A fake editor (a shell script) that does `body` to the file it is given ($1). */
function fakeEditor(body: string): string {
	const path = join(root, `editor-${++count}.sh`);
	writeFileSync(path, `#!/bin/sh\n${body}\n`);
	chmodSync(path, 0o755);
	return path;
}

/** The command line in this process, its stdin a terminal (or not), stdout a pipe. */
async function run(args: readonly string[], options: {visual: string; stdinIsTerminal: boolean}) {
	const stdin = Object.assign(new PassThrough(), {isTTY: options.stdinIsTerminal});
	stdin.end('');
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let error = '';
	stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	stderr.on('data', (chunk: Buffer) => (error += chunk.toString()));
	const environment = {...process.env, BLOGTERM_HOME: join(root, `home-${++count}`), VISUAL: options.visual};
	const result = await runCommandLine(args, {stdin, stdout: Object.assign(stdout, {isTTY: false}), stderr, environment});
	return {code: result.kind === 'done' ? result.exitCode : -1, stdout: out, stderr: error};
}

describe('--comment with no text, stdin a terminal: the editor', () => {
	let demo: TestDemo;
	let postId: number;
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		const {body} = await demo.rest<Array<{id: number; slug: string}>>('wp/v2/posts?slug=watering-schedules-with-cron');
		postId = body[0]!.id;
	});
	after(async () => {
		await demo.stop();
		rmSync(root, {recursive: true, force: true});
	});
	const identity = ['--name', 'Robin Reader', '--email', 'reader@example.com', '--format', 'json'];

	test('what the editor saves is sent', async () => {
		const visual = fakeEditor('printf \'Written in my editor.\\n\\nTwo paragraphs.\\n\' > "$1"');
		const result = await run([demo.url, '--post', String(postId), '--comment', ...identity], {visual, stdinIsTerminal: true});
		assert.equal(result.code, 0, result.stderr);
		const sent = JSON.parse(result.stdout) as {id: number; status: string};
		assert.equal(sent.status, 'approved');
		const {body} = await demo.rest<{content: {rendered: string}}>(`wp/v2/comments/${sent.id}`);
		assert.match(body.content.rendered, /Written in my editor\./);
		assert.match(body.content.rendered, /Two paragraphs\./);
	});

	test('an editor that leaves it empty, or fails, sends nothing: exit 2, in words', async () => {
		const before = (await demo.rest<unknown[]>(`wp/v2/comments?post=${postId}&per_page=100`)).body.length;
		const empty = await run([demo.url, '--post', String(postId), '--comment', ...identity], {visual: fakeEditor(': > "$1"'), stdinIsTerminal: true});
		assert.equal(empty.code, 2);
		// With --format json, the error is the JSON error object.
		assert.deepEqual(JSON.parse(empty.stderr), {error: {code: 'usage', exit: 2, message: 'Comment: The editor left the comment empty; nothing was sent.'}});
		const failed = await run([demo.url, '--post', String(postId), '--comment', ...identity], {visual: fakeEditor('exit 1'), stdinIsTerminal: true});
		assert.equal(failed.code, 2);
		assert.match((JSON.parse(failed.stderr) as {error: {message: string}}).error.message, /^Comment: The editor “editor-\d+\.sh” exited with status 1; nothing was sent\.$/);
		assert.equal((await demo.rest<unknown[]>(`wp/v2/comments?post=${postId}&per_page=100`)).body.length, before);
	});

	test('stdin not a terminal: no editor; an empty comment is refused as before', async () => {
		const result = await run([demo.url, '--post', String(postId), '--comment', ...identity], {visual: fakeEditor('printf \'Never\\n\' > "$1"'), stdinIsTerminal: false});
		assert.equal(result.code, 2);
		assert.doesNotMatch(result.stderr, /editor/);
	});
});
