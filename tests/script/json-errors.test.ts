import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {closeSync, openSync, rmSync} from 'node:fs';
import {Writable} from 'node:stream';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {answerAsWordPress, startFakeWordPress, type FakeBlog} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {criticalErrorPage, formErrors, wpDiePage} from '../comments/wordpress-answers.js';
import {neverAnswer, refusedUrl, selfSignedCertificate, startFaultServer} from '../reliability/fault-server.js';
import {specialPosts} from '../../source/demo/content/index.js';
import {runCommandLine} from '../../source/script/run-argv.js';
import {builtCli, ensureBuilt, homeForBuiltCli, repoRoot, runInProcess, temporaryHome, type CliRun} from './run-cli.js';

/*
Failures a script can tell apart (issue 18): each exit code, and with --format json each error as one
JSON object on stderr, {"error": {"code", "exit", "message"}}.
*/

type JsonError = {error: {code: string; exit: number; message: string}};

let demo: TestDemo;

before(async () => {
	ensureBuilt();
	demo = await startTestDemo();
});

after(async () => {
	await demo.stop();
});

/** The one JSON object a failed JSON run writes on stderr, checked against its exit code. */
function jsonErrorOf(run: CliRun): JsonError['error'] {
	assert.equal(run.stdout, '', 'nothing on stdout');
	assert.equal(run.errorLines.length, 1, `one line on stderr: ${run.stderr}`);
	const parsed = JSON.parse(run.errorLines[0]!) as JsonError;
	assert.deepEqual(Object.keys(parsed.error), ['code', 'exit', 'message']);
	assert.equal(parsed.error.exit, run.code, 'the exit code, in the object too');
	return parsed.error;
}

const ada = ['--name', 'Ada', '--email', 'ada@example.com'];

/** A WordPress blog whose comment form answers `form` (REST refuses anonymous comments, as WordPress does by default). */
async function blogAnsweringComments(form: (response: import('node:http').ServerResponse) => void): Promise<TestServer> {
	const blog: FakeBlog = {name: 'Answers', posts: [{id: 7, slug: 'seven', title: 'Seven', html: '<p>7</p>', date: '2026-01-02T03:04:05'}]};
	const server: TestServer = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		if (request.method === 'POST' && url.pathname === '/wp-comments-post.php') {
			form(response);
			return;
		}
		if (request.method === 'POST') {
			response.writeHead(401, {'content-type': 'application/json'});
			response.end(JSON.stringify({code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.', data: {status: 401}}));
			return;
		}
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		});
	});
	return server;
}

