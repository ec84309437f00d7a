import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {TestServer} from '../helpers/http-server.js';
import {controlCharacters, runInProcess} from '../script/run-cli.js';
import {startSummaryBlog, summaryPosts} from './summary-blog.js';
import {startTestDemo} from '../helpers/demo.js';

let blog: TestServer;
let feed: string;
before(async () => {
	blog = await startSummaryBlog();
	feed = `${blog.url}feed/`;
});
after(async () => blog.close());

const postUrl = (index: number) => `${blog.url}${summaryPosts[index]!.slug}`;

describe('--post REF --full-text', () => {
	test('text: the article in place of the summary, under "Full text from the post\'s page"', async () => {
		const run = await runInProcess([feed, '--post', postUrl(0), '--full-text', '--width', '80']);
		assert.equal(run.stderr, '');
		assert.equal(run.code, 0);
		const lines = run.stdout.split('\n');
		assert.equal(lines[0], 'What to leave in the ground over winter');
		assert.equal(lines[2], '');
		assert.equal(lines[3], 'Full text from the post\'s page');
		assert.match(run.stdout, /Roots that stay put/);
		assert.match(run.stdout, /leave the ground covered, and leave it alone\./);
		assert.doesNotMatch(run.stdout, /The feed gives only a summary/);
		assert.doesNotMatch(run.stdout, /Recent Posts|Commenter 1|Proudly powered/);
		assert.doesNotMatch(run.stdout, controlCharacters);
		// Links numbered, images as in every post.
		assert.match(run.stdout, /\[image: A row of parsnips under straw\]/);
		assert.ok(run.stdout.includes(`${blog.url.replace(/^http:\/\//, '')}2026/09/leaf-mould/`));
	});

	test('json: "fullText": true after "html", with the text and HTML of the article', async () => {
		const run = await runInProcess([feed, '--post', postUrl(0), '--full-text', '--format', 'json']);
		assert.equal(run.code, 0, run.stderr);
		const json = JSON.parse(run.stdout) as Record<string, unknown>;
		const keys = Object.keys(json);
		assert.deepEqual(keys.slice(keys.indexOf('excerpt'), keys.indexOf('excerpt') + 4), ['excerpt', 'text', 'html', 'fullText']);
		assert.equal(json['fullText'], true);
		assert.match(String(json['text']), /^Every autumn the allotment asks the same question/);
		assert.match(String(json['text']), /Roots that stay put/);
		assert.match(String(json['html']), /<h2>What comes up<\/h2>/);
		assert.doesNotMatch(String(json['html']), /<script|onclick|javascript:/);
		// The summary stays the excerpt.
		assert.match(String(json['excerpt']), /^Every autumn the allotment/);
	});

	test('json with --fields: only the keys asked for (fullText among them when named); the page is read only for what it changes', async () => {
		const run = await runInProcess([feed, '--post', postUrl(0), '--full-text', '--format', 'json', '--fields', 'summaryOnly,title,text,fullText']);
		assert.equal(run.code, 0, run.stderr);
		const json = JSON.parse(run.stdout) as Record<string, unknown>;
		// In the document's order: fullText after text and html, as without --fields.
		assert.deepEqual(Object.keys(json), ['schemaVersion', 'title', 'text', 'fullText', 'summaryOnly']);
		assert.equal(json['fullText'], true);
		assert.equal(json['summaryOnly'], false);
		assert.match(String(json['text']), /Roots that stay put/);
		// The consent page would be said on stderr if it were read: --fields id,title needs nothing from it.
		const idTitle = await runInProcess([feed, '--post', postUrl(2), '--full-text', '--format', 'json', '--fields', 'id,title']);
		assert.equal(idTitle.code, 0, idTitle.stderr);
		assert.equal(idTitle.stderr, '');
		assert.deepEqual(Object.keys(JSON.parse(idTitle.stdout) as object), ['schemaVersion', 'id', 'title']);
		const read = await runInProcess([feed, '--post', postUrl(2), '--full-text', '--format', 'json', '--fields', 'id,html']);
		assert.deepEqual(read.errorLines, ['blogterm: The post\'s page asks to accept cookies first (a consent page): it holds no article. The summary is shown.']);
		assert.deepEqual(Object.keys(JSON.parse(read.stdout) as object), ['schemaVersion', 'id', 'html']);
	});

	test('--fields fullText without --full-text is a usage error', async () => {
		const run = await runInProcess([feed, '--post', postUrl(0), '--format', 'json', '--fields', 'id,fullText']);
		assert.equal(run.code, 2);
		assert.deepEqual(run.errorLines, ['{"error":{"code":"usage","exit":2,"message":"--fields fullText goes with --full-text."}}']);
	});

	test('markdown: the line in italics, then the article', async () => {
		const run = await runInProcess([feed, '--post', postUrl(1), '--full-text', '--format', 'markdown']);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /\*Full text from the post's page\*\n\n/);
		assert.match(run.stdout, /## The three clouds that matter/);
	});

	test('a page that holds no article: the summary, and why on stderr, exit 0; json says "fullText": false', async () => {
		const run = await runInProcess([feed, '--post', postUrl(2), '--full-text', '--format', 'json']);
		assert.equal(run.code, 0);
		assert.deepEqual(run.errorLines, ['blogterm: The post\'s page asks to accept cookies first (a consent page): it holds no article. The summary is shown.']);
		const json = JSON.parse(run.stdout) as Record<string, unknown>;
		assert.equal(json['fullText'], false);
		assert.match(String(json['text']), /^The text of this post is behind a consent page/);
		const pdf = await runInProcess([feed, '--post', postUrl(3), '--full-text']);
		assert.deepEqual(pdf.errorLines, ['blogterm: The post\'s page is a PDF, not an article. The summary is shown.']);
		assert.match(pdf.stdout, /Our annual report is out/);
		// --full-text was given: the address is what is left to a script; no key to press in print mode.
		assert.match(pdf.stdout, /The feed gives only a summary of this post: read it whole at its address below\./);
		assert.doesNotMatch(pdf.stdout, /press/);
	});

	test('a page that redirects to a file: address fails in words, exit 1', async () => {
		const run = await runInProcess([feed, '--post', postUrl(5), '--full-text']);
		assert.equal(run.code, 1);
		assert.match(run.errorLines[0] ?? '', /^blogterm: Could not read 127\.0\.0\.1:\d+: it redirected to an address that is not http or https\.$/);
	});

	test('text without --full-text: the note under the summary says what a script can do, not a key to press', async () => {
		const run = await runInProcess([feed, '--post', postUrl(0), '--width', '200']);
		assert.equal(run.code, 0, run.stderr);
		assert.ok(run.stdout.includes('The feed gives only a summary of this post: --full-text prints it whole, read from its page; or read it at its address below.'), run.stdout);
		assert.doesNotMatch(run.stdout, /press/);
	});

	test('without --full-text: the summary, as before', async () => {
		const run = await runInProcess([feed, '--post', postUrl(0), '--format', 'json']);
		assert.equal(run.code, 0, run.stderr);
		const json = JSON.parse(run.stdout) as Record<string, unknown>;
		assert.equal('fullText' in json, false);
		assert.match(String(json['text']), /^Every autumn the allotment asks the same question: .* and the soil \[…\]$/);
	});

	test('--full-text without --post is a usage error', async () => {
		const run = await runInProcess([feed, '--list', '--full-text']);
		assert.equal(run.code, 2);
		assert.deepEqual(run.errorLines, ['blogterm: --full-text goes with --post: the post whose page is read.']);
	});
});

test('--full-text on a post its blog gives whole (WordPress): printed as it is, "fullText": false, nothing said', async () => {
	const demo = await startTestDemo();
	try {
		const run = await runInProcess([demo.url, '--post', 'watering-schedules-with-cron', '--full-text', '--format', 'json']);
		assert.equal(run.code, 0, run.stderr);
		assert.equal(run.stderr, '');
		const json = JSON.parse(run.stdout) as Record<string, unknown>;
		assert.equal(json['fullText'], false);
		assert.match(String(json['html']), /<p>/);
	} finally {
		await demo.stop();
	}
});
