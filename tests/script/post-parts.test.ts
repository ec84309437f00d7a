import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {answerAsWordPress, type FakeBlog} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {runInProcess, type CliRun} from './run-cli.js';

/*
A post costs what it needs (issue 18): parts that fail are named and the post is still printed; parts not
wanted are not fetched; --fields, --body-only and --front-matter print only what was asked for.
*/

const blog: FakeBlog = {
	name: 'Parts',
	posts: [
		{id: 7, slug: 'seven', title: 'Seven: "quoted" & more', html: '<p>The seventh post, with <a href="https://example.org/">a link</a>.</p>', date: '2026-01-07T03:04:05'},
		{id: 6, slug: 'six', title: 'Six', html: '<p>The sixth post.</p>', date: '2026-01-06T03:04:05'},
	],
};

/** The requests for a post's neighbours (WordPress `before`/`after`) and for its related posts (by its category, or Jetpack's). */
const isNeighbourRequest = (url: URL) => url.searchParams.has('before') || url.searchParams.has('after');
const isRelatedRequest = (url: URL) => !isNeighbourRequest(url) && (url.searchParams.has('categories') || url.searchParams.has('relatedposts') || (url.searchParams.get('_fields') ?? '').includes('related'));

/** The posts in category 3 (so that related posts are asked for by it), the category embedded as WordPress does. */
function withCategory(body: string): string {
	const add = (post: Record<string, unknown>) => ({...post, categories: [3], _embedded: {...(post['_embedded'] as object), 'wp:term': [[{id: 3, name: 'Category 3', taxonomy: 'category'}], []]}});
	const json = JSON.parse(body) as unknown;
	return JSON.stringify(Array.isArray(json) ? json.map(post => add(post as Record<string, unknown>)) : add(json as Record<string, unknown>));
}

/**
 * A WordPress blog whose neighbour, related-post and comment requests answer 500 when `failing` says so;
 * `htmlErrors`: with an HTML page, as a server in front of WordPress does, not WordPress's JSON.
 */
async function startBlog(failing: {neighbours?: boolean; related?: boolean; comments?: boolean; htmlErrors?: boolean} = {}): Promise<TestServer> {
	const server: TestServer = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		const fails = (failing.neighbours && isNeighbourRequest(url)) || (failing.related && isRelatedRequest(url)) || (failing.comments && url.pathname === '/wp-json/wp/v2/comments');
		if (fails && failing.htmlErrors) {
			response.writeHead(500, {'content-type': 'text/html'});
			response.end('<html><body>Internal Server Error</body></html>');
			return;
		}
		if (fails) {
			response.writeHead(500, {'content-type': 'application/json'});
			response.end(JSON.stringify({code: 'internal_server_error', message: 'There has been a critical error on this website.', data: {status: 500}}));
			return;
		}
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(status === 200 && url.pathname.startsWith('/wp-json/wp/v2/posts') ? withCategory(body) : body);
		});
	});
	return server;
}

/** The one error line, as text (`blogterm: …`) whether it was written as text or as a JSON error object. */
function errorLineOf(run: CliRun): string {
	const line = run.errorLines[0] ?? '';
	return line.startsWith('{') ? `blogterm: ${(JSON.parse(line) as {error: {message: string}}).error.message}` : line;
}

function requestUrls(server: TestServer): URL[] {
	return server.requests.map(request => new URL(request.url, server.url));
}

let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

