import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {controlCharacters, runInProcess} from './run-cli.js';

type PostJson = Record<string, unknown> & {
	id: number;
	title: string;
	link: string;
	date: string;
	previous: {id: number; title: string; link: string} | null;
	next: {id: number; title: string; link: string} | null;
	related: Array<Record<string, unknown>>;
	comments?: Array<Record<string, unknown>>;
};

const postKeys = ['schemaVersion', 'id', 'title', 'slug', 'link', 'date', 'modified', 'author', 'categories', 'tags', 'excerpt', 'text', 'html', 'attachments', 'protected', 'summaryOnly', 'sticky', 'commentsOpen', 'commentCount', 'previous', 'next', 'related', 'offline'];

let demo: TestDemo;
let site: string;
/** The demo's "Watering Schedules with cron": threaded comments, Jetpack related posts, neighbours on both sides. */
let watering: {id: number; link: string; title: string};

before(async () => {
	demo = await startTestDemo();
	site = demo.url;
	const {body} = await demo.rest<Array<{id: number; link: string; title: {rendered: string}}>>('wp/v2/posts?slug=watering-schedules-with-cron');
	watering = {id: body[0]!.id, link: body[0]!.link, title: 'Watering Schedules with cron'};
});

after(async () => {
	await demo.stop();
});

async function postJson(ref: string, ...extra: string[]): Promise<PostJson> {
	const run = await runInProcess([site, '--post', ref, '--format', 'json', ...extra]);
	assert.equal(run.stderr, '');
	assert.equal(run.code, 0);
	return JSON.parse(run.stdout) as PostJson;
}

