import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {controlCharacters, runInProcess} from './run-cli.js';

let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

const osc8 = /\u001B\]8;;([^\u0007]*)\u0007/g;
// "A Field Guide to the Terminal Garden": thirteen links, two of them its images.
const fieldGuide = '59';

describe('links in print mode', () => {
	test('no hyperlinks unless asked: not by default, not with --hyperlinks auto, even where the terminal supports them', async () => {
		for (const extra of [[], ['--hyperlinks', 'auto']]) {
			const run = await runInProcess([demo.url, '--post', fieldGuide, ...extra], {env: {TERM: 'xterm-kitty', FORCE_HYPERLINK: '1'}});
			assert.equal(run.code, 0);
			assert.doesNotMatch(run.stdout, controlCharacters);
		}
	});

	test('--hyperlinks always: link text and the numbered URLs are OSC 8 hyperlinks to the post’s links, and only they', async () => {
		const run = await runInProcess([demo.url, '--post', fieldGuide, '--hyperlinks', 'always', '--comments']);
		assert.equal(run.code, 0);
		const targets = [...run.stdout.matchAll(osc8)].map(match => match[1]).filter(Boolean);
		assert.ok(targets.includes('https://github.com/tmux/tmux/wiki'));
		assert.ok(targets.includes(new URL('2024/09/30/a-tmux-layout-for-garden-chores/', demo.url).href));
		assert.match(run.stdout, /^\[10\] \u001B\]8;;https:\/\/git-scm\.com\/book\/en\/v2\u0007https:\/\/git-scm\.com\/book\/en\/v2\u001B\]8;;\u0007$/m);
		// Nothing but hyperlinks is added: taken out, the text is the text without them.
		const plain = await runInProcess([demo.url, '--post', fieldGuide, '--comments']);
		assert.equal(run.stdout.replace(osc8, ''), plain.stdout);
	});

	test('--hyperlinks always on --list makes each post’s link a hyperlink', async () => {
		const run = await runInProcess([demo.url, '--list', '--hyperlinks', 'always']);
		assert.equal(run.code, 0);
		const lines = run.stdout.split('\n').filter(line => line.includes('\u001B]8;;'));
		assert.equal(lines.length, 10);
		for (const line of lines) assert.match(line, /^\u001B\]8;;(http:\/\/127\.0\.0\.1:\d+\/\S+)\u0007\1\u001B\]8;;\u0007$/);
	});

	test('--hyperlinks takes auto, always or never; anything else is a usage error', async () => {
		const run = await runInProcess([demo.url, '--list', '--hyperlinks', 'sometimes']);
		assert.equal(run.code, 2);
		assert.equal(run.stderr, 'blogterm: --hyperlinks is auto, always or never, not “sometimes”\n');
	});
});
