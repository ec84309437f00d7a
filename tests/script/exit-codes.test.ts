import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {startTestServer} from '../helpers/http-server.js';
import {startFakeWordPress} from '../helpers/fake-wordpress.js';
import {controlCharacters, ensureBuilt, runCli, runInProcess, type CliRun} from './run-cli.js';

let demo: TestDemo;

before(async () => {
	ensureBuilt();
	demo = await startTestDemo();
});

after(async () => {
	await demo.stop();
});

/** What every failure looks like to a script: nothing on stdout, one line on stderr, the code. */
function assertFailure(run: CliRun, code: number, message: RegExp): void {
	assert.equal(run.code, code, `exit code (stderr: ${run.stderr})`);
	assert.equal(run.stdout, '');
	assert.equal(run.errorLines.length, 1, `one line on stderr, not: ${run.stderr}`);
	assert.match(run.errorLines[0]!, /^blogterm: /);
	assert.match(run.errorLines[0]!, message);
	assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return `http://127.0.0.1:${port}/`;
}

describe('--help', () => {
	test('documents every print-mode flag, the formats and the exit codes, and exits 0', async () => {
		const run = await runInProcess(['--list', '--help']);
		assert.equal(run.code, 0);
		for (const flag of ['--post', '--print', '--list', '--page', '--per-page', '--format', '--comments', '--width', '--comment', '--name', '--email', '--website', '--reply-to',
			'--cache', '--offline', '--no-related', '--no-neighbours', '--strict', '--fields', '--body-only', '--front-matter', '--all', '--limit', '--ids', '--with-content',
			'--since', '--until', '--output', '--force', '--proxy', '--timeout', '--retries', '--color', '-h,', '-V,', '-l,', '-p,', '-f,', '-w,', '-o,']) {
			assert.ok(run.stdout.includes(flag), flag);
		}
		for (const code of ['0  done', '1  the blog could not be read', '2  usage: unknown or conflicting flags', '3  no such post', '4  the blog refused the comment', '5  it is not known whether the comment arrived', '6  the site is not a blog']) {
			assert.ok(run.stdout.includes(code), code);
		}
		assert.match(run.stdout, /--list --format json \| jq/);
	});
});

describe('exit code 3: no such post', () => {
	test('an ID, a slug or a URL that names no post', async () => {
		// The built CLI, once: the exit status of a real process is the code.
		assertFailure(await runCli([demo.url, '--post', '999999']), 3, /^blogterm: There is no post with ID 999999 on 127\.0\.0\.1:\d+\.$/);
		assertFailure(await runInProcess([demo.url, '--post', 'no-such-post']), 3, /no post called “no-such-post”/);
		assertFailure(await runInProcess([demo.url, '--post', new URL('2024/01/01/no-such-post/', demo.url).toString()]), 3, /no post called “no-such-post”/);
	});
});

