import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {theme} from '../../source/render/theme.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {runInProcess} from './run-cli.js';

// A test file shares its process with others (scripts/run-tests.mjs): a command line run in it must
// leave the theme it chose (--color never, --theme) to itself, or the next file's screens are drawn
// without their colours (a search's current match lost its yellow in a shared process).
let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

test('a command line run in the test process leaves the theme as it found it, whatever colours it chose', async () => {
	const before = theme;
	for (const flags of [['--color', 'never'], ['--theme', 'high-contrast'], ['--theme', '16-colour']]) {
		const run = await runInProcess([demo.url, '--list', ...flags]);
		assert.equal(run.code, 0, run.stderr);
		assert.equal(theme, before, `after ${flags.join(' ')}`);
	}
});
