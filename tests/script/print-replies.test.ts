import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {maren, postDemoComment} from '../helpers/demo-comment.js';
import {runInProcess, temporaryHome} from './run-cli.js';

type ReplyJson = {blog: string; post: {id: string; title: string; link: string}; yourComment: {id: string; text: string}; reply: {id: string; author: string; date: string; text: string; link: string}};

describe('blogterm --replies', () => {
	let demo: TestDemo;
	let home: string;
	let postId: number;
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		home = temporaryHome();
		const {body} = await demo.rest<Array<{id: number}>>('wp/v2/posts?slug=watering-schedules-with-cron');
		postId = body[0]!.id;
	});
	after(async () => {
		await demo.stop();
		rmSync(home, {recursive: true, force: true});
	});

	test('none yet: an empty list, exit 0 (json and text)', async () => {
		const json = await runInProcess(['--replies', '--format', 'json'], {home});
		assert.equal(json.code, 0, json.stderr);
		assert.deepEqual(JSON.parse(json.stdout), []);
		const text = await runInProcess(['--replies'], {home});
		assert.equal(text.code, 0);
		assert.equal(text.stdout, 'No replies to your comments.\n');
	});

	test('a reply to a comment sent with --comment is found, under the comment it answers', async () => {
		const sent = await runInProcess([demo.url, '--post', String(postId), '--comment', 'Does the timer survive a reboot?', '--name', 'Robin Reader', '--email', 'reader@example.com', '--format', 'json'], {home});
		assert.equal(sent.code, 0, sent.stderr);
		const mine = (JSON.parse(sent.stdout) as {id: number}).id;
		// Someone else answers it on the blog, and someone answers another comment.
		const replyId = await postDemoComment(demo, {...maren, postId, parent: mine, comment: 'It does: Persistent=true.'});
		await postDemoComment(demo, {...maren, postId, comment: 'Not a reply to you.'});

		const json = await runInProcess(['--replies', '--format', 'json'], {home});
		assert.equal(json.code, 0, json.stderr);
		const replies = JSON.parse(json.stdout) as ReplyJson[];
		assert.equal(replies.length, 1);
		assert.deepEqual(Object.keys(replies[0]!), ['blog', 'post', 'yourComment', 'reply']);
		assert.deepEqual(Object.keys(replies[0]!.reply), ['id', 'author', 'date', 'text', 'link']);
		assert.equal(replies[0]!.blog, demo.url);
		assert.equal(replies[0]!.yourComment.id, String(mine));
		assert.equal(replies[0]!.yourComment.text, 'Does the timer survive a reboot?');
		assert.deepEqual({...replies[0]!.reply, date: ''}, {id: String(replyId), author: 'Maren Holt', date: '', text: 'It does: Persistent=true.', link: `${replies[0]!.post.link}#comment-${replyId}`});
		assert.equal(replies[0]!.post.title, 'Watering Schedules with cron');

		const text = await runInProcess(['--replies'], {home});
		assert.equal(text.code, 0);
		const lines = text.stdout.split('\n');
		assert.equal(lines[0], '1 reply to you');
		assert.ok(lines.includes('  You: Does the timer survive a reboot?'), text.stdout);
		assert.ok(lines.some(line => /^ {2}↳ Maren Holt · .* · new$/.test(line)), text.stdout);
		assert.ok(lines.includes('    It does: Persistent=true.'));
	});
});

describe('blogterm --replies after commenting on the built-in demo blog', () => {
	test('the demo, served only while blogterm runs it, is started for the check: its replies are found, exit 0', async () => {
		const home = temporaryHome();
		// The demo's own port taken (another blogterm running it): the comment is left on the demo at any other port.
		const taken = createServer();
		await new Promise<void>(resolve => {
			taken.once('error', () => resolve()).listen(47_470, '127.0.0.1', () => resolve());
		});
		try {
			const sent = await runInProcess(['--demo', '--post', 'hello-from-the-potting-bench', '--comment', 'Which bench is it?', '--name', maren.author, '--email', maren.email, '--format', 'json'], {home});
			assert.equal(sent.code, 0, sent.stderr);
			const mine = (JSON.parse(sent.stdout) as {id: number}).id;
			// Someone answers it on the demo blog (its comments kept in blogterm's data folder).
			const demo = await startTestDemo({dataDir: join(home, 'data', 'demo'), floodIntervalMs: 0});
			let replyId: number;
			try {
				const {body} = await demo.rest<Array<{id: number}>>('wp/v2/posts?slug=hello-from-the-potting-bench');
				replyId = await postDemoComment(demo, {author: 'Robin Reader', email: 'reader@example.com', postId: body[0]!.id, parent: mine, comment: 'The one by the shed.'});
			} finally {
				await demo.close();
			}

			const json = await runInProcess(['--replies', '--format', 'json'], {home});
			assert.equal(json.stderr, '');
			assert.equal(json.code, 0);
			const replies = JSON.parse(json.stdout) as ReplyJson[];
			assert.equal(replies.length, 1);
			assert.equal(replies[0]!.yourComment.id, String(mine));
			assert.equal(replies[0]!.reply.id, String(replyId));
			assert.equal(replies[0]!.reply.text, 'The one by the shed.');
			assert.equal(replies[0]!.post.title, 'Hello from the Potting Bench');
		} finally {
			taken.close();
			rmSync(home, {recursive: true, force: true});
		}
	});
});