describe('parts of a post that fail', () => {
	test('the post is printed with what arrived; each missing part is one line on stderr; exit 0', async () => {
		const server = await startBlog({neighbours: true, related: true});
		try {
			const run = await runInProcess([server.url, '--post', '7']);
			assert.equal(run.code, 0, run.stderr);
			assert.match(run.stdout, /The seventh post/);
			assert.doesNotMatch(run.stdout, /Related Posts/, 'not shown as "none": it did not arrive');
			assert.equal(run.errorLines.length, 2, run.stderr);
			assert.match(run.errorLines[0]!, /^blogterm: previous and next posts unavailable: 127\.0\.0\.1:\d+ answered 500/);
			assert.match(run.errorLines[1]!, /^blogterm: related posts unavailable: 127\.0\.0\.1:\d+ answered 500/);
			for (const line of run.errorLines) assert.match(line, /answered 500/);
		} finally {
			await server.close();
		}
	});

	test('JSON: the missing parts are null, each named in a {"warning": …} line on stderr', async () => {
		const server = await startBlog({related: true});
		try {
			const run = await runInProcess([server.url, '--post', '7', '--format', 'json']);
			assert.equal(run.code, 0, run.stderr);
			const post = JSON.parse(run.stdout) as {related: unknown; previous: unknown; title: string};
			assert.equal(post.related, null);
			assert.equal(post.title, 'Seven: "quoted" & more');
			assert.equal(run.errorLines.length, 1, run.stderr);
			const warning = (JSON.parse(run.errorLines[0]!) as {warning: {code: string; message: string}}).warning;
			assert.equal(warning.code, 'http_500');
			assert.match(warning.message, /^related posts unavailable: .*answered 500/);
		} finally {
			await server.close();
		}
	});

	test('--strict: any part\'s failure exits 1 and prints nothing', async () => {
		const server = await startBlog({related: true});
		try {
			const run = await runInProcess([server.url, '--post', '7', '--strict']);
			assert.equal(run.code, 1, run.stderr);
			assert.equal(run.stdout, '');
			assert.match(run.errorLines[0]!, /^blogterm: related posts unavailable: .*answered 500/);
			const json = await runInProcess([server.url, '--post', '7', '--strict', '--format', 'json']);
			assert.equal(json.code, 1);
			assert.equal((JSON.parse(json.stderr) as {error: {code: string}}).error.code, 'http_500');
			const fine = await runInProcess([server.url, '--post', '7', '--strict', '--no-related']);
			assert.equal(fine.code, 0, 'nothing failed that was asked for');
		} finally {
			await server.close();
		}
	});

	test('--strict with JSON: two parts that failed are two sentences in the one message, the second with a capital, as text says them on two lines', async () => {
		const server = await startBlog({neighbours: true, comments: true, htmlErrors: true});
		try {
			const text = await runInProcess([server.url, '--post', '7', '--strict', '--no-related', '--comments']);
			assert.equal(text.code, 1);
			assert.equal(text.errorLines.length, 2, text.stderr);
			const json = await runInProcess([server.url, '--post', '7', '--strict', '--no-related', '--comments', '--format', 'json']);
			assert.equal(json.code, 1);
			assert.equal(json.errorLines.length, 1, json.stderr);
			const {message} = (JSON.parse(json.errorLines[0]!) as {error: {message: string}}).error;
			const [first, second] = text.errorLines.map(line => line.replace(/^blogterm: /, '')) as [string, string];
			assert.doesNotMatch(first, /[.!?]$/, 'WordPress gave no words: the line ends with what was asked for');
			// Each sentence after a full stop starts with a capital, as the second line does not on its own ("blogterm: comments…").
			assert.equal(message, `${first}. ${second.replace(/^c/, 'C')}`);
			assert.match(message, /^previous and next posts unavailable: .*answered 500 for [^.]+\. Comments unavailable: .*answered 500/);
			assert.doesNotMatch(message, /\. [a-z]/, 'no sentence starts in lower case');
		} finally {
			await server.close();
		}
	});
});

describe('parts not wanted are not fetched', () => {
	test('--no-related and --no-neighbours skip their requests', async () => {
		const server = await startBlog();
		try {
			const all = await runInProcess([server.url, '--post', '7']);
			assert.equal(all.code, 0, all.stderr);
			assert.ok(requestUrls(server).some(isNeighbourRequest) && requestUrls(server).some(isRelatedRequest), 'by default both are asked for');
			server.requests.length = 0;
			const lean = await runInProcess([server.url, '--post', '7', '--no-related', '--no-neighbours']);
			assert.equal(lean.code, 0, lean.stderr);
			assert.match(lean.stdout, /The seventh post/);
			assert.doesNotMatch(lean.stdout, /Related Posts/);
			assert.ok(!requestUrls(server).some(url => isNeighbourRequest(url) || isRelatedRequest(url)), requestUrls(server).join('\n'));
			server.requests.length = 0;
			const noRelated = await runInProcess([server.url, '--post', '7', '--no-related', '--format', 'json']);
			const post = JSON.parse(noRelated.stdout) as {related: unknown};
			assert.equal(post.related, null, 'not asked for: null');
			assert.ok(!requestUrls(server).some(isRelatedRequest));
			assert.ok(requestUrls(server).some(isNeighbourRequest));
		} finally {
			await server.close();
		}
	});

	test('--fields id,title,text: only those keys (after schemaVersion), and only the requests they need', async () => {
		const server = await startBlog();
		try {
			const run = await runInProcess([server.url, '--post', '7', '--format', 'json', '--fields', 'id,title,text']);
			assert.equal(run.code, 0, run.stderr);
			const post = JSON.parse(run.stdout) as Record<string, unknown>;
			assert.deepEqual(Object.keys(post), ['schemaVersion', 'id', 'title', 'text']);
			assert.equal(post['schemaVersion'], 1);
			assert.match(String(post['text']), /The seventh post/);
			assert.ok(!requestUrls(server).some(url => isNeighbourRequest(url) || isRelatedRequest(url)), requestUrls(server).join('\n'));
			assert.ok(!requestUrls(server).some(url => url.pathname.endsWith('/wp/v2/comments')), 'no comment count was asked for');
			server.requests.length = 0;
			const withNext = JSON.parse((await runInProcess([server.url, '--post', '7', '--format', 'json', '--fields', 'next,id'])).stdout) as Record<string, unknown>;
			assert.deepEqual(Object.keys(withNext), ['schemaVersion', 'id', 'next']);
			assert.ok(requestUrls(server).some(isNeighbourRequest));
			assert.ok(!requestUrls(server).some(isRelatedRequest));
		} finally {
			await server.close();
		}
	});

	test('--fields with --comments: the thread is one more key, as --fields …,comments gives it (it was fetched and left out)', async () => {
		const run = await runInProcess([demo.url, '--post', '110', '--format', 'json', '--fields', 'id', '--comments']);
		assert.equal(run.code, 0, run.stderr);
		const post = JSON.parse(run.stdout) as {comments?: Array<{id: number}>};
		assert.deepEqual(Object.keys(post), ['schemaVersion', 'id', 'comments']);
		assert.ok(post.comments!.length > 0, 'the demo post\'s thread');
		const asField = JSON.parse((await runInProcess([demo.url, '--post', '110', '--format', 'json', '--fields', 'id,comments'])).stdout) as unknown;
		assert.deepEqual(post, asField);
	});

	test('--fields on a list keeps those keys of each post', async () => {
		const run = await runInProcess([demo.url, '--list', '--format', 'json', '--fields', 'id,link']);
		assert.equal(run.code, 0, run.stderr);
		const list = JSON.parse(run.stdout) as {posts: Array<Record<string, unknown>>};
		for (const post of list.posts) assert.deepEqual(Object.keys(post), ['id', 'link']);
	});

	test('bad --fields and flags that do not fit are refused (exit 2)', async () => {
		const cases: Array<[string[], RegExp]> = [
			[['--post', '7', '--format', 'json', '--fields', 'id,colour'], /^blogterm: --fields: unknown field “colour”; the fields are id, title, /],
			[['--post', '7', '--fields', 'id'], /^blogterm: --fields goes with --format json\.$/],
			[['--post', '7', '--format', 'json', '--fields', 'related', '--no-related'], /cannot be used together/],
			[['--post', '7', '--body-only', '--format', 'json'], /^blogterm: --body-only is for text and Markdown/],
			[['--post', '7', '--body-only', '--comments'], /^blogterm: --body-only and --comments cannot be used together/],
			[['--post', '7', '--front-matter'], /^blogterm: --front-matter goes with --format markdown\.$/],
			[['--list', '--strict'], /^blogterm: --strict does not apply to --list\.$/],
			[['--list', '--no-related'], /^blogterm: --no-related does not apply to --list\.$/],
		];
		for (const [args, message] of cases) {
			const run = await runInProcess([demo.url, ...args]);
			assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
			assert.match(errorLineOf(run), message, args.join(' '));
		}
	});
});

