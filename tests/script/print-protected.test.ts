import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {specialPosts} from '../../source/demo/content/index.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {runInProcess} from './run-cli.js';

let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

describe('a password-protected post in print mode', () => {
	test('without --password: exit 3 and one line saying to give it', async () => {
		const run = await runInProcess([demo.url, '--post', specialPosts.passwordProtected]);
		assert.equal(run.code, 3);
		assert.equal(run.stderr, 'blogterm: “The Committee’s Compost Recipe” is password protected: give --password\n');
		assert.equal(run.stdout, '');
	});

	test('--password - reads it from stdin (its first line)', async () => {
		const run = await runInProcess([demo.url, '--post', specialPosts.passwordProtected, '--password', '-', '--format', 'markdown'], {input: 'sesame\n'});
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /Comfrey leaves for potash/);
	});

	test('a wrong password: exit 2, "That password is not right."', async () => {
		const run = await runInProcess([demo.url, '--post', specialPosts.passwordProtected, '--password', 'open sesame']);
		assert.equal(run.code, 2);
		assert.equal(run.stderr, 'blogterm: That password is not right.\n');
	});

	test('--password needs --post', async () => {
		const run = await runInProcess([demo.url, '--list', '--password', 'sesame']);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /--password goes with --post/);
	});

	test('--comment with --password: sent with the password\'s cookie and published; without it exit 3 and nothing sent', async () => {
		const text = `From a script, unlocked ${Date.now()}`;
		const comment = ['--post', specialPosts.passwordProtected, '--comment', text, '--name', 'Robin Reader', '--email', 'reader@example.com', '--format', 'json'];
		const locked = await runInProcess([demo.url, ...comment]);
		assert.equal(locked.code, 3);
		assert.deepEqual(JSON.parse(locked.stderr), {error: {code: 'password_required', exit: 3, message: '“The Committee’s Compost Recipe” is password protected: give --password'}});
		const run = await runInProcess([demo.url, ...comment, '--password', 'sesame']);
		assert.equal(run.code, 0, run.stderr);
		assert.equal((JSON.parse(run.stdout) as {status: string}).status, 'approved');
		const {body: posts} = await demo.rest<Array<{id: number}>>(`wp/v2/posts?slug=${specialPosts.passwordProtected}&_fields=id`);
		const {body: comments} = await demo.rest<Array<{content: {rendered: string}}>>(`wp/v2/comments?post=${posts[0]!.id}&password=sesame`);
		assert.equal(comments.filter(found => found.content.rendered.includes(text)).length, 1, 'the blog holds it once');
	});

	test('the list marks it "Protected:", as WordPress’s own list does', async () => {
		for (let page = 1; page <= 10; page++) {
			const run = await runInProcess([demo.url, '--list', '--page', String(page), '--width', '80']);
			if (run.stdout.includes('Compost Recipe')) return assert.match(run.stdout, /^Protected: The Committee’s Compost Recipe$/m);
		}
		assert.fail('the protected post is on a list page');
	});
});
