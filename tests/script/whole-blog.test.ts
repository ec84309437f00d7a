import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {wordPressPost, answerAsWordPress, type FakeBlog, type FakePost} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {waitUntil} from '../helpers/poll.js';
import {runCommandLineHere, runInProcess, temporaryHome} from './run-cli.js';

/*
Whole blogs in one call (issue 18): --all, --limit, ndjson as each page arrives, --with-content,
--since/--until, -o TEMPLATE (never overwriting without --force), --ids.
*/

let demo: TestDemo;
let total: number;
const directories: string[] = [];

before(async () => {
	demo = await startTestDemo();
	total = Number((await demo.rest<unknown[]>('wp/v2/posts?per_page=1')).headers.get('x-wp-total'));
});

after(async () => {
	await demo.stop();
	for (const directory of directories) rmSync(directory, {recursive: true, force: true});
});

function temporaryDirectory(): string {
	const directory = mkdtempSync(join(tmpdir(), 'blogterm-archive-'));
	directories.push(directory);
	return directory;
}

/** `count` posts, one a day from 2026-01-01 (post N on day N), newest first as WordPress lists them. */
function dailyPosts(count: number): FakePost[] {
	return Array.from({length: count}, (_, index) => {
		const day = count - index;
		const date = new Date(Date.UTC(2026, 0, day, 9)).toISOString().slice(0, 19);
		return {id: day, slug: `day-${day}`, title: `Day ${day}`, html: `<p>Body of day ${day}.</p>`, date};
	});
}

type PagedBlog = TestServer & {
	/** The page requests seen: their `page`, `after` and `before`. */
	readonly pages: Array<{page: number; after: string | null; before: string | null}>;
	/** Holds every list page after the first until `release` is called. */
	release(): void;
};

/** A WordPress blog that pages its list (`page`, `per_page`, `after`, `before`) with X-WP-Total headers. */
async function startPagedBlog(posts: FakePost[], options: {holdLaterPages?: boolean} = {}): Promise<PagedBlog> {
	const blog: FakeBlog = {name: 'Paged', posts};
	const pages: PagedBlog['pages'] = [];
	let release = () => {};
	const released = new Promise<void>(resolve => {
		release = resolve;
	});
	const server: TestServer = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		};
		if (url.pathname === '/wp-json/wp/v2/posts' && !url.searchParams.has('slug') && url.searchParams.has('page')) {
			const page = Number(url.searchParams.get('page'));
			const perPage = Number(url.searchParams.get('per_page') ?? 10);
			const afterTime = url.searchParams.get('after');
			const beforeTime = url.searchParams.get('before');
			pages.push({page, after: afterTime, before: beforeTime});
			if (options.holdLaterPages && page > 1) await released;
			const kept = posts.filter(post => (!afterTime || Date.parse(`${post.date}Z`) > Date.parse(afterTime)) && (!beforeTime || Date.parse(`${post.date}Z`) < Date.parse(beforeTime)));
			const slice = kept.slice((page - 1) * perPage, page * perPage).map(post => ({...wordPressPost(post, server.url), content: {rendered: post.html, protected: false}}));
			if (slice.length === 0 && page > 1) {
				send(400, 'application/json', JSON.stringify({code: 'rest_post_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: {status: 400}}));
				return;
			}
			send(200, 'application/json', JSON.stringify(slice), {'x-wp-total': String(kept.length), 'x-wp-totalpages': String(Math.ceil(kept.length / perPage))});
			return;
		}
		answerAsWordPress(url, blog, server.url, send);
	});
	return Object.assign(server, {pages, release: () => release()});
}