describe('exit code 2: usage or invalid input', () => {
	test('an unknown flag', async () => {
		assertFailure(await runInProcess([demo.url, '--list', '--colour']), 2, /^blogterm: unknown flag --colour /);
	});

	test('a value that starts with -- after a flag that takes text says how to write it; one with a single - is the value', async () => {
		assertFailure(await runInProcess([demo.url, '--list', '--search', '--garden']), 2, /^blogterm: --search needs a value, and “--garden” was read as a flag: write --search=--garden for a value that starts with --$/m);
		// A flag after it is a flag: the text is missing, not misread (--no-related is a flag too).
		assertFailure(await runInProcess([demo.url, '--search', '--list', '--bogus']), 2, /^blogterm: unknown flag --bogus /);
		assertFailure(await runInProcess([demo.url, '--list', '--search', '--no-related']), 2, /^blogterm: --search needs words to search for\.$/m);
		// '-1 from me' is the comment: what is missing is the name and email, not the text.
		const comment = await runInProcess([demo.url, '--post', '1', '--comment', '-1 from me']);
		assert.deepEqual([comment.code, comment.errorLines], [2, ['blogterm: Name: Fill out this field', 'blogterm: Email: Fill out this field']]);
		assertFailure(await runInProcess([demo.url, '-p', '-5']), 3, /^blogterm: There is no post called “-5” on /);
		// blogterm's own one-letter flags stay flags.
		assertFailure(await runInProcess([demo.url, '--search', '-l']), 2, /^blogterm: --search needs words to search for\.$/m);
	});

	test('a flag given twice', async () => {
		assertFailure(await runInProcess([demo.url, '--post', '1', '--post', '2']), 2, /--post can only be set once/);
	});

	test('--format markdown with --list', async () => {
		assertFailure(await runInProcess([demo.url, '--list', '--format', 'markdown']), 2, /--format markdown is for posts only/);
	});

	test('an unknown format', async () => {
		assertFailure(await runInProcess([demo.url, '--post', '5', '--format', 'yaml']), 2, /--format is text, markdown, json or ndjson, not “yaml”/);
	});

	test('--comment without --post', async () => {
		assertFailure(await runInProcess([demo.url, '--comment', 'Hi', '--name', 'A', '--email', 'a@example.com']), 2, /--comment needs --post/);
	});

	test('--list with --post', async () => {
		assertFailure(await runInProcess([demo.url, '--list', '--post', '5']), 2, /--list and --post cannot be used together/);
	});

	test('a width, page or per-page that is not a whole number', async () => {
		assertFailure(await runInProcess([demo.url, '--list', '--width', 'wide']), 2, /--width takes a whole number/);
		assertFailure(await runInProcess([demo.url, '--list', '--width', '-1']), 2, /--width takes a whole number of columns, or 0 for no wrapping/);
		assertFailure(await runInProcess([demo.url, '--list', '--page', '0']), 2, /--page takes a whole number of at least 1/);
		assertFailure(await runInProcess([demo.url, '--list', '--per-page', '500']), 2, /--per-page is at most 100/);
	});

	test('a SITE or a post URL that is not a web address', async () => {
		assertFailure(await runInProcess(['ftp://blog.example', '--list']), 2, /is not an http or https address/);
		assertFailure(await runInProcess([demo.url, '--post', 'https://']), 2, /--post: “https:\/\/” is not a web address/);
	});

	test('a flag that does not apply to what was asked', async () => {
		assertFailure(await runInProcess([demo.url, '--list', '--comments']), 2, /^blogterm: --comments does not apply to --list\.$/);
		assertFailure(await runInProcess([demo.url, '--post', '25', '--page', '3']), 2, /^blogterm: --page does not apply to --post\.$/);
		assertFailure(await runInProcess([demo.url, '--post', '25', '--page', '3', '--per-page', '5']), 2, /^blogterm: --page and --per-page do not apply to --post\.$/);
		assert.equal((JSON.parse((await runInProcess([demo.url, '--post', '25', '--format', 'json', '--width', '60'])).stderr) as {error: {message: string}}).error.message, '--width is for text; --format json is not wrapped.');
		assertFailure(await runInProcess([demo.url, '--list', '--name', 'Ada']), 2, /^blogterm: --name goes with --comment\.$/);
		assertFailure(await runInProcess([demo.url, '--demo', '--list']), 2, /^blogterm: a SITE and --demo cannot be used together/);
		assertFailure(await runInProcess(['--demo', '--demo-feed', '--list']), 2, /^blogterm: --demo and --demo-feed cannot be used together/);
	});
});

describe('exit code 6: not a blog', () => {
	test('a site that is not a blog', async () => {
		const server = await startTestServer((_request, response) => {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end('<!doctype html><title>Just a page</title><p>Nothing to read here.</p>');
		});
		try {
			const run = await runInProcess([server.url, '--list']);
			assert.equal(run.code, 6, run.stderr);
			assert.equal(run.errorLines.length, 1);
			assert.match(run.errorLines[0]!, /^blogterm: /);
		} finally {
			await server.close();
		}
	});
});

