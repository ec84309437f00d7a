import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {layoutPostBody} from '../../source/render/post-layout.js';
import {lineText} from '../../source/render/styled-line.js';
import {textWidth} from '../../source/render/text-width.js';
import {BlogError} from '../../source/errors.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {runInProcess} from '../script/run-cli.js';
import {bigFeedItems, longWordLength, startBadBlogs, type BadBlogs} from './bad-blogs.js';
import {createHttpClient} from '../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

/*
Bad and huge answers, through the sources (what the reader gets) and through the built CLI (exit code
and one line on stderr). Each gets a message in words, or is shown in full or cut with a note; nothing
crashes or hangs. Time limits below are generous: they catch a hang or a quadratic blow-up, not a slow machine.
*/

let blogs: BadBlogs;
before(async () => {
	blogs = await startBadBlogs();
});
after(async () => blogs.close());

async function rejection(promise: Promise<unknown>): Promise<BlogError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof BlogError, `a BlogError with words, not ${String(error)}`);
		return error;
	}
	assert.fail('expected a failure');
}

/**
 * Fails if `run` never settles: a hang guard, not a speed target (speed lives in `npm run bench`),
 * so the deadline is far above what any machine needs.
 */
async function noHang<T>(what: string, run: () => Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const hang = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} hung (no answer in 60 s)`)), 60_000);
	});
	try {
		return await Promise.race([run(), hang]);
	} finally {
		clearTimeout(timer);
	}
}

describe('a WordPress blog that sends bad answers', () => {
	test('malformed JSON, an HTML firewall page and JSON of the wrong shape: “not valid JSON” / “not the list of posts”', async () => {
		const expected = {'malformed': /sent an answer that is not valid JSON\.$/, 'firewall': /sent an answer that is not valid JSON\.$/, 'wrong-shape': /sent something that is not the list of posts\.$/} as const;
		for (const [name, message] of Object.entries(expected)) {
			const source = await openBlog(http, blogs.wordpress(name));
			const error = await rejection(source.fetchPostPage(1, 10));
			assert.equal(error.kind, 'unreadable', name);
			assert.match(error.message, message, name);
		}
	});

	test('bytes that are not UTF-8 are shown as “�”, the rest of the title as it is', async () => {
		const source = await openBlog(http, blogs.wordpress('not-utf8'));
		const page = await source.fetchPostPage(1, 10);
		assert.match(page.posts[0]!.title, /^Caf\uFFFD+\($/);
	});

	test('a post body over 20 MB, plain or as a gzip bomb: “larger than 20 MB”', async () => {
		for (const name of ['huge', 'bomb'] as const) {
			const source = await openBlog(http, blogs.wordpress(name));
			const error = await noHang(name, async () => rejection(source.fetchPost({kind: 'id', id: 1})));
			assert.equal(error.kind, 'unreadable');
			assert.match(error.message, /larger than 20 MB/);
		}
	});

	test('HTML nested 10,000 deep and a 20,000-character word are laid out, every line within the width', async () => {
		for (const name of ['nested', 'long-word'] as const) {
			const source = await openBlog(http, blogs.wordpress(name));
			const post = await source.fetchPost({kind: 'id', id: 1});
			const lines = await noHang(`laying out ${name}`, () => Promise.resolve(layoutPostBody(post, 80).map(line => lineText(line))));
			for (const line of lines) assert.ok(textWidth(line) <= 80, `${name}: a line of ${textWidth(line)} columns`);
			const text = lines.join('');
			if (name === 'nested') assert.match(text, /Before\..*deep text.*After\./s);
			else assert.equal((text.match(/w/g) ?? []).length, longWordLength, 'the whole word, broken across lines');
		}
	});
});

describe('feeds that are bad or huge', () => {
	test('malformed XML: “a feed that blogterm cannot read”', async () => {
		const error = await rejection(openBlog(http, blogs.feed('malformed.xml')));
		assert.equal(error.kind, 'unreadable');
		assert.match(error.message, /sent a feed that blogterm cannot read: it is not well-formed RSS, Atom or JSON Feed\.$/);
	});

	test('an HTML page where a feed was expected: “No feed found”, saying what was tried', async () => {
		const error = await rejection(openBlog(http, blogs.feed('html-instead.xml')));
		assert.equal(error.kind, 'not-a-blog');
		assert.match(error.message, /^No feed found at 127\.0\.0\.1:\d+: tried the page's <link> tags, \/feed, /);
	});

	test('windows-1252 bytes in a feed that claims UTF-8 are read as windows-1252', async () => {
		const source = await openBlog(http, blogs.feed('not-utf8.xml'));
		assert.equal((await source.fetchPostPage(1, 10)).posts[0]!.title, 'Café “quoted”');
	});

	test('a feed of 10,000 items opens, pages and finds its last post', async () => {
		const source = await noHang('opening', async () => openBlog(http, blogs.feed('big.xml')));
		const first = await source.fetchPostPage(1, 10);
		assert.equal(first.total, bigFeedItems);
		assert.equal(first.posts[0]!.title, `Post ${bigFeedItems}`, 'newest first');
		// Asking past the items held makes the source ask once whether the feed pages (?paged=2): one more fetch.
		const last = await noHang('the last page', async () => source.fetchPostPage(bigFeedItems / 10, 10));
		assert.equal(last.posts.at(-1)!.title, 'Post 1');
		const oldest = await noHang('finding a post', async () => source.fetchPost({kind: 'url', url: 'https://bad.example/1/'}));
		assert.equal(oldest.title, 'Post 1');
	});

	test('an item nested 10,000 deep does not spoil the feed', async () => {
		const source = await openBlog(http, blogs.feed('nested.xml'));
		const [post] = (await source.fetchPostPage(1, 10)).posts;
		assert.match(post!.excerpt, /^Before\. ?deep text ?After\.$/);
	});

	test('a feed over 20 MB: “larger than 20 MB”', async () => {
		const error = await rejection(openBlog(http, blogs.feed('huge.xml')));
		assert.match(error.message, /larger than 20 MB/);
	});
});

describe('print mode: exit 1 and one line in words, or the post', () => {
	test('each failure is one `blogterm: …` line with its exit code; nothing on stdout', async () => {
		const cases: Array<[string, string[], number, RegExp]> = [
			['malformed JSON', [blogs.wordpress('malformed'), '--list'], 1, /not valid JSON/],
			['a body over 20 MB', [blogs.wordpress('huge'), '--post', '1'], 1, /larger than 20 MB/],
			['a gzip bomb', [blogs.wordpress('bomb'), '--post', '1', '--format', 'markdown'], 1, /larger than 20 MB once uncompressed/],
			['malformed XML', [blogs.feed('malformed.xml'), '--list'], 1, /a feed that blogterm cannot read/],
			['a feed over 20 MB', [blogs.feed('huge.xml'), '--list'], 1, /larger than 20 MB/],
			['an HTML page, not a feed', [blogs.feed('html-instead.xml'), '--list'], 6, /No feed found/],
		];
		const runs = await Promise.all(cases.map(async ([, args]) => runInProcess(args)));
		for (const [index, run] of runs.entries()) {
			const [name, , code, message] = cases[index]!;
			assert.equal(run.code, code, `${name}: ${run.stderr}`);
			assert.equal(run.stdout, '', name);
			assert.equal(run.errorLines.length, 1, `${name}: ${run.stderr}`);
			assert.match(run.errorLines[0]!, /^blogterm: /, name);
			assert.match(run.errorLines[0]!, message, name);
		}
	});

	test('deep nesting, a long word and a 10,000-item feed print, within the width', async () => {
		const [nested, word, big] = await Promise.all([
			runInProcess([blogs.wordpress('nested'), '--post', '1', '--width', '60']),
			runInProcess([blogs.wordpress('long-word'), '--post', '1', '--width', '60']),
			runInProcess([blogs.feed('big.xml'), '--list', '--page', String(bigFeedItems / 10), '--format', 'json']),
		]);
		for (const run of [nested, word, big]) assert.equal(run.code, 0, run.stderr);
		assert.match(nested.stdout, /deep text/);
		for (const line of [...nested.stdout.split('\n'), ...word.stdout.split('\n')]) assert.ok(textWidth(line) <= 60, `a line of ${textWidth(line)} columns`);
		assert.equal((JSON.parse(big.stdout) as {posts: Array<{title: string}>}).posts.at(-1)!.title, 'Post 1');
	});
});