describe('--all, --limit and --ids', () => {
	test('--all --ids: every post of the demo blog, one ID a line, each once', async () => {
		const run = await runInProcess([demo.url, '--all', '--ids']);
		assert.equal(run.code, 0, run.stderr);
		const ids = run.stdout.trimEnd().split('\n');
		assert.equal(ids.length, total);
		assert.equal(new Set(ids).size, total);
		for (const id of ids) assert.match(id, /^\d+$/);
	});

	test('--limit N stops at N posts, across pages; --all reads each page once, 100 a request', async () => {
		const blog = await startPagedBlog(dailyPosts(25));
		try {
			const limited = await runInProcess([blog.url, '--limit', '12', '--per-page', '5', '--ids']);
			assert.equal(limited.code, 0, limited.stderr);
			assert.deepEqual(limited.stdout.trimEnd().split('\n'), Array.from({length: 12}, (_, index) => String(25 - index)));
			assert.deepEqual(blog.pages.map(page => page.page), [1, 2, 3], 'no page past the limit');
			blog.pages.length = 0;
			const all = await runInProcess([blog.url, '--all', '--format', 'json']);
			assert.equal(all.code, 0, all.stderr);
			const list = JSON.parse(all.stdout) as {total: number; totalIsExact: boolean; posts: Array<{id: number}>};
			assert.equal(list.posts.length, 25);
			assert.equal(list.total, 25);
			assert.equal(list.totalIsExact, true);
			assert.deepEqual(blog.pages.map(page => page.page), [1], 'one request of 100');
		} finally {
			await blog.close();
		}
	});

	test('piped text of --all is one post a line: ID<TAB>DATE<TAB>TITLE<TAB>URL', async () => {
		const blog = await startPagedBlog(dailyPosts(3));
		try {
			const run = await runInProcess([blog.url, '--all']);
			assert.equal(run.stdout, [3, 2, 1].map(day => `${day}\t2026-01-0${day}T09:00:00.000+00:00\tDay ${day}\t${blog.url}day-${day}/\n`).join(''));
		} finally {
			await blog.close();
		}
	});
});

describe('--format ndjson', () => {
	test('one JSON object per post per line, each page written as soon as it arrives', async () => {
		const blog = await startPagedBlog(dailyPosts(15), {holdLaterPages: true});
		const home = temporaryHome();
		const stdout = new PassThrough();
		let written = '';
		stdout.on('data', (chunk: Buffer) => {
			written += chunk.toString('utf8');
		});
		const stdin = new PassThrough();
		stdin.end();
		try {
			const running = runCommandLineHere([blog.url, '--all', '--per-page', '10', '--format', 'ndjson'], {stdout, stderr: new PassThrough(), stdin, environment: {...process.env, BLOGTERM_HOME: home}});
			// Page 2 is held back by the blog: page 1's ten lines must already be out.
			await waitUntil(() => written, text => text.split('\n').length > 10, 'the first page\'s ten lines are written');
			assert.equal(written.trimEnd().split('\n').length, 10);
			blog.release();
			assert.deepEqual(await running, {kind: 'done', exitCode: 0});
			const lines = written.trimEnd().split('\n');
			assert.equal(lines.length, 15);
			for (const line of lines) {
				const post = JSON.parse(line) as Record<string, unknown>;
				assert.deepEqual(Object.keys(post), ['id', 'title', 'link', 'date', 'author', 'commentCount', 'excerpt', 'sticky', 'offline']);
			}
		} finally {
			blog.release();
			await blog.close();
			rmSync(home, {recursive: true, force: true});
		}
	});

	test('--with-content adds each post\'s text and html, from the same requests', async () => {
		const blog = await startPagedBlog(dailyPosts(3));
		try {
			const run = await runInProcess([blog.url, '--all', '--format', 'ndjson', '--with-content']);
			assert.equal(run.code, 0, run.stderr);
			const posts = run.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as {id: number; text: string; html: string});
			assert.deepEqual(posts.map(post => [post.id, post.text, post.html]), [3, 2, 1].map(day => [day, `Body of day ${day}.`, `<p>Body of day ${day}.</p>`]));
			assert.equal(blog.pages.length, 1, 'the bodies came with the list');
		} finally {
			await blog.close();
		}
	});
});