describe('--format json: an error is one JSON object on stderr', () => {
	test('usage (2), no such post (3), not a blog (6), each with its code', async () => {
		const page = await startTestServer((_request, response) => {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end('<!doctype html><title>Just a page</title><p>Nothing to read here.</p>');
		});
		try {
			const usage = await runInProcess([demo.url, '--list', '--format', 'json', '--colour']);
			assert.equal(usage.code, 2);
			assert.deepEqual(jsonErrorOf(usage), {code: 'usage', exit: 2, message: 'unknown flag --colour (blogterm --help lists them)'});
			const conflict = await runInProcess([demo.url, '--post', '25', '--page', '3', '--format', 'json']);
			assert.equal(jsonErrorOf(conflict).code, 'usage');
			const missing = await runInProcess([demo.url, '--post', '999999', '--format', 'json']);
			assert.equal(missing.code, 3);
			assert.equal(jsonErrorOf(missing).code, 'not_found');
			const notABlog = await runInProcess([page.url, '--list', '--format', 'json']);
			assert.equal(notABlog.code, 6);
			assert.equal(jsonErrorOf(notABlog).code, 'not_a_blog');
		} finally {
			await page.close();
		}
	});

	test('the blog could not be read (1): timeout, dns, refused, http_500', async () => {
		const faults = await startFaultServer();
		faults.route('/', neverAnswer);
		const broken = await startFakeWordPress({id: 7, slug: 'seven', title: 'Seven', html: '<p>7</p>', date: '2026-01-02T03:04:05'}, {postStatus: 500});
		try {
			const fast = {env: {BLOGTERM_TIMEOUT_SCALE: '0.01'}};
			const cases: Array<[string, string[]]> = [
				['timeout', [faults.url, '--list', '--format', 'json']],
				['dns', ['http://no-such-host.invalid/', '--list', '--format', 'json']],
				['refused', [await refusedUrl(), '--list', '--format', 'json']],
				['http_500', [broken.url, '--post', '7', '--format', 'json']],
			];
			for (const [code, args] of cases) {
				const run = await runInProcess(args, fast);
				assert.equal(run.code, 1, `${code}: ${run.stderr}`);
				const error = jsonErrorOf(run);
				assert.equal(error.code, code, run.stderr);
				assert.match(error.message, /\S/);
			}
		} finally {
			await faults.close();
			await broken.close();
		}
	});

	test('the comment: WordPress\'s own codes for a refusal (4), comment_unknown when no answer came (5)', async () => {
		const refusals: Array<[string, {status: number; html: string}]> = [
			['comment_duplicate', formErrors.duplicate],
			['comment_flood', formErrors.flood],
			['comment_closed', formErrors.closed],
			['rest_comment_login_required', formErrors.loginRequired],
		];
		for (const [code, answer] of refusals) {
			const blog = await blogAnsweringComments(response => {
				response.writeHead(answer.status, {'content-type': 'text/html; charset=UTF-8'});
				response.end(wpDiePage(answer.html));
			});
			try {
				const run = await runInProcess([blog.url, '--post', '7', '--comment', 'Hello there.', ...ada, '--format', 'json']);
				assert.equal(run.code, 4, `${code}: ${run.stderr}`);
				assert.equal(jsonErrorOf(run).code, code);
			} finally {
				await blog.close();
			}
		}
		const silent = await blogAnsweringComments(response => response.socket?.destroy());
		try {
			const run = await runInProcess([silent.url, '--post', '7', '--comment', 'Hello there.', ...ada, '--format', 'json']);
			assert.equal(run.code, 5, run.stderr);
			const error = jsonErrorOf(run);
			assert.equal(error.code, 'comment_unknown');
			assert.match(error.message, /not known whether your comment arrived/);
			const text = await runInProcess([silent.url, '--post', '7', '--comment', 'Hello again.', ...ada]);
			assert.equal(text.code, 5);
			assert.match(text.errorLines[0]!, /^blogterm: .*not known whether your comment arrived/);
		} finally {
			await silent.close();
		}
		const crashing = await blogAnsweringComments(response => {
			response.writeHead(500, {'content-type': 'text/html; charset=UTF-8'});
			response.end(criticalErrorPage);
		});
		try {
			const run = await runInProcess([crashing.url, '--post', '7', '--comment', 'Hello there.', ...ada, '--format', 'json']);
			assert.equal(run.code, 1, run.stderr);
			assert.equal(jsonErrorOf(run).code, 'server_error');
		} finally {
			await crashing.close();
		}
	});

	test('a protected post: password_required (3) without --password, rest_post_incorrect_password (2) with a wrong one; tls for a bad certificate (1)', async () => {
		const missing = await runInProcess([demo.url, '--post', specialPosts.passwordProtected, '--format', 'json']);
		assert.equal(missing.code, 3);
		assert.equal(jsonErrorOf(missing).code, 'password_required');
		const wrong = await runInProcess([demo.url, '--post', specialPosts.passwordProtected, '--password', 'open sesame', '--format', 'json']);
		assert.equal(wrong.code, 2);
		assert.deepEqual(jsonErrorOf(wrong), {code: 'rest_post_incorrect_password', exit: 2, message: 'That password is not right.'});
		const secure = await startFaultServer({tls: selfSignedCertificate()});
		try {
			const run = await runInProcess([secure.url, '--list', '--format', 'json']);
			assert.equal(run.code, 1);
			assert.equal(jsonErrorOf(run).code, 'tls');
		} finally {
			await secure.close();
		}
	});

	test('text output keeps the one `blogterm: …` line', async () => {
		const run = await runInProcess([demo.url, '--post', '999999']);
		assert.equal(run.code, 3);
		assert.match(run.stderr, /^blogterm: There is no post with ID 999999/);
	});
});

describe('writing the output', () => {
	test('a write error on stdout (a full disk) exits 1 and says why', async () => {
		const full = Object.assign(new Writable({
			write(_chunk, _encoding, callback) {
				callback(Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'}));
			},
		}), {isTTY: false});
		const errors: string[] = [];
		const stderr = new Writable({
			write(chunk: Buffer, _encoding, callback) {
				errors.push(chunk.toString('utf8'));
				callback();
			},
		});
		const {PassThrough} = await import('node:stream');
		const stdin = new PassThrough();
		stdin.end();
		const home = temporaryHome();
		const result = await runCommandLine([demo.url, '--list'], {stdout: full, stderr, stdin, environment: {...process.env, BLOGTERM_HOME: home}}).finally(() => rmSync(home, {recursive: true, force: true}));
		assert.deepEqual(result, {kind: 'done', exitCode: 1});
		assert.equal(errors.join(''), 'blogterm: could not write the output: no space left on device (ENOSPC)\n');
	});

	test('a real process writing to /dev/full exits 1 with the reason; one whose reader went away (EPIPE) is quiet', async () => {
		const home = homeForBuiltCli();
		const environment = {...process.env, BLOGTERM_HOME: home};
		const devFull = openSync('/dev/full', 'w');
		try {
			const child = spawn(process.execPath, [builtCli, demo.url, '--list'], {cwd: repoRoot, env: environment, stdio: ['ignore', devFull, 'pipe']});
			let stderr = '';
			child.stderr!.on('data', (chunk: Buffer) => {
				stderr += chunk.toString('utf8');
			});
			const code = await new Promise<number | null>(resolve => child.on('close', resolve));
			assert.equal(code, 1, stderr);
			assert.equal(stderr, 'blogterm: could not write the output: no space left on device (ENOSPC)\n');
		} finally {
			closeSync(devFull);
		}
		// The reader closes its end before blogterm writes: the pipe is broken when the list arrives.
		const piped = spawn(process.execPath, [builtCli, demo.url, '--list', '--per-page', '100', '--width', '1000'], {cwd: repoRoot, env: environment, stdio: ['ignore', 'pipe', 'pipe']});
		piped.stdout.destroy();
		let stderr = '';
		piped.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
		});
		const code = await new Promise<number | null>(resolve => piped.on('close', resolve));
		rmSync(home, {recursive: true, force: true});
		assert.equal(stderr, '', 'nothing said of a closed pipe');
		assert.equal(code, 0);
	});
});