describe('exit code 1: the blog could not be read', () => {
	test('connection refused', async () => {
		const url = await closedPortUrl();
		assertFailure(await runInProcess([url, '--list']), 1, /^blogterm: Could not read 127\.0\.0\.1:\d+: connection refused\.$/);
	});

	test('a server error, in the blog\'s own words', async () => {
		const server = await startFakeWordPress({id: 7, slug: 'seven', title: 'Seven', html: '<p>7</p>', date: '2026-01-02T03:04:05'}, {postStatus: 500});
		try {
			assertFailure(await runInProcess([server.url, '--post', '7']), 1, /answered 500 for post 7: There has been a critical error on this website/);
		} finally {
			await server.close();
		}
	});

	test('429: "too many requests", and the wait the blog asks for when it says one', async () => {
		const cases: Array<[Record<string, string>, string]> = [
			[{'retry-after': '3600'}, 'answered 429, too many requests; it asks to wait 60 min before asking again.'],
			[{'retry-after': new Date(Date.now() + 3 * 3_600_000).toUTCString()}, 'answered 429, too many requests; it asks to wait 3 h before asking again.'],
			[{}, 'answered 429, too many requests.'],
		];
		for (const [headers, words] of cases) {
			const server = await startTestServer((_request, response) => {
				response.writeHead(429, {'content-type': 'text/html', ...headers});
				response.end('<html><body>Too Many Requests</body></html>');
			});
			try {
				assertFailure(await runInProcess([server.url, '--list', '--retries', '0']), 1, new RegExp(`^blogterm: 127\\.0\\.0\\.1:\\d+ ${words.replaceAll('.', '\\.')}$`));
				const json = await runInProcess([server.url, '--list', '--retries', '0', '--format', 'json']);
				assert.equal((JSON.parse(json.stderr) as {error: {code: string}}).error.code, 'http_429');
			} finally {
				await server.close();
			}
		}
	});
});

describe('an error nobody expected', () => {
	test('still one line on stderr and exit code 1, never a stack trace', async () => {
		const server = await startFakeWordPress({id: 4, slug: 'four', title: 'Four', html: '<p>4</p>', date: '2026-01-02T03:04:05'}, {objectForSlug: true});
		try {
			const run = await runInProcess([server.url, '--post', 'four']);
			assert.equal(run.code, 1, run.stderr);
			assert.equal(run.stdout, '');
			assert.equal(run.errorLines.length, 1, run.stderr);
			assert.match(run.errorLines[0]!, /^blogterm: /);
			assert.doesNotMatch(run.stderr, /\n\s+at /);
		} finally {
			await server.close();
		}
	});
});

describe('what a server sends never reaches the terminal raw', () => {
	test('escape sequences in a title and body are removed in text, Markdown and JSON (the html too: jq -r prints it raw)', async () => {
		const hostile = 'Pwned\u001B]0;owned\u0007 \u001B[31mred\u009B2J';
		const server = await startFakeWordPress({id: 3, slug: 'three', title: hostile, html: `<p>${hostile}</p>`, date: '2026-01-02T03:04:05'});
		try {
			for (const format of ['text', 'markdown', 'json']) {
				const run = await runInProcess([server.url, '--post', '3', '--format', format], {env: {FORCE_COLOR: '0'}});
				assert.equal(run.code, 0, run.stderr);
				assert.doesNotMatch(run.stdout, controlCharacters, format);
			}
			const json = JSON.parse((await runInProcess([server.url, '--post', '3', '--format', 'json'])).stdout) as {title: string; html: string};
			assert.equal(json.title, 'Pwned red');
			// Issue 12: every string of every JSON document is cleaned, the HTML included.
			assert.equal(json.html, '<p>Pwned red</p>', 'the HTML as the blog sent it, without its escape sequences');
		} finally {
			await server.close();
		}
	});

	test('a post of several megabytes arrives whole through a pipe', async () => {
		const paragraph = `<p>${'All work and no play makes a long post. '.repeat(50)}</p>\n`;
		const server = await startFakeWordPress({id: 9, slug: 'nine', title: 'Long', html: paragraph.repeat(2000), date: '2026-01-02T03:04:05'});
		try {
			// The built CLI: a real pipe, which takes the output in pieces.
			const run = await runCli([server.url, '--post', '9', '--format', 'json']);
			assert.equal(run.code, 0, run.stderr);
			const post = JSON.parse(run.stdout) as {html: string};
			assert.equal(post.html.length, paragraph.length * 2000);
			// The same post as text, in this process (the pipe is the one above).
			const text = await runInProcess([server.url, '--post', '9']);
			assert.equal(text.code, 0);
			assert.ok(text.stdout.endsWith('No results found.\n'), 'the text ends with the last section');
		} finally {
			await server.close();
		}
	});
});