describe('--since and --until', () => {
	test('asked of the server (after, before) and kept to: --since a day is from its start, --until a day to its end', async () => {
		const blog = await startPagedBlog(dailyPosts(20));
		try {
			const run = await runInProcess([blog.url, '--all', '--ids', '--since', '2026-01-05', '--until', '2026-01-07']);
			assert.equal(run.code, 0, run.stderr);
			assert.deepEqual(run.stdout.trimEnd().split('\n'), ['7', '6', '5']);
			assert.equal(blog.pages[0]!.after, '2026-01-04T23:59:59Z');
			assert.equal(blog.pages[0]!.before, '2026-01-08T00:00:00Z');
			const time = await runInProcess([blog.url, '--list', '--format', 'json', '--since', '2026-01-19T09:00:00Z']);
			assert.deepEqual((JSON.parse(time.stdout) as {posts: Array<{id: number}>}).posts.map(post => post.id), [20, 19]);
		} finally {
			await blog.close();
		}
	});

	test('a date that is not ISO 8601 is refused (exit 2)', async () => {
		const run = await runInProcess([demo.url, '--all', '--since', 'last tuesday']);
		assert.equal(run.code, 2);
		assert.match(run.errorLines[0]!, /^blogterm: --since takes an ISO 8601 date or time \(2026-01-31, 2026-01-31T12:00:00Z\), not “last tuesday”\.$/);
	});

	test('a day the month has not is refused (exit 2), not moved on into the next month; February 29th of a leap year is a day', async () => {
		const cases: Array<[string, string, string]> = [
			['--since', '2025-02-30', 'February 2025 has 28 days'],
			['--until', '2024-09-31', 'September 2024 has 30 days'],
			['--since', '2025-02-29', 'February 2025 has 28 days'],
			['--until', '2025-04-31T10:00:00Z', 'April 2025 has 30 days'],
		];
		for (const [flag, date, why] of cases) {
			const run = await runInProcess([demo.url, '--all', '--ids', flag, date]);
			assert.equal(run.code, 2, `${flag} ${date}: ${run.stderr}`);
			assert.equal(run.stdout, '');
			assert.deepEqual(run.errorLines, [`blogterm: ${flag} takes an ISO 8601 date or time (2026-01-31, 2026-01-31T12:00:00Z), not “${date}”: ${why}.`]);
		}
		const leap = await runInProcess([demo.url, '--all', '--ids', '--since', '2024-02-29']);
		assert.equal(leap.code, 0, leap.stderr);
	});
});