describe('--body-only and --front-matter', () => {
	test('--body-only: the body (and its links) alone, in text and Markdown; no related or neighbour requests', async () => {
		const server = await startBlog();
		try {
			const text = await runInProcess([server.url, '--post', '7', '--body-only']);
			assert.equal(text.code, 0, text.stderr);
			assert.match(text.stdout, /^The seventh post, with a link\[1\]\.\n/);
			assert.doesNotMatch(text.stdout, /Seven: |Related Posts|«|»/);
			const markdown = await runInProcess([server.url, '--post', '7', '--body-only', '--format', 'markdown']);
			assert.equal(markdown.stdout, 'The seventh post, with [a link](https://example.org/).\n');
			assert.ok(!requestUrls(server).some(url => isNeighbourRequest(url) || isRelatedRequest(url)));
		} finally {
			await server.close();
		}
	});

	test('--body-only makes only the requests it needs: no comment count (it prints no byline), as --fields text', async () => {
		const server = await startBlog();
		try {
			const bodyOnly = await runInProcess([server.url, '--post', '7', '--body-only']);
			assert.equal(bodyOnly.code, 0, bodyOnly.stderr);
			const asked = requestUrls(server).map(url => `${url.pathname}${url.search}`);
			assert.ok(!asked.some(url => url.includes('/wp/v2/comments') || url.includes('feed=')), `no comment count: ${asked.join(' ')}`);
			server.requests.length = 0;
			assert.equal((await runInProcess([server.url, '--post', '7', '--format', 'json', '--fields', 'text'])).code, 0);
			assert.deepEqual(asked, requestUrls(server).map(url => `${url.pathname}${url.search}`));
		} finally {
			await server.close();
		}
	});

	test('--front-matter: a YAML header, every string quoted, what is missing null', async () => {
		const server = await startBlog();
		try {
			const run = await runInProcess([server.url, '--post', '7', '--format', 'markdown', '--front-matter']);
			assert.equal(run.code, 0, run.stderr);
			const header = run.stdout.split('\n').slice(0, 10).join('\n');
			assert.equal(header, [
				'---',
				'title: "Seven: \\"quoted\\" & more"',
				'date: "2026-01-07T03:04:05.000+00:00"',
				'modified: null',
				'slug: "seven"',
				`link: "${server.url}seven/"`,
				'author: "Fake Author"',
				'categories: ["Category 3"]',
				'tags: []',
				'---',
			].join('\n'));
			assert.match(run.stdout, /\n---\n\n# Seven: "quoted" & more\n/);
		} finally {
			await server.close();
		}
	});
});
