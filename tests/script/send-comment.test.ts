import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {rmSync} from 'node:fs';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {startFakeWordPress} from '../helpers/fake-wordpress.js';
import {ensureBuilt, runCli, runInProcess, temporaryHome, type CliRun} from './run-cli.js';

type SentJson = {schemaVersion: number; status: 'approved' | 'held'; id: number; link: string};

const robin = ['--name', 'Robin Reader', '--email', 'reader@example.com'];
const newcomer = ['--name', 'Nell Newcomer', '--email', 'nell@example.org'];

ensureBuilt();

// Each test has a demo blog of its own: WordPress's flood check (15 s) counts every comment from 127.0.0.1.
let demo: TestDemo | undefined;

async function freshDemo(): Promise<TestDemo> {
	demo = await startTestDemo();
	return demo;
}

describe('sending a comment from the command line', () => {
	afterEach(async () => {
		await demo?.stop();
		demo = undefined;
	});

	async function commentIdsOn(blog: TestDemo, slug: string): Promise<number[]> {
		const {body: posts} = await blog.rest<Array<{id: number}>>(`wp/v2/posts?slug=${slug}`);
		const {body} = await blog.rest<Array<{id: number}>>(`wp/v2/comments?post=${posts[0]!.id}&per_page=100`);
		return body.map(comment => comment.id);
	}

	function assertRefused(run: CliRun, code: number, message: RegExp): void {
		assert.equal(run.code, code, run.stderr);
		assert.equal(run.stdout, '');
		assert.equal(run.errorLines.length, 1, run.stderr);
		assert.match(run.errorLines[0]!, /^blogterm: /);
		assert.match(run.errorLines[0]!, message);
	}

	describe('blogterm SITE --post REF --comment TEXT', () => {
		test('a commenter the blog already approved is published at once: status "approved", exit 0', async () => {
			const blog = await freshDemo();
			const run = await runInProcess([blog.url, '--post', 'watering-schedules-with-cron', '--comment', 'Cron it is, then.', ...robin, '--format', 'json']);
			assert.equal(run.code, 0, run.stderr);
			assert.equal(run.stderr, '');
			const sent = JSON.parse(run.stdout) as SentJson;
			assert.deepEqual(Object.keys(sent), ['schemaVersion', 'status', 'id', 'link']);
			assert.equal(sent.status, 'approved');
			assert.equal(typeof sent.id, 'number');
			assert.match(sent.link, new RegExp(`#comment-${sent.id}$`));
			assert.ok((await commentIdsOn(blog, 'watering-schedules-with-cron')).includes(sent.id), 'the blog lists it');
		});

		test('a new commenter is held for moderation: status "held", exit 0', async () => {
			const blog = await freshDemo();
			const run = await runInProcess([blog.url, '--post', 'watering-schedules-with-cron', '--comment', 'First time here!', ...newcomer, '--format', 'json']);
			assert.equal(run.code, 0, run.stderr);
			const sent = JSON.parse(run.stdout) as SentJson;
			assert.equal(sent.status, 'held');
			assert.equal(typeof sent.id, 'number');
			assert.ok(!(await commentIdsOn(blog, 'watering-schedules-with-cron')).includes(sent.id), 'not listed until approved');
		});

		test('text output says what became of the comment, then its link', async () => {
			const blog = await freshDemo();
			const run = await runInProcess([blog.url, '--post', 'compost-is-a-queue', '--comment', 'Held, probably.', ...newcomer]);
			assert.equal(run.code, 0, run.stderr);
			const lines = run.stdout.trimEnd().split('\n');
			assert.match(lines[0]!, /^Your comment \d+ on “Compost Is a Queue” is awaiting moderation/i);
			assert.match(lines[1]!, /^http:\/\/127\.0\.0\.1:\d+\/.*#comment-\d+$/);
		});

		test('--comment - reads the comment from stdin', async () => {
			const blog = await freshDemo();
			// The built CLI: stdin is a real pipe.
			const run = await runCli([blog.url, '--post', 'watering-schedules-with-cron', '--comment', '-', ...robin, '--format', 'json'], {input: 'Thanks!\nTwo lines, from stdin.\n'});
			assert.equal(run.code, 0, run.stderr);
			const sent = JSON.parse(run.stdout) as SentJson;
			const {body} = await blog.rest<{content: {rendered: string}}>(`wp/v2/comments/${sent.id}`);
			assert.match(body.content.rendered, /Thanks!(<br \/>)?\s*Two lines, from stdin\./);
		});

		test('--reply-to sends a reply to a comment', async () => {
			const blog = await freshDemo();
			const run = await runInProcess([blog.url, '--post', 'watering-schedules-with-cron', '--comment', 'Seconded.', ...robin, '--reply-to', '5', '--format', 'json']);
			assert.equal(run.code, 0, run.stderr);
			const sent = JSON.parse(run.stdout) as SentJson;
			const {body} = await blog.rest<{parent: number}>(`wp/v2/comments/${sent.id}`);
			assert.equal(body.parent, 5);
		});

		test('every field that fails the form\'s validation is reported at once, one line each, exit 2, nothing sent', async () => {
			const blog = await freshDemo();
			const before = await commentIdsOn(blog, 'watering-schedules-with-cron');
			const run = await runInProcess([blog.url, '--post', 'watering-schedules-with-cron', '--comment', '   ', '--email', 'not-an-email', '--website', 'ftp://x']);
			assert.equal(run.code, 2);
			assert.equal(run.stdout, '');
			assert.deepEqual(run.errorLines, [
				'blogterm: Comment: Fill out this field',
				'blogterm: Name: Fill out this field',
				'blogterm: Email: Please enter a valid email address.',
				'blogterm: Website: Please enter a URL.',
			]);
			assert.deepEqual(await commentIdsOn(blog, 'watering-schedules-with-cron'), before);
		});

		test('a field longer than WordPress accepts says which limit', async () => {
			const blog = await freshDemo();
			const run = await runInProcess([blog.url, '--post', '5', '--comment', 'ok', '--name', 'é'.repeat(200), '--email', 'a@example.com']);
			assert.equal(run.code, 2);
			assert.deepEqual(run.errorLines, ['blogterm: Name: Name is too long: at most 245 bytes (this is 400).']);
		});

		test('--reply-to that is not a comment ID, and --format markdown, are usage errors', async () => {
			const blog = await freshDemo();
			assertRefused(await runInProcess([blog.url, '--post', '5', '--comment', 'x', ...robin, '--reply-to', 'dana']), 2, /--reply-to takes a comment's ID/);
			assertRefused(await runInProcess([blog.url, '--post', '5', '--comment', 'x', ...robin, '--format', 'markdown']), 2, /--format markdown is for printing posts/);
		});
	});

	describe('exit code 4: the blog refused the comment', () => {
		test('comments closed: refused without sending', async () => {
			const blog = await freshDemo();
			const run = await runInProcess([blog.url, '--post', 'notes-from-the-winter-shed', '--comment', 'Hello?', ...robin]);
			assertRefused(run, 4, /^blogterm: Comments are closed on “Notes from the Winter Shed”; nothing was sent\.$/);
		});

		test('a duplicate, in the blog\'s own words', async () => {
			const blog = await freshDemo();
			const args = [blog.url, '--post', 'watering-schedules-with-cron', '--comment', 'Same again.', ...robin];
			assert.equal((await runInProcess(args)).code, 0);
			assertRefused(await runInProcess(args), 4, /^blogterm: The blog refused the comment: Duplicate comment detected; it looks as though you’ve already said that!$/);
		});

		test('too fast, in the blog\'s own words', async () => {
			const blog = await freshDemo();
			assert.equal((await runInProcess([blog.url, '--post', 'watering-schedules-with-cron', '--comment', 'One.', ...robin])).code, 0);
			const run = await runInProcess([blog.url, '--post', 'watering-schedules-with-cron', '--comment', 'Two.', ...robin]);
			assertRefused(run, 4, /^blogterm: The blog refused the comment: You are posting comments too quickly\. Slow down\.$/);
		});

		test('a reply to a comment that is not approved', async () => {
			const blog = await freshDemo();
			const run = await runInProcess([blog.url, '--post', 'watering-schedules-with-cron', '--comment', 'Reply.', ...robin, '--reply-to', '99999']);
			assertRefused(run, 4, /replies to unapproved comments are not allowed/);
		});

		test('a blog whose REST API refuses anonymous comments: the first comment finds out, each after it is one POST', async () => {
			const posts: string[] = [];
			const server = await startFakeWordPress({id: 7, slug: 'seven', title: 'Seven', html: '<p>7</p>', date: '2026-01-02T03:04:05'}, {onPost: path => posts.push(path)});
			const home = temporaryHome();
			try {
				for (const comment of ['One.', 'Two.', 'Three.']) {
					const run = await runInProcess([server.url, '--post', '7', '--comment', comment, ...robin], {home});
					assert.equal(run.code, 0, run.stderr);
				}
				assert.deepEqual(posts, ['/wp-json/wp/v2/comments', '/wp-comments-post.php', '/wp-comments-post.php', '/wp-comments-post.php']);
			} finally {
				await server.close();
				rmSync(home, {recursive: true, force: true});
			}
		});
	});
});