describe('blogterm SITE --post REF', () => {
	test('prints a post as one JSON document with exactly the keys of the contract', async () => {
		const post = await postJson(String(watering.id));
		assert.deepEqual(Object.keys(post), postKeys);
		assert.equal(post.id, watering.id);
		assert.equal(post.title, watering.title);
		assert.equal(post.link, watering.link);
		assert.equal(post['schemaVersion'], 1);
		assert.equal(post['slug'], 'watering-schedules-with-cron');
		assert.equal(post['protected'], false);
		assert.equal(post['summaryOnly'], false);
		assert.equal(post['offline'], null, 'read fresh');
		assert.match(post.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, 'ISO 8601 with its offset');
		assert.equal(typeof post['author'], 'string');
		assert.ok((post['categories'] as unknown[]).every(name => typeof name === 'string'));
		assert.ok((post['tags'] as unknown[]).length > 0);
		assert.match(String(post['html']), /<p>/);
		assert.doesNotMatch(String(post['text']), /<p>/);
		assert.equal(post['commentsOpen'], true);
		assert.equal(post['commentCount'], 5);
		for (const neighbour of [post.previous, post.next]) {
			assert.ok(neighbour);
			assert.deepEqual(Object.keys(neighbour), ['id', 'title', 'link']);
		}
		assert.ok(post.related.length > 0 && post.related.length <= 5);
		for (const related of post.related) assert.deepEqual(Object.keys(related), ['id', 'title', 'link', 'date', 'context']);
		assert.ok(!post.related.some(related => related['id'] === watering.id));
	});

	test('finds the same post by ID, slug, pretty URL and ?p= URL', async () => {
		const refs = [String(watering.id), 'watering-schedules-with-cron', watering.link, new URL(`?p=${watering.id}`, site).toString()];
		for (const ref of refs) {
			const post = await postJson(ref);
			assert.equal(post.id, watering.id, `--post ${ref}`);
		}
	});

	test('with --comments, JSON has the comments: id, parent, type, author, authorUrl, date, link, text', async () => {
		const post = await postJson(String(watering.id), '--comments');
		assert.ok(post.comments);
		assert.equal(post.comments.length, 5);
		for (const comment of post.comments) {
			assert.deepEqual(Object.keys(comment), ['id', 'parent', 'type', 'author', 'authorUrl', 'date', 'link', 'text']);
			assert.equal(comment['link'], `${watering.link}#comment-${String(comment['id'])}`);
			assert.ok(comment['authorUrl'] === null || (typeof comment['authorUrl'] === 'string' && /^https?:\/\//.test(comment['authorUrl'])), JSON.stringify(comment['authorUrl']));
		}
		const reply = post.comments.find(comment => comment['parent'] !== 0)!;
		assert.ok(post.comments.some(comment => comment['id'] === reply['parent']));
		assert.match(String(post.comments[0]!['text']), /systemd timer/);
		assert.ok(!('comments' in await postJson(String(watering.id))));
	});

	test('previous and next are null at the ends of the blog', async () => {
		const oldest = await postJson('hello-from-the-potting-bench');
		assert.equal(oldest.previous, null);
		assert.ok(oldest.next);
	});

	test('text: title, byline, wrapped body, numbered links, Related Posts, « previous and next »', async () => {
		const run = await runInProcess([site, '--post', 'watering-schedules-with-cron', '--format', 'text', '--width', '60']);
		assert.equal(run.code, 0);
		assert.equal(run.stderr, '');
		const lines = run.stdout.split('\n');
		assert.equal(lines[0], watering.title);
		const byline = lines.slice(1, lines.indexOf('')).join(' ');
		assert.match(byline, /^September \d+, 2024 · Maren Holt · In Command Line, Garden Notes · Tagged .+/);
		assert.ok(lines.every(line => [...line].length <= 60), 'no line is wider than --width');
		assert.ok(lines.includes('Related Posts'));
		assert.ok(lines.some(line => line.startsWith('« ')), 'the previous post');
		assert.ok(lines.some(line => line.trimStart().endsWith(' »')), 'the next post');
		assert.doesNotMatch(run.stdout, controlCharacters);
	});

	test('text wraps to 80 columns when piped and no --width is given', async () => {
		const run = await runInProcess([site, '--post', 'a-field-guide-to-the-terminal-garden']);
		assert.equal(run.code, 0);
		const lines = run.stdout.split('\n');
		assert.ok(lines.every(line => [...line].length <= 80));
		assert.ok(lines.some(line => [...line].length > 60), 'the text fills the 80 columns');
		assert.ok(lines.some(line => /^\[1\] https?:\/\//.test(line)), 'the numbered link list');
	});

	test('text at --width 0 is not wrapped: each paragraph of the post is one line, the next post not pushed right', async () => {
		const text = (JSON.parse((await runInProcess([site, '--post', 'a-field-guide-to-the-terminal-garden', '--format', 'json', '--fields', 'text'])).stdout) as {text: string}).text;
		const paragraphs = text.split('\n\n').filter(paragraph => !paragraph.includes('\n') && [...paragraph].length > 200);
		assert.ok(paragraphs.length > 3, 'the post has long paragraphs');
		const run = await runInProcess([site, '--post', 'a-field-guide-to-the-terminal-garden', '--width', '0']);
		assert.equal(run.code, 0);
		assert.equal(run.stderr, '');
		// JSON's text has no link numbers: `[2]` after a link's words.
		const lines = run.stdout.split('\n').map(line => line.replaceAll(/\[\d+\]/g, ''));
		for (const paragraph of paragraphs) assert.ok(lines.includes(paragraph), `one line: ${paragraph.slice(0, 60)}…`);
		assert.ok(lines.some(line => /^\S.* »$/.test(line)), 'the next post, at the start of its line');
		assert.equal((await runInProcess([site, '-p', 'a-field-guide-to-the-terminal-garden', '-w', '0'])).stdout, run.stdout);
	});

	test('text with --comments shows the thread, replies indented under their parent', async () => {
		const run = await runInProcess([site, '--post', 'watering-schedules-with-cron', '--comments']);
		assert.equal(run.code, 0);
		const lines = run.stdout.split('\n');
		const heading = lines.indexOf('5 comments');
		assert.ok(heading > 0);
		const thread = lines.slice(heading);
		const priya = thread.findIndex(line => line.startsWith('Priya N.'));
		const maren = thread.findIndex(line => /^\s+Maren Holt/.test(line));
		assert.ok(priya > 0 && maren > priya, 'the reply comes after, indented');
	});

	test('"No results found." when a post has no related posts', async () => {
		const run = await runInProcess([site, '--post', 'on-keeping-a-bee-diary']);
		assert.equal(run.code, 0);
		const lines = run.stdout.split('\n');
		assert.equal(lines[lines.indexOf('Related Posts') + 1], 'No results found.');
		assert.deepEqual((await postJson('on-keeping-a-bee-diary')).related, []);
	});

	test('markdown: # title, italic byline, inline links, Related Posts list, comments as quotes', async () => {
		const run = await runInProcess([site, '--post', 'watering-schedules-with-cron', '--format', 'markdown', '--comments']);
		assert.equal(run.code, 0);
		assert.equal(run.stderr, '');
		const lines = run.stdout.split('\n');
		assert.equal(lines[0], `# ${watering.title}`);
		assert.match(lines[2]!, /^\*September \d+, 2024 · .+\*$/);
		assert.match(run.stdout, /\[[^\]]+\]\(https?:\/\/[^)]+\)/);
		const related = lines.indexOf('## Related Posts');
		assert.ok(related > 0);
		assert.match(lines[related + 2]!, /^- \[.+\]\(http.+\)/);
		assert.ok(lines.includes('## 5 comments'));
		// A commenter with a website: the name is its link, as text mode's Priya N.[1] and JSON's authorUrl give it.
		assert.ok(lines.includes('> **[Priya N.](https://priya.example.org/)** · September 5, 2024'));
		assert.ok(lines.some(line => line.startsWith('> **Robin Reader** · ')), 'one without, its name alone');
		assert.ok(lines.some(line => line.startsWith('>> **Maren Holt**')), 'a reply is quoted one level deeper');
	});

	test('markdown keeps the long post\'s headings, lists, quotes and code', async () => {
		const run = await runInProcess([site, '--post', 'a-field-guide-to-the-terminal-garden', '--format', 'markdown']);
		assert.equal(run.code, 0);
		assert.match(run.stdout, /^## /m);
		assert.match(run.stdout, /^[-*] /m);
		assert.match(run.stdout, /^> /m);
		assert.match(run.stdout, /^```/m);
	});
});

describe('output through a pipe', () => {
	test('no escape sequence in any format when stdout is not a terminal', async () => {
		for (const format of ['text', 'markdown', 'json']) {
			const run = await runInProcess([site, '--post', 'a-field-guide-to-the-terminal-garden', '--comments', '--format', format]);
			assert.equal(run.code, 0);
			assert.doesNotMatch(run.stdout, controlCharacters, format);
		}
	});

	test('FORCE_COLOR turns colour on in a pipe, and NO_COLOR does not', async () => {
		const forced = await runInProcess([site, '--post', 'watering-schedules-with-cron'], {env: {FORCE_COLOR: '1'}});
		assert.match(forced.stdout, /\u001B\[[\d;]*m/);
		const noColour = await runInProcess([site, '--post', 'watering-schedules-with-cron'], {env: {NO_COLOR: '1'}});
		assert.doesNotMatch(noColour.stdout, controlCharacters);
		const forcedOff = await runInProcess([site, '--post', 'watering-schedules-with-cron'], {env: {FORCE_COLOR: '0'}});
		assert.doesNotMatch(forcedOff.stdout, controlCharacters);
	});

	test('a large output (a list of 100 posts) arrives whole', async () => {
		// In this process; through a real pipe, which takes the output in pieces: the several-megabyte post of exit-codes.test.ts.
		const run = await runInProcess([site, '--list', '--per-page', '100', '--format', 'json']);
		assert.equal(run.code, 0);
		const list = JSON.parse(run.stdout) as {posts: unknown[]; total: number};
		assert.equal(list.posts.length, list.total);
	});
});