describe('-o TEMPLATE', () => {
	test('archives the demo blog: --all -o \'{slug}.md\' --front-matter, one Markdown file per post', async () => {
		const directory = temporaryDirectory();
		const template = join(directory, '{slug}.md');
		const run = await runInProcess([demo.url, '--all', '-o', template, '--front-matter']);
		assert.equal(run.code, 0, run.stderr);
		const written = run.stdout.trimEnd().split('\n');
		assert.equal(written.length, total, 'each path written, one a line');
		const files = readdirSync(directory);
		assert.equal(files.length, total);
		const file = readFileSync(join(directory, 'watering-schedules-with-cron.md'), 'utf8');
		assert.match(file, /^---\ntitle: "Watering Schedules with cron"\ndate: "\d{4}-[^"]+"\nmodified: "[^"]+"\nslug: "watering-schedules-with-cron"\nlink: "http:\/\/127\.0\.0\.1:\d+\/[^"]+"\nauthor: "[^"]+"\ncategories: \[[^\]]*\]\ntags: \[[^\]]*\]\n---\n\n# Watering Schedules with cron\n/);
		assert.match(file, /systemd|cron/i, 'the body');
		assert.doesNotMatch(file, /Related Posts/);
	});

	test('never overwrites unless --force; unsafe characters in a title are replaced', async () => {
		const directory = temporaryDirectory();
		const posts: FakePost[] = [{id: 1, slug: 'one', title: 'A/B: "C"? |e\\f', html: '<p>One.</p>', date: '2026-01-01T09:00:00'}];
		const blog = await startPagedBlog(posts);
		try {
			const template = join(directory, '{date}-{title}.txt');
			const expected = join(directory, '2026-01-01-A-B- -C-- -e-f.txt');
			writeFileSync(expected, 'mine');
			const kept = await runInProcess([blog.url, '--all', '-o', template]);
			assert.equal(kept.code, 0, kept.stderr);
			assert.equal(readFileSync(expected, 'utf8'), 'mine', 'not overwritten');
			assert.equal(kept.errorLines.length, 1);
			assert.match(kept.errorLines[0]!, /exists: not overwritten \(--force overwrites\)\.$/);
			const forced = await runInProcess([blog.url, '--all', '-o', template, '--force']);
			assert.equal(forced.code, 0, forced.stderr);
			assert.equal(forced.stdout, `${expected}\n`);
			assert.match(readFileSync(expected, 'utf8'), /^A\/B: "C"\? \|e\\f\n/);
			assert.ok(!existsSync(join(directory, 'A')), 'no directory made from the title');
		} finally {
			await blog.close();
		}
	});

	test('a template without a placeholder is refused for more than one post, before anything is asked or written (exit 2)', async () => {
		const directory = temporaryDirectory();
		const template = join(directory, 'same.md');
		for (const args of [['--all'], ['--all', '--limit', '2'], ['--limit', '2']]) {
			const run = await runInProcess([demo.url, ...args, '-o', template]);
			assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
			assert.equal(run.stdout, '');
			assert.deepEqual(run.errorLines, [`blogterm: -o ${template} has no placeholder: every post would be written to that one file. Put {id}, {slug}, {date} or {title} in it (or give --limit 1).`]);
		}
		assert.deepEqual(readdirSync(directory), [], 'nothing written');
		const one = await runInProcess([demo.url, '--all', '--limit', '1', '-o', template]);
		assert.equal(one.code, 0, one.stderr);
		assert.equal(one.stdout, `${template}\n`, 'one post, one file: no placeholder needed');
	});

	test('two posts given one name (two on a day, titles that differ in case only) fail the run before any file is written, --force or not (exit 2)', async () => {
		const posts: FakePost[] = [
			{id: 4, slug: 'evening', title: 'Notes', html: '<p>Evening.</p>', date: '2026-01-02T18:00:00'},
			{id: 3, slug: 'morning', title: 'NOTES', html: '<p>Morning.</p>', date: '2026-01-02T08:00:00'},
			{id: 2, slug: 'older', title: 'Older', html: '<p>Older.</p>', date: '2026-01-01T09:00:00'},
		];
		const blog = await startPagedBlog(posts);
		try {
			for (const [name, force] of [['d-{date}.md', []], ['d-{date}.md', ['--force']], ['{title}.txt', []]] as const) {
				const directory = temporaryDirectory();
				const template = join(directory, name);
				const run = await runInProcess([blog.url, '--all', '-o', template, ...force]);
				assert.equal(run.code, 2, `${name} ${force.join(' ')}: ${run.stderr}`);
				assert.equal(run.stdout, '', 'no path printed');
				assert.deepEqual(readdirSync(directory), [], 'nothing written');
				const clash = join(directory, name === '{title}.txt' ? 'NOTES.txt' : 'd-2026-01-02.md');
				assert.deepEqual(run.errorLines, [`blogterm: -o ${template} gives posts 4 and 3 the same file, ${clash}; nothing was written. Put {id} in the template: each post's is its own.`]);
			}
			const json = await runInProcess([blog.url, '--all', '-o', join(temporaryDirectory(), '{date}.json'), '--format', 'json']);
			const {error} = JSON.parse(json.stderr) as {error: {code: string; exit: number; message: string}};
			assert.deepEqual([json.code, error.code, error.exit], [2, 'usage', 2]);
			assert.match(error.message, /gives posts 4 and 3 the same file/);
			const fine = await runInProcess([blog.url, '--all', '-o', join(temporaryDirectory(), '{id}-{date}.md')]);
			assert.equal(fine.code, 0, fine.stderr);
			assert.equal(fine.stdout.trimEnd().split('\n').length, 3);
		} finally {
			await blog.close();
		}
	});

	test('a bad template, -o without --all, or a flag the list job does not take is refused (exit 2), naming the job asked for', async () => {
		const cases: Array<[string[], RegExp]> = [
			[['--all', '-o', '{name}.md'], /^blogterm: -o: unknown placeholder \{name\}; the placeholders are \{id\} \{slug\} \{date\} \{title\}\.$/],
			[['--list', '-o', '{slug}.md'], /^blogterm: -o writes one file per post of --all \(or --limit N\)\.$/],
			[['--all', '-o', '{slug}.json', '--front-matter'], /^blogterm: --front-matter goes with --format markdown\.$/],
			[['--all', '--page', '2'], /^blogterm: --all and --page cannot be used together/],
			[['--post', '5', '--all'], /^blogterm: --all does not apply to --post\.$/],
			// A refusal names what was asked for, not --list when it was not given.
			[['--all', '-o', '{id}.txt', '--comments'], /^blogterm: --comments does not apply to --all -o\.$/],
			[['--limit', '3', '--ids', '--strict'], /^blogterm: --strict does not apply to --limit --ids\.$/],
			[['--all', '--force'], /^blogterm: --force does not apply to --all without -o\.$/],
			[['--comments'], /^blogterm: --comments does not apply to the list \(printed when no --post is given\)\.$/],
		];
		for (const [args, message] of cases) {
			const run = await runInProcess([demo.url, ...args]);
			assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
			assert.match(run.errorLines[0]!, message);
		}
	});
});
